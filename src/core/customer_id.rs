//! The iManage Customer ID: assigned by iManage, usually a small number, easily confused
//! with other identifiers.

use serde::{Deserialize, Serialize};

use super::finding::{Field, Finding, FindingCode, FixAction};
use super::text;

/// What the core made of the Customer ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerIdReport {
    pub input: String,
    /// The ID as it goes into the support request (trimmed).
    pub value: String,
    pub findings: Vec<Finding>,
}

/// Reads the Customer ID. Empty input gives `None`: fine while typing, but the support
/// request lists it as missing.
pub fn analyze_customer_id(raw: &str) -> Option<CustomerIdReport> {
    let cleaned = text::clean(raw);
    let value = cleaned.text;
    if value.is_empty() {
        return None;
    }
    let mut findings = Vec::new();
    if !cleaned.removed.is_empty() {
        findings.push(Finding::warning(
            FindingCode::InvisibleCharactersRemoved,
            Field::CustomerId,
            text::removed_sentence("The Customer ID", &cleaned.removed),
            format!(
                "Check that {} is the Customer ID you meant.",
                text::excerpt(&value, text::QUOTE_LENGTH)
            ),
        ));
    }
    findings.extend(customer_id_findings(&value));
    Some(CustomerIdReport {
        input: raw.to_owned(),
        value,
        findings,
    })
}

fn customer_id_findings(value: &str) -> Option<Finding> {
    let field = Field::CustomerId;
    if value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hex_digits: String = value
        .chars()
        .filter(|c| !matches!(c, '-' | '{' | '}'))
        .collect();
    let all_hex = !hex_digits.is_empty() && hex_digits.chars().all(|c| c.is_ascii_hexdigit());
    if all_hex && hex_digits.len() == 32 && is_guid_shape(value) {
        return Some(Finding::warning(
            FindingCode::CustomerIdLooksLikeClientId,
            field,
            "The Customer ID looks like an application Client ID (a GUID), not an iManage Customer ID.",
            "Enter the Customer ID from your iManage onboarding documents; it is usually a number.",
        ));
    }
    if all_hex && hex_digits.len() == 32 && !value.contains(['-', '{']) {
        return Some(Finding::warning(
            FindingCode::CustomerIdLooksLikeShareId,
            field,
            "The Customer ID looks like an iManage Share company ID (32 letters and digits), not an iManage Customer ID.",
            "Enter the Customer ID from your iManage onboarding documents; it is usually a number.",
        ));
    }
    if value.contains("://") || value.contains('@') || value.starts_with("www.") {
        return Some(Finding::warning(
            FindingCode::CustomerIdLooksLikeAddress,
            field,
            "The Customer ID looks like a web or e-mail address.",
            "Enter only the ID, such as 1764.",
        ));
    }
    let finding = Finding::warning(
        FindingCode::CustomerIdNotDigits,
        field,
        format!(
            "The Customer ID \u{201C}{}\u{201D} {}; iManage Customer IDs are usually a number.",
            text::excerpt(value, text::QUOTE_LENGTH),
            not_only_digits(value)
        ),
        "Check the ID with your iManage administrator, or send it as it is if you are sure.",
    );
    Some(match the_number(value) {
        Some(number) => finding.with_action(FixAction::ReplaceText {
            label: format!("Use {number}"),
            text: number,
        }),
        None => finding,
    })
}

/// The number a Customer ID pasted with its label or punctuation stands for:
/// `Customer ID: 1764`, `#1764`, `1,764`, `17 64`. `None` when something else is in it.
fn the_number(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    for label in [
        "imanage customer id",
        "customer id",
        "customer no",
        "customer",
        "cid",
        "id",
    ] {
        if let Some(after) = rest.strip_prefix(label) {
            rest = after;
            break;
        }
    }
    let rest = rest.trim_start_matches(|c: char| {
        matches!(c, ':' | '#' | '-' | '=' | '.') || c.is_whitespace()
    });
    let number: String = rest
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{A0}'))
        .collect();
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && number != value)
        .then_some(number)
}

/// "is not only digits", or, when a character that is not a plain letter or digit is in
/// it (which a quoted ID does not show plainly), "contains a space, so it is not only
/// digits".
fn not_only_digits(value: &str) -> String {
    match value.chars().find(|c| !c.is_ascii_alphanumeric()) {
        Some(c) => format!(
            "contains {}, so it is not only digits",
            text::describe_char(c)
        ),
        None => "is not only digits".to_owned(),
    }
}

/// 8-4-4-4-12 hexadecimal groups.
fn is_guid_shape(value: &str) -> bool {
    let value = value.trim_start_matches('{').trim_end_matches('}');
    let groups: Vec<usize> = value.split('-').map(str::len).collect();
    groups == [8, 4, 4, 4, 12]
}

//! The reader's answers as a URL fragment (for "Copy link to these answers") and as a
//! saved draft: allow-listed keys only, percent-encoded, never the diagnosis pastes.
//! A fragment stays in the browser: it is not sent to the server that serves the page.

use crate::core::extract::percent_decode;
use crate::core::role::Role;
use crate::core::support_request::encode_mailto_component;
use crate::core::EnvironmentInput;

use super::field::FieldKey;
use super::prefill::Prefill;
use super::state::Answers;

/// Marks a fragment as this widget's: `#imanage-helper?env=…&customer=…`.
pub const FRAGMENT_PREFIX: &str = "imanage-helper?";

/// Fragments longer than this are ignored rather than parsed.
const MAX_LENGTH: usize = 16 * 1024;

/// The single-value keys and the field each restores.
const TEXT_KEYS: &[(&str, FieldKey)] = &[
    ("imanage", FieldKey::ImanageUrl),
    ("customer", FieldKey::CustomerId),
    ("version", FieldKey::Version),
    ("firm", FieldKey::FirmName),
    ("contact", FieldKey::ContactName),
    ("email", FieldKey::ContactEmail),
];

/// Encodes the answers (environments, iManage details, version, contact) as
/// `imanage-helper?env=…`; empty fields are left out.
pub fn encode(answers: &Answers) -> String {
    let mut pairs = Vec::new();
    for row in &answers.rows {
        if row.url.trim().is_empty() {
            continue;
        }
        let role = row.role.as_ref().map_or("", Role::key);
        pairs.push(format!(
            "env={}",
            encode_mailto_component(&format!("{role}={}", row.url))
        ));
    }
    for (key, field) in TEXT_KEYS {
        let value = answers.text(*field);
        if !value.is_empty() {
            pairs.push(format!("{key}={}", encode_mailto_component(value)));
        }
    }
    format!("{FRAGMENT_PREFIX}{}", pairs.join("&"))
}

/// Reads the answers a fragment (with or without the `#`) gives; `None` when the
/// fragment is not this widget's. Unknown keys are ignored.
pub fn decode(fragment: &str) -> Option<Prefill> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let query = fragment.strip_prefix(FRAGMENT_PREFIX)?;
    if query.len() > MAX_LENGTH {
        return None;
    }
    let mut prefill = Prefill::default();
    let mut rows = Vec::new();
    for pair in query.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = percent_decode(value);
        if key == "env" {
            let (role, url) = value.split_once('=').unwrap_or(("", value.as_str()));
            rows.push(EnvironmentInput {
                role: (!role.is_empty()).then(|| Role::parse(role)),
                url: url.to_owned(),
                version: None,
            });
        } else if let Some((_, field)) = TEXT_KEYS.iter().find(|(k, _)| *k == key) {
            if let Some(slot) = prefill.slot(*field) {
                *slot = Some(value);
            }
        }
    }
    if !rows.is_empty() {
        prefill.rows = Some(rows);
    }
    Some(prefill)
}

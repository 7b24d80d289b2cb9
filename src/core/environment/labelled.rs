//! What an environment entry's message says about the label before its address and the
//! note after it, and how a fix keeps them.

use crate::core::finding::{Field, Finding, FindingCode, FixAction};
use crate::core::label::Parts;
use crate::core::role::Role;
use crate::core::text::excerpt;

/// What is told about a label and a note around the address.
pub(super) fn label_findings(parts: &Parts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let quote = |text: &str| {
        format!(
            "\u{201C}{}\u{201D}",
            excerpt(text.trim(), LABEL_QUOTE_LENGTH)
        )
    };
    if !parts.label_name().is_empty() {
        let (message, fix) = match parts.role() {
            Some(role) => (
                format!(
                    "The label {} before the address was read as the role ({role}).",
                    quote(parts.label)
                ),
                "Nothing to do, unless the role shown is not this environment's.",
            ),
            None => (
                format!(
                    "The text {} before the address is not part of it and was left out.",
                    quote(parts.label)
                ),
                "Nothing to do.",
            ),
        };
        findings.push(Finding::info(
            FindingCode::LabelRead,
            Field::Environment,
            message,
            fix,
        ));
    }
    if !parts.note.is_empty() {
        findings.push(Finding::info(
            FindingCode::NoteLeftOut,
            Field::Environment,
            format!(
                "The text {} after the address is not part of it and was left out.",
                quote(parts.note)
            ),
            "Nothing to do.",
        ));
    }
    findings
}

/// A label that names another role than the one chosen: the reader is asked which is right.
pub(super) fn label_differs(
    findings: &mut [Finding],
    parts: &Parts,
    chosen: &Role,
    labelled: &Role,
) {
    if let Some(finding) = findings
        .iter_mut()
        .find(|f| f.code == FindingCode::LabelRead)
    {
        *finding = Finding::warning(
            FindingCode::LabelRoleDiffers,
            Field::Environment,
            format!(
                "The label \u{201C}{}\u{201D} before the address names {labelled}, but the role chosen is {chosen}.",
                excerpt(parts.label.trim(), LABEL_QUOTE_LENGTH)
            ),
            "Check which environment this is, and correct the role or the label.",
        );
    }
}

/// A fix rewrites the row, so it keeps the reader's label and note around the new address.
pub(super) fn keep_label(mut findings: Vec<Finding>, parts: &Parts) -> Vec<Finding> {
    if parts.label.is_empty() && parts.note.is_empty() {
        return findings;
    }
    for finding in &mut findings {
        if let Some(FixAction::ReplaceText { text, .. }) = &mut finding.action {
            let note = if parts.note.is_empty() {
                String::new()
            } else {
                format!(" {}", parts.note)
            };
            *text = format!("{}{text}{note}", parts.label);
        }
    }
    findings
}

/// How much of a label or a note a message quotes.
pub(super) const LABEL_QUOTE_LENGTH: usize = 40;

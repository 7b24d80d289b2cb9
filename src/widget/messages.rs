//! What shows at each field: the rule book's findings once the field is revealed (the
//! reader left it, paused or pasted), and, once the reader asked for the request, what is
//! still missing, so every item of the error summary is also at its field.

use crate::core::{Finding, Severity, SupportRequest};

use super::field::FieldKey;
use super::state::State;

/// The messages under one field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMessages {
    pub findings: Vec<Finding>,
    /// A required answer that is missing, in the words of the error summary.
    pub missing: Option<String>,
}

impl FieldMessages {
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty() && self.missing.is_none()
    }

    /// Whether the field is marked invalid.
    pub fn invalid(&self) -> bool {
        self.missing.is_some() || self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// The messages `field` shows, given the rule book's `findings` about it.
pub fn field_messages(
    state: &State,
    field: FieldKey,
    findings: &[Finding],
    request: &SupportRequest,
) -> FieldMessages {
    if !state.shows(field) {
        return FieldMessages::default();
    }
    let first_row = state.answers().first_row_id();
    let missing = state
        .asked_for_request()
        .then(|| {
            request
                .missing
                .iter()
                .filter(|m| m.required)
                .find(|m| FieldKey::from_finding(m.field, None, first_row) == field)
                .map(|m| m.message.clone())
        })
        .flatten();
    FieldMessages {
        findings: findings.to_vec(),
        missing,
    }
}

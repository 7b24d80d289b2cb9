//! What shows at each field: the rule book's findings once the field is revealed (the
//! reader left it, paused or pasted), and, once the reader asked for the request, what is
//! still missing, so every item of the error summary is also at its field.

use crate::core::{Finding, Report, Severity, SupportRequest};

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

/// The error summary's items, once the reader asked for the request while something
/// blocks it: each names its field (the link's target) and says what to fix, in the
/// order of the form. Empty when there is no summary to show.
pub fn error_summary(state: &State, report: &Report) -> Vec<(FieldKey, String)> {
    let request = &report.support_request;
    if !state.asked_for_request() || request.ready {
        return Vec::new();
    }
    let answers = state.answers();
    let first_row = answers.first_row_id();
    let entries = &report.environments.entries;
    let mut items = Vec::new();
    for blocker in &request.blockers {
        let entry = blocker.entry.and_then(|i| entries.get(i));
        let row = entry.and_then(|entry| answers.row_id(entry.row));
        let message = match entry {
            Some(entry) => format!("Environment {}: {}", entry.row + 1, blocker.message),
            None => blocker.message.clone(),
        };
        items.push((
            FieldKey::from_finding(blocker.field, row, first_row),
            message,
        ));
    }
    for missing in request.missing.iter().filter(|m| m.required) {
        items.push((
            FieldKey::from_finding(missing.field, None, first_row),
            missing.message.clone(),
        ));
    }
    // In the order of the page (GOV.UK): the rows as they stand, then the other fields
    // as the form asks for them; a field's own items keep their order. A short list,
    // put in order by insertion (a general sort would cost the download more).
    let place = |field: &FieldKey| match field {
        FieldKey::RowUrl(id) | FieldKey::RowVersion(id) => (
            0,
            answers.rows.iter().position(|r| r.id == *id).unwrap_or(0),
            u8::from(matches!(field, FieldKey::RowVersion(_))),
        ),
        other => (1, 0, other.order()),
    };
    let mut ordered: Vec<(FieldKey, String)> = Vec::with_capacity(items.len());
    for item in items {
        let at = ordered
            .iter()
            .position(|(field, _)| place(field) > place(&item.0))
            .unwrap_or(ordered.len());
        ordered.insert(at, item);
    }
    ordered
}

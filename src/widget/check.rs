//! "Check your answers": the rows the request step shows before the reader sends the
//! request, each with its question, the answer (or why there is none) and the field its
//! Change link goes to. The shell only renders them.

use crate::core::{Finding, Report};

use super::field::FieldKey;
use super::state::Answers;

/// One redirect URI in the list of answers, with the role that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UriAnswer {
    pub label: String,
    pub uri: String,
}

/// What a row shows as its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Text(String),
    RedirectUris(Vec<UriAnswer>),
    /// Nothing usable yet for an answer the request needs: the words say so.
    Missing(&'static str),
    /// Not given, and the request goes without it: the words say so, and nothing marks
    /// it as an error.
    NotGiven(&'static str),
}

/// One row of "Check your answers".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub question: &'static str,
    pub answer: Answer,
    /// The field the Change link focuses.
    pub change: FieldKey,
    /// What the Change link changes, for assistive technology ("Change environments").
    pub change_what: &'static str,
    /// The answer has an error to fix (said at its field): the row says so too.
    pub problem: bool,
}

impl CheckRow {
    pub fn missing(&self) -> bool {
        matches!(self.answer, Answer::Missing(_) | Answer::NotGiven(_))
    }
}

fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

impl Answer {
    /// The same answer, where a missing one is not needed for the request.
    fn optional(self) -> Answer {
        match self {
            Answer::Missing(words) => Answer::NotGiven(words),
            other => other,
        }
    }
}

fn or_missing(value: Option<String>, missing: &'static str) -> Answer {
    value.map_or(Answer::Missing(missing), Answer::Text)
}

/// The rows in the order the request lists them: what iManage needs first, then the
/// optional contact.
pub fn check_rows(answers: &Answers, report: &Report) -> Vec<CheckRow> {
    let uris: Vec<UriAnswer> = report
        .environments
        .registrations
        .iter()
        .map(|r| UriAnswer {
            label: r
                .role
                .as_ref()
                .map_or("Environment", |role| role.label())
                .to_owned(),
            uri: r.redirect_uri.as_str().to_owned(),
        })
        .collect();
    let contact = [
        answers.firm_name.trim(),
        answers.contact_name.trim(),
        answers.contact_email.trim(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    vec![
        CheckRow {
            question: FieldKey::CustomerId.label(),
            answer: or_missing(
                report.customer_id.as_ref().map(|c| c.value.clone()),
                "Not entered yet",
            ),
            change: FieldKey::CustomerId,
            change_what: FieldKey::CustomerId.label(),
            problem: report
                .customer_id
                .as_ref()
                .is_some_and(|c| has_error(&c.findings)),
        },
        CheckRow {
            question: "Redirect URIs",
            answer: if uris.is_empty() {
                Answer::Missing("None yet")
            } else {
                Answer::RedirectUris(uris)
            },
            change: FieldKey::RowUrl(answers.first_row_id()),
            change_what: "environments",
            problem: report.environments.entries.iter().any(|e| e.has_error())
                || has_error(&report.environments.findings),
        },
        CheckRow {
            question: FieldKey::ImanageUrl.label(),
            answer: or_missing(
                report
                    .imanage
                    .as_ref()
                    .map(|r| r.url.clone().unwrap_or_else(|| r.cleaned.clone())),
                "Not entered yet",
            ),
            change: FieldKey::ImanageUrl,
            change_what: FieldKey::ImanageUrl.label(),
            problem: report
                .imanage
                .as_ref()
                .is_some_and(|r| has_error(&r.findings)),
        },
        CheckRow {
            question: FieldKey::Version.label(),
            answer: or_missing(
                report
                    .version
                    .version
                    .as_ref()
                    .map(|_| report.version.reason.clone()),
                "Not entered (recommended)",
            )
            .optional(),
            change: FieldKey::Version,
            change_what: FieldKey::Version.label(),
            problem: has_error(&report.version.findings),
        },
        CheckRow {
            question: "Firm and contact",
            answer: or_missing(
                (!contact.is_empty()).then_some(contact),
                "Not given (optional)",
            )
            .optional(),
            change: FieldKey::FirmName,
            change_what: "firm and contact",
            problem: has_error(&report.contact_findings),
        },
    ]
}

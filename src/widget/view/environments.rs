//! What the environments section shows: each row's role, address, redirect URIs and
//! messages, its own version behind a summary, and the findings about the list.

use crate::core::{ConfigPath, EnvironmentReport, Finding, Report, Role, VersionReport};

use crate::widget::field::{FieldKey, RowId};
use crate::widget::messages::field_messages;
use crate::widget::state::State;
use crate::widget::status::count;

/// The role select's options: its value and what it shows.
pub const ROLE_OPTIONS: [(&str, &str); 5] = [
    ("production", "Production"),
    ("uat", "UAT"),
    ("training", "Training"),
    ("test", "Test"),
    ("other", "Other"),
];

/// The role select's value for a role.
pub fn role_value(role: &Role) -> &str {
    match role {
        Role::Other(_) => "other",
        named => named.key(),
    }
}

/// The role a select value stands for; none for "Choose a role".
pub fn role_from_value(value: &str) -> Option<Role> {
    match value {
        "" => None,
        "other" => Some(Role::Other(String::new())),
        key => Some(Role::parse(key)),
    }
}

/// The whole section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvironmentsView {
    pub rows: Vec<RowView>,
    /// Every distinct redirect URI, in the order entered, for "Copy all redirect URIs".
    pub all_uris: Vec<String>,
    /// Findings about the list as a whole, once any row's messages show.
    pub findings: Vec<Finding>,
    /// What the last paste left out (lines with no address), kept in view under the rows.
    pub left_out: Option<String>,
}

impl EnvironmentsView {
    pub fn new(state: &State, report: &Report) -> Self {
        let answers = state.answers();
        let rows = answers.rows.len();
        let environments = &report.environments;
        // Where each row's entries start and end in the report, found in one pass (a
        // pasted list can make a thousand rows); entries come in row order.
        let mut ranges: Vec<std::ops::Range<usize>> = vec![0..0; rows];
        for (position, entry) in environments.entries.iter().enumerate() {
            if let Some(range) = ranges.get_mut(entry.row) {
                if range.start == range.end {
                    *range = position..position;
                }
                range.end = position + 1;
            }
        }
        let rows = answers
            .rows
            .iter()
            .zip(ranges)
            .enumerate()
            .map(|(index, (row, range))| {
                let entries = environments.entries.get(range).unwrap_or_default();
                let url = FieldKey::RowUrl(row.id);
                // With no environment at all, the first row says so once the reader asks.
                let missing = (index == 0)
                    .then(|| field_messages(state, url, &[], &report.support_request).missing)
                    .flatten();
                RowView::new(state, index, row, entries, missing, rows > 1)
            })
            .collect();
        EnvironmentsView {
            rows,
            all_uris: environments
                .registrations
                .iter()
                .map(|r| r.redirect_uri.as_str().to_owned())
                .collect(),
            findings: if state.shows_environments() {
                environments.findings.clone()
            } else {
                Vec::new()
            },
            left_out: state
                .progress()
                .announcement
                .as_ref()
                .and_then(|a| a.left_out_text()),
        }
    }

    /// What "Copy all redirect URIs" says it copied.
    pub fn all_copied_message(&self) -> String {
        format!(
            "{} copied, one per line.",
            count(self.all_uris.len(), "redirect URI", "redirect URIs")
        )
    }
}

/// One environment row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    pub id: RowId,
    /// The row's number on screen, from 1.
    pub number: usize,
    /// The role chosen, or else the one suggested from the address.
    pub role: Option<Role>,
    /// The role shown is a suggestion, not the reader's choice.
    pub suggested: bool,
    /// The name the reader gave an "Other" role: its own field shows.
    pub other_name: Option<String>,
    /// How buttons and messages name the row: "environment 2 (UAT)".
    pub name: String,
    pub url: String,
    pub removable: bool,
    /// The address is marked invalid.
    pub invalid: bool,
    /// The address has messages to point to.
    pub described: bool,
    /// No environment is entered at all (the first row, once the reader asked).
    pub missing: Option<String>,
    /// What the address gives: one entry, or several when a list was pasted into it.
    pub entries: Vec<EntryView>,
    pub version: VersionView,
}

/// One address in a row and the redirect URI it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryView {
    /// Its position in the row (several when a list was pasted in).
    pub part: usize,
    /// The address as read, shown when one box holds several.
    pub cleaned: Option<String>,
    pub redirect_uri: Option<String>,
    /// Names the redirect URI for its copy button: "UAT", "environment 2".
    pub label: String,
    pub findings: Vec<Finding>,
}

/// A row's own version: most environments run the one version, so the field waits behind
/// a summary, open once it holds something (or has something to say).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionView {
    pub value: String,
    pub findings: Vec<Finding>,
    /// The path that version decides, and why.
    pub decision: Option<String>,
    pub open: bool,
}

impl RowView {
    fn new(
        state: &State,
        index: usize,
        row: &crate::widget::state::EnvironmentRow,
        entries: &[EnvironmentReport],
        missing: Option<String>,
        several_rows: bool,
    ) -> Self {
        let number = index + 1;
        let suggested = if row.role.is_none() {
            entries.first().and_then(|e| e.role.clone())
        } else {
            None
        };
        let is_suggested = suggested.is_some();
        let role = row.role.clone().or(suggested);
        let name = match &role {
            Some(role) => format!("environment {number} ({})", role.label()),
            None => format!("environment {number}"),
        };
        let shown = state.shows(FieldKey::RowUrl(row.id));
        let version = VersionView::new(
            &row.version,
            entries.first().and_then(|e| e.version.as_ref()),
            state.shows(FieldKey::RowVersion(row.id)),
        );
        let several = entries.len() > 1;
        let entries: Vec<EntryView> = entries
            .iter()
            .map(|entry| EntryView {
                part: entry.part,
                cleaned: several.then(|| entry.cleaned.clone()),
                redirect_uri: entry.redirect_uri.as_ref().map(|u| u.as_str().to_owned()),
                label: entry
                    .role
                    .as_ref()
                    .map_or(format!("environment {number}"), |r| r.label().to_owned()),
                findings: if shown {
                    entry.findings.clone()
                } else {
                    Vec::new()
                },
            })
            .collect();
        let invalid = missing.is_some()
            || entries
                .iter()
                .any(|e| e.findings.iter().any(Finding::is_error));
        let described = missing.is_some() || entries.iter().any(|e| !e.findings.is_empty());
        RowView {
            id: row.id,
            number,
            other_name: match &row.role {
                Some(Role::Other(name)) => Some(name.clone()),
                _ => None,
            },
            suggested: is_suggested,
            role,
            name,
            url: row.url.clone(),
            removable: several_rows || !row.url.is_empty(),
            invalid,
            described,
            missing,
            entries,
            version,
        }
    }
}

impl VersionView {
    fn new(value: &str, report: Option<&VersionReport>, shown: bool) -> Self {
        let findings = report
            .filter(|_| shown)
            .map(|r| r.findings.clone())
            .unwrap_or_default();
        let decision = report
            .filter(|r| r.path != ConfigPath::Undecided)
            .map(|r| r.reason.clone());
        VersionView {
            open: !value.is_empty() || !findings.is_empty(),
            value: value.to_owned(),
            findings,
            decision,
        }
    }

    /// The field is marked invalid.
    pub fn invalid(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

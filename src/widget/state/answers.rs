//! The reader's answers: the environment rows and every other field, how a prefill, a
//! paste, a fix or a removal changes them, and the request they make for the rule book.

use crate::core::diagnosis::{ConnectionChoice, DiagnosisInput};
use crate::core::environment::{sort_pasted, EnvironmentInput, PastedKind};
use crate::core::label;
use crate::core::role::{role_from_host, Role};
use crate::core::text::{excerpt, split_entries, trim_junk};
use crate::core::{AnalysisRequest, FixAction, Timestamp};

use super::super::field::{FieldKey, RowId};
use super::super::prefill::Prefill;
use super::{paste_room, FocusTarget, Setup, LEFT_OUT_QUOTED, LEFT_OUT_QUOTE_LENGTH, MAX_ROWS};

/// One environment row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvironmentRow {
    pub id: RowId,
    /// The role the reader chose; `None` shows the suggestion.
    pub role: Option<Role>,
    pub url: String,
    /// The environment's own version; empty when the version field applies.
    pub version: String,
}

/// What the reader entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub rows: Vec<EnvironmentRow>,
    pub(super) next_id: RowId,
    pub imanage_url: String,
    pub customer_id: String,
    pub version: String,
    pub firm_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub registered: String,
    pub failing: String,
    pub submitted_at: String,
    pub connection: Option<ConnectionChoice>,
}

/// What a paste into a row did.
#[derive(Debug, Default)]
pub(super) struct Pasted {
    /// The rows it filled.
    pub(super) filled: Vec<RowId>,
    /// How many addresses it held.
    pub(super) addresses: usize,
    /// How many of its lines held no address, and the first few of them.
    pub(super) left_out: usize,
    pub(super) left_out_quotes: Vec<String>,
    /// Other services' domains and a signature's addresses it left out.
    pub(super) other_services: Vec<String>,
    pub(super) signature: Vec<String>,
}

/// The iManage URL the form starts with.
pub const DEFAULT_IMANAGE_URL: &str = crate::core::imanage::STANDARD_URL;

impl Default for Answers {
    fn default() -> Self {
        Answers {
            rows: vec![EnvironmentRow {
                id: 0,
                role: Some(Role::Production),
                url: String::new(),
                version: String::new(),
            }],
            next_id: 1,
            imanage_url: DEFAULT_IMANAGE_URL.to_owned(),
            customer_id: String::new(),
            version: String::new(),
            firm_name: String::new(),
            contact_name: String::new(),
            contact_email: String::new(),
            registered: String::new(),
            failing: String::new(),
            submitted_at: String::new(),
            connection: None,
        }
    }
}

impl Answers {
    /// Fictitious answers for "Try an example": every name is on reserved example domains.
    pub fn example() -> Answers {
        let mut answers = Answers {
            rows: Vec::new(),
            next_id: 0,
            imanage_url: "https://acme.cloudimanage.com".into(),
            customer_id: "1764".into(),
            version: "7.10".into(),
            firm_name: "Acme Legal LLP (example)".into(),
            contact_name: "Sam Example".into(),
            contact_email: "sam@acme-legal.example".into(),
            ..Answers::default()
        };
        for (role, url) in [
            (Role::Production, "https://acme.clio-operate.example"),
            (Role::Uat, "https://acme-uat.clio-operate.example"),
            (Role::Training, "https://acme-training.clio-operate.example"),
        ] {
            let row = answers.new_row(Some(role), url.into());
            answers.rows.push(row);
        }
        answers
    }

    /// The row id at a report row index.
    pub fn row_id(&self, index: usize) -> Option<RowId> {
        self.rows.get(index).map(|r| r.id)
    }

    /// The first row's id (a form always has a row).
    /// The same answers, whatever ids the rows were given.
    pub fn same_as(&self, other: &Answers) -> bool {
        let plain = |answers: &Answers| {
            let mut answers = answers.clone();
            for (i, row) in answers.rows.iter_mut().enumerate() {
                row.id = i as RowId;
            }
            answers.next_id = 0;
            answers
        };
        plain(self) == plain(other)
    }

    pub fn first_row_id(&self) -> RowId {
        self.rows.first().map_or(0, |r| r.id)
    }

    /// What the reader entered in `field`; empty for a row that no longer exists.
    pub fn text(&self, field: FieldKey) -> &str {
        match field {
            FieldKey::RowUrl(id) => self.row(id).map_or("", |r| r.url.as_str()),
            FieldKey::RowVersion(id) => self.row(id).map_or("", |r| r.version.as_str()),
            FieldKey::ImanageUrl => &self.imanage_url,
            FieldKey::CustomerId => &self.customer_id,
            FieldKey::Version => &self.version,
            FieldKey::FirmName => &self.firm_name,
            FieldKey::ContactName => &self.contact_name,
            FieldKey::ContactEmail => &self.contact_email,
            FieldKey::Registered => &self.registered,
            FieldKey::Failing => &self.failing,
            FieldKey::SubmittedAt => &self.submitted_at,
        }
    }

    pub(super) fn row(&self, id: RowId) -> Option<&EnvironmentRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub(super) fn text_mut(&mut self, field: FieldKey) -> Option<&mut String> {
        Some(match field {
            FieldKey::RowUrl(id) => &mut self.rows.iter_mut().find(|r| r.id == id)?.url,
            FieldKey::RowVersion(id) => &mut self.rows.iter_mut().find(|r| r.id == id)?.version,
            FieldKey::ImanageUrl => &mut self.imanage_url,
            FieldKey::CustomerId => &mut self.customer_id,
            FieldKey::Version => &mut self.version,
            FieldKey::FirmName => &mut self.firm_name,
            FieldKey::ContactName => &mut self.contact_name,
            FieldKey::ContactEmail => &mut self.contact_email,
            FieldKey::Registered => &mut self.registered,
            FieldKey::Failing => &mut self.failing,
            FieldKey::SubmittedAt => &mut self.submitted_at,
        })
    }

    pub(super) fn new_row(&mut self, role: Option<Role>, url: String) -> EnvironmentRow {
        let id = self.next_id;
        self.next_id += 1;
        EnvironmentRow {
            id,
            role,
            url,
            version: String::new(),
        }
    }

    pub(super) fn position(&self, id: RowId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// The request for the rule book, with the host's setup, stamped with `now`.
    pub fn to_request(&self, setup: &Setup, now: Option<Timestamp>) -> AnalysisRequest {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        AnalysisRequest {
            environments: self
                .rows
                .iter()
                .map(|row| EnvironmentInput {
                    role: row.role.clone(),
                    url: row.url.clone(),
                    version: some(&row.version),
                })
                .collect(),
            imanage_url: some(&self.imanage_url),
            customer_id: some(&self.customer_id),
            version: some(&self.version),
            firm_name: some(&self.firm_name),
            contact_name: some(&self.contact_name),
            contact_email: some(&self.contact_email),
            support_email: some(&setup.support_email),
            generated_at: now,
            diagnosis: Some(DiagnosisInput {
                registered: some(&self.registered),
                failing: some(&self.failing),
                submitted_at: some(&self.submitted_at),
                connection: self.connection,
                utc_offset_minutes: Some(setup.utc_offset_minutes),
            }),
        }
    }

    /// Sets every field the prefill names.
    pub(super) fn apply(&mut self, prefill: Prefill) {
        if let Some(rows) = prefill.rows {
            self.replace_rows(rows);
        }
        for (target, value) in [
            (&mut self.imanage_url, prefill.imanage_url),
            (&mut self.customer_id, prefill.customer_id),
            (&mut self.version, prefill.version),
            (&mut self.firm_name, prefill.firm_name),
            (&mut self.contact_name, prefill.contact_name),
            (&mut self.contact_email, prefill.contact_email),
        ] {
            if let Some(value) = value {
                *target = value;
            }
        }
    }

    pub(super) fn replace_rows(&mut self, rows: Vec<EnvironmentInput>) {
        self.rows.clear();
        for input in rows.into_iter().take(MAX_ROWS) {
            let mut row = self.new_row(input.role, input.url);
            row.version = input.version.unwrap_or_default();
            self.rows.push(row);
        }
        self.keep_a_row();
    }

    /// A form always has a row to type in.
    pub(super) fn keep_a_row(&mut self) {
        if self.rows.is_empty() {
            let row = self.new_row(Some(Role::Production), String::new());
            self.rows.push(row);
        }
    }

    /// Where focus goes once row `id` is removed: the row that followed it; the fresh
    /// row when it was the only one; otherwise "Add environment".
    pub(super) fn focus_after_removing(&self, id: RowId) -> FocusTarget {
        let Some(i) = self.position(id) else {
            return FocusTarget::AddEnvironment;
        };
        match self.rows.get(i + 1) {
            Some(next) => FocusTarget::Field(FieldKey::RowUrl(next.id)),
            None if self.rows.len() == 1 => FocusTarget::Field(FieldKey::RowUrl(self.next_id)),
            None => FocusTarget::AddEnvironment,
        }
    }

    /// Where focus goes after a one-click fix: it stays on the fixed field, unless the
    /// fix removes that field's row.
    pub(super) fn focus_after_fix(&self, target: FieldKey, action: &FixAction) -> FocusTarget {
        match (action, target) {
            (FixAction::RemoveRow { .. }, FieldKey::RowUrl(id)) => self.focus_after_removing(id),
            _ => FocusTarget::Field(target),
        }
    }

    pub(super) fn remove_row(&mut self, id: RowId) {
        if let Some(i) = self.position(id) {
            self.rows.remove(i);
        }
        self.keep_a_row();
    }

    /// Fills row `id` with `text`, a list becoming rows; with `leave_out_prose`, the
    /// lines of a pasted list that hold no address (a greeting, a name, a sign-off) are
    /// left out and counted, never made rows.
    pub(super) fn paste_into_row(
        &mut self,
        id: RowId,
        text: &str,
        leave_out_prose: bool,
    ) -> Pasted {
        let Some(i) = self.position(id) else {
            return Pasted::default();
        };
        let entries = split_entries(text);
        if entries.len() <= 1 {
            self.rows[i].url = text.to_owned();
            return Pasted {
                filled: vec![id],
                addresses: entries.len(),
                ..Pasted::default()
            };
        }
        let mut pasted = Pasted::default();
        let entries: Vec<&str> = if leave_out_prose {
            let mut rows = Vec::new();
            for (entry, kind) in sort_pasted(text) {
                let named = match kind {
                    PastedKind::Row => {
                        rows.push(entry);
                        continue;
                    }
                    PastedKind::Prose => {
                        if pasted.left_out < LEFT_OUT_QUOTED {
                            let quote = excerpt(trim_junk(entry), LEFT_OUT_QUOTE_LENGTH);
                            pasted.left_out_quotes.push(quote);
                        }
                        pasted.left_out += 1;
                        continue;
                    }
                    PastedKind::OtherService(domain) => {
                        (&mut pasted.other_services, domain.to_owned())
                    }
                    PastedKind::Signature(host) => (&mut pasted.signature, host),
                };
                if !named.0.contains(&named.1) {
                    named.0.push(named.1);
                }
            }
            rows
        } else {
            entries
        };
        pasted.addresses = entries.len();
        if entries.is_empty() {
            return pasted;
        }
        let keep_role = self.rows[i].role.clone();
        let room = paste_room(self.rows.len());
        let mut new_rows = Vec::with_capacity(entries.len().min(room));
        for (n, entry) in entries.iter().take(room).enumerate() {
            let entry = entry.trim().to_owned();
            let labelled = label::split(&entry).role();
            let suggested = labelled.clone().or_else(|| suggest_role(&entry));
            if n == 0 {
                // A label the reader pasted names the role; a host name's word only
                // fills a row that was empty.
                let role = if labelled.is_some()
                    || (self.rows[i].url.trim().is_empty() && suggested.is_some())
                {
                    suggested
                } else {
                    keep_role.clone()
                };
                // The pasted row keeps its own version; new rows have none yet.
                new_rows.push(EnvironmentRow {
                    id,
                    role,
                    url: entry,
                    version: self.rows[i].version.clone(),
                });
            } else {
                new_rows.push(self.new_row(suggested, entry));
            }
        }
        pasted.filled = new_rows.iter().map(|r| r.id).collect();
        self.rows.splice(i..=i, new_rows);
        pasted
    }

    /// Typing a label before an address names the row's role, as pasting it does: when
    /// the label's role changes, the row's role follows it.
    pub(super) fn follow_label(&mut self, field: FieldKey, text: &str) {
        let FieldKey::RowUrl(id) = field else {
            return;
        };
        let Some(i) = self.position(id) else {
            return;
        };
        let role_of = |text: &str| match split_entries(text).as_slice() {
            [entry] => label::split(entry).role(),
            _ => None,
        };
        let role = role_of(text);
        if role.is_some() && role != role_of(&self.rows[i].url) {
            self.rows[i].role = role;
        }
    }

    /// A fix names its field by key: a row's fixes act on that row, wherever it now is.
    pub(super) fn apply_fix(&mut self, target: FieldKey, action: FixAction) {
        match (action, target) {
            (FixAction::ReplaceText { text, .. }, target) => {
                if let Some(slot) = self.text_mut(target) {
                    *slot = text;
                }
            }
            (FixAction::RemoveRow { .. }, FieldKey::RowUrl(id)) => self.remove_row(id),
            (FixAction::SplitRow { .. }, FieldKey::RowUrl(id)) => {
                if let Some(row) = self.row(id) {
                    let text = row.url.clone();
                    // Splitting keeps every entry: nothing the reader typed is left out.
                    let _ = self.paste_into_row(id, &text, false);
                }
            }
            // Removing or splitting applies to rows only.
            (FixAction::RemoveRow { .. } | FixAction::SplitRow { .. }, _) => {}
        }
    }
}

/// The role a pasted address suggests, from words in its host name (a label before it
/// is read by the caller).
fn suggest_role(entry: &str) -> Option<Role> {
    let (_, origin, _) = crate::core::environment::analyze_entry(entry);
    origin.and_then(|o| role_from_host(o.host()))
}

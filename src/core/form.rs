//! The state of one widget's form and the one reducer that changes it. Pure, so every
//! interaction can be tested natively; the UI only dispatches [`FormAction`]s.

use super::diagnosis::{ConnectionChoice, DiagnosisInput};
use super::environment::EnvironmentInput;
use super::finding::FixAction;
use super::role::{role_from_host, Role};
use super::text::split_entries;
use super::timestamp::Timestamp;
use super::AnalysisRequest;

/// The most environment rows a form holds; a longer pasted list keeps its first ones,
/// and the reader is told how many were left out.
pub const MAX_ROWS: usize = 1_000;

/// How many rows a list pasted into one row of a form with `rows` rows can fill: that
/// row and the room left, and always at least the one row.
pub fn paste_room(rows: usize) -> usize {
    MAX_ROWS.saturating_sub(rows.saturating_sub(1)).max(1)
}

/// Identifies an environment row for the life of the form (indices shift on removal).
pub type RowId = u32;

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

/// The field a one-click fix applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixTarget {
    Row(RowId),
    ImanageUrl,
    CustomerId,
    Version,
}

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    ImanageUrl,
    CustomerId,
    Version,
    FirmName,
    ContactName,
    ContactEmail,
    /// The diagnosis: the URIs iManage confirmed.
    Registered,
    /// The diagnosis: the failing address or error text.
    Failing,
    /// The diagnosis: when the request was submitted.
    SubmittedAt,
}

/// Everything the reader can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormAction {
    SetRowUrl {
        id: RowId,
        url: String,
    },
    SetRowRole {
        id: RowId,
        role: Option<Role>,
    },
    /// The environment's own version, when it differs from the version field.
    SetRowVersion {
        id: RowId,
        version: String,
    },
    AddRow,
    RemoveRow {
        id: RowId,
    },
    /// A paste into a row: a list becomes one row per address, from this row on.
    PasteIntoRow {
        id: RowId,
        text: String,
    },
    SetText {
        field: TextField,
        text: String,
    },
    /// The connection setting chosen in Manage Linked Services (diagnosis).
    SetConnection(Option<ConnectionChoice>),
    /// Keep (or stop keeping) a draft in this browser tab.
    SetKeepDraft(bool),
    ApplyFix {
        target: FixTarget,
        action: FixAction,
    },
    /// The embedding page changed its options: set what they name.
    ApplyOptions(Box<super::options::MountOptions>),
    /// The reader asked for the support request: from now on errors are summarised.
    AskForRequest,
    /// The request was copied, downloaded or opened in e-mail.
    MarkDelivered,
    LoadExample,
    Reset,
}

/// The form's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormState {
    pub rows: Vec<EnvironmentRow>,
    next_id: RowId,
    pub imanage_url: String,
    pub customer_id: String,
    pub version: String,
    pub firm_name: String,
    pub contact_name: String,
    pub contact_email: String,
    /// Set by the embedding page, not by the reader.
    pub support_email: String,
    pub registered: String,
    pub failing: String,
    pub submitted_at: String,
    pub connection: Option<ConnectionChoice>,
    /// The browser's offset from UTC in minutes (east positive), for local times.
    pub utc_offset_minutes: i32,
    /// The reader chose to keep a draft in this browser tab.
    pub keep_draft: bool,
    /// How many times the reader has asked for the support request; each time moves
    /// focus to the error summary again.
    pub request_attempts: u32,
    /// True once the request was copied, downloaded or opened in e-mail.
    pub request_delivered: bool,
}

/// The iManage URL the form starts with.
pub const DEFAULT_IMANAGE_URL: &str = super::imanage::STANDARD_URL;

impl Default for FormState {
    fn default() -> Self {
        FormState {
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
            support_email: String::new(),
            registered: String::new(),
            failing: String::new(),
            submitted_at: String::new(),
            connection: None,
            utc_offset_minutes: 0,
            keep_draft: false,
            request_attempts: 0,
            request_delivered: false,
        }
    }
}

impl FormState {
    /// A form with the support address the embedding page configured.
    pub fn with_support_email(support_email: &str) -> Self {
        FormState {
            support_email: support_email.to_owned(),
            ..FormState::default()
        }
    }

    fn new_row(&mut self, role: Option<Role>, url: String) -> EnvironmentRow {
        let id = self.next_id;
        self.next_id += 1;
        EnvironmentRow {
            id,
            role,
            url,
            version: String::new(),
        }
    }

    fn position(&self, id: RowId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// The id the next added row will get.
    pub fn next_row_id(&self) -> RowId {
        self.next_id
    }

    /// Whether the reader has asked for the support request yet.
    pub fn asked_for_request(&self) -> bool {
        self.request_attempts > 0
    }

    /// The row id at a report row index.
    pub fn row_id(&self, index: usize) -> Option<RowId> {
        self.rows.get(index).map(|r| r.id)
    }

    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::ImanageUrl => &self.imanage_url,
            TextField::CustomerId => &self.customer_id,
            TextField::Version => &self.version,
            TextField::FirmName => &self.firm_name,
            TextField::ContactName => &self.contact_name,
            TextField::ContactEmail => &self.contact_email,
            TextField::Registered => &self.registered,
            TextField::Failing => &self.failing,
            TextField::SubmittedAt => &self.submitted_at,
        }
    }

    fn text_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::ImanageUrl => &mut self.imanage_url,
            TextField::CustomerId => &mut self.customer_id,
            TextField::Version => &mut self.version,
            TextField::FirmName => &mut self.firm_name,
            TextField::ContactName => &mut self.contact_name,
            TextField::ContactEmail => &mut self.contact_email,
            TextField::Registered => &mut self.registered,
            TextField::Failing => &mut self.failing,
            TextField::SubmittedAt => &mut self.submitted_at,
        }
    }

    /// The request for the core, stamped with `now`.
    pub fn to_request(&self, now: Option<Timestamp>) -> AnalysisRequest {
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
            support_email: some(&self.support_email),
            generated_at: now,
            diagnosis: Some(DiagnosisInput {
                registered: some(&self.registered),
                failing: some(&self.failing),
                submitted_at: some(&self.submitted_at),
                connection: self.connection,
                utc_offset_minutes: Some(self.utc_offset_minutes),
            }),
        }
    }

    /// Applies one action. Never discards what the reader typed except on `Reset` or an
    /// explicit fix or removal.
    pub fn reduce(mut self, action: FormAction) -> Self {
        match action {
            FormAction::SetRowUrl { id, url } => {
                if let Some(i) = self.position(id) {
                    self.rows[i].url = url;
                }
            }
            FormAction::SetRowRole { id, role } => {
                if let Some(i) = self.position(id) {
                    self.rows[i].role = role;
                }
            }
            FormAction::SetRowVersion { id, version } => {
                if let Some(i) = self.position(id) {
                    self.rows[i].version = version;
                }
            }
            FormAction::AddRow => {
                if self.rows.len() < MAX_ROWS {
                    let row = self.new_row(None, String::new());
                    self.rows.push(row);
                }
            }
            FormAction::RemoveRow { id } => {
                if let Some(i) = self.position(id) {
                    self.rows.remove(i);
                }
                if self.rows.is_empty() {
                    let row = self.new_row(Some(Role::Production), String::new());
                    self.rows.push(row);
                }
            }
            FormAction::PasteIntoRow { id, text } => self.paste_into_row(id, &text),
            FormAction::SetText { field, text } => *self.text_mut(field) = text,
            FormAction::SetConnection(choice) => self.connection = choice,
            FormAction::SetKeepDraft(keep) => self.keep_draft = keep,
            FormAction::ApplyOptions(options) => self = self.apply_options(&options),
            FormAction::ApplyFix { target, action } => self.apply_fix(target, action),
            FormAction::AskForRequest => self.request_attempts += 1,
            FormAction::MarkDelivered => self.request_delivered = true,
            FormAction::LoadExample => {
                let support_email = std::mem::take(&mut self.support_email);
                let (offset, keep_draft) = (self.utc_offset_minutes, self.keep_draft);
                self = example();
                self.support_email = support_email;
                self.utc_offset_minutes = offset;
                self.keep_draft = keep_draft;
            }
            FormAction::Reset => {
                let offset = self.utc_offset_minutes;
                self = FormState::with_support_email(&self.support_email);
                self.utc_offset_minutes = offset;
            }
        }
        self
    }

    /// Replaces every row (prefilled environments); an empty list leaves one empty row.
    pub fn replace_rows(&mut self, rows: Vec<EnvironmentInput>) {
        self.rows.clear();
        for input in rows.into_iter().take(MAX_ROWS) {
            let mut row = self.new_row(input.role, input.url);
            row.version = input.version.unwrap_or_default();
            self.rows.push(row);
        }
        if self.rows.is_empty() {
            let row = self.new_row(Some(Role::Production), String::new());
            self.rows.push(row);
        }
    }

    fn paste_into_row(&mut self, id: RowId, text: &str) {
        let Some(i) = self.position(id) else { return };
        let entries = split_entries(text);
        if entries.len() <= 1 {
            self.rows[i].url = text.to_owned();
            return;
        }
        let keep_role = self.rows[i].role.clone();
        let room = paste_room(self.rows.len());
        let mut new_rows = Vec::with_capacity(entries.len().min(room));
        for (n, entry) in entries.iter().take(room).enumerate() {
            let entry = entry.trim().to_owned();
            let suggested = suggest_role(&entry);
            if n == 0 {
                let role = if self.rows[i].url.trim().is_empty() && suggested.is_some() {
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
        self.rows.splice(i..=i, new_rows);
    }

    fn apply_fix(&mut self, target: FixTarget, action: FixAction) {
        match action {
            FixAction::ReplaceText { text, .. } => match target {
                FixTarget::Row(id) => {
                    if let Some(i) = self.position(id) {
                        self.rows[i].url = text;
                    }
                }
                FixTarget::ImanageUrl => self.imanage_url = text,
                FixTarget::CustomerId => self.customer_id = text,
                FixTarget::Version => self.version = text,
            },
            FixAction::RemoveRow { row, .. } => {
                if let Some(id) = self.row_id(row) {
                    *self = std::mem::take(self).reduce(FormAction::RemoveRow { id });
                }
            }
            FixAction::SplitRow { row, .. } => {
                if let Some(id) = self.row_id(row) {
                    let text = self.rows[row].url.clone();
                    self.paste_into_row(id, &text);
                }
            }
        }
    }
}

/// The role a pasted address suggests, from words in its host name.
fn suggest_role(entry: &str) -> Option<Role> {
    let (_, origin, _) = super::environment::analyze_entry(entry);
    origin.and_then(|o| role_from_host(o.host()))
}

/// Fake data for "Try an example": every name is on reserved example domains.
pub fn example() -> FormState {
    let mut state = FormState {
        rows: Vec::new(),
        next_id: 0,
        imanage_url: "https://acme.cloudimanage.com".into(),
        customer_id: "1764".into(),
        version: "7.10".into(),
        firm_name: "Acme Legal LLP (example)".into(),
        contact_name: "Sam Example".into(),
        contact_email: "sam@acme-legal.example".into(),
        ..FormState::default()
    };
    for (role, url) in [
        (Role::Production, "https://acme.clio-operate.example"),
        (Role::Uat, "https://acme-uat.clio-operate.example"),
        (Role::Training, "https://acme-training.clio-operate.example"),
    ] {
        let row = state.new_row(Some(role), url.into());
        state.rows.push(row);
    }
    state
}

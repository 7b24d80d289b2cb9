//! One widget's session and the one reducer that changes it. The state is split by whose
//! it is: the reader's [`Answers`], the host's [`Setup`] and the reader's [`Progress`];
//! its fields are private, so [`State::reduce`] is the only way in.

use crate::core::diagnosis::{ConnectionChoice, DiagnosisInput};
use crate::core::environment::{sort_pasted, EnvironmentInput, PastedKind};
use crate::core::label;
use crate::core::role::{role_from_host, Role};
use crate::core::text::{excerpt, join_words, split_entries, trim_junk};
use crate::core::{AnalysisRequest, FixAction, Timestamp};

use std::collections::BTreeSet;

use super::field::{FieldKey, RowId};
use super::phases::Phase;
use super::prefill::Prefill;

mod returning;

pub use returning::{datetime_local, AddressAnswers, AddressMode, SetAside, Snapshot};

/// The most environment rows a form holds; a longer pasted list keeps its first ones,
/// and the reader is told how many were left out.
pub const MAX_ROWS: usize = 1_000;

/// How many rows a list pasted into one row of a form with `rows` rows can fill: that
/// row and the room left, and always at least the one row.
pub fn paste_room(rows: usize) -> usize {
    MAX_ROWS.saturating_sub(rows.saturating_sub(1)).max(1)
}

/// True when text pasted into an address box is a list of addresses: the list becomes
/// rows instead of one flattened line (the shell then keeps the browser's own paste out).
/// A pasted e-mail is one too: its greetings and sign-offs are left out, and said so.
pub fn is_pasted_list(text: &str) -> bool {
    split_entries(text).len() > 1
}

/// How many of the lines a pasted list left out an announcement quotes.
const LEFT_OUT_QUOTED: usize = 3;

/// How much of each left-out line an announcement quotes.
const LEFT_OUT_QUOTE_LENGTH: usize = 30;

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
    next_id: RowId,
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

/// What the embedding page and the browser set; the reader never changes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Setup {
    /// The Clio Operate Support address for e-mail links; empty when the page gives none.
    pub support_email: String,
    /// The browser's offset from UTC in minutes (east positive), for local times.
    pub utc_offset_minutes: i32,
}

/// Where keyboard focus goes after an action that removes or replaces the control the
/// reader used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusTarget {
    Field(FieldKey),
    /// The "Add environment" button, when no row follows a removed one.
    AddEnvironment,
    /// The "Remember my answers" checkbox, after a Forget button that goes with the draft.
    KeepDraft,
    /// A phase's task button: where focus goes when the field it would take is in a
    /// phase that is closed.
    Phase(Phase),
}

/// A request to move focus; `seq` tells two requests for the same target apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusRequest {
    pub target: FocusTarget,
    pub seq: u32,
}

/// What an action said for the status region; `seq` tells two equal ones apart, so the
/// second is announced too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// A list of `pasted` addresses filled `added` rows.
    pub added: u32,
    pub pasted: u32,
    /// How many lines of the paste held no address and were left out.
    pub left_out: u32,
    /// The first few of them, shortened for quoting.
    pub left_out_quotes: Vec<String>,
    /// The domains of other services' addresses left out (`linkedin.com`), each once.
    pub other_services: Vec<String>,
    /// The addresses of a signature left out (the firm's website), each once.
    pub signature: Vec<String>,
    pub seq: u32,
}

impl Announcement {
    /// The sentences the status region reads.
    pub fn text(&self) -> String {
        let Announcement { added, pasted, .. } = *self;
        let mut text = if added < pasted {
            format!("Only the first {added} of {pasted} pasted addresses were added: a form holds at most {MAX_ROWS} environments.")
        } else if pasted == 0 && self.other_services.len() + self.signature.len() > 0 {
            "No Clio Operate environment's address was found in the pasted text, so no environment was added.".to_owned()
        } else if pasted == 0 {
            "No web address was found in the pasted text, so no environment was added.".to_owned()
        } else if pasted == 1 {
            "1 environment added from the pasted text. Check its role.".to_owned()
        } else {
            format!("{pasted} environments added from the pasted list. Check the role of each.")
        };
        if let Some(left_out) = self.left_out_text() {
            text.push(' ');
            text.push_str(&left_out);
        }
        text
    }

    /// The sentences about what the paste left out, also shown under the rows: "2 lines
    /// without an address were left out: “Hi Sam” and “Thanks”. 1 address of another
    /// service was left out: linkedin.com."
    pub fn left_out_text(&self) -> Option<String> {
        let sentences: Vec<String> = [
            self.prose_text(),
            named_text(
                &self.other_services,
                "address of another service was",
                "addresses of other services were",
            ),
            named_text(
                &self.signature,
                "address in a signature was",
                "addresses in a signature were",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }

    fn prose_text(&self) -> Option<String> {
        if self.left_out == 0 {
            return None;
        }
        let quotes: Vec<String> = self
            .left_out_quotes
            .iter()
            .map(|q| format!("\u{201C}{q}\u{201D}"))
            .collect();
        let (lines, were) = if self.left_out == 1 {
            ("line", "was")
        } else {
            ("lines", "were")
        };
        let named = if quotes.len() < self.left_out as usize {
            format!(", such as {}", join_words(&quotes))
        } else {
            format!(": {}", join_words(&quotes))
        };
        Some(format!(
            "{} {lines} without an address {were} left out{named}.",
            self.left_out
        ))
    }
}

/// "1 address of another service was left out: linkedin.com." Every one is named.
fn named_text(names: &[String], one: &str, several: &str) -> Option<String> {
    let what = match names.len() {
        0 => return None,
        1 => one,
        _ => several,
    };
    Some(format!(
        "{} {what} left out: {}.",
        names.len(),
        join_words(names)
    ))
}

/// What a paste into a row did.
#[derive(Debug, Default)]
struct Pasted {
    /// The rows it filled.
    filled: Vec<RowId>,
    /// How many addresses it held.
    addresses: usize,
    /// How many of its lines held no address, and the first few of them.
    left_out: usize,
    left_out_quotes: Vec<String>,
    /// Other services' domains and a signature's addresses it left out.
    other_services: Vec<String>,
    signature: Vec<String>,
}

/// How far the reader has gone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// The reader changed an answer (a prefill from the page or a link is not a change).
    pub edited: bool,
    /// The reader chose to keep a draft of the answers.
    pub keep_draft: bool,
    /// How many times the reader has asked for the support request; each time the error
    /// summary is brought to the reader again.
    pub request_attempts: u32,
    /// True once the request was copied, downloaded or opened in e-mail.
    pub request_delivered: bool,
    /// The reader confirmed sending the request to Support (copying is not sending).
    pub request_sent: bool,
    /// When the reader marked the request sent; unknown for drafts saved before it was
    /// kept. The diagnosis offers it as the start of iManage's wait.
    pub sent_at: Option<Timestamp>,
    /// The redirect URIs the request listed when the reader marked it sent.
    pub sent_uris: Vec<String>,
    /// Where focus goes after the last action that took the focused control away.
    pub focus: Option<FocusRequest>,
    /// Fields whose messages show: the reader left them, paused in them, pasted into
    /// them or had them filled in. Once shown, a field's messages follow every keystroke.
    pub revealed: BTreeSet<FieldKey>,
    /// Every field's messages show (the reader asked for the request, or loaded the
    /// example).
    pub revealed_all: bool,
    /// The reader's answers and progress the example replaced, until the reader changes
    /// anything: "Try an example" never loses what was typed (or that it was sent)
    /// without a way back, and the device's draft and the address keep them meanwhile.
    pub before_example: Option<Box<Snapshot>>,
    /// The phase of the journey that is open (one at a time).
    pub open_phase: Phase,
    /// The answers came from a link: the reader is told so, and offered Start again.
    pub from_link: bool,
    /// What Start again cleared (answers and progress), until the reader changes
    /// anything: Start again never loses what was typed without a way back.
    pub before_reset: Option<Box<Snapshot>>,
    /// The answers shown were restored from this device's draft, saved at that time;
    /// said until the reader changes anything.
    pub restored_from: Option<Timestamp>,
    /// The device's draft a link's other answers did not replace: kept as it was until
    /// the reader chooses.
    pub set_aside: Option<Box<SetAside>>,
    /// What the widget does with the page's address.
    pub address: AddressMode,
    /// What the last action that needs saying said (a pasted list's count).
    pub announcement: Option<Announcement>,
}

/// Everything that changes a widget's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The reader left a field or paused typing in it: its messages show from now on.
    Reveal(FieldKey),
    /// The reader typed in a field (an environment's address or version included).
    SetText {
        field: FieldKey,
        text: String,
    },
    SetRowRole {
        id: RowId,
        role: Option<Role>,
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
    /// The connection setting chosen in Manage Linked Services (diagnosis).
    SetConnection(Option<ConnectionChoice>),
    /// Keep (or stop keeping) a draft of the answers.
    SetKeepDraft(bool),
    /// A one-click fix offered by a finding about `target`.
    ApplyFix {
        target: FieldKey,
        action: FixAction,
    },
    /// The page's options or a remembered draft set some answers.
    Prefill(Prefill),
    /// A link set some answers (someone else may have made it).
    OpenLink(Prefill),
    /// The page gave (another) Support address.
    SetSupportEmail(String),
    /// The reader asked for the support request: from now on errors are summarised.
    AskForRequest,
    /// The request was copied, downloaded or opened in e-mail.
    MarkDelivered,
    /// The reader confirms (or withdraws) that the request was sent to Support, `at`
    /// the time of the click (the reducer never reads a clock).
    SetSent {
        sent: bool,
        at: Timestamp,
    },
    /// Fills the diagnosis's submission date with the time the request was marked sent.
    UseSentTime,
    /// The reader put the answers in the page's address: it follows every change now.
    FollowInAddress,
    /// Brings back the device's draft that a link's answers were shown instead of.
    UseSavedDraft,
    /// Brings back what Start again cleared.
    UndoReset,
    LoadExample,
    /// Brings back the answers the example replaced.
    UndoExample,
    /// Opens one phase of the journey (and closes the others).
    OpenPhase(Phase),
    Reset,
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

    fn row(&self, id: RowId) -> Option<&EnvironmentRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    fn text_mut(&mut self, field: FieldKey) -> Option<&mut String> {
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
    fn apply(&mut self, prefill: Prefill) {
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

    fn replace_rows(&mut self, rows: Vec<EnvironmentInput>) {
        self.rows.clear();
        for input in rows.into_iter().take(MAX_ROWS) {
            let mut row = self.new_row(input.role, input.url);
            row.version = input.version.unwrap_or_default();
            self.rows.push(row);
        }
        self.keep_a_row();
    }

    /// A form always has a row to type in.
    fn keep_a_row(&mut self) {
        if self.rows.is_empty() {
            let row = self.new_row(Some(Role::Production), String::new());
            self.rows.push(row);
        }
    }

    /// Where focus goes once row `id` is removed: the row that followed it; the fresh
    /// row when it was the only one; otherwise "Add environment".
    fn focus_after_removing(&self, id: RowId) -> FocusTarget {
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
    fn focus_after_fix(&self, target: FieldKey, action: &FixAction) -> FocusTarget {
        match (action, target) {
            (FixAction::RemoveRow { .. }, FieldKey::RowUrl(id)) => self.focus_after_removing(id),
            _ => FocusTarget::Field(target),
        }
    }

    fn remove_row(&mut self, id: RowId) {
        if let Some(i) = self.position(id) {
            self.rows.remove(i);
        }
        self.keep_a_row();
    }

    /// Fills row `id` with `text`, a list becoming rows; with `leave_out_prose`, the
    /// lines of a pasted list that hold no address (a greeting, a name, a sign-off) are
    /// left out and counted, never made rows.
    fn paste_into_row(&mut self, id: RowId, text: &str, leave_out_prose: bool) -> Pasted {
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
    fn follow_label(&mut self, field: FieldKey, text: &str) {
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
    fn apply_fix(&mut self, target: FieldKey, action: FixAction) {
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

/// One widget's session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    answers: Answers,
    setup: Setup,
    progress: Progress,
}

impl State {
    /// An empty form with the host's setup.
    pub fn new(setup: Setup) -> State {
        State {
            setup,
            ..State::default()
        }
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Whether `field`'s messages show (see [`Progress::revealed`]).
    pub fn shows(&self, field: FieldKey) -> bool {
        self.progress.revealed_all || self.progress.revealed.contains(&field)
    }

    /// Whether messages about the environments as a whole show: once any row's do.
    pub fn shows_environments(&self) -> bool {
        self.progress.revealed_all
            || self
                .progress
                .revealed
                .iter()
                .any(|f| matches!(f, FieldKey::RowUrl(_)))
    }

    /// When the reader marked the request sent, while it is marked sent.
    pub fn sent_at(&self) -> Option<Timestamp> {
        self.progress
            .request_sent
            .then_some(self.progress.sent_at)
            .flatten()
    }

    /// Whether the reader has asked for the support request yet.
    pub fn asked_for_request(&self) -> bool {
        self.progress.request_attempts > 0
    }

    /// The request for the rule book, stamped with `now`.
    pub fn to_request(&self, now: Option<Timestamp>) -> AnalysisRequest {
        self.answers.to_request(&self.setup, now)
    }

    /// Applies one action. Never discards what the reader typed except on `Reset` and
    /// `LoadExample` (both undoable until the next change), an explicit fix or removal,
    /// or `UseSentTime` (which replaces the submission date, as the reader asked).
    pub fn reduce(self, action: Action) -> Self {
        // Buttons that go once used (an Undo, "Use my saved answers", Forget) hand focus
        // to what they brought back, or to the choice they changed.
        let after = match &action {
            Action::UndoExample if self.progress.before_example.is_some() => Some(None),
            Action::UndoReset if self.progress.before_reset.is_some() => Some(None),
            Action::UseSavedDraft if self.progress.set_aside.is_some() => Some(None),
            Action::SetKeepDraft(false) if self.progress.keep_draft => {
                Some(Some(FocusTarget::KeepDraft))
            }
            _ => None,
        };
        let seq = self.progress.focus.map_or(0, |f| f.seq.wrapping_add(1));
        let mut next = self.apply(action);
        if let Some(target) = after {
            let target = target.unwrap_or(match next.progress.open_phase {
                Phase::Prepare => FocusTarget::Field(FieldKey::RowUrl(next.answers.first_row_id())),
                phase => FocusTarget::Phase(phase),
            });
            next.progress.focus = Some(FocusRequest { target, seq });
        }
        next
    }

    fn apply(mut self, action: Action) -> Self {
        let focus = match &action {
            Action::AddRow if self.answers.rows.len() < MAX_ROWS => {
                Some(FocusTarget::Field(FieldKey::RowUrl(self.answers.next_id)))
            }
            Action::RemoveRow { id } => Some(self.answers.focus_after_removing(*id)),
            Action::ApplyFix { target, action } => {
                Some(self.answers.focus_after_fix(*target, action))
            }
            // The offer's button goes once used: focus moves to the date it filled.
            Action::UseSentTime if self.sent_at().is_some() => {
                Some(FocusTarget::Field(FieldKey::SubmittedAt))
            }
            _ => None,
        };
        if let Some(target) = focus {
            let seq = self.progress.focus.map_or(0, |f| f.seq.wrapping_add(1));
            self.progress.focus = Some(FocusRequest { target, seq });
        }
        let answers = &mut self.answers;
        let edited = match action {
            Action::SetText { field, text } => {
                answers.follow_label(field, &text);
                if let Some(slot) = answers.text_mut(field) {
                    *slot = text;
                }
                true
            }
            Action::SetRowRole { id, role } => {
                if let Some(i) = answers.position(id) {
                    answers.rows[i].role = role;
                }
                true
            }
            Action::AddRow => {
                if answers.rows.len() < MAX_ROWS {
                    let row = answers.new_row(None, String::new());
                    answers.rows.push(row);
                }
                true
            }
            Action::RemoveRow { id } => {
                answers.remove_row(id);
                true
            }
            Action::PasteIntoRow { id, text } => {
                // A paste is a finished entry: its messages show at once.
                let pasted = answers.paste_into_row(id, &text, true);
                let left_out =
                    pasted.left_out + pasted.other_services.len() + pasted.signature.len();
                if pasted.addresses + left_out > 1 {
                    let seq = self
                        .progress
                        .announcement
                        .as_ref()
                        .map_or(0, |a| a.seq.wrapping_add(1));
                    self.progress.announcement = Some(Announcement {
                        added: pasted.filled.len() as u32,
                        pasted: pasted.addresses as u32,
                        left_out: pasted.left_out as u32,
                        left_out_quotes: pasted.left_out_quotes,
                        other_services: pasted.other_services,
                        signature: pasted.signature,
                        seq,
                    });
                }
                self.progress
                    .revealed
                    .extend(pasted.filled.into_iter().map(FieldKey::RowUrl));
                true
            }
            Action::Reveal(field) => {
                self.progress.revealed.insert(field);
                false
            }
            Action::SetConnection(choice) => {
                answers.connection = choice;
                true
            }
            Action::ApplyFix { target, action } => {
                answers.apply_fix(target, action);
                self.progress.revealed.insert(target);
                true
            }
            Action::OpenLink(prefill) => {
                self.progress.from_link = !prefill.is_empty();
                let before = self.answers.clone();
                let mut opened = self.reduce(Action::Prefill(prefill));
                // Progress remembered on this device was about other answers: a link
                // to different ones starts their request afresh.
                if !opened.answers.same_as(&before) {
                    opened.progress.request_sent = false;
                    opened.progress.request_delivered = false;
                    opened.progress.open_phase = Phase::default();
                }
                return opened;
            }
            Action::Prefill(prefill) => {
                // What the page or a link filled in is checked at once.
                let named = prefill.named_fields();
                let rows = prefill.rows.is_some();
                answers.apply(prefill);
                self.progress.revealed.extend(named);
                if rows {
                    let ids = self.answers.rows.iter().map(|r| FieldKey::RowUrl(r.id));
                    self.progress.revealed.extend(ids);
                }
                false
            }
            Action::SetSupportEmail(address) => {
                self.setup.support_email = address;
                false
            }
            Action::SetKeepDraft(keep) => {
                // Either choice settles a set-aside draft: keeping remembers the answers
                // shown instead, forgetting removes it too.
                self.progress.keep_draft = keep;
                self.progress.set_aside = None;
                if !keep {
                    self.progress.restored_from = None;
                }
                false
            }
            Action::AskForRequest => {
                self.progress.request_attempts += 1;
                self.progress.revealed_all = true;
                false
            }
            Action::MarkDelivered => {
                self.progress.request_delivered = true;
                // Delivered, the example's answers are the reader's: no Undo takes them
                // back from under a request that went out.
                self.progress.before_example = None;
                false
            }
            Action::OpenPhase(phase) => {
                self.progress.open_phase = phase;
                false
            }
            Action::SetSent { sent, at } => {
                self.progress.before_example = None;
                // Ticking again keeps the first time and what was sent; withdrawing
                // forgets both.
                if !sent {
                    self.progress.sent_at = None;
                    self.progress.sent_uris.clear();
                } else if !self.progress.request_sent || self.progress.sent_at.is_none() {
                    self.progress.sent_at = Some(at);
                    // What the request listed, to tell an environment added afterwards.
                    let report = crate::core::analyze(&self.answers.to_request(&self.setup, None));
                    self.progress.sent_uris = report
                        .environments
                        .registrations
                        .iter()
                        .map(|r| r.redirect_uri.as_str().to_owned())
                        .collect();
                }
                self.progress.request_sent = sent;
                false
            }
            Action::UseSentTime => {
                match self.progress.sent_at.filter(|_| self.progress.request_sent) {
                    Some(at) => {
                        answers.submitted_at =
                            returning::datetime_local(at, self.setup.utc_offset_minutes);
                        self.progress.revealed.insert(FieldKey::SubmittedAt);
                        true
                    }
                    None => false,
                }
            }
            Action::FollowInAddress => {
                self.progress.address = AddressMode::Follow;
                false
            }
            Action::UseSavedDraft => return self.use_saved_draft(),
            Action::UndoReset => return self.undo_reset(),
            Action::LoadExample => {
                // A new set of answers starts a new request; the draft choice stays, and
                // answers the reader typed (with how far they got) can be brought back.
                let mut earlier = self.progress.clone();
                earlier.before_example = None;
                earlier.announcement = None;
                let replaced = std::mem::replace(&mut self.answers, Answers::example());
                let before_example = match self.progress.before_example.take() {
                    Some(kept) => Some(kept),
                    None if self.progress.edited && replaced != self.answers => {
                        Some(Box::new(Snapshot {
                            answers: replaced,
                            progress: earlier,
                        }))
                    }
                    None => None,
                };
                // What Start again cleared, the device's set-aside draft and the address's
                // following stay: the example is not the reader's choice about them.
                self.progress = Progress {
                    keep_draft: self.progress.keep_draft,
                    revealed_all: true,
                    before_example,
                    before_reset: self.progress.before_reset.take(),
                    set_aside: self.progress.set_aside.take(),
                    address: self.progress.address,
                    ..Progress::default()
                };
                self.progress.edited = true;
                return self;
            }
            Action::UndoExample => {
                if let Some(snapshot) = self.progress.before_example.take() {
                    self.answers = snapshot.answers;
                    self.progress = snapshot.progress;
                }
                true
            }
            Action::Reset => return self.reset(),
        };
        if edited {
            // Once the reader changes anything, the example's answers are theirs, the
            // cleared ones are gone, and the restored ones are simply the answers.
            self.progress.before_example = None;
            self.progress.before_reset = None;
            self.progress.restored_from = None;
        }
        self.progress.edited |= edited;
        self
    }
}

//! One widget's session and the one reducer that changes it. The state is split by whose
//! it is: the reader's [`Answers`], the host's [`Setup`] and the reader's [`Progress`];
//! its fields are private, so [`State::reduce`] is the only way in.

use crate::core::diagnosis::ConnectionChoice;
use crate::core::role::Role;
use crate::core::text::split_entries;
use crate::core::{AnalysisRequest, FixAction, Timestamp};

use std::collections::BTreeSet;

use super::field::{FieldKey, RowId};
use super::phases::Phase;
use super::prefill::Prefill;

mod announcement;
mod answers;
mod returning;

pub use announcement::Announcement;
pub use answers::{Answers, EnvironmentRow, DEFAULT_IMANAGE_URL};
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
    /// Stop keeping the draft, from the notice that said it was restored: as
    /// `SetKeepDraft(false)`, with focus staying near the top of the form.
    ForgetRestored,
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
            Action::ForgetRestored if self.progress.keep_draft => Some(None),
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
        if action == Action::ForgetRestored {
            return self.apply(Action::SetKeepDraft(false));
        }
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
            // Handled above, as `SetKeepDraft(false)`.
            Action::ForgetRestored => false,
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

//! Coming back days later: where the form starts (the device's draft, the page's
//! address, or both), Start again and its Undo, and the device's draft chosen over a
//! link's answers.

use crate::core::Timestamp;

use super::super::codec::{Draft, StoredDraft};
use super::super::prefill::Prefill;
use super::{Action, Answers, Progress, State};

/// What Start again cleared: the answers and the reader's progress as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub answers: Answers,
    pub progress: Progress,
}

/// The device's draft, left as it was because a link gave other answers, and the
/// answers the page gave before either (so that choosing the draft brings back exactly
/// the draft, nothing of the link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub stored: StoredDraft,
    base: Answers,
}

impl SetAside {
    /// When the set-aside draft was saved.
    pub fn saved_at(&self) -> Timestamp {
        self.stored.draft.saved_at
    }
}

/// What the widget does with the page's address.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AddressMode {
    /// Left as it is.
    #[default]
    Untouched,
    /// Carries the answers and follows every change.
    Follow,
    /// The widget's part is taken out (the page's own hash route stays).
    Clear,
}

/// Answers found in the page's address when the widget starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressAnswers {
    pub prefill: Prefill,
    /// This tab put them there itself (a reload, not a link from elsewhere).
    pub own: bool,
}

/// `at` as a `datetime-local` value in the reader's zone: `2026-11-28T10:30`.
pub fn datetime_local(at: Timestamp, utc_offset_minutes: i32) -> String {
    let local = Timestamp::from_millis(at.millis() + i64::from(utc_offset_minutes) * 60_000);
    local.to_iso()[..16].to_owned()
}

impl State {
    /// Where the form starts, `self` holding what the page gave: the device's draft
    /// restores the answers and the reader's progress; answers in the address show
    /// instead when they differ, and the draft is then left untouched until the reader
    /// chooses; when they are the same answers, the draft's progress is kept.
    pub fn start(self, stored: Option<StoredDraft>, address: Option<AddressAnswers>) -> State {
        let Some(address) = address.filter(|a| !a.prefill.is_empty()) else {
            return match stored {
                Some(stored) => self.restore_draft(stored.draft),
                None => self,
            };
        };
        let base = self.answers.clone();
        let opened = self.clone().open_address(address);
        let Some(stored) = stored else {
            return opened;
        };
        let restored = self.restore_draft(stored.draft.clone());
        if restored.answers.same_as(&opened.answers) {
            let mut restored = restored;
            restored.progress.address = opened.progress.address;
            return restored;
        }
        let mut opened = opened;
        opened.progress.set_aside = Some(Box::new(SetAside { stored, base }));
        opened
    }

    /// The answers in the address: a link from elsewhere says so; the tab's own answers
    /// keep following its changes.
    fn open_address(self, address: AddressAnswers) -> State {
        let mut opened = self.reduce(Action::OpenLink(address.prefill));
        if address.own {
            opened.progress.from_link = false;
            opened.progress.address = super::AddressMode::Follow;
        }
        opened
    }

    /// `self` with a draft from the device applied: its answers, the reader's progress,
    /// and the choice to keep remembering them.
    pub fn restore_draft(self, draft: Draft) -> State {
        let mut state = self.reduce(Action::Prefill(draft.prefill));
        let progress = &mut state.progress;
        progress.keep_draft = true;
        progress.request_sent = draft.progress.request_sent;
        // A request sent was delivered: the "sent" checkbox stays to be unticked and
        // ticked again.
        progress.request_delivered |= draft.progress.request_sent;
        progress.sent_at = draft.progress.sent_at;
        progress.sent_uris = draft.progress.sent_uris;
        progress.open_phase = draft.progress.open_phase;
        progress.restored_from = Some(draft.saved_at);
        state
    }

    /// Whether Start again would clear anything worth an Undo.
    fn has_anything(&self) -> bool {
        let p = &self.progress;
        !self.answers.same_as(&Answers::default())
            || p.keep_draft
            || p.request_sent
            || p.request_delivered
            || p.set_aside.is_some()
            || p.before_example.is_some()
    }

    /// Start again: an empty form, nothing remembered on the device, the answers out of
    /// the address; what was cleared is kept for Undo until the reader changes anything.
    pub(super) fn reset(mut self) -> State {
        let before_reset = if self.has_anything() {
            let mut progress = std::mem::take(&mut self.progress);
            progress.before_reset = None;
            // What an earlier action said is not said again when Undo brings this back.
            progress.announcement = None;
            Some(Box::new(Snapshot {
                answers: std::mem::take(&mut self.answers),
                progress,
            }))
        } else {
            // Nothing more to lose: an earlier Start again can still be undone.
            self.progress.before_reset.take()
        };
        State {
            answers: Answers::default(),
            setup: self.setup,
            progress: Progress {
                before_reset,
                address: super::AddressMode::Clear,
                ..Progress::default()
            },
        }
    }

    /// Undo of Start again: the answers and the progress as they were (the device's
    /// draft and the address follow them again).
    pub(super) fn undo_reset(mut self) -> State {
        if let Some(snapshot) = self.progress.before_reset.take() {
            self.answers = snapshot.answers;
            self.progress = snapshot.progress;
        }
        self
    }

    /// The set-aside draft instead of the link's answers: exactly the draft's answers
    /// and progress, and the link's answers out of the address.
    pub(super) fn use_saved_draft(mut self) -> State {
        let Some(aside) = self.progress.set_aside.take() else {
            return self;
        };
        let SetAside { stored, base } = *aside;
        let state = State {
            answers: base,
            setup: self.setup,
            progress: Progress {
                address: super::AddressMode::Clear,
                ..Progress::default()
            },
        };
        state.restore_draft(stored.draft)
    }
}

//! The reader's answers as a URL fragment (for "Copy link to these answers" and the
//! bookmark) and as a draft remembered on the device: allow-listed keys only,
//! percent-encoded, never the diagnosis pastes. A fragment stays in the browser: it is
//! not sent to the server that serves the page. A remembered draft expires, and also
//! keeps the reader's progress (the request sent, the open phase); a link never does.

use crate::core::Timestamp;

use crate::core::extract::percent_decode;
use crate::core::role::Role;
use crate::core::support_request::encode_mailto_component;
use crate::core::EnvironmentInput;

use super::field::FieldKey;
use super::phases::Phase;
use super::prefill::Prefill;
use super::state::{Action, Answers, Progress, State};

/// Marks a fragment as this widget's: `#imanage-helper?env=…&customer=…`.
pub const FRAGMENT_PREFIX: &str = "imanage-helper?";

/// Fragments longer than this are ignored rather than parsed.
const MAX_LENGTH: usize = 16 * 1024;

/// The single-value keys and the field each restores.
const TEXT_KEYS: &[(&str, FieldKey)] = &[
    ("imanage", FieldKey::ImanageUrl),
    ("customer", FieldKey::CustomerId),
    ("version", FieldKey::Version),
    ("firm", FieldKey::FirmName),
    ("contact", FieldKey::ContactName),
    ("email", FieldKey::ContactEmail),
];

/// Encodes the answers (environments, iManage details, version, contact) as
/// `imanage-helper?env=…`; empty fields are left out. The reader's progress is not in
/// it: a link is shared with colleagues, and "I have sent the request" is only true of
/// the reader who sent it (a colleague opening the link would be told the request was
/// sent, and skip sending one). Progress stays with the device's draft.
pub fn encode(answers: &Answers) -> String {
    let mut pairs = Vec::new();
    for row in &answers.rows {
        if row.url.trim().is_empty() {
            continue;
        }
        let role = row.role.as_ref().map_or("", Role::key);
        pairs.push(format!(
            "env={}",
            encode_mailto_component(&format!("{role}={}", row.url))
        ));
    }
    for (key, field) in TEXT_KEYS {
        let value = answers.text(*field);
        if !value.is_empty() {
            pairs.push(format!("{key}={}", encode_mailto_component(value)));
        }
    }
    format!("{FRAGMENT_PREFIX}{}", pairs.join("&"))
}

/// The page's own fragment (a hash route or an anchor) and this widget's part, apart.
fn split_fragment(fragment: &str) -> (&str, Option<&str>) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(ours) = fragment.strip_prefix(FRAGMENT_PREFIX) {
        return ("", Some(ours));
    }
    match fragment.split_once(&format!("&{FRAGMENT_PREFIX}")) {
        Some((host, ours)) => (host, Some(ours)),
        None => (fragment, None),
    }
}

/// The fragment of a link to these answers on a page whose fragment is `current`: the
/// page's own hash route is kept, and the widget's part follows it after `&`.
pub fn link_fragment(current: &str, answers: &Answers) -> String {
    let (host, _) = split_fragment(current);
    let ours = encode(answers);
    if host.is_empty() {
        ours
    } else {
        format!("{host}&{ours}")
    }
}

/// Reads the answers a fragment (with or without the `#`) gives; `None` when the
/// fragment has no part of this widget's. Unknown keys are ignored.
pub fn decode(fragment: &str) -> Option<Prefill> {
    let query = split_fragment(fragment).1?;
    if query.len() > MAX_LENGTH {
        return None;
    }
    let mut prefill = Prefill::default();
    let mut rows = Vec::new();
    for pair in query.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = percent_decode(value);
        if key == "env" {
            let (role, url) = value.split_once('=').unwrap_or(("", value.as_str()));
            rows.push(EnvironmentInput {
                role: (!role.is_empty()).then(|| Role::parse(role)),
                url: url.to_owned(),
                version: None,
            });
        } else if let Some((_, field)) = TEXT_KEYS.iter().find(|(k, _)| *k == key) {
            if let Some(slot) = prefill.slot(*field) {
                *slot = Some(value);
            }
        }
    }
    if !rows.is_empty() {
        prefill.rows = Some(rows);
    }
    Some(prefill)
}

/// How long a draft remembered on the device is kept.
pub const DRAFT_DAYS: i64 = 30;

/// Drafts written before progress was kept: answers only.
const DRAFT_V1: &str = "v1";
const DRAFT_VERSION: &str = "v2";

/// The reader's own progress a remembered draft keeps, so that a reader who returns
/// days later finds the request still marked sent and the phase they had open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SavedProgress {
    pub request_sent: bool,
    pub open_phase: Phase,
}

impl SavedProgress {
    pub fn of(progress: &Progress) -> SavedProgress {
        SavedProgress {
            request_sent: progress.request_sent,
            open_phase: progress.open_phase,
        }
    }

    /// `phase=configure&sent=1`; what is unknown reads as not sent, first phase.
    fn encode(self) -> String {
        format!(
            "phase={}&sent={}",
            self.open_phase.name(),
            u8::from(self.request_sent)
        )
    }

    fn decode(text: &str) -> SavedProgress {
        let mut saved = SavedProgress::default();
        for (key, value) in text.split('&').filter_map(|pair| pair.split_once('=')) {
            match key {
                "phase" => {
                    if let Some(phase) = Phase::ALL.into_iter().find(|p| p.name() == value) {
                        saved.open_phase = phase;
                    }
                }
                "sent" => saved.request_sent = value == "1",
                _ => {}
            }
        }
        saved
    }
}

/// A remembered draft as read back: the answers and the reader's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub prefill: Prefill,
    pub progress: SavedProgress,
}

impl Draft {
    /// `state` with the draft applied: its answers, the reader's progress, and the
    /// choice to keep remembering them.
    pub fn restore(self, state: State) -> State {
        state
            .reduce(Action::Prefill(self.prefill))
            .reduce(Action::SetKeepDraft(true))
            .reduce(Action::SetSent(self.progress.request_sent))
            .reduce(Action::OpenPhase(self.progress.open_phase))
    }
}

/// A draft to remember: when it expires, the reader's progress, then the answers.
pub fn encode_draft(state: &State, now: Timestamp) -> String {
    let expires = now.millis() + DRAFT_DAYS * 86_400_000;
    format!(
        "{DRAFT_VERSION};{expires};{};{}",
        SavedProgress::of(state.progress()).encode(),
        encode(state.answers())
    )
}

/// The draft remembered at `now`; `None` once it has expired or when it is not a
/// draft this widget wrote.
pub fn decode_draft(text: &str, now: Timestamp) -> Option<Draft> {
    let mut parts = text.splitn(3, ';');
    let version = parts.next()?;
    if version != DRAFT_VERSION && version != DRAFT_V1 {
        return None;
    }
    let expires: i64 = parts.next()?.parse().ok()?;
    if now.millis() >= expires {
        return None;
    }
    let rest = parts.next()?;
    let (progress, answers) = if version == DRAFT_V1 {
        (SavedProgress::default(), rest)
    } else {
        let (progress, answers) = rest.split_once(';')?;
        (SavedProgress::decode(progress), answers)
    };
    Some(Draft {
        prefill: decode(answers)?,
        progress,
    })
}

/// The storage key of a draft: per page (by its path) and per placeholder, so that two
/// articles never share one.
pub fn draft_key(placeholder: &str, page_path: &str) -> String {
    format!("{placeholder}@{page_path}")
}

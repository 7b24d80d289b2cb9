//! The reader's answers as a URL fragment (for "Copy link to these answers" and the
//! bookmark) and as a draft remembered on the device: allow-listed keys only,
//! percent-encoded, never the diagnosis pastes. A fragment stays in the browser: it is
//! not sent to the server that serves the page. A remembered draft expires, and also
//! keeps the reader's progress (the request sent and when, the open phase); a link never
//! does. Also what the shell writes where: the device's draft and the page's address
//! after each change.

use crate::core::Timestamp;

use crate::core::extract::percent_decode;
use crate::core::role::Role;
use crate::core::support_request::encode_mailto_component;
use crate::core::EnvironmentInput;

use super::field::FieldKey;
use super::phases::Phase;
use super::prefill::Prefill;
use super::state::{AddressMode, Answers, Progress, State};

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
/// days later finds the request still marked sent (and when) and the phase they had open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedProgress {
    pub request_sent: bool,
    /// Unknown in drafts saved before it was kept.
    pub sent_at: Option<Timestamp>,
    /// The redirect URIs the sent request listed; empty when unknown (older drafts).
    pub sent_uris: Vec<String>,
    pub open_phase: Phase,
}

impl SavedProgress {
    pub fn of(progress: &Progress) -> SavedProgress {
        SavedProgress {
            request_sent: progress.request_sent,
            sent_at: progress.sent_at.filter(|_| progress.request_sent),
            sent_uris: if progress.request_sent {
                progress.sent_uris.clone()
            } else {
                Vec::new()
            },
            open_phase: progress.open_phase,
        }
    }

    /// `phase=configure&sent=1&sent_at=2026-11-28T10:30:00Z`; what is unknown reads as
    /// not sent, first phase, no time. The time is a key of its own, so drafts written
    /// before it was kept read as they did, and this version's drafts read in older ones.
    fn encode(&self) -> String {
        let mut text = format!(
            "phase={}&sent={}",
            self.open_phase.name(),
            u8::from(self.request_sent)
        );
        if let Some(at) = self.sent_at {
            text.push_str(&format!("&sent_at={}", at.to_iso()));
        }
        if !self.sent_uris.is_empty() {
            text.push_str(&format!(
                "&sent_uris={}",
                encode_mailto_component(&self.sent_uris.join(" "))
            ));
        }
        text
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
                "sent_at" => saved.sent_at = Timestamp::parse_iso(value),
                "sent_uris" => {
                    saved.sent_uris = percent_decode(value)
                        .split(' ')
                        .filter(|uri| !uri.is_empty())
                        .map(str::to_owned)
                        .collect();
                }
                _ => {}
            }
        }
        if !saved.request_sent {
            saved.sent_at = None;
            saved.sent_uris.clear();
        }
        saved
    }
}

/// A remembered draft as read back: the answers, the reader's progress, and when it was
/// saved (the reader's last change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub prefill: Prefill,
    pub progress: SavedProgress,
    pub saved_at: Timestamp,
}

impl Draft {
    /// `state` with the draft applied: its answers, the reader's progress, and the
    /// choice to keep remembering them.
    pub fn restore(self, state: State) -> State {
        state.restore_draft(self)
    }
}

/// A draft as found on the device: its text, kept to be written back as it was, and
/// what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub text: String,
    pub draft: Draft,
}

impl StoredDraft {
    /// The draft stored as `text`, unless it has expired at `now` or is not one of ours.
    pub fn read(text: String, now: Timestamp) -> Option<StoredDraft> {
        let draft = decode_draft(&text, now)?;
        Some(StoredDraft { text, draft })
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
    // A draft is written at the reader's change and kept for a fixed time after it.
    let saved_at = Timestamp::from_millis(expires - DRAFT_DAYS * 86_400_000);
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
        saved_at,
    })
}

/// What a draft says apart from when it expires.
fn draft_body(state: &State) -> String {
    format!(
        "{};{}",
        SavedProgress::of(state.progress()).encode(),
        encode(state.answers())
    )
}

/// What the shell does with the device's draft after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceWrite {
    Write(String),
    Remove,
}

/// What to write on the device once the state is `state` at `now`, the device holding
/// `stored`; `None` leaves it as it is. A kept draft is written when what it says
/// changes, so that its time is the reader's last change; a draft set aside for a link's
/// answers is left exactly as it was (and written back if Start again removed it and
/// Undo brought it back); otherwise nothing is kept.
pub fn device_write(state: &State, now: Timestamp, stored: Option<&str>) -> Option<DeviceWrite> {
    let progress = state.progress();
    // The example shown over the reader's answers is not the reader's: the device keeps
    // their answers until Undo brings them back or a change makes the example theirs.
    if progress.before_example.is_some() {
        return None;
    }
    if progress.keep_draft {
        let body = draft_body(state);
        let unchanged = stored.is_some_and(|stored| {
            let mut parts = stored.splitn(3, ';');
            parts.next() == Some(DRAFT_VERSION)
                && parts
                    .next()
                    .and_then(|expires| expires.parse::<i64>().ok())
                    .is_some_and(|expires| now.millis() < expires)
                && parts.next() == Some(body.as_str())
        });
        return (!unchanged).then(|| DeviceWrite::Write(encode_draft(state, now)));
    }
    if let Some(aside) = &progress.set_aside {
        let text = &aside.stored.text;
        return (stored != Some(text.as_str())).then(|| DeviceWrite::Write(text.clone()));
    }
    stored.map(|_| DeviceWrite::Remove)
}

/// The fragment the page's address should have now that its fragment is `current` (with
/// or without the `#`); `None` leaves the address as it is. Once the reader put the
/// answers in the address, it follows every change (the page's own hash route is kept);
/// Start again and the device's draft chosen over a link take the answers out of it.
pub fn address_fragment(current: &str, state: &State) -> Option<String> {
    let current = current.strip_prefix('#').unwrap_or(current);
    match state.progress().address {
        AddressMode::Untouched => None,
        // As on the device, the example shown over the reader's answers is not written.
        AddressMode::Follow if state.progress().before_example.is_some() => None,
        AddressMode::Follow => {
            let wanted = link_fragment(current, state.answers());
            (wanted != current).then_some(wanted)
        }
        AddressMode::Clear => match split_fragment(current) {
            (host, Some(_)) => Some(host.to_owned()),
            (_, None) => None,
        },
    }
}

/// The session's record of the answers this tab put in the address, per page.
pub fn address_record_key(page_path: &str) -> String {
    format!("imanage-helper-address@{page_path}")
}

/// Whether the answers in the address (`fragment`) are the ones this tab itself put
/// there (`recorded`, this widget's part of the fragment it wrote): a reload of the
/// reader's own answers, not a link from elsewhere. Compared as answers, so that the
/// browser's own encoding of the address does not matter.
pub fn is_own_address(fragment: &str, recorded: Option<&str>) -> bool {
    match (decode(fragment), recorded.and_then(decode)) {
        (Some(ours), Some(written)) => ours == written,
        _ => false,
    }
}

/// The storage key of a draft: per page (by its path) and per placeholder, so that two
/// articles never share one.
pub fn draft_key(placeholder: &str, page_path: &str) -> String {
    format!("{placeholder}@{page_path}")
}

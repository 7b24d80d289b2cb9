//! What the status region says on its own, and when: a summary of the report once the
//! reader pauses, never for a form the reader has not touched; and the sentences the
//! reader's own choices are confirmed with (Start again, sent, remembered, restored).

use crate::core::diagnosis::format_date_time;
use crate::core::{ConfigPath, Report, Timestamp};

use super::state::State;

/// "1 redirect URI" or "3 redirect URIs".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The sentence the status region reads after the reader pauses: what is ready and what
/// needs fixing.
pub fn summary(report: &Report) -> String {
    let uris = report.environments.registrations.len();
    let errors = report.counts.errors;
    let warnings = report.counts.warnings;
    let mut parts = vec![format!(
        "{} ready",
        count(uris, "redirect URI", "redirect URIs")
    )];
    if errors > 0 {
        parts.push(format!("{} to fix", count(errors, "problem", "problems")));
    }
    if warnings > 0 {
        parts.push(format!(
            "{} to check",
            count(warnings, "warning", "warnings")
        ));
    }
    let mut said = format!("{}.", parts.join(", "));
    // The version decides the configuration: a change of it is said with the counts.
    if report.version.version.is_some() && report.configuration.path != ConfigPath::Undecided {
        said.push_str(&format!(" {}.", report.configuration.path.title()));
    }
    said
}

/// What the status region says once "Try an example" made `after`.
pub fn example_loaded(after: &State) -> String {
    if after.progress().before_example.is_some() {
        "Example details filled in. They are fictitious. Your answers were replaced: choose Undo to bring them back.".into()
    } else {
        "Example details filled in. They are fictitious.".into()
    }
}

/// What the status region says after Undo.
pub const EXAMPLE_UNDONE: &str = "Your answers are back.";

/// The summary to announce after a pause, if any: only once the reader has changed an
/// answer (whatever the page, a link or the browser's time zone set up).
/// While troubleshooting, the verdict's most likely cause instead of the counts; while
/// preparing, redirect URIs added since the request was sent after them.
pub fn summary_to_announce(state: &State, report: &Report) -> Option<String> {
    if !state.progress().edited {
        return None;
    }
    // While troubleshooting, what matters is the verdict, not the counts.
    if state.progress().open_phase == super::phases::Phase::Troubleshoot {
        if let Some(cause) = super::view::diagnosis::causes(state, report).first() {
            return Some(format!("Most likely cause: {}.", cause.title));
        }
    }
    let mut said = summary(report);
    let added = super::view::request::added_since_sent(state, report).len();
    if added > 0 {
        said.push_str(&format!(
            " {} since the request was sent: send {} to Support too.",
            count(added, "redirect URI added", "redirect URIs added"),
            if added == 1 { "it" } else { "them" }
        ));
    }
    Some(said)
}

/// "28 November 2026 at 10:30": a time in the reader's own zone, said without the zone
/// (it is the reader's).
pub fn local_time(at: Timestamp, utc_offset_minutes: i32) -> String {
    let mut text = format_date_time(at, utc_offset_minutes);
    // The zone is the one bracket at the end.
    if let Some(zone) = text.find(" (") {
        text.truncate(zone);
    }
    text
}

/// What the page says, and the status region announces, when the answers were restored
/// from the device's draft.
pub fn restored(state: &State) -> Option<String> {
    let at = state.progress().restored_from?;
    Some(format!(
        "Your answers from {} were restored from this device.",
        local_time(at, state.setup().utc_offset_minutes)
    ))
}

/// The notice above answers opened from an address this tab did not write: a bookmark
/// of the reader's own, or a link someone else made.
pub const FROM_LINK: &str = "These answers were opened from a link or a bookmark. If you did not make it yourself, check every address before you send anything: whoever made the link chose them.";

/// The button that brings back the device's draft a link's answers were shown instead
/// of, or `None` when there is none.
pub fn saved_draft_offer(state: &State) -> Option<String> {
    let aside = state.progress().set_aside.as_ref()?;
    Some(format!(
        "Use my answers saved on this device on {} instead",
        local_time(aside.saved_at(), state.setup().utc_offset_minutes)
    ))
}

/// Said beside that button: the draft is left as it was.
pub const SAVED_DRAFT_KEPT: &str =
    "Your answers saved on this device are kept as they were until you choose.";

/// What the page says after Start again while Undo is offered, or `None` when Start
/// again cleared nothing worth bringing back.
pub fn reset_notice(state: &State) -> Option<&'static str> {
    let before = state.progress().before_reset.as_ref()?;
    let remembered = before.progress.keep_draft || before.progress.set_aside.is_some();
    Some(if remembered {
        "Everything was cleared, including your answers remembered on this device."
    } else {
        "Everything was cleared."
    })
}

/// What the status region says after Start again made `after`.
pub fn reset_done(after: &State) -> String {
    match reset_notice(after) {
        Some(notice) => format!("{notice} Choose Undo to bring it all back."),
        None => "Everything was cleared.".into(),
    }
}

/// What the status region says after the Undo of Start again made `after`.
pub fn reset_undone(after: &State) -> &'static str {
    let progress = after.progress();
    if progress.keep_draft || progress.set_aside.is_some() {
        "Your answers are back, and remembered on this device again."
    } else {
        EXAMPLE_UNDONE
    }
}

/// What the status region says once the request is marked sent, or no longer.
pub fn sent(sent: bool) -> &'static str {
    if sent {
        "Marked as sent."
    } else {
        "No longer marked as sent."
    }
}

/// What the status region says once the reader chose to remember the answers, or not.
pub fn keep_draft(keep: bool) -> &'static str {
    if keep {
        "Your answers will be kept on this device for 30 days."
    } else {
        "Your answers are no longer kept on this device."
    }
}

/// What the status region says after "Put my answers in this page's address".
pub fn in_address(done: bool) -> &'static str {
    if done {
        "Your answers are now in this page's address, and it follows your changes: bookmark the page (Control and D, or Command and D on a Mac) to come back to them."
    } else {
        "This page's address cannot be changed here. Use Copy link to these answers instead."
    }
}

/// Said once the submission date was filled from the time the request was marked sent.
pub const SENT_TIME_USED: &str =
    "The date you marked the request sent is now the submission date. Support may have submitted it later.";

/// The label of the diagnosis's offer to start the 48 hours from the time the reader
/// marked the request sent, or `None` when there is no such time.
pub fn sent_time_offer(state: &State) -> Option<String> {
    let at = state.sent_at()?;
    Some(format!(
        "Use the time you marked the request sent: {}",
        local_time(at, state.setup().utc_offset_minutes)
    ))
}

/// Said after a one-click fix: what was done and where, and what the field now holds
/// (cut short, as a status message should be). `context` names the field: "for
/// environment 1 (Production)".
pub fn fix_applied(action: &crate::core::FixAction, context: &str) -> String {
    let done = if context.is_empty() {
        format!("Done: {}.", action.label())
    } else {
        format!("Done: {} {context}.", action.label())
    };
    match action {
        crate::core::FixAction::ReplaceText { text, .. } => {
            let shown: String = text.chars().take(120).collect();
            let cut = if shown.len() < text.len() {
                "\u{2026}"
            } else {
                ""
            };
            format!("{done} It now reads {shown}{cut}")
        }
        _ => done,
    }
}

/// What the status region says once one of the form-wide actions (the toolbar's and the
/// notices') made `after`; `None` for the actions that say nothing of their own.
pub fn said_after(action: &super::state::Action, after: &State) -> Option<String> {
    use super::state::Action;
    match action {
        Action::LoadExample => Some(example_loaded(after)),
        Action::UndoExample => Some(EXAMPLE_UNDONE.into()),
        Action::Reset => Some(reset_done(after)),
        Action::UndoReset => Some(reset_undone(after).into()),
        Action::UseSavedDraft => restored(after),
        Action::SetKeepDraft(keep) => Some(keep_draft(*keep).into()),
        Action::ForgetRestored => Some(keep_draft(false).into()),
        _ => None,
    }
}

/// What the status region says as the form starts: answers restored from the device, or
/// opened from a link (with its warning, as the notice shows it); nothing otherwise.
pub fn on_start(state: &State) -> Option<String> {
    restored(state).or_else(|| state.progress().from_link.then(|| FROM_LINK.to_owned()))
}

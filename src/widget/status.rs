//! What the status region says on its own, and when: a summary of the report once the
//! reader pauses, never for a form the reader has not touched.

use crate::core::Report;

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
    format!("{}.", parts.join(", "))
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
pub fn summary_to_announce(state: &State, report: &Report) -> Option<String> {
    state.progress().edited.then(|| summary(report))
}

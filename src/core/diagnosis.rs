//! Diagnosing `invalid_redirect_uri` after registration: compares what iManage confirmed
//! and what the failing sign-in sent with the URIs computed for each environment, checks
//! the 48-hour window and the connection setting, and names the most likely cause.

use serde::{Deserialize, Serialize};

use super::environment::EnvironmentsReport;
use super::extract::{extract_uris, ExtractedUri};
use super::finding::{Field, Finding, FindingCode};
use super::role::Role;
use super::timestamp::Timestamp;
use super::uri::RedirectUri;

mod causes;
mod compare;
mod follow_up;

use causes::causes;
use compare::best_match;
pub use compare::{compare, Difference, Match};
use follow_up::follow_up;

/// iManage asks for 24–48 hours after the request is submitted.
pub const WAIT_HOURS: i64 = 48;
const MS_PER_HOUR: i64 = 3_600_000;

/// The connection setting the reader chose in Manage Linked Services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConnectionChoice {
    SharedoProduction,
    SharedoTest,
    NotSure,
}

/// What the reader has for the diagnosis; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct DiagnosisInput {
    /// Text listing the URIs iManage confirmed as registered (e.g. the confirmation e-mail).
    pub registered: Option<String>,
    /// The failing URL from the address bar, or the error text.
    pub failing: Option<String>,
    /// When the registration request was submitted: ISO 8601 with a zone, a local
    /// `YYYY-MM-DDTHH:MM`, or a local date `YYYY-MM-DD`.
    pub submitted_at: Option<String>,
    pub connection: Option<ConnectionChoice>,
    /// The reader's offset from UTC in minutes (east positive), for local times.
    pub utc_offset_minutes: Option<i32>,
}

/// One environment in the diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentCheck {
    pub role: Option<Role>,
    pub redirect_uri: RedirectUri,
    /// Against the URIs confirmed as registered.
    pub registered: Match,
    /// Against the URI the failing sign-in sent, when that was pasted and it belongs to
    /// this environment.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sent: Option<Match>,
}

/// The 48-hour window after submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WaitWindow {
    pub submitted_at: Timestamp,
    pub wait_until: Timestamp,
    /// `wait_until` in the reader's local time, e.g. "Monday 30 November 2026, 09:15".
    pub wait_until_local: String,
    pub passed: bool,
    /// Whole hours left (0 once passed).
    pub hours_left: i64,
}

/// A cause of the error, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cause {
    pub kind: CauseKind,
    pub title: String,
    pub evidence: Vec<String>,
    /// What to do.
    pub action: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CauseKind {
    WrongConnection,
    SentUriDiffers,
    RegisteredUriDiffers,
    NotRegisteredYet,
    NotRegistered,
    CheckConnection,
    NoCauseFound,
}

/// A message to Support asking for a correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub subject: String,
    pub body: String,
    pub mailto: String,
    pub mailto_is_short: bool,
    pub file_name: String,
}

/// The whole diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosisReport {
    pub registered_uris: Vec<ExtractedUri>,
    pub failing_uris: Vec<ExtractedUri>,
    pub environments: Vec<EnvironmentCheck>,
    /// Registered URIs that belong to no environment entered (for information).
    pub unmatched_registered: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub window: Option<WaitWindow>,
    /// The most likely cause first; empty until there is something to go on.
    pub causes: Vec<Cause>,
    /// Present when Support must correct or add a registration.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub follow_up: Option<FollowUp>,
    pub findings: Vec<Finding>,
}

/// Reads the submission time. `Err` carries the finding for unreadable or future dates.
fn read_submitted(
    text: &str,
    offset_minutes: i32,
    now: Option<Timestamp>,
) -> Result<(Timestamp, bool), Finding> {
    let text = text.trim();
    let offset_ms = i64::from(offset_minutes) * 60_000;
    let (at, date_only) = if let Some(t) = Timestamp::parse_iso(text) {
        (t, false)
    } else if let Some(t) = Timestamp::parse_iso(&format!("{text}Z")) {
        (Timestamp::from_millis(t.millis() - offset_ms), false)
    } else if let Some(t) = Timestamp::parse_iso(&format!("{text}T23:59Z")) {
        // A date alone: assume the end of that day, so the wait is never too short.
        (Timestamp::from_millis(t.millis() - offset_ms), true)
    } else {
        return Err(Finding::error(
            FindingCode::SubmittedDateUnreadable,
            Field::SubmittedAt,
            format!("The submission date \u{201C}{text}\u{201D} cannot be read."),
            "Enter the date the request was sent to Support, such as 2026-11-26, with the time if you know it.",
        ));
    };
    if let Some(now) = now {
        // A few minutes of clock difference are not a future date.
        if at.millis() > now.millis() + 10 * 60_000 {
            return Err(Finding::error(
                FindingCode::SubmittedDateInFuture,
                Field::SubmittedAt,
                "The submission date is in the future.",
                "Enter the date the request was sent to Support.",
            ));
        }
    }
    Ok((at, date_only))
}

const WEEKDAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Monday 30 November 2026, 09:15" in the reader's local time.
pub fn format_local(at: Timestamp, offset_minutes: i32) -> String {
    let local = Timestamp::from_millis(at.millis() + i64::from(offset_minutes) * 60_000);
    let iso = local.to_iso();
    let days = local.millis().div_euclid(86_400_000);
    let weekday = WEEKDAYS[days.rem_euclid(7) as usize];
    let year = &iso[..4];
    let month = iso[5..7].parse::<usize>().unwrap_or(1);
    let day = iso[8..10].trim_start_matches('0');
    format!(
        "{weekday} {day} {} {year}, {}",
        MONTHS[month.saturating_sub(1).min(11)],
        &iso[11..16]
    )
}

fn role_name(role: &Option<Role>) -> String {
    role.as_ref()
        .map_or("Environment".to_owned(), |r| r.label().to_owned())
}

fn differences_text(differences: &[Difference]) -> String {
    let words: Vec<String> = differences
        .iter()
        .map(|d| d.describe().to_owned())
        .collect();
    super::text::join_words(&words)
}

pub struct DiagnosisContext<'a> {
    pub environments: &'a EnvironmentsReport,
    pub customer_id: Option<&'a str>,
    pub support_email: &'a str,
    pub now: Option<Timestamp>,
}

/// Diagnoses with what the reader has. `None` when there is nothing to diagnose yet.
pub fn diagnose(input: &DiagnosisInput, context: &DiagnosisContext<'_>) -> Option<DiagnosisReport> {
    let text = |value: &Option<String>| value.as_deref().unwrap_or("").trim().to_owned();
    let (registered_text, failing_text, submitted_text) = (
        text(&input.registered),
        text(&input.failing),
        text(&input.submitted_at),
    );
    if registered_text.is_empty()
        && failing_text.is_empty()
        && submitted_text.is_empty()
        && input.connection.is_none()
    {
        return None;
    }
    let offset = input
        .utc_offset_minutes
        .unwrap_or(0)
        .clamp(-14 * 60, 14 * 60);
    let mut findings = Vec::new();
    let registered_uris = extract_uris(&registered_text);
    let failing_uris = extract_uris(&failing_text);
    if !registered_text.is_empty() && registered_uris.is_empty() {
        findings.push(Finding::warning(
            FindingCode::NoUriFound,
            Field::Registered,
            "No redirect URI was found in the confirmed list.",
            "Paste the part of iManage's confirmation that lists the redirect URIs (they end in /externalServices/replyFrom).",
        ));
    }
    if !failing_text.is_empty() && failing_uris.is_empty() {
        findings.push(Finding::warning(
            FindingCode::NoUriFound,
            Field::Failing,
            "No redirect URI was found in the failing address or error text.",
            "Copy the whole address from the browser's address bar when the error shows; it contains redirect_uri=.",
        ));
    }

    let environments: Vec<EnvironmentCheck> = context
        .environments
        .registrations
        .iter()
        .map(|registration| {
            let expected = &registration.redirect_uri;
            let registered = if registered_uris.is_empty() {
                Match::Unknown
            } else {
                best_match(&registered_uris, expected)
            };
            let sent = failing_uris
                .iter()
                .filter_map(|uri| compare(&uri.uri, expected))
                .min_by_key(|m| !matches!(m, Match::Exact));
            EnvironmentCheck {
                role: registration.role.clone(),
                redirect_uri: expected.clone(),
                registered,
                sent,
            }
        })
        .collect();
    let unmatched_registered: Vec<String> = registered_uris
        .iter()
        .filter(|uri| {
            !context
                .environments
                .registrations
                .iter()
                .any(|r| compare(&uri.uri, &r.redirect_uri).is_some())
        })
        .map(|uri| uri.uri.clone())
        .collect();
    if !unmatched_registered.is_empty() {
        findings.push(Finding::info(
            FindingCode::RegisteredUnmatched,
            Field::Registered,
            format!(
                "{} registered URI{} belong{} to none of the environments you entered.",
                unmatched_registered.len(),
                if unmatched_registered.len() == 1 {
                    ""
                } else {
                    "s"
                },
                if unmatched_registered.len() == 1 {
                    "s"
                } else {
                    ""
                }
            ),
            "Nothing to do, unless one of them is an environment you forgot to enter above.",
        ));
    }

    let window = if submitted_text.is_empty() {
        None
    } else {
        match read_submitted(&submitted_text, offset, context.now) {
            Ok((submitted_at, date_only)) => {
                if date_only {
                    findings.push(Finding::info(
                        FindingCode::SubmittedTimeAssumed,
                        Field::SubmittedAt,
                        "Only a date was given, so the end of that day is assumed.",
                        "Add the time the request was sent for a closer answer.",
                    ));
                }
                let wait_until =
                    Timestamp::from_millis(submitted_at.millis() + WAIT_HOURS * MS_PER_HOUR);
                let left_ms = context
                    .now
                    .map_or(i64::MAX, |now| wait_until.millis() - now.millis());
                Some(WaitWindow {
                    submitted_at,
                    wait_until,
                    wait_until_local: format_local(wait_until, offset),
                    passed: left_ms <= 0,
                    hours_left: if left_ms <= 0 {
                        0
                    } else {
                        (left_ms + MS_PER_HOUR - 1) / MS_PER_HOUR
                    },
                })
            }
            Err(finding) => {
                findings.push(finding);
                None
            }
        }
    };

    let causes = causes(
        input.connection,
        &environments,
        &failing_uris,
        !registered_uris.is_empty(),
        window.as_ref(),
    );
    let follow_up = follow_up(&environments, window.as_ref(), context);
    Some(DiagnosisReport {
        registered_uris,
        failing_uris,
        environments,
        unmatched_registered,
        window,
        causes,
        follow_up,
        findings,
    })
}

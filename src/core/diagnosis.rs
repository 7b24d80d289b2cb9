//! Diagnosing `invalid_redirect_uri` after registration: compares what iManage confirmed
//! and what the failing sign-in sent with the URIs computed for each environment, checks
//! the 48-hour window and the connection setting, and names the most likely cause.

use serde::{Deserialize, Serialize};

use super::environment::{analyze_entry, EnvironmentsReport};
use super::extract::{
    error_in_words, extract, percent_decode, reads_as_confirmation, split_quoted, ExtractedUri,
    Extraction, UriSource,
};
use super::finding::{Field, Finding, FindingCode};
use super::role::Role;
use super::text::{excerpt, join_words, removed_names, QUOTE_LENGTH};
use super::timestamp::Timestamp;
use super::uri::RedirectUri;
use super::version::ConfigPath;

mod causes;
mod compare;
mod dated;
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
    /// When Clio Operate Support submitted the registration request to iManage: ISO 8601
    /// with a zone, a local `YYYY-MM-DDTHH:MM`, or a local date `YYYY-MM-DD`.
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
    /// The environment's configuration path (its own version's, else the common one).
    pub path: ConfigPath,
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
    /// `submitted_at` in the reader's local time, e.g. "28 November 2026 at 09:15 (UTC−5)".
    pub submitted_at_local: String,
    /// `wait_until` in the reader's local time, e.g. "Monday 30 November 2026 at 09:15 (UTC−5)".
    pub wait_until_local: String,
    pub passed: bool,
    /// Whole hours left, rounded up (0 once passed).
    pub hours_left: i64,
    /// Whole minutes left, rounded up (0 once passed), for "less than an hour".
    pub minutes_left: i64,
}

impl WaitWindow {
    /// The time left as the verdict says it: "3 hours", or "less than an hour".
    pub fn time_left(&self) -> String {
        causes::hours_left(self)
    }
}

/// What the verdict says when nothing entered points to any cause.
pub const NO_CAUSE_YET: &str = "Nothing entered here points to a cause yet.";

/// The 48 hours count from when Support submitted the request to iManage; a reader may
/// only know when they wrote to Support, which is earlier.
pub const WINDOW_CAVEAT: &str = "The 48 hours count from when Clio Operate Support submitted the request to iManage; if the date entered is when you wrote to Support, the wait may run longer.";

/// A redirect URI the failing sign-in sent that belongs to no environment entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownEnvironment {
    /// As found in the paste.
    pub found: String,
    /// The exact redirect URI for its environment, when its address can be read.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub redirect_uri: Option<RedirectUri>,
    /// iManage's confirmation lists it exactly.
    pub confirmed: bool,
}

/// What a URI the sign-in sent is, when it is no Clio Operate redirect URI (never to be
/// registered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForeignKind {
    /// iManage's own address (`*.cloudimanage.com`).
    IManage,
    /// A host whose first label ends in `-identity`: the sign-in server, not the
    /// application (rule §2.9).
    IdentityServer,
    /// Another path on an address that is no environment's: another service's address.
    OtherService,
}

/// What `uri` (on no environment's address) is, when it is no Clio Operate redirect URI.
fn foreign_kind(uri: &str) -> Option<ForeignKind> {
    let lower = uri.to_ascii_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..authority_end].rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").trim_end_matches('.');
    let path = rest[authority_end..].split(['?', '#']).next().unwrap_or("");
    let path = path.trim_end_matches('/');
    if host == "cloudimanage.com" || host.ends_with(".cloudimanage.com") {
        Some(ForeignKind::IManage)
    } else if host
        .split('.')
        .next()
        .is_some_and(|l| l.ends_with("-identity"))
    {
        Some(ForeignKind::IdentityServer)
    } else if path != "/externalservices/replyfrom" {
        Some(ForeignKind::OtherService)
    } else {
        None
    }
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
    /// A protected link hides the address it leads to: nothing can be read until it is
    /// opened.
    AddressHidden,
    /// No environments were entered, so nothing can be compared.
    NoEnvironments,
    /// The sign-in came from an environment that is not in the reader's list.
    UnknownEnvironment,
    /// What was pasted as sent is no Clio Operate redirect URI (iManage's own address,
    /// another service's, the identity server's).
    NotARedirectUri,
    WrongConnection,
    /// iManage answered the sign-in with an error other than a redirect URI mismatch.
    CallbackError,
    SentUriDiffers,
    RegisteredUriDiffers,
    NotRegisteredYet,
    NotRegistered,
    /// A sent URI and a registered one agree, though neither is exact: not what fails.
    PairMatches,
    /// iManage sent a sign-in code back: that environment's registration works.
    RegistrationWorks,
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
    /// Redirect URIs the failing sign-in sent that belong to no environment entered.
    pub unknown_environments: Vec<UnknownEnvironment>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub window: Option<WaitWindow>,
    /// The pasted confirmation is dated before the submission: it answers an earlier
    /// request, so the window still applies to what it leaves out.
    #[serde(skip_serializing_if = "is_false", default)]
    pub confirmation_predates: bool,
    /// The most likely cause first; never empty.
    pub causes: Vec<Cause>,
    /// Present when Support must correct or add a registration.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub follow_up: Option<FollowUp>,
    pub findings: Vec<Finding>,
}

fn is_false(value: &bool) -> bool {
    !*value
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
            "Enter the date Clio Operate Support submitted the request to iManage, such as 2026-11-26, with the time if you know it.",
        ));
    };
    if let Some(now) = now {
        // A few minutes of clock difference are not a future date.
        if at.millis() > now.millis() + 10 * 60_000 {
            return Err(Finding::error(
                FindingCode::SubmittedDateInFuture,
                Field::SubmittedAt,
                "The submission date is in the future.",
                "Enter the date Clio Operate Support submitted the request to iManage.",
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

/// "Monday 30 November 2026 at 09:15 (UTC−5)" in the reader's local time and zone.
pub fn format_local(at: Timestamp, offset_minutes: i32) -> String {
    let local = Timestamp::from_millis(at.millis() + i64::from(offset_minutes) * 60_000);
    let days = local.millis().div_euclid(86_400_000);
    let weekday = WEEKDAYS[days.rem_euclid(7) as usize];
    format!("{weekday} {}", format_date_time(at, offset_minutes))
}

/// "30 November 2026 at 09:15 (UTC−5)": a date and time in the reader's zone, said as
/// people say it, with the zone so that Support reads it right wherever it is.
pub fn format_date_time(at: Timestamp, offset_minutes: i32) -> String {
    let local = Timestamp::from_millis(at.millis() + i64::from(offset_minutes) * 60_000);
    let iso = local.to_iso();
    let year = &iso[..4];
    let month = iso[5..7].parse::<usize>().unwrap_or(1);
    let day = iso[8..10].trim_start_matches('0');
    format!(
        "{day} {} {year} at {} ({})",
        MONTHS[month.saturating_sub(1).min(11)],
        &iso[11..16],
        zone_name(offset_minutes)
    )
}

/// "UTC", "UTC−5", "UTC+5:30" (with a true minus sign).
fn zone_name(offset_minutes: i32) -> String {
    if offset_minutes == 0 {
        return "UTC".to_owned();
    }
    let sign = if offset_minutes < 0 { '\u{2212}' } else { '+' };
    let (hours, minutes) = (offset_minutes.abs() / 60, offset_minutes.abs() % 60);
    if minutes == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{minutes:02}")
    }
}

/// The reader's local date, "2026-11-28", for file names.
pub fn local_date(at: Timestamp, offset_minutes: i32) -> String {
    Timestamp::from_millis(at.millis() + i64::from(offset_minutes) * 60_000).to_iso()[..10]
        .to_owned()
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
    /// The path the version field decides; an environment's own version wins.
    pub path: ConfigPath,
}

/// The findings about how the URIs were read from one paste: wrappers unwrapped, lines
/// joined, invisible characters removed, a wrapper that hides its address.
fn reading_findings(field: Field, extraction: &Extraction) -> Vec<Finding> {
    let mut findings = Vec::new();
    let what = match field {
        Field::Registered => "The confirmed list",
        _ => "The failing address",
    };
    let mut wrappers: Vec<String> = extraction
        .uris
        .iter()
        .filter_map(|u| u.unwrapped_from.clone())
        .collect();
    wrappers.dedup();
    if !wrappers.is_empty() {
        findings.push(Finding::info(
            FindingCode::LinkUnwrapped,
            field,
            format!(
                "{what} had links rewritten by {}; the address inside each was used.",
                join_words(&wrappers)
            ),
            "Nothing to do: a protected link is never itself a redirect URI.",
        ));
    }
    if extraction.hidden_by_wrapper {
        findings.push(Finding::warning(
            FindingCode::LinkHidesAddress,
            field,
            format!("{what} has a protected link that hides the address it leads to."),
            "Copy the text of the link (the address as written in the message) rather than the link itself.",
        ));
    }
    let removed: Vec<char> = extraction
        .uris
        .iter()
        .flat_map(|u| u.invisible_removed.iter().copied())
        .collect();
    if !removed.is_empty() {
        let names = removed_names(&removed);
        findings.push(Finding::warning(
            FindingCode::InvisibleCharactersRemoved,
            field,
            format!(
                "{what} contained {} in or right after an address, which {} removed before comparing.",
                join_words(&names),
                if names.len() == 1 { "was" } else { "were" }
            ),
            "Check the addresses shown below; if the registration itself contains such a character, ask Support to have it corrected.",
        ));
    }
    if extraction.uris.iter().any(|u| u.joined_lines) {
        findings.push(Finding::info(
            FindingCode::LinesJoined,
            field,
            format!("{what} had an address broken across two lines, which was joined."),
            "Nothing to do: e-mail programs wrap long lines.",
        ));
    }
    for uri in &extraction.uris {
        if let Some(answer) = &uri.answer {
            let said = match (&answer.error, &answer.error_description) {
                (Some(error), Some(description)) => format!(
                    "it carries the error {}: {} (iManage says: \u{201C}{}\u{201D})",
                    excerpt(error, 40),
                    error_in_words(error),
                    excerpt(description, QUOTE_LENGTH)
                ),
                (Some(error), None) => format!(
                    "it carries the error {}: {}",
                    excerpt(error, 40),
                    error_in_words(error)
                ),
                (None, _) if answer.code => {
                    "it carries a sign-in code, so iManage accepted this redirect URI".to_owned()
                }
                (None, _) => "it carries no error".to_owned(),
            };
            findings.push(Finding::info(
                FindingCode::CallbackAnswer,
                field,
                format!(
                    "{} is iManage's answer sent back to Clio Operate; {said}.",
                    excerpt(&uri.uri, QUOTE_LENGTH)
                ),
                "Nothing to do: the part before ? is compared as the redirect URI.",
            ));
        }
    }
    findings
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
    let registrations = &context.environments.registrations;
    // A reply pasted with its thread: the confirmation is the reply's own text, not the
    // request it quotes. When only quoted text holds addresses (a forward, or just the
    // quoted part pasted), that is the confirmation. A quoted earlier confirmation still
    // counts for the hosts the reply does not mention (a correction of one environment).
    let mut quoted_left_out = false;
    let registered = match split_quoted(&registered_text) {
        Some((own, quoted)) => {
            let mut own = extract(&own);
            if own.uris.iter().any(|u| !u.origin_only) {
                quoted_left_out = true;
                if reads_as_confirmation(&quoted) {
                    let host = |u: &ExtractedUri| {
                        let lower = u.uri.to_ascii_lowercase();
                        let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
                        rest.split(['/', '?', '#']).next().unwrap_or("").to_owned()
                    };
                    let hosts: Vec<String> = own.uris.iter().map(host).collect();
                    let earlier = extract(&quoted);
                    own.uris.extend(
                        earlier
                            .uris
                            .into_iter()
                            .filter(|u| !hosts.contains(&host(u))),
                    );
                }
                own
            } else {
                extract(&registered_text)
            }
        }
        None => extract(&registered_text),
    };
    let failing = extract(&failing_text);
    let hidden = registered.hidden_by_wrapper || failing.hidden_by_wrapper;
    let mut findings = reading_findings(Field::Registered, &registered);
    if quoted_left_out {
        findings.push(Finding::info(
            FindingCode::QuotedHistoryLeftOut,
            Field::Registered,
            "The confirmed list quotes an earlier message; the addresses it asked for are not counted as confirmed, only those in the reply itself (and in an earlier confirmation it quotes).",
            "Nothing to do, unless the confirmation itself is the quoted part: then paste only that part.",
        ));
    }
    findings.extend(reading_findings(Field::Failing, &failing));
    // A bare origin counts only when it is an environment's (a registration without its
    // path); otherwise it is a link in a signature.
    let belongs = |uri: &ExtractedUri| {
        registrations
            .iter()
            .any(|r| compare(&uri.uri, &r.redirect_uri).is_some())
    };
    // A page on an environment's own address other than the redirect path is a
    // registration of the wrong page; any other link is left alone.
    // A sign-in's address or error pasted as the confirmation: its redirect_uri= is what
    // the sign-in sent, never what iManage confirmed.
    let (sent_in_registered, registered_uris): (Vec<ExtractedUri>, Vec<ExtractedUri>) = registered
        .uris
        .into_iter()
        .chain(registered.other_paths)
        .filter(|u| !(u.origin_only || u.other_path) || belongs(u))
        .partition(|u| matches!(u.source, UriSource::RedirectParameter { .. }));
    if !sent_in_registered.is_empty() {
        findings.push(Finding::warning(
            FindingCode::SignInPastedAsConfirmation,
            Field::Registered,
            "The confirmed list holds a sign-in's address (redirect_uri=), so it was read as what the sign-in sent, not as a confirmation.",
            "Paste iManage's confirmation in the confirmed list, and the error or the browser's address in the box for the failing sign-in.",
        ));
    }
    // An address printed encoded in error text is what was sent, decoded.
    let failing_uris: Vec<ExtractedUri> = failing
        .uris
        .into_iter()
        .filter(|u| !u.origin_only)
        .map(|mut u| {
            let lower = u.uri.get(..8).unwrap_or("").to_ascii_lowercase();
            if u.source == UriSource::Text && lower.starts_with("http") && lower.contains("%3a") {
                u.uri = percent_decode(&u.uri);
            }
            u
        })
        .chain(sent_in_registered.iter().cloned())
        .collect();
    if !registered_text.is_empty() && registered_uris.is_empty() && sent_in_registered.is_empty() {
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
    if registrations.is_empty() && !(registered_uris.is_empty() && failing_uris.is_empty()) {
        findings.push(Finding::warning(
            FindingCode::NoEnvironmentsToCompare,
            Field::Registered,
            "No environments are entered in your list of environments, so the redirect URIs found cannot be checked.",
            "Enter the address of every environment in your list of environments.",
        ));
    }

    let environments: Vec<EnvironmentCheck> = registrations
        .iter()
        .map(|registration| {
            let expected = &registration.redirect_uri;
            let registered = if registered_uris.is_empty() {
                Match::Unknown
            } else {
                best_match(&registered_uris, expected)
            };
            let sent = best_match(&failing_uris, expected);
            EnvironmentCheck {
                role: registration.role.clone(),
                redirect_uri: expected.clone(),
                path: registration.path(context.path),
                registered,
                sent: (sent != Match::Missing).then_some(sent),
            }
        })
        .collect();
    let unmatched_registered: Vec<String> = registered_uris
        .iter()
        .filter(|uri| !uri.origin_only && !belongs(uri))
        .map(|uri| uri.uri.clone())
        .collect();
    if !unmatched_registered.is_empty() && !registrations.is_empty() {
        let one = unmatched_registered.len() == 1;
        findings.push(Finding::info(
            FindingCode::RegisteredUnmatched,
            Field::Registered,
            format!(
                "{} registered URI{} belong{} to none of the environments you entered.",
                unmatched_registered.len(),
                if one { "" } else { "s" },
                if one { "s" } else { "" }
            ),
            "Nothing to do, unless one of them is an environment you forgot to enter above.",
        ));
    }
    // With no environments entered, the failing URIs are still checked against the
    // confirmed list (when one is pasted).
    let unknown_environments: Vec<UnknownEnvironment> = if registrations.is_empty()
        && registered_uris.is_empty()
    {
        Vec::new()
    } else {
        failing_uris
            .iter()
            .filter(|uri| !belongs(uri) && foreign_kind(&uri.uri).is_none())
            .map(|uri| {
                let (_, origin, _) = analyze_entry(&uri.uri);
                let redirect_uri = origin.map(|o| o.redirect_uri());
                // Exact means the same string (invisible characters are already gone).
                // The URI as sent being in the list, or a sign-in code back, proves
                // the registration as well.
                let confirmed = registered_uris.iter().any(|u| {
                    u.uri == uri.uri || redirect_uri.as_ref().is_some_and(|r| u.uri == r.as_str())
                }) || uri
                    .answer
                    .as_ref()
                    .is_some_and(|a| a.code && a.error.is_none());
                UnknownEnvironment {
                    found: uri.uri.clone(),
                    redirect_uri,
                    confirmed,
                }
            })
            .collect()
    };

    // URIs sent that are no Clio Operate redirect URI: named, never to be registered.
    let foreign: Vec<(&str, ForeignKind)> = failing_uris
        .iter()
        .filter(|uri| !belongs(uri))
        .filter_map(|uri| Some((uri.uri.as_str(), foreign_kind(&uri.uri)?)))
        .collect();

    let mut date_unusable = false;
    let window = if submitted_text.is_empty() {
        None
    } else {
        match read_submitted(&submitted_text, offset, context.now) {
            Ok((submitted_at, date_only)) => {
                let zoned = Timestamp::parse_iso(&submitted_text).is_some();
                if !zoned && input.utc_offset_minutes.is_none() {
                    findings.push(Finding::info(
                        FindingCode::SubmittedZoneAssumed,
                        Field::SubmittedAt,
                        "The submission time has no zone, so it was read as UTC.",
                        "Add the zone (such as +01:00) if it is not UTC.",
                    ));
                }
                if date_only {
                    findings.push(Finding::info(
                        FindingCode::SubmittedTimeAssumed,
                        Field::SubmittedAt,
                        "Only a date was given, so the end of that day is assumed.",
                        "Add the time Support submitted the request for a closer answer.",
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
                    submitted_at_local: format_date_time(submitted_at, offset),
                    wait_until_local: format_local(wait_until, offset),
                    passed: left_ms <= 0,
                    // Without a clock nothing has passed: the sums saturate.
                    hours_left: if left_ms <= 0 {
                        0
                    } else {
                        left_ms.saturating_add(MS_PER_HOUR - 1) / MS_PER_HOUR
                    },
                    minutes_left: if left_ms <= 0 {
                        0
                    } else {
                        left_ms.saturating_add(59_999) / 60_000
                    },
                })
            }
            Err(finding) => {
                findings.push(finding);
                date_unusable = true;
                None
            }
        }
    };

    // A confirmation dated before the submission answers an earlier request.
    let confirmation_day = (!registered_uris.is_empty())
        .then(|| dated::confirmation_day(&registered_text))
        .flatten();
    let confirmation_predates = match (confirmation_day, window.as_ref()) {
        (Some(day), Some(w)) => day.millis() + 24 * MS_PER_HOUR <= w.submitted_at.millis(),
        _ => false,
    };
    let evidence = causes::Evidence {
        hidden,
        confirmation_dated: confirmation_day.is_some(),
        confirmation_predates,
        connection: input.connection,
        environments: &environments,
        failing_uris: &failing_uris,
        registered_uris: &registered_uris,
        unknown: &unknown_environments,
        foreign: &foreign,
        window: window.as_ref(),
        date_unusable,
        path: context.path,
    };
    let causes = causes(&evidence);
    let follow_up = follow_up(&evidence, context);
    Some(DiagnosisReport {
        registered_uris,
        failing_uris,
        environments,
        unmatched_registered,
        unknown_environments,
        window,
        confirmation_predates,
        causes,
        follow_up,
        findings,
    })
}

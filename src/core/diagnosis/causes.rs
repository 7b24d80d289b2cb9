//! The likely causes of `invalid_redirect_uri`, most likely first, each with its
//! evidence and what to do. There is always a verdict: when no evidence points anywhere,
//! it names what the article leaves (the connection setting, then Support).

use super::{
    differences_text, role_name, Cause, CauseKind, ConnectionChoice, EnvironmentCheck, Match,
    UnknownEnvironment, WaitWindow, WINDOW_CAVEAT,
};
use crate::core::configuration::{CONNECTION_SETTING, INTERNAL_CONNECTION_SETTING};
use crate::core::extract::{error_in_words, ExtractedUri};
use crate::core::version::ConfigPath;

/// Everything the verdict is drawn from.
pub(super) struct Evidence<'a> {
    pub connection: Option<ConnectionChoice>,
    pub environments: &'a [EnvironmentCheck],
    pub failing_uris: &'a [ExtractedUri],
    pub registered_uris: &'a [ExtractedUri],
    pub unknown: &'a [UnknownEnvironment],
    pub window: Option<&'a WaitWindow>,
}

impl Evidence<'_> {
    /// iManage's confirmation lists every environment's redirect URI exactly.
    pub fn registration_complete(&self) -> bool {
        !self.environments.is_empty()
            && self
                .environments
                .iter()
                .all(|e| e.registered == Match::Exact)
    }

    /// Environments the confirmation does not list at all.
    pub fn missing(&self) -> Vec<&EnvironmentCheck> {
        self.environments
            .iter()
            .filter(|e| e.registered == Match::Missing)
            .collect()
    }

    /// Unknown environments not in iManage's confirmation: never requested.
    pub fn never_requested(&self) -> Vec<&UnknownEnvironment> {
        self.unknown.iter().filter(|u| !u.confirmed).collect()
    }

    pub fn waiting(&self) -> bool {
        self.window.is_some_and(|w| !w.passed)
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What to do when the sign-in sent a URI that differs from the one to register: on
/// the Hosted path the reader types it in the Redirect URL field; on the standard path
/// Clio Operate sends it itself, so only Support can look into it.
fn sent_differs_action(paths: &[ConfigPath]) -> String {
    let hosted = paths.contains(&ConfigPath::Hosted);
    let standard = paths.contains(&ConfigPath::Standard);
    let undecided = paths.contains(&ConfigPath::Undecided);
    let hosted_fix = "correct the Redirect URL field of the Hosted iManage linked service to the exact redirect URI shown, save, and sign in again";
    let standard_fix = "Clio Operate sends this address itself, so it cannot be changed in the linked service: make sure you opened Clio Operate at its usual https address, then send Clio Operate Support the message below";
    match (hosted, standard || undecided) {
        (true, false) => "Correct the Redirect URL field of the Hosted iManage linked service to the exact redirect URI shown, save, and sign in again.".to_owned(),
        (false, true) if !undecided => format!("{standard_fix}."),
        (true, true) => format!(
            "On environments below 7.11.0 (Hosted iManage), {hosted_fix}. On 7.11.0 and above, {}.",
            standard_fix
        ),
        _ => format!(
            "Below 7.11.0 (Hosted iManage), {hosted_fix}. On 7.11.0 and above, {standard_fix}. Enter your Clio Operate version to see which applies."
        ),
    }
}

pub(super) fn causes(evidence: &Evidence<'_>) -> Vec<Cause> {
    let mut causes = Vec::new();
    let environments = evidence.environments;
    let window = evidence.window;

    if environments.is_empty() {
        let found = evidence.registered_uris.len() + evidence.failing_uris.len();
        causes.push(Cause {
            kind: CauseKind::NoEnvironments,
            title: "Enter your environments to compare".into(),
            evidence: vec![if found == 0 {
                "No environments are entered in your list of environments, so nothing can be checked against them.".to_owned()
            } else {
                format!(
                    "{found} redirect URI{} found, but no environments are entered in your list of environments to check them against.",
                    if found == 1 { " was" } else { "s were" }
                )
            }],
            action: "Enter the address of every environment in your list of environments; each one is then compared with what you pasted here.".into(),
        });
    }

    let never_requested = evidence.never_requested();
    if !never_requested.is_empty() {
        causes.push(Cause {
            kind: CauseKind::UnknownEnvironment,
            title: "The sign-in came from an environment that is not in your list, so it was not registered".into(),
            evidence: never_requested
                .iter()
                .map(|u| format!(
                    "The sign-in sent {}, which belongs to none of the environments you entered.",
                    u.found
                ))
                .collect(),
            action: "If this is one of your environments, add it to your list of environments and ask Clio Operate Support to register its redirect URI; the message below asks for it.".into(),
        });
    }

    if evidence.connection == Some(ConnectionChoice::SharedoTest) {
        causes.push(Cause {
            kind: CauseKind::WrongConnection,
            title: format!("The connection setting is {INTERNAL_CONNECTION_SETTING}"),
            evidence: vec![format!("You chose {INTERNAL_CONNECTION_SETTING}, which is for Clio Operate's internal use only.")],
            action: format!("Select {CONNECTION_SETTING} in the linked service, save, and sign in again. Every customer environment uses it, test environments included."),
        });
    }

    let answered: Vec<String> = evidence
        .failing_uris
        .iter()
        .filter_map(|u| u.answer.as_ref()?.error.clone())
        .filter(|e| {
            !e.eq_ignore_ascii_case("invalid_redirect_uri")
                && !e.eq_ignore_ascii_case("redirect_uri_mismatch")
        })
        .collect();
    if let Some(error) = answered.first() {
        causes.push(Cause {
            kind: CauseKind::CallbackError,
            title: format!("iManage answered: {}", error_in_words(error)),
            evidence: vec![format!(
                "The address you pasted is iManage's answer, with the error {error}; iManage sent the browser back, so it accepted the redirect URI."
            )],
            action: "Sign in again; if the same error comes back, send Clio Operate Support the address you pasted and the time it happened.".into(),
        });
    }

    let sent_differs: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| matches!(e.sent, Some(Match::NearMiss { .. })))
        .collect();
    if !sent_differs.is_empty() {
        let paths: Vec<ConfigPath> = sent_differs.iter().map(|e| e.path).collect();
        causes.push(Cause {
            kind: CauseKind::SentUriDiffers,
            title: "The sign-in sent a redirect URI that is not the one to register".into(),
            evidence: sent_differs
                .iter()
                .filter_map(|e| match &e.sent {
                    Some(Match::NearMiss { found, differences }) => Some(format!(
                        "{}: the sign-in sent {found}, which differs from {} because {}.",
                        role_name(&e.role),
                        e.redirect_uri,
                        differences_text(differences)
                    )),
                    _ => None,
                })
                .collect(),
            action: sent_differs_action(&paths),
        });
    }

    let registered_differs: Vec<String> = environments
        .iter()
        .filter_map(|e| match &e.registered {
            Match::NearMiss { found, differences } => Some(format!(
                "{}: registered as {found}, but it must be {} ({}).",
                role_name(&e.role),
                e.redirect_uri,
                differences_text(differences)
            )),
            _ => None,
        })
        .collect();
    if !registered_differs.is_empty() {
        causes.push(Cause {
            kind: CauseKind::RegisteredUriDiffers,
            title: "A registered redirect URI does not exactly match".into(),
            evidence: registered_differs,
            action: "Ask Clio Operate Support to have iManage correct the registration; the message below says exactly what to change.".into(),
        });
    }

    let have_registered = !evidence.registered_uris.is_empty();
    let missing = evidence.missing();
    let complete = evidence.registration_complete();
    let sent_unconfirmed: Vec<&EnvironmentCheck> = if have_registered {
        Vec::new()
    } else {
        environments
            .iter()
            .filter(|e| e.sent == Some(Match::Exact))
            .collect()
    };
    let listed = |list: &[&EnvironmentCheck], how: &str| -> Vec<String> {
        list.iter()
            .map(|e| format!("{}: {} {how}.", role_name(&e.role), e.redirect_uri))
            .collect()
    };
    // Waiting helps only a registration still to come: not when iManage confirmed every
    // URI, and not for a near miss, which stays wrong however long one waits.
    let waiting_helps = !complete && (!have_registered || !missing.is_empty());
    match window {
        Some(window) if !window.passed && waiting_helps && !environments.is_empty() => {
            let mut lines = vec![format!(
                "The request was submitted less than 48 hours ago; {} hour{} left.",
                window.hours_left,
                plural(window.hours_left)
            )];
            lines.extend(listed(&missing, "is not in the confirmed list yet"));
            lines.push(WINDOW_CAVEAT.into());
            causes.push(Cause {
                kind: CauseKind::NotRegisteredYet,
                title: "The registration may not have been processed yet".into(),
                evidence: lines,
                action: format!(
                    "Wait until {} before trying again; if Support submitted the request later than the date entered, wait 48 hours from then.",
                    window.wait_until_local
                ),
            });
        }
        _ if !missing.is_empty() => {
            let mut lines = listed(&missing, "is not in the confirmed list");
            if let Some(window) = window {
                lines.push(format!(
                    "More than 48 hours have passed since the date entered (at {}).",
                    window.wait_until_local
                ));
            }
            causes.push(Cause {
                kind: CauseKind::NotRegistered,
                title: "A redirect URI is not registered".into(),
                evidence: lines,
                action: "Ask Clio Operate Support to register the missing redirect URIs; the message below lists them.".into(),
            });
        }
        Some(window) if window.passed && !sent_unconfirmed.is_empty() => {
            let mut lines = listed(&sent_unconfirmed, "was sent exactly as it should be");
            lines.push(WINDOW_CAVEAT.into());
            causes.push(Cause {
                kind: CauseKind::NotRegistered,
                title: "The redirect URI is right, so the registration has not taken effect".into(),
                evidence: lines,
                action: "More than 48 hours have passed: ask Clio Operate Support to check the registration with iManage.".into(),
            });
        }
        _ => {}
    }

    if evidence.connection == Some(ConnectionChoice::NotSure) {
        causes.push(check_connection(
            "You are not sure which connection setting is selected.",
        ));
    }

    // No evidence-based cause: what the article leaves is the connection setting, then
    // Support, with what was gathered here.
    let evidence_based = causes.iter().any(|c| c.kind != CauseKind::CheckConnection);
    if !evidence_based {
        if evidence.connection.is_none() {
            causes.push(check_connection(
                "The connection setting was not given, and it is one of the three causes the article names.",
            ));
        }
        let mut gathered = Vec::new();
        if complete {
            gathered.push(format!(
                "iManage confirmed all {} redirect URI{} exactly, so the registration is complete.",
                environments.len(),
                plural(environments.len() as i64)
            ));
        }
        for e in environments.iter().filter(|e| e.sent == Some(Match::Exact)) {
            gathered.push(format!(
                "{}: the sign-in sent {} exactly.",
                role_name(&e.role),
                e.redirect_uri
            ));
        }
        for u in evidence.unknown.iter().filter(|u| u.confirmed) {
            gathered.push(format!(
                "The sign-in sent {}, which iManage confirmed but which is not among the environments you entered.",
                u.found
            ));
        }
        for u in evidence.failing_uris.iter().filter(|u| {
            u.answer
                .as_ref()
                .is_some_and(|a| a.code && a.error.is_none())
        }) {
            gathered.push(format!(
                "The address pasted ({}) carries a sign-in code, so iManage accepted that redirect URI.",
                u.uri
            ));
        }
        if evidence.connection == Some(ConnectionChoice::SharedoProduction) {
            gathered.push(format!("The connection setting is {CONNECTION_SETTING}."));
        }
        if let Some(window) = window.filter(|w| w.passed) {
            gathered.push(format!(
                "More than 48 hours have passed since the date entered (at {}).",
                window.wait_until_local
            ));
        }
        if gathered.is_empty() {
            gathered.push("Nothing entered here points to a cause yet.".into());
        }
        causes.push(Cause {
            kind: CauseKind::NoCauseFound,
            title: if complete {
                "The registration is complete; nothing entered here explains the error".into()
            } else {
                "Nothing entered here explains the error".into()
            },
            evidence: gathered,
            action: "Contact Clio Operate Support with the error, the time it happened and what you entered here.".into(),
        });
    }
    causes
}

fn check_connection(why: &str) -> Cause {
    Cause {
        kind: CauseKind::CheckConnection,
        title: "Check the connection setting".into(),
        evidence: vec![why.to_owned()],
        action: format!("Open the linked service and check that {CONNECTION_SETTING} is selected, not {INTERNAL_CONNECTION_SETTING}."),
    }
}

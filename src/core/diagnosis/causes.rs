//! The likely causes of `invalid_redirect_uri`, most likely first, each with its
//! evidence and what to do. There is always a verdict: when no evidence points anywhere,
//! it names what the article leaves (the connection setting, then Support).

use super::{
    differences_text, role_name, Cause, CauseKind, ConnectionChoice, EnvironmentCheck, ForeignKind,
    Match, UnknownEnvironment, WaitWindow, WINDOW_CAVEAT,
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
    /// A protected link in a paste hides its address.
    pub hidden: bool,
    /// The pasted confirmation carries a date in its header.
    pub confirmation_dated: bool,
    /// That date is before the submission: it answers an earlier request.
    pub confirmation_predates: bool,
    pub foreign: &'a [(&'a str, ForeignKind)],
    pub window: Option<&'a WaitWindow>,
    /// A submission date was entered but cannot be used (unreadable, or in the future).
    pub date_unusable: bool,
    /// The path the version field decides, for when no environment is entered.
    pub path: ConfigPath,
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

    /// Environments the confirmation does not list at all (and no answer shows working).
    pub fn missing(&self) -> Vec<&EnvironmentCheck> {
        self.environments
            .iter()
            .filter(|e| {
                e.registered == Match::Missing && !self.accepted(e) && !self.pair_matches(e)
            })
            .collect()
    }

    /// Unknown environments not in iManage's confirmation: never requested.
    pub fn never_requested(&self) -> Vec<&UnknownEnvironment> {
        self.unknown.iter().filter(|u| !u.confirmed).collect()
    }

    /// iManage sent a sign-in code back to this environment's exact redirect URI: it
    /// does so only for a registered one, so this registration works.
    pub fn accepted(&self, e: &EnvironmentCheck) -> bool {
        self.failing_uris.iter().any(|u| {
            u.uri == e.redirect_uri.as_str()
                && u.answer
                    .as_ref()
                    .is_some_and(|a| a.code && a.error.is_none())
        })
    }

    /// The sign-in sent a URI that differs from the exact one, but iManage has exactly
    /// that URI (its list holds it, or it sent a sign-in code back to it): the pair
    /// matches, so it is not what fails.
    pub fn pair_matches(&self, e: &EnvironmentCheck) -> bool {
        matches!(&e.sent, Some(Match::NearMiss { found, .. })
        if self.registered_uris.iter().any(|u| &u.uri == found)
            || self.failing_uris.iter().any(|u| {
                &u.uri == found && u.answer.as_ref().is_some_and(|a| a.code && a.error.is_none())
            }))
    }

    /// A registration still to come: the 48 hours count only while iManage has not
    /// answered (no confirmation pasted), and not for what an answer shows working.
    pub fn waiting(&self) -> bool {
        self.window.is_some_and(|w| !w.passed) && self.wait_helps()
    }

    fn wait_helps(&self) -> bool {
        let sent: Vec<&EnvironmentCheck> = self
            .environments
            .iter()
            .filter(|e| e.sent.is_some())
            .collect();
        (self.registered_uris.is_empty() || self.confirmation_predates)
            && (sent.is_empty() || sent.iter().any(|e| !self.accepted(e)))
            && !self
                .failing_uris
                .iter()
                .any(|u| self.environments.is_empty() && u.answer.as_ref().is_some_and(|a| a.code))
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
    let have_registered = !evidence.registered_uris.is_empty();

    if evidence.hidden {
        causes.push(Cause {
            kind: CauseKind::AddressHidden,
            title: "A protected link hides the address".into(),
            evidence: vec!["The link carries only a code.".into()],
            action: "Open the link and paste the address it shows.".into(),
        });
    }

    // Certain and fixed in a minute by the reader: first.
    if evidence.connection == Some(ConnectionChoice::SharedoTest) {
        let hosted = environments.iter().any(|e| e.path == ConfigPath::Hosted)
            || (environments.is_empty() && evidence.path == ConfigPath::Hosted);
        let mut action = format!("Select {CONNECTION_SETTING} in the linked service, save, and sign in again. Every customer environment uses it, test environments included.");
        if hosted {
            action.push_str(" Below 7.11.0 the iManage Connection stays Hosted iManage: change only the connection setting.");
        }
        causes.push(Cause {
            kind: CauseKind::WrongConnection,
            title: format!("The connection setting is {INTERNAL_CONNECTION_SETTING}"),
            evidence: vec![format!("You chose {INTERNAL_CONNECTION_SETTING}, which is for Clio Operate's internal use only.")],
            action,
        });
    }

    let never_requested = evidence.never_requested();
    if !never_requested.is_empty() && environments.is_empty() {
        // No environments entered: the lists alone show the sent URI was not confirmed.
        causes.push(Cause {
            kind: CauseKind::NotRegistered,
            title: "The redirect URI the sign-in sent is not in the confirmed list".into(),
            evidence: never_requested
                .iter()
                .map(|u| {
                    let mut line = "The sign-in sent ".to_owned();
                    line.push_str(&u.found);
                    line.push_str(", which the confirmed list you pasted does not show exactly as written.");
                    line
                })
                .collect(),
            action: "Ask Clio Operate Support to register it exactly as written (the message below asks for it), and enter your environments in your list to check the others.".into(),
        });
    } else if !never_requested.is_empty() {
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

    if !evidence.foreign.is_empty() {
        causes.push(Cause {
            kind: CauseKind::NotARedirectUri,
            title: "What was pasted as sent is not a Clio Operate redirect URI".into(),
            evidence: evidence
                .foreign
                .iter()
                .map(|(found, kind)| {
                    let mut line = (*found).to_owned();
                    line.push_str(match kind {
                        ForeignKind::IManage => " is iManage's own address.",
                        ForeignKind::IdentityServer => " is the sign-in (identity) server, not the application: do not register it.",
                        ForeignKind::OtherService => " is another service's address.",
                    });
                    line
                })
                .collect(),
            action: "Sign in from Clio Operate again and, when the error shows, paste the whole address bar (it contains redirect_uri=).".into(),
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
        .filter(|e| matches!(e.sent, Some(Match::NearMiss { .. })) && !evidence.pair_matches(e))
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
        .filter(|e| !evidence.accepted(e) && !evidence.pair_matches(e))
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

    let missing = evidence.missing();
    let complete = evidence.registration_complete();
    let sent_unconfirmed: Vec<&EnvironmentCheck> = if have_registered {
        Vec::new()
    } else {
        environments
            .iter()
            .filter(|e| e.sent == Some(Match::Exact) && !evidence.accepted(e))
            .collect()
    };
    let listed = |list: &[&EnvironmentCheck], how: &str| -> Vec<String> {
        list.iter()
            .map(|e| format!("{}: {} {how}.", role_name(&e.role), e.redirect_uri))
            .collect()
    };
    let not_sure = evidence.connection == Some(ConnectionChoice::NotSure);
    let mut connection_checked = false;
    match window {
        // Waiting helps only a registration iManage has not answered yet: not when a
        // confirmation is pasted (it was processed; what it leaves out will not come by
        // waiting), and not for a near miss, which stays wrong however long one waits.
        Some(window) if evidence.waiting() && !complete => {
            let mut lines = vec![format!(
                "The request was submitted less than 48 hours ago; {} left.",
                hours_left(window)
            )];
            lines.extend(listed(
                &sent_unconfirmed,
                "was sent exactly as it should be",
            ));
            if evidence.confirmation_predates {
                lines.push(
                    "The confirmation is dated before the request, so it answers an earlier one."
                        .into(),
                );
                lines.extend(listed(&missing, "is not in that confirmation"));
            }
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
            match window {
                Some(window) if !window.passed => {
                    let mut line = "The confirmation you pasted shows iManage has already processed the request and left these out, so waiting will not add them".to_owned();
                    if !evidence.confirmation_dated {
                        line.push_str(" (if it answers this request)");
                    }
                    line.push('.');
                    lines.push(line);
                }
                Some(window) => lines.push(format!(
                    "More than 48 hours have passed since the date entered: they ended on {}.",
                    window.wait_until_local
                )),
                None => {}
            }
            causes.push(Cause {
                kind: CauseKind::NotRegistered,
                title: "A redirect URI is not registered".into(),
                evidence: lines,
                action: "Ask Clio Operate Support now to register the missing redirect URIs; the message below lists them.".into(),
            });
        }
        Some(window) if window.passed && !sent_unconfirmed.is_empty() => {
            if not_sure {
                causes.push(check_connection(NOT_SURE));
                connection_checked = true;
            }
            let mut lines = listed(&sent_unconfirmed, "was sent exactly as it should be");
            lines.push(WINDOW_CAVEAT.into());
            causes.push(Cause {
                kind: CauseKind::NotRegistered,
                title: "The redirect URI is right, so the registration has not taken effect".into(),
                evidence: lines,
                action: "More than 48 hours have passed: ask Clio Operate Support to check the registration with iManage.".into(),
            });
        }
        None if !sent_unconfirmed.is_empty() => {
            // The sent URI is right and nothing shows it registered: whether it is still
            // being processed turns on the date, which is missing or unusable.
            let mut lines = listed(&sent_unconfirmed, "was sent exactly as it should be");
            lines.push(if evidence.date_unusable {
                "The submission date entered cannot be used, so whether the 48 hours have passed cannot be told.".into()
            } else {
                "No submission date is entered, so whether the 48 hours have passed cannot be told.".into()
            });
            causes.push(Cause {
                kind: CauseKind::NotRegisteredYet,
                title: "The registration may not have been processed yet".into(),
                evidence: lines,
                action: "Enter the date Clio Operate Support submitted the request to iManage (ask Support if you do not know it). Until 48 hours after it, wait; after that, ask Support to check the registration with iManage.".into(),
            });
        }
        _ => {}
    }

    // Asked for after what the lists alone show.
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

    // Pairs that agree although both differ from the exact URI: iManage accepts them.
    let pairs: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| evidence.pair_matches(e))
        .collect();
    if !pairs.is_empty() {
        causes.push(Cause {
            kind: CauseKind::PairMatches,
            title: "The sign-in sends what is registered, though neither is the exact redirect URI".into(),
            evidence: pairs
                .iter()
                .filter_map(|e| match &e.sent {
                    Some(Match::NearMiss { found, differences }) => Some(format!(
                        "{}: the sign-in sends {found} and iManage has exactly that registered, so this pair matches and is not what fails; both differ from {} because {}.",
                        role_name(&e.role),
                        e.redirect_uri,
                        differences_text(differences)
                    )),
                    _ => None,
                })
                .collect(),
            action: "Look for the cause elsewhere first. Later, make both the exact redirect URI, together, so that they keep matching.".into(),
        });
    }

    // An answer with a sign-in code proves the registration of that redirect URI.
    let accepted: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| evidence.accepted(e))
        .collect();
    if !accepted.is_empty() {
        let mut lines: Vec<String> = accepted
            .iter()
            .map(|e| format!(
                "{}: iManage sent a sign-in code back to {}, which it does only for a registered redirect URI.",
                role_name(&e.role),
                e.redirect_uri
            ))
            .collect();
        if accepted
            .iter()
            .any(|e| e.registered != Match::Exact && e.registered != Match::Unknown)
        {
            lines.push("The confirmed list you pasted does not show it exactly, so that list is not the latest.".into());
        }
        causes.push(Cause {
            kind: CauseKind::RegistrationWorks,
            title: "This environment's registration works".into(),
            evidence: lines,
            action: format!("Nothing to register or correct for it. Look elsewhere: the environment where the error appears (copy its address bar when the error shows), the connection setting ({CONNECTION_SETTING}), and whether the confirmed list is the latest."),
        });
    }

    if not_sure && !connection_checked {
        causes.push(check_connection(NOT_SURE));
    }

    // No evidence-based cause: what the article leaves is the connection setting, then
    // Support, with what was gathered here.
    let evidence_based = causes.iter().any(|c| {
        !matches!(
            c.kind,
            CauseKind::CheckConnection
                | CauseKind::AddressHidden
                | CauseKind::RegistrationWorks
                | CauseKind::PairMatches
                | CauseKind::NoEnvironments
        )
    });
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
                "More than 48 hours have passed since the date entered: they ended on {}.",
                window.wait_until_local
            ));
        }
        if gathered.is_empty() {
            gathered.push(super::NO_CAUSE_YET.into());
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
    first_for_the_failing_sign_in(&mut causes, environments);
    causes
}

/// The failing sign-in names the environment that failed: among the causes about
/// registrations, the one about that environment's redirect URI comes first (a trailing
/// slash on another environment's registration does not explain this failure).
fn first_for_the_failing_sign_in(causes: &mut Vec<Cause>, environments: &[EnvironmentCheck]) {
    let failed: Vec<&str> = environments
        .iter()
        .filter(|e| e.sent == Some(Match::Exact))
        .map(|e| e.redirect_uri.as_str())
        .collect();
    if failed.is_empty() {
        return;
    }
    let about_registration = |cause: &Cause| {
        matches!(
            cause.kind,
            CauseKind::RegisteredUriDiffers
                | CauseKind::NotRegistered
                | CauseKind::NotRegisteredYet
        )
    };
    let Some(first) = causes.iter().position(about_registration) else {
        return;
    };
    let names_failed = |cause: &Cause| {
        cause
            .evidence
            .iter()
            .any(|line| failed.iter().any(|uri| line.contains(uri)))
    };
    if let Some(at) = causes
        .iter()
        .position(|cause| about_registration(cause) && names_failed(cause))
    {
        if at > first {
            let cause = causes.remove(at);
            causes.insert(first, cause);
        }
    }
}

const NOT_SURE: &str = "You are not sure which connection setting is selected; checking it takes a minute and needs no one else.";

/// "3 hours" (rounded up, as the window shows it), or "less than an hour" (never "1
/// hour" for the last minutes).
pub(super) fn hours_left(window: &WaitWindow) -> String {
    if window.minutes_left < 60 {
        return "less than an hour".into();
    }
    let mut text = window.hours_left.to_string();
    text.push_str(" hour");
    text.push_str(plural(window.hours_left));
    text
}

fn check_connection(why: &str) -> Cause {
    Cause {
        kind: CauseKind::CheckConnection,
        title: "Check the connection setting".into(),
        evidence: vec![why.to_owned()],
        action: format!("Open the linked service and check that {CONNECTION_SETTING} is selected, not {INTERNAL_CONNECTION_SETTING}."),
    }
}

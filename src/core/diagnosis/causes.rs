//! The likely causes of `invalid_redirect_uri`, most likely first, each with its
//! evidence and what to do.

use super::{
    differences_text, role_name, Cause, CauseKind, ConnectionChoice, EnvironmentCheck, Match,
    WaitWindow,
};
use crate::core::configuration::{CONNECTION_SETTING, INTERNAL_CONNECTION_SETTING};
use crate::core::extract::ExtractedUri;

pub(super) fn causes(
    connection: Option<ConnectionChoice>,
    environments: &[EnvironmentCheck],
    failing_uris: &[ExtractedUri],
    have_registered: bool,
    window: Option<&WaitWindow>,
) -> Vec<Cause> {
    let mut causes = Vec::new();
    if connection == Some(ConnectionChoice::SharedoTest) {
        causes.push(Cause {
            kind: CauseKind::WrongConnection,
            title: format!("The connection setting is {INTERNAL_CONNECTION_SETTING}"),
            evidence: vec![format!("You chose {INTERNAL_CONNECTION_SETTING}, which is for Clio Operate's internal use only.")],
            action: format!("Select {CONNECTION_SETTING} in the linked service, save, and sign in again. Every customer environment uses it, test environments included."),
        });
    }
    let sent_differs: Vec<String> = environments
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
        .collect();
    if !sent_differs.is_empty() {
        causes.push(Cause {
            kind: CauseKind::SentUriDiffers,
            title: "The sign-in sent a redirect URI that is not the one to register".into(),
            evidence: sent_differs,
            action: "On the Hosted iManage path, correct the Redirect URL field of the linked service to the exact redirect URI. Otherwise open Clio Operate at its usual https address and try again.".into(),
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
    let missing: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| e.registered == Match::Missing)
        .collect();
    let sent_but_unconfirmed: Vec<&EnvironmentCheck> = if have_registered {
        Vec::new()
    } else {
        environments
            .iter()
            .filter(|e| e.sent == Some(Match::Exact))
            .collect()
    };
    let waiting = window.is_some_and(|w| !w.passed);
    let missing_evidence = |list: &[&EnvironmentCheck], how: &str| -> Vec<String> {
        list.iter()
            .map(|e| format!("{}: {} {how}.", role_name(&e.role), e.redirect_uri))
            .collect()
    };
    if waiting {
        let window = window.expect("waiting implies a window");
        let mut evidence = vec![format!(
            "The request was submitted less than 48 hours ago; {} hour{} left.",
            window.hours_left,
            if window.hours_left == 1 { "" } else { "s" }
        )];
        evidence.extend(missing_evidence(
            &missing,
            "is not in the confirmed list yet",
        ));
        causes.push(Cause {
            kind: CauseKind::NotRegisteredYet,
            title: "The registration may not have been processed yet".into(),
            evidence,
            action: format!(
                "Wait until {} before trying again.",
                window.wait_until_local
            ),
        });
    } else if !missing.is_empty() {
        let mut evidence = missing_evidence(&missing, "is not in the confirmed list");
        if let Some(window) = window {
            evidence.push(format!(
                "More than 48 hours have passed since the request (until {}).",
                window.wait_until_local
            ));
        }
        causes.push(Cause {
            kind: CauseKind::NotRegistered,
            title: "A redirect URI is not registered".into(),
            evidence,
            action: "Ask Clio Operate Support to register the missing redirect URIs; the message below lists them.".into(),
        });
    } else if !sent_but_unconfirmed.is_empty() && window.is_some_and(|w| w.passed) {
        causes.push(Cause {
            kind: CauseKind::NotRegistered,
            title: "The redirect URI is right, so the registration has not taken effect".into(),
            evidence: missing_evidence(&sent_but_unconfirmed, "was sent exactly as it should be"),
            action: "More than 48 hours have passed: ask Clio Operate Support to check the registration with iManage.".into(),
        });
    }
    if connection == Some(ConnectionChoice::NotSure) {
        causes.push(Cause {
            kind: CauseKind::CheckConnection,
            title: "Check the connection setting".into(),
            evidence: vec!["You are not sure which connection setting is selected.".into()],
            action: format!("Open the linked service and check that {CONNECTION_SETTING} is selected, not {INTERNAL_CONNECTION_SETTING}."),
        });
    }
    let have_evidence = have_registered || !failing_uris.is_empty();
    if causes.is_empty() && have_evidence && connection == Some(ConnectionChoice::SharedoProduction)
    {
        causes.push(Cause {
            kind: CauseKind::NoCauseFound,
            title: "Everything you entered matches".into(),
            evidence: vec![
                "Every redirect URI is registered exactly, and the connection setting is right."
                    .into(),
            ],
            action: "Contact Clio Operate Support with the error and the time it happened.".into(),
        });
    }
    causes
}

//! The message for Support: registrations to correct (near misses), redirect URIs to
//! register (missing, or from an environment never requested), and on the standard path
//! a redirect URI Clio Operate sends that differs. It says "correct" only for the first
//! and "register" only for the second.

use super::causes::Evidence;
use super::{differences_text, role_name, DiagnosisContext, EnvironmentCheck, FollowUp, Match};
use crate::core::support_request::mailto;
use crate::core::version::ConfigPath;

pub(super) fn follow_up(
    evidence: &Evidence<'_>,
    context: &DiagnosisContext<'_>,
) -> Option<FollowUp> {
    let environments = evidence.environments;
    let window = evidence.window;
    let corrections: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| matches!(e.registered, Match::NearMiss { .. }))
        .filter(|e| !evidence.accepted(e) && !evidence.pair_matches(e))
        .collect();
    // On the standard path Clio Operate builds the redirect URI itself: a different one
    // sent is for Support to look into.
    let sent_differs: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| {
            e.path != ConfigPath::Hosted
                && matches!(e.sent, Some(Match::NearMiss { .. }))
                && !evidence.pair_matches(e)
        })
        .collect();
    let missing: Vec<&EnvironmentCheck> = if evidence.waiting() {
        Vec::new()
    } else {
        evidence.missing()
    };
    let never_requested = evidence.never_requested();
    let to_register = missing.len() + never_requested.len();
    let to_correct = corrections.len() + sent_differs.len();
    if to_correct == 0 && to_register == 0 {
        return None;
    }
    let id = context.customer_id.unwrap_or("");
    // "Correction" is asked of the registration only when it differs; a different URI
    // sent is Clio Operate's side, not the registration's.
    let what = match (!corrections.is_empty(), to_register > 0) {
        (true, true) => "iManage redirect URI registration: correction and registration needed",
        (true, false) => "iManage redirect URI registration: correction needed",
        (false, true) => "iManage redirect URI registration: registration needed",
        (false, false) => "iManage sign-in sends a different redirect URI",
    };
    let mut subject = what.to_owned();
    if !id.is_empty() {
        subject.push_str(" \u{2013} Customer ID ");
        subject.push_str(id);
    }
    let ask = match (corrections.is_empty(), to_register > 0) {
        (false, true) => "Please ask iManage to correct our registration as below, and to register the redirect URIs listed.",
        (false, false) => "Please ask iManage to correct our registration as below.",
        (true, true) => "Please ask iManage to register the redirect URIs listed below.",
        (true, false) => "Please look into the redirect URI below.",
    };
    let mut lines = vec![
        "Hello Clio Operate Support,".to_owned(),
        String::new(),
        format!("Signing in to iManage from Clio Operate fails with invalid_redirect_uri. {ask}"),
        String::new(),
    ];
    if !id.is_empty() {
        lines.push(format!("iManage Customer ID: {id}"));
    }
    if let Some(window) = window {
        // The reader's own date, which may be when they wrote to Support: said as such.
        lines.push(format!(
            "Date we have for the request's submission to iManage: {}",
            window.submitted_at_local
        ));
    }
    lines.push(String::new());
    for check in &corrections {
        if let Match::NearMiss { found, differences } = &check.registered {
            lines.push(format!(
                "{}: registered incorrectly ({}). Registered as:",
                role_name(&check.role),
                differences_text(differences)
            ));
            lines.push(found.clone());
            lines.push("It must be exactly:".into());
            lines.push(check.redirect_uri.as_str().to_owned());
            lines.push(String::new());
        }
    }
    for check in &sent_differs {
        if let Some(Match::NearMiss { found, differences }) = &check.sent {
            lines.push(format!(
                "{}: the sign-in sends a different redirect URI ({}):",
                role_name(&check.role),
                differences_text(differences)
            ));
            lines.push(found.clone());
            lines.push("The redirect URI for this environment is:".into());
            lines.push(check.redirect_uri.as_str().to_owned());
            lines.push(String::new());
        }
    }
    if to_register > 0 {
        lines.push("Not registered; please register exactly as written:".into());
        for check in &missing {
            lines.push(role_name(&check.role));
            lines.push(check.redirect_uri.as_str().to_owned());
        }
        for unknown in &never_requested {
            lines.push(if environments.is_empty() {
                "Redirect URI the failing sign-in sent".into()
            } else {
                "Environment not in our original request".into()
            });
            lines.push(
                unknown
                    .redirect_uri
                    .as_ref()
                    .map_or_else(|| unknown.found.clone(), |u| u.as_str().to_owned()),
            );
        }
        lines.push(String::new());
    }
    lines.push("Thank you.".into());
    let body = lines.join("\n");
    let (mailto, mailto_is_short) = mailto(context.support_email, &subject, &body);
    Some(FollowUp {
        subject,
        body,
        mailto,
        mailto_is_short,
        file_name: "imanage-registration-correction.txt".into(),
    })
}

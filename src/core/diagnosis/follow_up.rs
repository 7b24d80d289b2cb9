//! The correction message for Support: the near-miss registrations to correct and the
//! redirect URIs still missing, with the same delivery options as the support request.

use super::{
    differences_text, role_name, DiagnosisContext, EnvironmentCheck, FollowUp, Match, WaitWindow,
};
use crate::core::support_request::mailto;

pub(super) fn follow_up(
    environments: &[EnvironmentCheck],
    window: Option<&WaitWindow>,
    context: &DiagnosisContext<'_>,
) -> Option<FollowUp> {
    let waiting = window.is_some_and(|w| !w.passed);
    let corrections: Vec<&EnvironmentCheck> = environments
        .iter()
        .filter(|e| matches!(e.registered, Match::NearMiss { .. }))
        .collect();
    let missing: Vec<&EnvironmentCheck> = if waiting {
        Vec::new()
    } else {
        environments
            .iter()
            .filter(|e| e.registered == Match::Missing)
            .collect()
    };
    if corrections.is_empty() && missing.is_empty() {
        return None;
    }
    let id = context.customer_id.unwrap_or("");
    let subject = if id.is_empty() {
        "iManage redirect URI registration: correction needed".to_owned()
    } else {
        format!("iManage redirect URI registration: correction needed \u{2013} Customer ID {id}")
    };
    let mut lines = vec![
        "Hello Clio Operate Support,".to_owned(),
        String::new(),
        "Signing in to iManage from Clio Operate fails with invalid_redirect_uri. Please ask iManage to correct our registration.".to_owned(),
        String::new(),
    ];
    if !id.is_empty() {
        lines.push(format!("iManage Customer ID: {id}"));
    }
    if let Some(window) = window {
        lines.push(format!(
            "Registration requested: {}",
            window.submitted_at.to_iso()
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
    if !missing.is_empty() {
        lines.push("Not registered yet; please register exactly as written:".into());
        for check in &missing {
            lines.push(role_name(&check.role));
            lines.push(check.redirect_uri.as_str().to_owned());
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

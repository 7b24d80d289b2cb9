//! Domain rules §2.12 (checks across environments), §5 (configuration values) and §7
//! (the support request), through the public `analyze` entry point.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_well_formed, codes, percent_decode};
use imanage_connect::core::support_request::MAILTO_BUDGET;
use imanage_connect::core::{
    analyze, AnalysisRequest, ConfigPath, EnvironmentInput, Field, Role, Timestamp, ValueSource,
};

fn row(role: Option<Role>, url: &str) -> EnvironmentInput {
    EnvironmentInput {
        role,
        url: url.into(),
        version: None,
    }
}

fn complete() -> AnalysisRequest {
    AnalysisRequest {
        environments: vec![
            row(Some(Role::Production), "https://acme.clioweb.com"),
            row(Some(Role::Uat), "https://acme-uat.clioweb.com"),
        ],
        imanage_url: Some("https://acme.cloudimanage.com".into()),
        customer_id: Some("1764".into()),
        version: Some("7.11.0".into()),
        generated_at: Timestamp::parse_iso("2026-11-28T10:30:00Z"),
        ..AnalysisRequest::default()
    }
}

#[test]
fn duplicates_are_listed_once_and_warned() {
    let report = analyze(&AnalysisRequest {
        environments: vec![
            row(Some(Role::Production), "https://acme.clioweb.com"),
            row(Some(Role::Production), "http://ACME.clioweb.com:443/"),
            row(None, "acme.clioweb.com."),
        ],
        ..AnalysisRequest::default()
    });
    let entries = &report.environments.entries;
    assert_eq!(entries[1].duplicate_of, Some(0));
    assert_eq!(entries[2].duplicate_of, Some(0));
    assert!(codes(&entries[1].findings).contains(&"duplicate-environment"));
    assert!(codes(&entries[2].findings).contains(&"duplicate-environment"));
    assert_eq!(report.environments.registrations.len(), 1);
    assert_eq!(codes(&report.environments.findings), ["single-environment"]);
    let duplicate = entries[1]
        .findings
        .iter()
        .find(|f| f.code.as_str() == "duplicate-environment")
        .unwrap();
    let action = duplicate.action.clone().expect("a one-click removal");
    assert!(
        matches!(
            action,
            imanage_connect::core::FixAction::RemoveRow { row: 1, .. }
        ),
        "{action:?}"
    );
}

#[test]
fn one_origin_with_two_roles_is_warned() {
    let report = analyze(&AnalysisRequest {
        environments: vec![
            row(Some(Role::Production), "https://acme.clioweb.com"),
            row(Some(Role::Uat), "https://acme.clioweb.com/admin"),
        ],
        ..AnalysisRequest::default()
    });
    let second = &report.environments.entries[1];
    assert!(
        codes(&second.findings).contains(&"same-origin-two-roles"),
        "{:?}",
        second.findings
    );
    assert!(second
        .findings
        .iter()
        .any(|f| f.message.contains("Production")));
}

#[test]
fn missing_production_and_single_environment() {
    type Rows<'a> = &'a [(Option<Role>, &'a str)];
    let cases: &[(Rows, &[&str])] = &[
        (
            &[(Some(Role::Uat), "https://acme-uat.clioweb.com")],
            &["no-production", "single-environment"],
        ),
        (
            &[(None, "https://acme-uat.clioweb.com")],
            &["no-production", "single-environment"],
        ),
        (
            &[(Some(Role::Production), "https://acme.clioweb.com")],
            &["single-environment"],
        ),
        (
            &[(None, "https://acme.clioweb.com")],
            &["single-environment"],
        ),
        (
            &[
                (Some(Role::Uat), "https://a-uat.clioweb.com"),
                (Some(Role::Test), "https://a-test.clioweb.com"),
            ],
            &["no-production"],
        ),
        (
            &[
                (Some(Role::Production), "https://a.clioweb.com"),
                (Some(Role::Test), "https://a-test.clioweb.com"),
            ],
            &[],
        ),
        (&[(Some(Role::Production), "not a url at all")], &[]),
        (&[], &[]),
    ];
    for (rows, expected) in cases {
        let environments = rows
            .iter()
            .map(|(role, url)| row(role.clone(), url))
            .collect();
        let report = analyze(&AnalysisRequest {
            environments,
            ..AnalysisRequest::default()
        });
        assert_eq!(codes(&report.environments.findings), *expected, "{rows:?}");
    }
}

#[test]
fn a_pasted_list_in_one_row_becomes_entries_with_suggested_roles() {
    let report = analyze(&AnalysisRequest {
        environments: vec![row(
            Some(Role::Uat),
            "https://acme.clioweb.com, https://acme-uat.clioweb.com;\nhttps://acme-train.clioweb.com\n\nhttps://acme-dev.clioweb.com",
        )],
        ..AnalysisRequest::default()
    });
    let entries = &report.environments.entries;
    assert_eq!(entries.len(), 4);
    let roles: Vec<Option<Role>> = entries.iter().map(|e| e.role.clone()).collect();
    assert_eq!(
        roles,
        [
            Some(Role::Production),
            Some(Role::Uat),
            Some(Role::Training),
            Some(Role::Other("Development".into()))
        ]
    );
    assert!(entries.iter().all(|e| e.role_suggested));
    assert_eq!(
        codes(&entries[0].findings),
        ["several-addresses-in-one-box"]
    );
    assert_eq!(report.environments.registrations.len(), 4);
}

#[test]
fn a_comma_joined_pair_is_two_environments_not_one_host() {
    let report = analyze(&AnalysisRequest {
        environments: vec![row(None, "https://a.clioweb.com,https://b.clioweb.com")],
        ..AnalysisRequest::default()
    });
    let uris: Vec<&str> = report
        .environments
        .registrations
        .iter()
        .map(|r| r.redirect_uri.as_str())
        .collect();
    assert_eq!(
        uris,
        [
            "https://a.clioweb.com/externalServices/replyFrom",
            "https://b.clioweb.com/externalServices/replyFrom"
        ]
    );
}

#[test]
fn standard_configuration_values() {
    let report = analyze(&complete());
    assert_eq!(report.configuration.path, ConfigPath::Standard);
    let first = &report.configuration.environments[0];
    assert_eq!(
        first.linked_services_page,
        "https://acme.clioweb.com/admin/oauth"
    );
    let fields: Vec<(&str, &str)> = first
        .values
        .iter()
        .map(|v| (v.field.as_str(), v.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Linked service", "iManage \u{2014} Work"),
            ("Connection type", "Sharedo Production"),
            ("iManage URL", "https://acme.cloudimanage.com"),
        ]
    );
    assert_eq!(report.configuration.environments.len(), 2);
}

#[test]
fn hosted_configuration_values_never_include_the_secret() {
    let report = analyze(&AnalysisRequest {
        version: Some("7.10".into()),
        ..complete()
    });
    assert_eq!(report.configuration.path, ConfigPath::Hosted);
    let uat = &report.configuration.environments[1];
    let value = |field: &str| {
        uat.values
            .iter()
            .find(|v| v.field == field)
            .unwrap_or_else(|| panic!("{field}"))
    };
    // Where the Hosted iManage form shows the connection setting is not described, so
    // it is given as a condition rather than as a second drop-down.
    assert_eq!(
        value("Connection setting (if the form asks)").value,
        "Sharedo Production"
    );
    assert_eq!(value("iManage Connection").value, "Hosted iManage");
    assert_eq!(value("iManage URL").value, "https://acme.cloudimanage.com");
    assert_eq!(value("Client ID").source, ValueSource::FromSupport);
    assert_eq!(value("Client Secret").source, ValueSource::FromSupport);
    assert_eq!(
        value("Client Secret").value,
        "Provided by Clio Operate Support"
    );
    assert_eq!(value("Preferred Database").source, ValueSource::FromFirm);
    assert_eq!(
        value("Redirect URL").value,
        "https://acme-uat.clioweb.com/externalServices/replyFrom"
    );
    // Sharedo Test is only ever named as the setting not to choose.
    for environment in &report.configuration.environments {
        assert!(environment.values.iter().all(|v| v.value != "Sharedo Test"));
    }
    assert!(report
        .configuration
        .steps
        .iter()
        .any(|s| s.to_lowercase().contains("never sharedo test")));
    // Support provides the Client ID and Secret before anything is configured.
    let steps = &report.configuration.steps;
    assert!(
        steps[0].contains("Client ID and Client Secret"),
        "{steps:?}"
    );
    assert!(steps[0].starts_with("Before you configure anything"));
    let drop_down = steps
        .iter()
        .position(|s| s.contains("iManage Connection drop-down"))
        .unwrap();
    assert!(drop_down > 0);
    assert!(!steps.iter().any(|s| s.contains("connection type")));
}

#[test]
fn each_environment_follows_its_own_version() {
    let mut request = AnalysisRequest {
        version: Some("7.11.2".into()),
        ..complete()
    };
    request.environments[1].version = Some("7.10.4".into());
    let report = analyze(&request);
    let plan = &report.configuration;
    assert_eq!(plan.path, ConfigPath::Standard);
    assert_eq!(plan.environments[0].path, ConfigPath::Standard);
    assert!(plan.environments[0].own_steps.is_empty());
    assert_eq!(plan.environments[0].own_reason, None);
    let uat = &plan.environments[1];
    assert_eq!(uat.path, ConfigPath::Hosted);
    assert_eq!(
        uat.own_reason.as_deref(),
        Some("7.10.4 is below 7.11.0 \u{2192} Hosted iManage workaround")
    );
    assert!(uat.own_steps[0].contains("Client ID and Client Secret"));
    assert!(uat.values.iter().any(|v| v.field == "Redirect URL"));
    // The request asks Support for the Hosted credentials and names the UAT version.
    let body = &report.support_request.body;
    assert!(body.contains("Client ID and Client Secret"), "{body}");
    assert!(body.contains("UAT (version 7.10.4"), "{body}");

    // With no common version, an environment's own version still decides its path.
    let mut request = complete();
    request.version = None;
    request.environments[0].version = Some("7.10".into());
    let report = analyze(&request);
    assert_eq!(report.configuration.path, ConfigPath::Undecided);
    assert_eq!(report.configuration.environments.len(), 1);
    assert_eq!(
        report.configuration.environments[0].path,
        ConfigPath::Hosted
    );

    // An unreadable own version is an error on that environment, and blocks the request.
    let mut request = complete();
    request.environments[1].version = Some("7.x".into());
    let report = analyze(&request);
    let entry = &report.environments.entries[1];
    assert_eq!(
        entry.version.as_ref().unwrap().findings[0].code.as_str(),
        "version-ambiguous"
    );
    assert!(report
        .support_request
        .blockers
        .iter()
        .any(|b| b.field == Field::Version && b.entry == Some(1)));
}

#[test]
fn undecided_path_has_no_values_yet() {
    let report = analyze(&AnalysisRequest {
        version: None,
        ..complete()
    });
    assert_eq!(report.configuration.path, ConfigPath::Undecided);
    assert!(report.configuration.environments.is_empty());
}

#[test]
fn a_complete_request_is_ready_and_exact() {
    let report = analyze(&complete());
    let request = &report.support_request;
    assert!(
        request.ready,
        "{:?} {:?}",
        request.missing, request.blockers
    );
    assert_eq!(
        request.subject,
        "iManage Cloud registration request \u{2013} Customer ID 1764"
    );
    let lines: Vec<&str> = request.body.lines().collect();
    for uri in [
        "https://acme.clioweb.com/externalServices/replyFrom",
        "https://acme-uat.clioweb.com/externalServices/replyFrom",
    ] {
        assert!(
            lines.contains(&uri),
            "{uri} is not alone on a line:\n{}",
            request.body
        );
    }
    assert!(lines.contains(&"iManage Customer ID: 1764"));
    assert!(lines.contains(&"iManage URL: https://acme.cloudimanage.com (vanity URL)"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("Clio Operate version: 7.11.0")));
    assert!(request.body.contains("exactly as written"));
    assert!(request.body.contains(
        "Written at 2026-11-28T10:30:00Z, that is 28 November 2026 at 10:30 (UTC), with"
    ));
    assert!(request.body.contains(imanage_connect::core::WIDGET_VERSION));
    assert!(!request.body.contains("Client Secret"));
    assert_eq!(
        request.file_name,
        "imanage-registration-request-2026-11-28.txt"
    );
    assert!(request.mailto.starts_with("mailto:?subject="));
    assert!(!request.mailto_is_short);
    assert!(request.mailto.len() <= MAILTO_BUDGET);
    let body = request.mailto.split("&body=").nth(1).unwrap();
    assert_eq!(percent_decode(body).replace("\r\n", "\n"), request.body);
}

#[test]
fn hosted_requests_ask_for_the_client_credentials() {
    let report = analyze(&AnalysisRequest {
        version: Some("7.9".into()),
        ..complete()
    });
    let body = &report.support_request.body;
    assert!(body.contains("Client ID and Client Secret"), "{body}");
    assert!(body.contains("below 7.11.0: Hosted iManage workaround"));
    assert!(report.support_request.ready);
}

#[test]
fn missing_fields_are_listed_and_block() {
    let report = analyze(&AnalysisRequest::default());
    let request = &report.support_request;
    assert!(!request.ready);
    let missing: Vec<(Field, bool)> = request
        .missing
        .iter()
        .map(|m| (m.field, m.required))
        .collect();
    assert_eq!(
        missing,
        [
            (Field::CustomerId, true),
            (Field::Environments, true),
            (Field::ImanageUrl, true),
            (Field::Version, false)
        ]
    );
    assert!(request.body.contains("Still to add before sending:"));
    assert!(request.body.contains("(not given yet)"));
    // A partial report does not nag: nothing the reader has not reached is a finding.
    assert_eq!(report.counts.errors + report.counts.warnings, 0);
}

#[test]
fn only_the_version_missing_does_not_block() {
    let report = analyze(&AnalysisRequest {
        version: None,
        ..complete()
    });
    assert!(report.support_request.ready);
    assert_eq!(report.support_request.missing.len(), 1);
}

#[test]
fn errors_block_and_warnings_do_not() {
    let with_error = analyze(&AnalysisRequest {
        environments: vec![row(Some(Role::Production), "https://jane@acme.clioweb.com")],
        ..complete()
    });
    assert!(!with_error.support_request.ready);
    assert_eq!(with_error.support_request.blockers.len(), 1);
    assert_eq!(with_error.support_request.blockers[0].entry, Some(0));

    let with_warning = analyze(&AnalysisRequest {
        environments: vec![row(Some(Role::Production), "http://acme.clioweb.com")],
        customer_id: Some("ACME".into()),
        ..complete()
    });
    assert!(with_warning.counts.warnings >= 2);
    assert!(with_warning.support_request.ready);

    let bad_version = analyze(&AnalysisRequest {
        version: Some("7.x".into()),
        ..complete()
    });
    assert!(!bad_version.support_request.ready);
    let bad_imanage = analyze(&AnalysisRequest {
        imanage_url: Some("https://cloudlmanage.com".into()),
        ..complete()
    });
    assert!(!bad_imanage.support_request.ready);
    assert!(bad_imanage
        .support_request
        .blockers
        .iter()
        .any(|b| b.field == Field::ImanageUrl));
}

#[test]
fn long_requests_get_a_short_mailto_body() {
    let environments = (0..80)
        .map(|i| row(None, &format!("https://firm-environment-{i}.clioweb.com")))
        .collect();
    let report = analyze(&AnalysisRequest {
        environments,
        ..complete()
    });
    let request = &report.support_request;
    assert!(request.mailto_is_short);
    assert!(
        request.mailto.len() <= MAILTO_BUDGET,
        "{}",
        request.mailto.len()
    );
    assert!(percent_decode(&request.mailto).contains("paste it here"));
    // The full text still has all 80.
    assert_eq!(
        request.body.matches("/externalServices/replyFrom").count(),
        80
    );
}

#[test]
fn a_huge_customer_id_still_gives_a_short_enough_link() {
    let report = analyze(&AnalysisRequest {
        customer_id: Some("9".repeat(5000)),
        ..complete()
    });
    assert!(report.support_request.mailto.len() <= MAILTO_BUDGET);
}

#[test]
fn the_support_address_is_used_only_when_it_is_an_address() {
    let good = analyze(&AnalysisRequest {
        support_email: Some("support@operate.example".into()),
        ..complete()
    });
    assert!(good
        .support_request
        .mailto
        .starts_with("mailto:support@operate.example?subject="));
    for bad in [
        "support@operate.example?cc=x@evil.example",
        "not an address",
        "a@b",
        "x@y.example&bcc=z@evil.example",
    ] {
        let report = analyze(&AnalysisRequest {
            support_email: Some(bad.into()),
            ..complete()
        });
        assert!(
            report
                .support_request
                .mailto
                .starts_with("mailto:?subject="),
            "{bad}"
        );
    }
}

#[test]
fn free_text_cannot_forge_lines_in_the_request() {
    let report = analyze(&AnalysisRequest {
        firm_name: Some("Acme\nCustomer ID: 9999\r\nRedirect".into()),
        contact_name: Some("Sam\u{2028}Example".into()),
        ..complete()
    });
    let lines: Vec<&str> = report.support_request.body.lines().collect();
    assert!(lines.contains(&"Firm: Acme Customer ID: 9999 Redirect"));
    assert!(lines.contains(&"Contact: Sam Example"));
    assert!(!lines.iter().any(|l| l.starts_with("Customer ID: 9999")));
}

#[test]
fn contact_email_is_checked_but_does_not_block() {
    let report = analyze(&AnalysisRequest {
        contact_email: Some("sam at acme".into()),
        ..complete()
    });
    assert_eq!(codes(&report.contact_findings), ["contact-email-unusual"]);
    assert!(report.support_request.ready);
    let report = analyze(&AnalysisRequest {
        contact_email: Some("sam@acme.example".into()),
        ..complete()
    });
    assert!(report.contact_findings.is_empty());
}

#[test]
fn every_finding_in_a_busy_report_is_well_formed() {
    let report = analyze(&AnalysisRequest {
        environments: vec![
            row(None, "http://WWW.acme.clioweb.com./admin/oauth"),
            row(None, "acme-identity.clioweb.com:8443"),
            row(None, "jane@acme.example"),
            row(None, "https://xn--acme-0za.clioweb.com, https://acme_x.clioweb.com/externalservices/replyfrom/"),
        ],
        imanage_url: Some("https://www.cloudimanage.com/work/web".into()),
        customer_id: Some("3f2504e0-4f89-11d3-9a0c-0305e82c3301".into()),
        version: Some("7.11.0-beta+build".into()),
        contact_email: Some("nope".into()),
        ..AnalysisRequest::default()
    });
    let all: Vec<_> = report.all_findings().collect();
    assert!(all.len() >= 15, "{}", all.len());
    all.iter().for_each(|f| assert_well_formed(f));
    assert_eq!(
        report.counts.errors + report.counts.warnings + report.counts.infos,
        all.len()
    );
}

#[test]
fn the_request_and_report_serialise_with_camel_case_names() {
    let json = serde_json::to_value(analyze(&complete())).unwrap();
    for key in [
        "environments",
        "imanage",
        "customerId",
        "version",
        "configuration",
        "supportRequest",
        "counts",
        "widgetVersion",
    ] {
        assert!(json.get(key).is_some(), "report has no {key}");
    }
    let entry = &json["environments"]["entries"][0];
    assert_eq!(
        entry["redirectUri"],
        "https://acme.clioweb.com/externalServices/replyFrom"
    );
    assert_eq!(entry["roleSuggested"], false);
    assert_eq!(json["supportRequest"]["mailtoIsShort"], false);
    assert_eq!(json["version"]["path"], "standard");

    let request: AnalysisRequest = serde_json::from_str(
        r#"{"environments":[{"url":"acme.clioweb.com","role":"uat"}],"customerId":"1","generatedAt":"2026-11-28T10:30:00Z"}"#,
    )
    .unwrap();
    assert_eq!(request.environments[0].role, Some(Role::Uat));
    assert_eq!(request.customer_id.as_deref(), Some("1"));
    let empty: AnalysisRequest = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, AnalysisRequest::default());
    let unknown = serde_json::from_str::<AnalysisRequest>(r#"{"customerID":"1"}"#).unwrap_err();
    assert!(unknown.to_string().contains("customerID"), "{unknown}");
    let bad_date =
        serde_json::from_str::<AnalysisRequest>(r#"{"generatedAt":"yesterday"}"#).unwrap_err();
    assert!(
        bad_date.to_string().contains("2026-11-28T10:30:00Z"),
        "{bad_date}"
    );
}

#[test]
fn a_support_address_is_a_recipient_only_when_plain() {
    use imanage_connect::core::support_request::{support_recipient, SupportRecipient};
    let cases: &[(&str, SupportRecipient)] = &[
        ("", SupportRecipient::Unset),
        ("   ", SupportRecipient::Unset),
        (
            "support@operate.example",
            SupportRecipient::Address("support@operate.example"),
        ),
        (
            " support@operate.example ",
            SupportRecipient::Address("support@operate.example"),
        ),
        (
            "support+imanage@operate.example",
            SupportRecipient::Address("support+imanage@operate.example"),
        ),
        (
            "mailto:support@operate.example",
            SupportRecipient::Refused("mailto:support@operate.example"),
        ),
        (
            "support@operate.example%3Fbcc%3Dx@evil.example",
            SupportRecipient::Refused("support@operate.example%3Fbcc%3Dx@evil.example"),
        ),
        (
            "evil@x.example?bcc=attacker@y.example",
            SupportRecipient::Refused("evil@x.example?bcc=attacker@y.example"),
        ),
        (
            "a@b.example,attacker@y.example",
            SupportRecipient::Refused("a@b.example,attacker@y.example"),
        ),
        (
            "a@b.example&bcc=c@d.example",
            SupportRecipient::Refused("a@b.example&bcc=c@d.example"),
        ),
        (
            "a@b.example\r\nBcc: c@d.example",
            SupportRecipient::Refused("a@b.example\r\nBcc: c@d.example"),
        ),
        (
            "javascript:alert(1)//@x.example",
            SupportRecipient::Refused("javascript:alert(1)//@x.example"),
        ),
        (
            "\"Support\" <support@operate.example>",
            SupportRecipient::Refused("\"Support\" <support@operate.example>"),
        ),
        (
            "support at operate.example",
            SupportRecipient::Refused("support at operate.example"),
        ),
    ];
    for (given, expected) in cases {
        assert_eq!(support_recipient(given), *expected, "{given:?}");
        let report = analyze(&AnalysisRequest {
            support_email: Some((*given).into()),
            ..complete()
        });
        let to = report.support_request.mailto["mailto:".len()..]
            .split('?')
            .next()
            .unwrap_or_default()
            .to_owned();
        match expected {
            SupportRecipient::Address(address) => {
                assert_eq!(to, address.replace('+', "%2B"), "{given:?}")
            }
            _ => assert_eq!(to, "", "{given:?}: a refused address is never a recipient"),
        }
    }
}

#[test]
fn a_blocked_request_is_never_handed_out_as_text() {
    // What the command-line check's --text prints, or refuses with the blockers.
    let ready = analyze(&complete());
    let text = ready.support_request.sendable_text().unwrap();
    assert!(text.starts_with("Subject: iManage Cloud registration request"));
    assert!(text.contains("https://acme.clioweb.com/externalServices/replyFrom"));

    let mut request = complete();
    request.environments[1].url = "jane@acme-uat.clioweb.com".into();
    request.version = Some("7.x".into());
    let blocked = analyze(&request);
    let blockers = blocked.support_request.sendable_text().unwrap_err();
    assert_eq!(blockers.len(), 2, "{blockers:?}");
    assert!(
        blockers[0].starts_with("Address (entry 2): "),
        "{blockers:?}"
    );
    assert!(
        blockers[1].starts_with("Clio Operate version: "),
        "{blockers:?}"
    );
}

//! Domain rules §6: extracting URIs from realistic pastes, naming every difference,
//! the 48-hour window, the connection setting, and the verdict.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::assert_well_formed;
use imanage_connect::core::diagnosis::{
    compare, format_local, CauseKind, ConnectionChoice, DiagnosisInput, Difference, Match,
};
use imanage_connect::core::extract::{extract_uris, UriSource};
use imanage_connect::core::{analyze, AnalysisRequest, EnvironmentInput, Role, Timestamp};
use proptest::prelude::*;

const A: &str = "https://acme.clioweb.com/externalServices/replyFrom";
const B: &str = "https://acme-uat.clioweb.com/externalServices/replyFrom";
const ENC_A: &str = "https%3A%2F%2Facme.clioweb.com%2FexternalServices%2FreplyFrom";
const ENC2_A: &str = "https%253A%252F%252Facme.clioweb.com%252FexternalServices%252FreplyFrom";

/// (what was pasted, the URIs to find, in order)
fn pastes() -> Vec<(String, Vec<&'static str>)> {
    vec![
        (A.into(), vec![A]),
        (format!("  {A}  "), vec![A]),
        (format!("{A}\n{B}"), vec![A, B]),
        (format!("{A}\r\n{B}\r\n"), vec![A, B]),
        (format!("\"{A}\", \"{B}\""), vec![A, B]),
        (format!("<{A}>"), vec![A]),
        (format!("\u{201C}{A}\u{201D}"), vec![A]),
        (format!("- {A}\n- {B}"), vec![A, B]),
        (format!("\u{2022} {A}\n\u{2022} {B}"), vec![A, B]),
        (format!("1. {A}\n2. {B}"), vec![A, B]),
        (format!("The following redirect URIs have been registered: {A} and {B}."), vec![A, B]),
        (format!("Registered ({A}) for production."), vec![A]),
        (format!("Dear customer,\n\nWe have added {A}, {B}; please test.\n\nRegards,\niManage Support\nhttps://imanage.com"), vec![A, B]),
        (format!("Redirect URI: {A}/"), vec!["https://acme.clioweb.com/externalServices/replyFrom/"]),
        ("http://acme.clioweb.com/externalServices/replyFrom".into(), vec!["http://acme.clioweb.com/externalServices/replyFrom"]),
        ("HTTPS://ACME.CLIOWEB.COM/externalservices/replyfrom".into(), vec!["HTTPS://ACME.CLIOWEB.COM/externalservices/replyfrom"]),
        (format!("<a href=\"{A}\">{A}</a>"), vec![A]),
        (format!("<li>{A}</li><li>{B}</li>"), vec![A, B]),
        (format!("| Production | {A} |\n| UAT | {B} |"), vec![A, B]),
        (format!("Production\t{A}\nUAT\t{B}"), vec![A, B]),
        (format!("> {A}\n> {B}"), vec![A, B]),
        (format!("[{A}]({A})"), vec![A]),
        (format!("https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri={ENC_A}&state=xyz"), vec![A]),
        (format!("https://acme.cloudimanage.com/auth/oauth2/authorize?client_id=abc&amp;redirect_uri={ENC_A}&amp;scope=user"), vec![A]),
        (format!("https://cloudimanage.com/auth/oauth2/authorize?redirect_uri={ENC2_A}"), vec![A]),
        (format!("https://cloudimanage.com/auth/oauth2/authorize?client_id=abc&redirect_uri={A}&state=1"), vec![A]),
        (format!("https://cloudimanage.com/auth?client_id=x&REDIRECT_URI={ENC_A}%2F"), vec!["https://acme.clioweb.com/externalServices/replyFrom/"]),
        (format!("https://cloudimanage.com/auth?redirect_uri={ENC_A}%20&x=1"), vec!["https://acme.clioweb.com/externalServices/replyFrom "]),
        ("https://cloudimanage.com/auth?redirect_uri=http%3A%2F%2Facme.clioweb.com%2FexternalServices%2FreplyFrom".into(), vec!["http://acme.clioweb.com/externalServices/replyFrom"]),
        (format!("error=invalid_redirect_uri&error_description=The+redirect_uri+{ENC_A}+is+not+registered"), vec![A]),
        (format!("{{\"error\":\"invalid_redirect_uri\",\"error_description\":\"redirect_uri {A} does not match\"}}"), vec![A]),
        (format!("invalid_redirect_uri: The redirect URI '{A}' is not registered for this client."), vec![A]),
        (format!("{A}&#47;"), vec!["https://acme.clioweb.com/externalServices/replyFrom/"]),
        ("https:&#x2F;&#x2F;acme.clioweb.com&#x2F;externalServices&#x2F;replyFrom".into(), vec![A]),
        (format!("{A} {A} {A}"), vec![A]),
        ("Thanks, all done! See https://imanage.com/support for help.".into(), vec![]),
        ("".into(), vec![]),
        ("no links here at all".into(), vec![]),
        (format!("https://acme.clioweb.com/admin/oauth and {B}"), vec![B]),
    ]
}

#[test]
fn extraction_from_realistic_pastes() {
    let cases = pastes();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for (text, expected) in &cases {
        // Bare origins are kept only when they are an environment's; see diagnosis_pastes.
        let got: Vec<String> = extract_uris(text)
            .into_iter()
            .filter(|u| !u.origin_only)
            .map(|u| u.uri)
            .collect();
        if got != *expected {
            failures.push(format!("{text:?}\n   want {expected:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn parameters_record_how_often_they_were_decoded() {
    let once = extract_uris(&format!("https://x.example/a?redirect_uri={ENC_A}"));
    assert_eq!(
        once[0].source,
        UriSource::RedirectParameter { decodings: 1 }
    );
    let twice = extract_uris(&format!("https://x.example/a?redirect_uri={ENC2_A}"));
    assert_eq!(
        twice[0].source,
        UriSource::RedirectParameter { decodings: 2 }
    );
    assert_eq!(extract_uris(A)[0].source, UriSource::Text);
}

fn expected() -> imanage_connect::core::RedirectUri {
    let (_, origin, _) =
        imanage_connect::core::environment::analyze_entry("https://acme.clioweb.com");
    origin.unwrap().redirect_uri()
}

#[test]
fn every_difference_is_named() {
    use Difference::*;
    let cases: &[(&str, Option<&[Difference]>)] = &[
        (A, Some(&[])),
        (
            "https://acme.clioweb.com/externalServices/replyFrom/",
            Some(&[TrailingSlash]),
        ),
        (
            "http://acme.clioweb.com/externalServices/replyFrom",
            Some(&[Http]),
        ),
        (
            "https://ACME.clioweb.com/externalServices/replyFrom",
            Some(&[HostCase]),
        ),
        (
            "https://acme.clioweb.com/externalservices/replyfrom",
            Some(&[PathCase]),
        ),
        (
            "https://acme.clioweb.com:443/externalServices/replyFrom",
            Some(&[ExplicitPort]),
        ),
        (
            "https://acme.clioweb.com/externalServices/replyFrom ",
            Some(&[Whitespace]),
        ),
        (
            " https://acme.clioweb.com/externalServices/replyFrom",
            Some(&[Whitespace]),
        ),
        (
            "https%3A%2F%2Facme.clioweb.com%2FexternalServices%2FreplyFrom",
            Some(&[Encoding]),
        ),
        (
            "https://acme.clioweb.com/externalServices/replyFrom?x=1",
            Some(&[QueryOrFragment]),
        ),
        (
            "https://acme.clioweb.com./externalServices/replyFrom",
            Some(&[TrailingDot]),
        ),
        ("https://acme.clioweb.com", Some(&[MissingPath])),
        ("https://acme.clioweb.com/", Some(&[MissingPath])),
        (
            "http://ACME.clioweb.com:443/externalservices/replyfrom/",
            Some(&[Http, HostCase, ExplicitPort, PathCase, TrailingSlash]),
        ),
        (
            "https://acme-uat.clioweb.com/externalServices/replyFrom",
            None,
        ),
        (
            "https://www.acme.clioweb.com/externalServices/replyFrom",
            None,
        ),
        // The same host on another port is a near miss, named.
        (
            "https://acme.clioweb.com:8443/externalServices/replyFrom",
            Some(&[PortDiffers]),
        ),
        (
            "HTTPS://acme.clioweb.com/externalServices/replyFrom",
            Some(&[SchemeCase]),
        ),
        (
            "https://acme.clioweb.com/externalServices/replyFrom\u{200B}",
            Some(&[InvisibleCharacter]),
        ),
        // Another path on the environment's own address: a named wrong path.
        (
            "https://acme.clioweb.com/externalServices/replyFrom2",
            Some(&[WrongPath]),
        ),
        ("https://acme.clioweb.com/admin/oauth", Some(&[WrongPath])),
        (
            "https://acme.clioweb.com/externalServices/",
            Some(&[WrongPath]),
        ),
        ("not a uri", None),
    ];
    for (found, want) in cases {
        let got = compare(found, &expected());
        let got_differences = got.as_ref().map(|m| match m {
            Match::Exact => Vec::new(),
            Match::NearMiss { differences, .. } => differences.clone(),
            other => panic!("{other:?}"),
        });
        assert_eq!(got_differences.as_deref(), *want, "{found:?}");
        if let Some(Match::NearMiss { differences, .. }) = got {
            assert!(!differences.is_empty(), "a near miss names its difference");
        }
    }
}

fn request(diagnosis: DiagnosisInput, now: &str) -> AnalysisRequest {
    AnalysisRequest {
        environments: vec![
            EnvironmentInput {
                role: Some(Role::Production),
                url: "acme.clioweb.com".into(),
                version: None,
            },
            EnvironmentInput {
                role: Some(Role::Uat),
                url: "acme-uat.clioweb.com".into(),
                version: None,
            },
        ],
        customer_id: Some("1764".into()),
        generated_at: Timestamp::parse_iso(now),
        diagnosis: Some(diagnosis),
        ..AnalysisRequest::default()
    }
}

fn kinds(request: &AnalysisRequest) -> Vec<CauseKind> {
    analyze(request)
        .diagnosis
        .unwrap()
        .causes
        .iter()
        .map(|c| c.kind)
        .collect()
}

#[test]
fn nothing_entered_means_no_diagnosis() {
    assert!(
        analyze(&request(DiagnosisInput::default(), "2026-11-28T10:00:00Z"))
            .diagnosis
            .is_none()
    );
}

#[test]
fn without_a_clock_the_window_has_not_passed_and_nothing_overflows() {
    // `analyze()` called without a time (the JS API, the command line): the window's
    // end is known, how long is left is not.
    for submitted in ["2026-11-27T09:15", "1970-01-01T00:00", "2026-11-27"] {
        let mut request = request(
            DiagnosisInput {
                submitted_at: Some(submitted.into()),
                ..DiagnosisInput::default()
            },
            "",
        );
        request.generated_at = None;
        let report = analyze(&request).diagnosis.unwrap();
        let window = report.window.expect(submitted);
        assert!(!window.passed, "{submitted}");
        assert!(
            window.hours_left > 48 && window.minutes_left > 48 * 60,
            "{window:?}"
        );
    }
}

#[test]
fn the_48_hour_window_with_a_fixed_clock() {
    let input = |submitted: &str| DiagnosisInput {
        submitted_at: Some(submitted.into()),
        utc_offset_minutes: Some(60),
        ..DiagnosisInput::default()
    };
    // Submitted 2026-11-27 09:15 local (UTC+1) = 08:15Z; now 2026-11-28 10:00Z: 22 h 15 min left.
    let report = analyze(&request(input("2026-11-27T09:15"), "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    let window = report.window.unwrap();
    assert_eq!(window.submitted_at.to_iso(), "2026-11-27T08:15:00Z");
    assert_eq!(window.wait_until.to_iso(), "2026-11-29T08:15:00Z");
    assert_eq!(
        window.wait_until_local,
        "Sunday 29 November 2026 at 09:15 (UTC+1)"
    );
    assert!(!window.passed);
    assert_eq!(window.hours_left, 23);
    assert_eq!(report.causes[0].kind, CauseKind::NotRegisteredYet);
    assert!(report.causes[0]
        .action
        .contains("Sunday 29 November 2026 at 09:15 (UTC+1)"));

    // The same submission, checked after the window.
    let report = analyze(&request(input("2026-11-27T09:15"), "2026-11-29T08:15:00Z"))
        .diagnosis
        .unwrap();
    assert!(report.window.unwrap().passed);

    // A zone in the text wins over the offset.
    let report = analyze(&request(
        input("2026-11-27T09:15:00Z"),
        "2026-11-28T10:00:00Z",
    ))
    .diagnosis
    .unwrap();
    assert_eq!(
        report.window.unwrap().wait_until.to_iso(),
        "2026-11-29T09:15:00Z"
    );

    // A date alone counts from the end of that day.
    let report = analyze(&request(input("2026-11-27"), "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(
        report.window.unwrap().wait_until_local,
        "Sunday 29 November 2026 at 23:59 (UTC+1)"
    );
    assert!(report
        .findings
        .iter()
        .any(|f| f.code.as_str() == "submitted-time-assumed"));

    for (text, code) in [
        ("yesterday", "submitted-date-unreadable"),
        ("2026-12-25", "submitted-date-in-future"),
        ("2026-02-30", "submitted-date-unreadable"),
    ] {
        let report = analyze(&request(input(text), "2026-11-28T10:00:00Z"))
            .diagnosis
            .unwrap();
        assert!(report.window.is_none(), "{text}");
        assert_eq!(report.findings[0].code.as_str(), code, "{text}");
        report.findings.iter().for_each(assert_well_formed);
    }
}

#[test]
fn local_times_are_written_out() {
    let t = Timestamp::parse_iso("2026-11-30T08:15:00Z").unwrap();
    assert_eq!(format_local(t, 0), "Monday 30 November 2026 at 08:15 (UTC)");
    assert_eq!(
        format_local(t, -300),
        "Monday 30 November 2026 at 03:15 (UTC\u{2212}5)"
    );
    assert_eq!(
        format_local(t, -600),
        "Sunday 29 November 2026 at 22:15 (UTC\u{2212}10)"
    );
    assert_eq!(
        format_local(t, 330),
        "Monday 30 November 2026 at 13:45 (UTC+5:30)"
    );
    assert_eq!(
        imanage_connect::core::diagnosis::format_date_time(t, -300),
        "30 November 2026 at 03:15 (UTC\u{2212}5)"
    );
    assert_eq!(
        imanage_connect::core::diagnosis::local_date(t, -600),
        "2026-11-29"
    );
    let t = Timestamp::parse_iso("2027-01-01T00:00:00Z").unwrap();
    assert_eq!(format_local(t, 0), "Friday 1 January 2027 at 00:00 (UTC)");
}

#[test]
fn sharedo_test_is_the_first_cause() {
    let input = DiagnosisInput {
        connection: Some(ConnectionChoice::SharedoTest),
        registered: Some(format!("{A}/\n{B}")),
        ..DiagnosisInput::default()
    };
    let causes = kinds(&request(input, "2026-11-28T10:00:00Z"));
    assert_eq!(
        causes,
        [CauseKind::WrongConnection, CauseKind::RegisteredUriDiffers]
    );
}

#[test]
fn a_registered_near_miss_gets_a_correction_message() {
    let input = DiagnosisInput {
        registered: Some(format!(
            "Registered:\n- {A}/\n- {}",
            B.replace("https", "http")
        )),
        submitted_at: Some("2026-11-20T09:00:00Z".into()),
        connection: Some(ConnectionChoice::SharedoProduction),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(report.causes[0].kind, CauseKind::RegisteredUriDiffers);
    assert_eq!(report.causes[0].evidence.len(), 2);
    assert!(
        report.causes[0].evidence[0].contains("ends with a slash"),
        "{:?}",
        report.causes[0].evidence
    );
    assert!(
        report.causes[0].evidence[1].contains("http:// instead of https://"),
        "{:?}",
        report.causes[0].evidence
    );
    let follow_up = report.follow_up.unwrap();
    assert!(follow_up.subject.contains("Customer ID 1764"));
    let lines: Vec<&str> = follow_up.body.lines().collect();
    assert!(
        lines.contains(&A) && lines.contains(&B),
        "{}",
        follow_up.body
    );
    assert!(lines.contains(&format!("{A}/").as_str()));
    assert!(follow_up.mailto.len() <= 1800);
}

#[test]
fn missing_after_48_hours_means_not_registered() {
    let input = DiagnosisInput {
        registered: Some(A.into()),
        submitted_at: Some("2026-11-20T09:00:00Z".into()),
        connection: Some(ConnectionChoice::SharedoProduction),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(
        report.causes.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [CauseKind::NotRegistered]
    );
    assert!(report.causes[0].evidence[0].starts_with("UAT:"));
    assert!(report.follow_up.unwrap().body.contains(B));
    assert_eq!(report.environments[0].registered, Match::Exact);
    assert_eq!(report.environments[1].registered, Match::Missing);
}

#[test]
fn unconfirmed_within_48_hours_means_wait() {
    // No confirmation yet, and the sign-in sends the right URI: wait.
    let input = DiagnosisInput {
        failing: Some(format!(
            "redirect_uri={}",
            B.replace(':', "%3A").replace('/', "%2F")
        )),
        submitted_at: Some("2026-11-27T12:00:00Z".into()),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(report.causes[0].kind, CauseKind::NotRegisteredYet);
    assert!(report.follow_up.is_none(), "no correction while waiting");
}

#[test]
fn missing_from_a_confirmation_within_48_hours_means_ask_now() {
    // iManage answered and left one out: waiting adds nothing.
    let input = DiagnosisInput {
        registered: Some(A.into()),
        submitted_at: Some("2026-11-27T12:00:00Z".into()),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(report.causes[0].kind, CauseKind::NotRegistered);
    assert!(report.causes[0]
        .evidence
        .iter()
        .any(|e| e.contains("waiting will not add")));
    assert!(report.follow_up.unwrap().body.contains(B));
}

#[test]
fn the_failing_address_shows_what_was_sent() {
    let failing = format!("https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri={ENC_A}%2F&state=1");
    let input = DiagnosisInput {
        failing: Some(failing),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(report.causes[0].kind, CauseKind::SentUriDiffers);
    assert!(
        matches!(&report.environments[0].sent, Some(Match::NearMiss { differences, .. }) if differences == &[Difference::TrailingSlash])
    );

    let failing = format!("https://cloudimanage.com/auth/oauth2/authorize?redirect_uri={ENC_A}");
    let input = DiagnosisInput {
        failing: Some(failing),
        submitted_at: Some("2026-11-20T09:00:00Z".into()),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(report.environments[0].sent, Some(Match::Exact));
    assert_eq!(report.causes[0].kind, CauseKind::NotRegistered);
}

#[test]
fn all_matching_says_so() {
    let input = DiagnosisInput {
        registered: Some(format!(
            "{A}\n{B}\nhttps://acme-old.clioweb.com/externalServices/replyFrom"
        )),
        connection: Some(ConnectionChoice::SharedoProduction),
        submitted_at: Some("2026-11-20T09:00:00Z".into()),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(
        report.causes.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [CauseKind::NoCauseFound]
    );
    assert_eq!(
        report.unmatched_registered,
        ["https://acme-old.clioweb.com/externalServices/replyFrom"]
    );
    assert!(report
        .findings
        .iter()
        .any(|f| f.code.as_str() == "registered-unmatched"));
    assert!(report.follow_up.is_none());
    let not_sure = DiagnosisInput {
        connection: Some(ConnectionChoice::NotSure),
        ..DiagnosisInput::default()
    };
    assert_eq!(
        kinds(&request(not_sure, "2026-11-28T10:00:00Z")),
        [CauseKind::CheckConnection, CauseKind::NoCauseFound]
    );
}

#[test]
fn pastes_with_no_uri_are_told() {
    let input = DiagnosisInput {
        registered: Some("Thanks, all done!".into()),
        failing: Some("It does not work".into()),
        ..DiagnosisInput::default()
    };
    let report = analyze(&request(input, "2026-11-28T10:00:00Z"))
        .diagnosis
        .unwrap();
    assert_eq!(
        report
            .findings
            .iter()
            .filter(|f| f.code.as_str() == "no-uri-found")
            .count(),
        2
    );
    report.findings.iter().for_each(assert_well_formed);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics(text in any::<String>()) {
        let _ = extract_uris(&text);
    }

    #[test]
    fn extraction_of_url_like_noise_never_panics(text in "(https?://|https%3A%2F%2F|%25|%|&amp;|&#x2F;|redirect_uri=|[?&#=/.:a-zA-Z0-9 \"<>()]|\u{00e9}|\u{202e}){0,40}") {
        let found = extract_uris(&text);
        for uri in found {
            prop_assert!(!uri.uri.trim().is_empty());
        }
    }

    #[test]
    fn diagnosis_never_panics(registered in ".{0,200}", failing in ".{0,200}", submitted in ".{0,30}", offset in -2000i32..2000) {
        let input = DiagnosisInput {
            registered: Some(registered),
            failing: Some(failing),
            submitted_at: Some(submitted),
            connection: None,
            utc_offset_minutes: Some(offset),
        };
        let report = analyze(&request(input, "2026-11-28T10:00:00Z"));
        if let Some(diagnosis) = report.diagnosis {
            if let Some(follow_up) = diagnosis.follow_up {
                prop_assert!(follow_up.mailto.len() <= 1800);
            }
        }
    }
}

#[test]
fn the_cause_about_the_environment_that_failed_comes_first() {
    let mut request = request(
        DiagnosisInput {
            registered: Some(
                "https://acme.clioweb.com/externalServices/replyFrom\nhttps://acme-uat.clioweb.com/externalServices/replyFrom/".into(),
            ),
            failing: Some(
                "https://cloudimanage.com/auth/oauth2/authorize?client_id=x&redirect_uri=https%253A%252F%252Facme-training.clioweb.com%252FexternalServices%252FreplyFrom".into(),
            ),
            submitted_at: Some("2026-11-26T09:00".into()),
            ..DiagnosisInput::default()
        },
        "2026-11-30T10:00:00Z",
    );
    request.environments.push(EnvironmentInput {
        role: Some(Role::Training),
        url: "acme-training.clioweb.com".into(),
        version: None,
    });
    let report = analyze(&request).diagnosis.unwrap();
    let first = &report.causes[0];
    assert_eq!(first.kind, CauseKind::NotRegistered, "{:#?}", report.causes);
    assert!(first
        .evidence
        .iter()
        .any(|l| l.contains("https://acme-training.clioweb.com/externalServices/replyFrom")));
    // UAT's trailing slash is still said, after it.
    assert!(report.causes[1..]
        .iter()
        .any(|c| c.kind == CauseKind::RegisteredUriDiffers));

    // Without a failing sign-in, the order is the rule book's as before.
    let mut without = request.clone();
    without.diagnosis.as_mut().unwrap().failing = None;
    let kinds = kinds(&without);
    let differs = kinds
        .iter()
        .position(|k| *k == CauseKind::RegisteredUriDiffers);
    let missing = kinds.iter().position(|k| *k == CauseKind::NotRegistered);
    assert!(differs < missing, "{kinds:?}");
}

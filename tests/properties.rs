//! Properties that hold for any input: the core never panics, every redirect URI it
//! produces is canonical, and feeding a produced origin back in is stable.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{is_dns_host, URI_PATTERN};
use imanage_connect::core::environment::analyze_entry;
use imanage_connect::core::extract::extract_uris;
use imanage_connect::core::version::analyze_version;
use imanage_connect::core::{
    analyze, analyze_with, AnalysisCache, AnalysisRequest, ConfigPath, EnvironmentInput, Role,
    Severity, Timestamp,
};
use proptest::prelude::*;
use regex::Regex;

fn uri_pattern() -> Regex {
    Regex::new(URI_PATTERN).unwrap()
}

/// Text that looks like what readers paste: URL-ish pieces, junk wrappers, invisible and
/// look-alike characters, and plain noise.
fn pasted_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("https://".to_owned()),
        Just("http://".to_owned()),
        Just("HTTPS:".to_owned()),
        Just("mailto:".to_owned()),
        Just("acme".to_owned()),
        Just("clioweb".to_owned()),
        Just("cloudimanage".to_owned()),
        Just(".com".to_owned()),
        Just(".".to_owned()),
        Just("-".to_owned()),
        Just("_".to_owned()),
        Just(":443".to_owned()),
        Just(":8443".to_owned()),
        Just(":".to_owned()),
        Just("@".to_owned()),
        Just("%2F".to_owned()),
        Just("/externalServices/replyFrom".to_owned()),
        Just("/".to_owned()),
        Just("\\".to_owned()),
        Just("?#".to_owned()),
        Just("[::1]".to_owned()),
        Just("0x7f.1".to_owned()),
        Just("xn--".to_owned()),
        Just("www.".to_owned()),
        Just("\"".to_owned()),
        Just("<>".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\u{AD}".to_owned()),
        Just("\u{A0}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{0430}".to_owned()),
        Just("\u{FF41}".to_owned()),
        Just("\t".to_owned()),
        Just(" ".to_owned()),
        "[a-zA-Z0-9]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// A syntactically valid host with no warning-worthy feature.
fn plain_host() -> impl Strategy<Value = String> {
    let label = "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?";
    (prop::collection::vec(label, 1..4), "[a-z]{2,6}")
        // An `xn--` label is an encoded international name, which is refused.
        .prop_filter("not www, identity or encoded", |(labels, _)| {
            labels[0] != "www"
                && !labels[0].ends_with("-identity")
                && !labels.iter().any(|l| l.starts_with("xn--"))
        })
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
}

fn check_entry(input: &str, pattern: &Regex) -> Result<(), TestCaseError> {
    let (_, origin, findings) = analyze_entry(input);
    let has_error = findings.iter().any(|f| f.severity == Severity::Error);
    prop_assert_eq!(
        has_error,
        origin.is_none(),
        "error iff no URI for {:?}",
        input
    );
    for finding in &findings {
        prop_assert!(!finding.message.is_empty() && !finding.fix.is_empty());
    }
    if let Some(origin) = origin {
        let uri = origin.redirect_uri();
        prop_assert!(pattern.is_match(uri.as_str()), "{:?} gave {:?}", input, uri);
        prop_assert!(
            is_dns_host(origin.host()),
            "{:?} gave host {:?}",
            input,
            origin.host()
        );
        // Feeding the origin back yields the same URI, and no warning the origin itself
        // did not already carry.
        let (_, again, again_findings) = analyze_entry(origin.as_str());
        prop_assert_eq!(again.as_ref().map(|o| o.redirect_uri()), Some(uri));
        for finding in again_findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
        {
            prop_assert!(
                findings.iter().any(|f| f.code == finding.code),
                "re-feeding {:?} added {:?}",
                origin.as_str(),
                finding.code
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_pasted_entry_is_safe(input in pasted_text()) {
        check_entry(&input, &uri_pattern())?;
    }

    #[test]
    fn any_string_at_all_is_safe(input in any::<String>()) {
        check_entry(&input, &uri_pattern())?;
        let _ = analyze_version(&input);
    }

    #[test]
    fn plain_hosts_survive_every_disguise(
        host in plain_host(),
        scheme in prop_oneof![Just(""), Just("https://"), Just("http://"), Just("HTTPS://")],
        upper in any::<bool>(),
        port in prop_oneof![Just(""), Just(":443")],
        dot in prop_oneof![Just(""), Just(".")],
        path in prop_oneof![Just(""), Just("/"), Just("/admin/oauth"), Just("/externalServices/replyFrom"), Just("?x=1#y")],
        wrap in prop_oneof![Just(("", "")), Just(("\"", "\"")), Just(("<", ">")), Just((" \u{A0}", "\u{200B} ")), Just(("\u{201C}", "\u{201D}"))],
    ) {
        let shown_host = if upper { host.to_uppercase() } else { host.clone() };
        let input = format!("{}{scheme}{shown_host}{dot}{port}{path}{}", wrap.0, wrap.1);
        let (_, origin, findings) = analyze_entry(&input);
        prop_assert_eq!(
            origin.map(|o| o.redirect_uri().as_str().to_owned()),
            Some(format!("https://{host}/externalServices/replyFrom")),
            "{:?} -> {:?}", input, findings
        );
        // The canonical origin itself is silent.
        let (_, _, clean) = analyze_entry(&format!("https://{host}"));
        prop_assert!(clean.is_empty(), "{:?}", clean);
    }

    #[test]
    fn whole_requests_never_panic_and_keep_their_promises(
        rows in prop::collection::vec((prop::option::of(prop_oneof![Just(Role::Production), Just(Role::Uat), Just(Role::Other("x\ny".into()))]), pasted_text()), 0..6),
        imanage in prop::option::of(pasted_text()),
        customer in prop::option::of(pasted_text()),
        version in prop::option::of(pasted_text()),
        firm in prop::option::of(any::<String>()),
        support in prop::option::of(pasted_text()),
        now in prop::option::of(-10_000_000_000_000i64..10_000_000_000_000),
    ) {
        let request = AnalysisRequest {
            environments: rows.into_iter().map(|(role, url)| EnvironmentInput { role, url, version: None }).collect(),
            imanage_url: imanage,
            customer_id: customer,
            version,
            firm_name: firm,
            support_email: support,
            generated_at: now.map(Timestamp::from_millis),
            ..AnalysisRequest::default()
        };
        let report = analyze(&request);
        let pattern = uri_pattern();
        for entry in &report.environments.entries {
            prop_assert_eq!(entry.has_error(), entry.redirect_uri.is_none());
            if let Some(uri) = &entry.redirect_uri {
                prop_assert!(pattern.is_match(uri.as_str()));
                prop_assert!(report.support_request.body.lines().any(|l| l == uri.as_str()) || entry.duplicate_of.is_some());
            }
        }
        let request = &report.support_request;
        prop_assert!(request.mailto.len() <= imanage_connect::core::support_request::MAILTO_BUDGET);
        prop_assert!(request.mailto.is_ascii());
        prop_assert_eq!(request.ready, request.blockers.is_empty() && !request.missing.iter().any(|m| m.required));
        prop_assert_eq!(request.ready, report.counts.errors == 0 && !request.missing.iter().any(|m| m.required));
        for finding in report.all_findings() {
            prop_assert!(!finding.message.is_empty() && !finding.fix.is_empty());
        }
        // Serialising the report is always possible.
        prop_assert!(serde_json::to_string(&report).is_ok());
    }

    /// A form analysed keystroke after keystroke with one cache gets the same report as a
    /// fresh analysis of each state: edits, pasted lists, duplicates, removed rows, and the
    /// iManage URL changing or not.
    #[test]
    fn the_analysis_cache_never_changes_a_report(
        states in prop::collection::vec(
            (
                prop::collection::vec(
                    (
                        prop::option::of(prop_oneof![Just(Role::Production), Just(Role::Uat), Just(Role::Test)]),
                        prop_oneof![
                            pasted_text(),
                            Just("https://env.example.com".to_owned()),
                            Just("https://env.example.com, http://uat.example.com/".to_owned()),
                            Just("uat.example.com".to_owned()),
                        ],
                    ),
                    0..5,
                ),
                prop::option::of(prop_oneof![
                    pasted_text(),
                    Just("https://acme.cloudimanage.com".to_owned()),
                    Just("http://cloudimanage.com/".to_owned()),
                ]),
            ),
            1..6,
        ),
    ) {
        let mut cache = AnalysisCache::default();
        for (rows, imanage_url) in states {
            let request = AnalysisRequest {
                environments: rows.into_iter().map(|(role, url)| EnvironmentInput { role, url, version: None }).collect(),
                imanage_url,
                ..AnalysisRequest::default()
            };
            prop_assert_eq!(analyze_with(&request, &mut cache), analyze(&request));
        }
    }

    #[test]
    fn the_path_follows_numeric_comparison(major in 0u64..20, minor in 0u64..30, patch in 0u64..30) {
        let report = analyze_version(&format!("{major}.{minor}.{patch}"));
        let expected = if (major, minor, patch) >= (7, 11, 0) { ConfigPath::Standard } else { ConfigPath::Hosted };
        prop_assert_eq!(report.path, expected);
        prop_assert_eq!(analyze_version(&format!("v{major}.{minor}")).path,
            if (major, minor) >= (7, 11) { ConfigPath::Standard } else { ConfigPath::Hosted });
    }

    #[test]
    fn timestamps_round_trip(ms in -62_000_000_000_000i64..250_000_000_000_000) {
        let t = Timestamp::from_millis(ms - ms.rem_euclid(1000));
        prop_assert_eq!(Timestamp::parse_iso(&t.to_iso()), Some(t));
    }

    /// Unwrapping and splitting never lose a redirect URI written in plain form: however
    /// a list of them is glued, wrapped, protected or sprinkled with invisible
    /// characters, each is found exactly once and exactly as written.
    #[test]
    fn unwrapping_and_splitting_never_lose_a_uri(
        uris in prop::collection::vec((redirect_uri(), 0usize..9, 0usize..3), 1..6),
        separators in prop::collection::vec(prop_oneof![
            Just(","), Just(";"), Just("\n"), Just("\r\n"), Just(", "), Just("; "), Just(" "),
            Just("\n\n- "), Just("\u{A0}\n"), Just(" and "), Just("\t"), Just("\n> "),
        ], 6),
        prose in prop_oneof![Just(""), Just("Registered: "), Just("Hello,\n\nWe added the following:\n")],
    ) {
        let mut text = prose.to_owned();
        for (i, (uri, wrapper, invisible)) in uris.iter().enumerate() {
            if i > 0 {
                text.push_str(separators[i % separators.len()]);
            }
            text.push_str(&wrap(uri, *wrapper));
            text.push_str(["", "\u{200B}", "\u{FEFF}"][*invisible]);
        }
        let found: Vec<String> = extract_uris(&text)
            .into_iter()
            .filter(|u| !u.origin_only)
            .map(|u| u.uri)
            .collect();
        let mut want: Vec<String> = Vec::new();
        for (uri, _, _) in &uris {
            if !want.contains(uri) {
                want.push(uri.clone());
            }
        }
        prop_assert_eq!(found, want, "{:?}", text);
    }

    /// A redirect URI broken across a line anywhere inside its path is joined.
    #[test]
    fn a_uri_wrapped_inside_its_path_is_joined(uri in redirect_uri(), cut in 1usize..27, quoted in any::<bool>()) {
        let path_at = uri.find("/externalServices").unwrap();
        let at = path_at + cut.min(uri.len() - path_at - 1);
        let line_break = if quoted { "\n> " } else { "\r\n" };
        let text = format!("{}{line_break}{}\n\nRegards", &uri[..at], &uri[at..]);
        let found: Vec<String> = extract_uris(&text).into_iter().map(|u| u.uri).collect();
        prop_assert_eq!(found, vec![uri.clone()], "{:?}", text);
    }

    /// A redirect URI hyphenated at a line end inside its path (PDF text, a word
    /// processor) is joined without the hyphen; white space inside the quotes around it
    /// is left out.
    #[test]
    fn a_uri_hyphenated_or_padded_is_read_exactly(
        uri in redirect_uri(),
        cut in 2usize..26,
        pad in prop_oneof![Just(""), Just(" "), Just("\t"), Just("  ")],
    ) {
        let path_at = uri.find("/externalServices").unwrap();
        let at = path_at + cut;
        let text = format!("Registered:\n\"{pad}{}-\n{}{pad}\"\nThanks", &uri[..at], &uri[at..]);
        let found: Vec<String> = extract_uris(&text).into_iter().map(|u| u.uri).collect();
        prop_assert_eq!(found, vec![uri.clone()], "{:?}", text);
    }

    /// A sent URI on an environment's own address is always compared with that
    /// environment, whatever its path: never an unknown environment, never foreign.
    #[test]
    fn a_sent_uri_on_a_known_environment_is_compared_with_it(
        uri in redirect_uri(),
        path in "(/[A-Za-z0-9._-]{1,12}){0,3}/?",
    ) {
        let origin = uri.trim_end_matches("/externalServices/replyFrom").to_owned();
        let sent = format!("{origin}{path}");
        let request = AnalysisRequest {
            environments: vec![EnvironmentInput { role: Some(Role::Production), url: origin.clone(), version: None }],
            version: Some("7.12".into()),
            generated_at: Timestamp::parse_iso("2026-11-28T10:30:00Z"),
            diagnosis: Some(imanage_connect::core::diagnosis::DiagnosisInput {
                failing: Some(format!("https://cloudimanage.com/auth/oauth2/authorize?redirect_uri={}", sent.replace(':', "%3A").replace('/', "%2F"))),
                ..Default::default()
            }),
            ..AnalysisRequest::default()
        };
        let report = analyze(&request);
        let d = report.diagnosis.unwrap();
        let foreign = d.causes.iter().any(|c| c.kind == imanage_connect::core::diagnosis::CauseKind::NotARedirectUri);
        prop_assert!(d.unknown_environments.is_empty() && !foreign, "{:?}", sent);
        prop_assert!(d.environments[0].sent.is_some(), "{:?}", sent);
    }

    /// A reply's own addresses are the confirmed list, never the request it quotes;
    /// when everything is quoted (only the quoted confirmation pasted), it is used.
    #[test]
    fn a_quoted_request_is_never_confirmed(
        uris in prop::collection::vec(redirect_uri(), 2..5),
        kept in 1usize..4,
        separator in prop_oneof![
            Just("-----Original Message-----\nFrom: Support\n"),
            Just("On Mon, 23 Nov 2026 at 10:02, Sam <sam@acme.example> wrote:\n"),
            Just(""),
        ],
    ) {
        let kept = kept.min(uris.len() - 1);
        let confirmed = &uris[..kept];
        let mut text = "Hello, these are now registered:\n".to_owned();
        for uri in confirmed {
            text.push_str(uri);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(separator);
        text.push_str("> Please register:\n");
        for uri in &uris {
            text.push_str("> ");
            text.push_str(uri);
            text.push('\n');
        }
        let read = |registered: &str| -> Vec<String> {
            let request = AnalysisRequest {
                diagnosis: Some(imanage_connect::core::diagnosis::DiagnosisInput {
                    registered: Some(registered.to_owned()),
                    ..Default::default()
                }),
                ..AnalysisRequest::default()
            };
            let found: Vec<String> = analyze(&request)
                .diagnosis
                .unwrap()
                .registered_uris
                .into_iter()
                .map(|u| u.uri)
                .collect();
            found
        };
        let mut want: Vec<String> = Vec::new();
        for uri in confirmed {
            if !want.contains(uri) {
                want.push(uri.clone());
            }
        }
        prop_assert_eq!(read(&text), want, "{:?}", text);
        // Only the quoted part pasted: it is what there is.
        let quoted: String = uris.iter().map(|u| format!("> {u}\n")).collect();
        let mut all: Vec<String> = Vec::new();
        for uri in &uris {
            if !all.contains(uri) {
                all.push(uri.clone());
            }
        }
        prop_assert_eq!(read(&quoted), all, "{:?}", quoted);
    }

    /// A redirect URI, plain, protected by a wrapper or sent in an authorisation
    /// address, hard-wrapped at any character after its scheme (inside the host, the
    /// path or the encoded parameter) is read whole, between other lines.
    #[test]
    fn a_long_address_wrapped_anywhere_is_joined(
        uri in redirect_uri(), form in 0usize..3, cut in 0.0f64..1.0, quoted in any::<bool>(),
    ) {
        let encoded = uri.replace(':', "%3A").replace('/', "%2F");
        let long = match form {
            0 => uri.clone(),
            1 => format!("https://eur02.safelinks.protection.outlook.com/?url={encoded}&data=05%7C02%7Cit%40acme.example%7C0%7C638&sdata=Zk9%3D&reserved=0"),
            _ => format!("https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc&redirect_uri={encoded}&state=x"),
        };
        let first = long.find("://").unwrap() + 4;
        let mut at = first + ((long.len() - first) as f64 * cut) as usize;
        at = at.min(long.len() - 1);
        let line_break = if quoted { "\n> " } else { "\r\n" };
        let lead = if quoted { "> " } else { "" };
        let text = format!("{lead}Registered:\n{lead}{}{line_break}{}\n\nRegards", &long[..at], &long[at..]);
        let found: Vec<String> = extract_uris(&text).into_iter().map(|u| u.uri).collect();
        prop_assert_eq!(found, vec![uri.clone()], "{:?}", text);
    }
}

/// A canonical redirect URI on a random host.
fn redirect_uri() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6})?",
        "[a-z]{3,8}",
        prop_oneof![Just("com"), Just("co.uk"), Just("example")],
    )
        .prop_map(|(name, domain, tld)| {
            format!("https://{name}.{domain}.{tld}/externalServices/replyFrom")
        })
}

/// `uri` as a mail program or a person may have written it.
fn wrap(uri: &str, how: usize) -> String {
    let encoded: String = uri
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'~' | b'-' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    match how {
        0 => uri.to_owned(),
        1 => format!("https://eur01.safelinks.protection.outlook.com/?url={encoded}&data=05%7C02%7C&reserved=0"),
        2 => format!("https://www.google.com/url?q={encoded}&sa=D&usg=AOvVaw"),
        3 => format!(
            "https://urldefense.proofpoint.com/v2/url?u={}&d=DwMFaQ&c=x&r=y&m=z&s=w&e=",
            uri.replace('-', "-2D").replace(':', "-3A").replace('/', "_")
        ),
        4 => format!("https://urldefense.com/v3/__{uri}__;!!AbC!dEf$"),
        5 => format!("{uri}<https://eur01.safelinks.protection.outlook.com/?url={encoded}&reserved=0>"),
        6 => format!("<{uri}>"),
        7 => format!("\u{201C}{uri}\u{201D}"),
        _ => format!("({uri})"),
    }
}

proptest! {
    /// A sentence set with its addresses apart loses and adds nothing, whatever it holds.
    #[test]
    fn prose_pieces_keep_every_character(text in "(\\PC|https://|http://| |\u{201D}|\\.){0,40}") {
        use imanage_connect::widget::text::{prose_pieces, Piece};
        let joined: String = prose_pieces(&text)
            .iter()
            .map(|p| match p {
                Piece::Words(t) | Piece::Address(t) => *t,
            })
            .collect();
        prop_assert_eq!(joined, text);
    }
}

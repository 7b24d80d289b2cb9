//! Domain rules §1–2: environment URLs to exact redirect URIs, one table row per case.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_well_formed, codes};
use imanage_connect::core::environment::analyze_entry;

const R: &str = "/externalServices/replyFrom";

/// (input, expected redirect URI or None, expected finding codes in order)
const CASES: &[(&str, Option<&str>, &[&str])] = &[
    // Plain and harmless normalisations
    (
        "https://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "https://acme.clioweb.com/",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["scheme-assumed"],
    ),
    (
        "//acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["scheme-assumed"],
    ),
    (
        "HTTPS://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["uppercase-lowered"],
    ),
    (
        "https://ACME.CLIOWEB.COM/",
        Some("https://acme.clioweb.com"),
        &["uppercase-lowered"],
    ),
    (
        "https://Acme.ClioWeb.com",
        Some("https://acme.clioweb.com"),
        &["uppercase-lowered"],
    ),
    (
        "  https://acme.clioweb.com  ",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{A0}https://acme.clioweb.com\u{A0}",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{FEFF}https://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{200B}https://acme.clioweb.com\u{200B}",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\"https://acme.clioweb.com\"",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "'https://acme.clioweb.com'",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{201C}https://acme.clioweb.com\u{201D}",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{2018}https://acme.clioweb.com\u{2019}",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{AB}https://acme.clioweb.com\u{BB}",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "<https://acme.clioweb.com>",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    (
        "\u{2022} https://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &[],
    ),
    // Scheme
    (
        "http://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["http-upgraded"],
    ),
    (
        "HTTP://acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["http-upgraded", "uppercase-lowered"],
    ),
    (
        "https:acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["scheme-without-slashes"],
    ),
    (
        "http:acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["scheme-without-slashes", "http-upgraded"],
    ),
    ("ftp://acme.clioweb.com", None, &["unsupported-scheme"]),
    ("file:///etc/passwd", None, &["unsupported-scheme"]),
    ("javascript:alert(1)", None, &["unsupported-scheme"]),
    (
        "data:text/html;base64,PHNjcmlwdD4=",
        None,
        &["unsupported-scheme"],
    ),
    ("wss://acme.clioweb.com", None, &["unsupported-scheme"]),
    // E-mail addresses and user names
    ("jane@acme.clioweb.com", None, &["email-address"]),
    ("mailto:jane@acme.clioweb.com", None, &["email-address"]),
    ("MAILTO:jane@acme.clioweb.com", None, &["email-address"]),
    ("https://jane@acme.clioweb.com", None, &["userinfo"]),
    ("https://user:pass@acme.clioweb.com", None, &["userinfo"]),
    ("https://acme.clioweb.com@evil.example", None, &["userinfo"]),
    (
        "https://acme.clioweb.com%2F@evil.example",
        None,
        &["userinfo"],
    ),
    (
        "https://acme.clioweb.com:443@evil.example",
        None,
        &["userinfo"],
    ),
    // Hosts that are not host names
    ("https://127.0.0.1", None, &["ip-address"]),
    ("https://192.168.1.10:8080", None, &["ip-address"]),
    ("https://0x7f.1", None, &["ip-address"]),
    ("https://2130706433", None, &["ip-address"]),
    ("https://0177.0.0.1", None, &["ip-address"]),
    ("https://[::1]", None, &["ip-address"]),
    ("https://[2001:db8::1]:8443", None, &["ip-address"]),
    ("https://acme.clioweb.123", None, &["ip-address"]),
    ("https://localhost", None, &["localhost"]),
    ("localhost:8080", None, &["scheme-assumed", "localhost"]),
    ("https://app.localhost", None, &["localhost"]),
    ("https://*.clioweb.com", None, &["wildcard"]),
    ("*.clioweb.com", None, &["scheme-assumed", "wildcard"]),
    // Look-alike and encoded hosts
    ("https://\u{0430}cme.clioweb.com", None, &["non-ascii-host"]),
    ("https://acme.cli\u{043E}web.com", None, &["non-ascii-host"]),
    (
        "https://\u{FF41}\u{FF43}\u{FF4D}\u{FF45}.clioweb.com",
        None,
        &["non-ascii-host"],
    ),
    (
        "https://acme\u{202E}.clioweb.com",
        None,
        &["non-ascii-host"],
    ),
    ("https://acm\u{E9}.clioweb.com", None, &["non-ascii-host"]),
    ("https://xn--acme-0za.clioweb.com", None, &["punycode-host"]),
    // Found by the property tests: the parser skips extra slashes before the host.
    ("/A\u{AE}", None, &["scheme-assumed", "non-ascii-host"]),
    ("https:///A\u{202E}.com", None, &["non-ascii-host"]),
    ("https://acme.xn--p1ai", None, &["punycode-host"]),
    ("https://acme%2Eclioweb.com", None, &["percent-in-host"]),
    ("https://%61cme.clioweb.com", None, &["percent-in-host"]),
    // DNS label syntax
    (
        "https://acme_law.clioweb.com",
        Some("https://acme_law.clioweb.com"),
        &["underscore-in-host"],
    ),
    ("https://-acme.clioweb.com", None, &["invalid-host-label"]),
    ("https://acme-.clioweb.com", None, &["invalid-host-label"]),
    ("https://acme..clioweb.com", None, &["invalid-host-label"]),
    ("https://.acme.clioweb.com", None, &["invalid-host-label"]),
    ("https://acme clioweb.com", None, &["invalid-host-label"]),
    ("https://acme!.clioweb.com", None, &["invalid-host-label"]),
    ("https://acme", None, &["single-label-host"]),
    ("acme", None, &["scheme-assumed", "single-label-host"]),
    ("https://", None, &["unparseable"]),
    // Trailing dot, www., identity server
    (
        "https://acme.clioweb.com.",
        Some("https://acme.clioweb.com"),
        &["trailing-dot-removed"],
    ),
    (
        "https://acme.clioweb.com./admin",
        Some("https://acme.clioweb.com"),
        &["trailing-dot-removed", "path-dropped"],
    ),
    (
        "https://www.acme.clioweb.com",
        Some("https://www.acme.clioweb.com"),
        &["www-prefix"],
    ),
    ("https://www.example", Some("https://www.example"), &[]),
    (
        "https://acme-identity.clioweb.com",
        Some("https://acme-identity.clioweb.com"),
        &["identity-server-host"],
    ),
    // Ports
    (
        "https://acme.clioweb.com:443",
        Some("https://acme.clioweb.com"),
        &["default-port-removed"],
    ),
    (
        "https://acme.clioweb.com:",
        Some("https://acme.clioweb.com"),
        &["default-port-removed"],
    ),
    (
        "http://acme.clioweb.com:80",
        Some("https://acme.clioweb.com"),
        &["http-upgraded", "default-port-removed"],
    ),
    (
        "http://acme.clioweb.com:443",
        Some("https://acme.clioweb.com"),
        &["http-upgraded", "default-port-removed"],
    ),
    (
        "https://acme.clioweb.com:8443",
        Some("https://acme.clioweb.com:8443"),
        &["non-default-port"],
    ),
    (
        "https://acme.clioweb.com:80",
        Some("https://acme.clioweb.com:80"),
        &["non-default-port"],
    ),
    (
        "acme.clioweb.com:8443",
        Some("https://acme.clioweb.com:8443"),
        &["scheme-assumed", "non-default-port"],
    ),
    (
        "https://acme.clioweb.com:08443",
        Some("https://acme.clioweb.com:8443"),
        &["non-default-port"],
    ),
    ("https://acme.clioweb.com:99999", None, &["invalid-port"]),
    ("https://acme.clioweb.com:abc", None, &["invalid-port"]),
    // Paths, queries and fragments
    (
        "https://acme.clioweb.com/admin/oauth",
        Some("https://acme.clioweb.com"),
        &["path-dropped"],
    ),
    (
        "http://ACME.example.com/admin/oauth",
        Some("https://acme.example.com"),
        &["http-upgraded", "uppercase-lowered", "path-dropped"],
    ),
    (
        "https://acme.clioweb.com?tab=1",
        Some("https://acme.clioweb.com"),
        &["path-dropped"],
    ),
    (
        "https://acme.clioweb.com#/home",
        Some("https://acme.clioweb.com"),
        &["path-dropped"],
    ),
    (
        "https://acme.clioweb.com/path with spaces",
        Some("https://acme.clioweb.com"),
        &["path-dropped"],
    ),
    (
        "acme.clioweb.com\\admin",
        Some("https://acme.clioweb.com"),
        &["scheme-assumed", "backslash", "path-dropped"],
    ),
    (
        "https:\\\\acme.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["backslash"],
    ),
    // The redirect URI itself, exact and near misses
    (
        "https://acme.clioweb.com/externalServices/replyFrom",
        Some("https://acme.clioweb.com"),
        &["redirect-uri-pasted"],
    ),
    (
        "https://acme.clioweb.com/externalServices/replyFrom/",
        Some("https://acme.clioweb.com"),
        &["redirect-uri-pasted", "redirect-path-differs"],
    ),
    (
        "https://acme.clioweb.com/externalservices/replyfrom",
        Some("https://acme.clioweb.com"),
        &["redirect-uri-pasted", "redirect-path-differs"],
    ),
    (
        "https://acme.clioweb.com/EXTERNALSERVICES/REPLYFROM/",
        Some("https://acme.clioweb.com"),
        &["redirect-uri-pasted", "redirect-path-differs"],
    ),
    (
        "https://acme.clioweb.com/externalServices/replyFrom?code=1",
        Some("https://acme.clioweb.com"),
        &["redirect-uri-pasted", "redirect-path-differs"],
    ),
    (
        "http://acme.clioweb.com/externalServices/replyFrom",
        Some("https://acme.clioweb.com"),
        &["http-upgraded", "redirect-uri-pasted"],
    ),
    (
        "HTTP://ACME.CLIOWEB.COM:443/EXTERNALSERVICES/REPLYFROM/",
        Some("https://acme.clioweb.com"),
        &[
            "http-upgraded",
            "uppercase-lowered",
            "default-port-removed",
            "redirect-uri-pasted",
            "redirect-path-differs",
        ],
    ),
    (
        "https://acme.clioweb.com/externalServices",
        Some("https://acme.clioweb.com"),
        &["path-dropped"],
    ),
    // Invisible characters inside the entry
    (
        "https://acme\u{200B}.clioweb.com",
        Some("https://acme.clioweb.com"),
        &["invisible-characters-removed"],
    ),
    (
        "https://acme.clio\u{AD}web.com",
        Some("https://acme.clioweb.com"),
        &["invisible-characters-removed"],
    ),
    (
        "https://acme.cl\tioweb.com",
        Some("https://acme.clioweb.com"),
        &["invisible-characters-removed"],
    ),
    (
        "https://ac\u{200D}me.clio\u{2060}web.com",
        Some("https://acme.clioweb.com"),
        &["invisible-characters-removed"],
    ),
    (
        "https://acme.clioweb.com\u{FEFF}/x",
        Some("https://acme.clioweb.com"),
        &["invisible-characters-removed", "path-dropped"],
    ),
];

#[test]
fn environment_url_table() {
    let mut failures = Vec::new();
    for (input, origin, expected) in CASES {
        let (_, got_origin, findings) = analyze_entry(input);
        let got_uri = got_origin
            .as_ref()
            .map(|o| o.redirect_uri().as_str().to_owned());
        let want_uri = origin.map(|o| format!("{o}{R}"));
        let got_codes = codes(&findings);
        if got_uri != want_uri || got_codes != *expected {
            failures.push(format!(
                "{input:?}\n   want {want_uri:?} {expected:?}\n   got  {got_uri:?} {got_codes:?}"
            ));
        }
        for finding in &findings {
            assert_well_formed(finding);
        }
        let has_error = findings.iter().any(|f| f.is_error());
        assert_eq!(
            has_error,
            got_uri.is_none(),
            "{input:?}: an error must mean no URI, and no URI an error"
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn long_hosts_are_flagged() {
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    let (_, origin, findings) = analyze_entry(&format!("https://{label64}.clioweb.com"));
    assert!(origin.is_none());
    assert_eq!(codes(&findings), ["invalid-host-label"]);

    let (_, origin, findings) = analyze_entry(&format!("https://{label63}.clioweb.com"));
    assert!(origin.is_some());
    assert!(findings.is_empty());

    let host254 = format!("{l}.{l}.{l}.{m}", l = label63, m = "a".repeat(62));
    assert_eq!(host254.len(), 254);
    let (_, origin, findings) = analyze_entry(&format!("https://{host254}"));
    assert!(origin.is_none());
    assert_eq!(codes(&findings), ["host-too-long"]);

    // A 243-character host is legal, but its redirect URI passes 256 characters.
    let host = format!("{l}.{l}.{l}.{m}", l = "b".repeat(60), m = "c".repeat(60));
    let (_, origin, findings) = analyze_entry(&format!("https://{host}"));
    assert!(origin.is_some());
    assert_eq!(codes(&findings), ["redirect-uri-too-long"]);
}

#[test]
fn messages_name_the_offending_character() {
    let (_, _, findings) = analyze_entry("https://\u{0430}cme.clioweb.com");
    assert!(
        findings[0].message.contains("Cyrillic"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("U+0430"),
        "{}",
        findings[0].message
    );
    let (_, _, findings) = analyze_entry("https://\u{FF41}cme.clioweb.com");
    assert!(
        findings[0].message.contains("full-width"),
        "{}",
        findings[0].message
    );
    let (_, _, findings) = analyze_entry("https://acme.clioweb.com@evil.example");
    assert!(
        findings[0].message.contains("evil.example"),
        "{}",
        findings[0].message
    );
}

#[test]
fn one_click_fixes_produce_the_canonical_address() {
    let cases = [
        (
            "http://acme.clioweb.com",
            "Use https",
            "https://acme.clioweb.com",
        ),
        (
            "http://acme.clioweb.com/admin/oauth",
            "Use https",
            "https://acme.clioweb.com/admin/oauth",
        ),
        (
            "https://acme.clioweb.com/admin/oauth",
            "Remove the path",
            "https://acme.clioweb.com",
        ),
        (
            "https://acme.clioweb.com.",
            "Remove the final dot",
            "https://acme.clioweb.com",
        ),
        (
            "https://www.acme.clioweb.com",
            "Remove www.",
            "https://acme.clioweb.com",
        ),
        (
            "https://acme-identity.clioweb.com",
            "Use acme.clioweb.com",
            "https://acme.clioweb.com",
        ),
        (
            "https://acme.clioweb.com:8443",
            "Remove the port",
            "https://acme.clioweb.com",
        ),
        (
            "https://ac\u{200B}me.clioweb.com",
            "Use the cleaned address",
            "https://acme.clioweb.com",
        ),
    ];
    for (input, label, text) in cases {
        let (_, _, findings) = analyze_entry(input);
        let action = findings
            .iter()
            .filter_map(|f| f.action.as_ref())
            .find(|a| a.label() == label)
            .unwrap_or_else(|| panic!("{input}: no action {label:?} in {findings:?}"));
        match action {
            imanage_connect::core::FixAction::ReplaceText { text: got, .. } => {
                assert_eq!(got, text, "{input}")
            }
            other => panic!("{input}: unexpected {other:?}"),
        }
        // Applying the fix leaves nothing for that fix to do.
        let (_, _, after) = analyze_entry(text);
        assert!(
            after
                .iter()
                .all(|f| f.action.as_ref().map(|a| a.label()) != Some(label)),
            "{input}: fix does not settle"
        );
    }
}

//! Domain rules §3–4: the iManage URL (standard, vanity, look-alikes, other domains,
//! suffix tricks) and the Customer ID.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_well_formed, codes};
use imanage_connect::core::customer_id::analyze_customer_id;
use imanage_connect::core::imanage::analyze_imanage_url;
use imanage_connect::core::ImanageKind;

/// (input, expected URL or None, kind: "standard" | "vanity:<label>" | "unusual" | "", codes)
const IMANAGE: &[(&str, Option<&str>, &str, &[&str])] = &[
    (
        "https://cloudimanage.com",
        Some("https://cloudimanage.com"),
        "standard",
        &[],
    ),
    (
        "https://cloudimanage.com/",
        Some("https://cloudimanage.com"),
        "standard",
        &[],
    ),
    (
        "cloudimanage.com",
        Some("https://cloudimanage.com"),
        "standard",
        &["scheme-assumed"],
    ),
    (
        "http://cloudimanage.com",
        Some("https://cloudimanage.com"),
        "standard",
        &["http-upgraded"],
    ),
    (
        "HTTPS://CLOUDIMANAGE.COM/",
        Some("https://cloudimanage.com"),
        "standard",
        &["uppercase-lowered"],
    ),
    (
        "https://cloudimanage.com:443",
        Some("https://cloudimanage.com"),
        "standard",
        &["default-port-removed"],
    ),
    (
        "https://cloudimanage.com.",
        Some("https://cloudimanage.com"),
        "standard",
        &["trailing-dot-removed"],
    ),
    (
        "https://cloudimanage.com/work/web/",
        Some("https://cloudimanage.com"),
        "standard",
        &["path-dropped"],
    ),
    (
        "\"https://cloudimanage.com\"",
        Some("https://cloudimanage.com"),
        "standard",
        &[],
    ),
    (
        "https://acme.cloudimanage.com",
        Some("https://acme.cloudimanage.com"),
        "vanity:acme",
        &[],
    ),
    (
        "https://my-firm.cloudimanage.com",
        Some("https://my-firm.cloudimanage.com"),
        "vanity:my-firm",
        &[],
    ),
    (
        "acme.cloudimanage.com/work/web/",
        Some("https://acme.cloudimanage.com"),
        "vanity:acme",
        &["scheme-assumed", "path-dropped"],
    ),
    (
        "https://www.cloudimanage.com",
        Some("https://www.cloudimanage.com"),
        "unusual",
        &["imanage-subdomain"],
    ),
    (
        "https://eu.acme.cloudimanage.com",
        Some("https://eu.acme.cloudimanage.com"),
        "unusual",
        &["imanage-subdomain"],
    ),
    // Not cloudimanage.com, however it is dressed up
    (
        "https://cloudimanage.com.evil.example",
        None,
        "",
        &["imanage-suffix-trick"],
    ),
    (
        "https://cloudimanage.com.au",
        None,
        "",
        &["imanage-suffix-trick"],
    ),
    (
        "https://evilcloudimanage.com",
        None,
        "",
        &["imanage-not-cloud"],
    ),
    (
        "https://evil.example/cloudimanage.com",
        None,
        "",
        &["imanage-not-cloud"],
    ),
    (
        "https://evil.example?u=https://cloudimanage.com",
        None,
        "",
        &["imanage-not-cloud"],
    ),
    (
        "https://cloudimanage.com@evil.example",
        None,
        "",
        &["userinfo"],
    ),
    (
        "https://cloudimanage.com%2F@evil.example",
        None,
        "",
        &["userinfo"],
    ),
    ("https://example.com", None, "", &["imanage-not-cloud"]),
    ("https://192.0.2.1", None, "", &["ip-address"]),
    // Look-alikes
    (
        "https://cloudlmanage.com",
        None,
        "",
        &["imanage-look-alike"],
    ),
    ("https://cloudimanage.co", None, "", &["imanage-look-alike"]),
    ("https://cloudimange.com", None, "", &["imanage-look-alike"]),
    (
        "https://acme.cloudimanage.co",
        None,
        "",
        &["imanage-look-alike"],
    ),
    (
        "https://cloud-imanage.com",
        None,
        "",
        &["imanage-look-alike"],
    ),
    (
        "https://cl\u{043E}udimanage.com",
        None,
        "",
        &["non-ascii-host"],
    ),
    (
        "https://\u{FF43}loudimanage.com",
        None,
        "",
        &["non-ascii-host"],
    ),
    (
        "https://xn--cloudmanage-abc.com",
        None,
        "",
        &["punycode-host"],
    ),
    // Other iManage domains
    ("https://imanage.com", None, "", &["imanage-other-domain"]),
    (
        "https://acme.imanage.work",
        None,
        "",
        &["imanage-other-domain"],
    ),
    (
        "https://acme.goimanage.com",
        None,
        "",
        &["imanage-other-domain"],
    ),
    // Ports, schemes and shapes
    ("https://cloudimanage.com:8443", None, "", &["imanage-port"]),
    ("ftp://cloudimanage.com", None, "", &["unsupported-scheme"]),
    ("support@imanage.com", None, "", &["email-address"]),
    (
        "cloudimanage",
        None,
        "",
        &["scheme-assumed", "single-label-host"],
    ),
];

fn kind_name(kind: &Option<ImanageKind>) -> String {
    match kind {
        Some(ImanageKind::Standard) => "standard".into(),
        Some(ImanageKind::Vanity { subdomain }) => format!("vanity:{subdomain}"),
        Some(ImanageKind::Unusual) => "unusual".into(),
        None => String::new(),
    }
}

#[test]
fn imanage_url_table() {
    let mut failures = Vec::new();
    for (input, url, kind, expected) in IMANAGE {
        let report = analyze_imanage_url(input).expect("non-empty input gives a report");
        let got_codes = codes(&report.findings);
        let got_kind = kind_name(&report.kind);
        if report.url.as_deref() != *url || got_kind != *kind || got_codes != *expected {
            failures.push(format!(
                "{input:?}\n   want {url:?} {kind:?} {expected:?}\n   got  {:?} {got_kind:?} {got_codes:?}",
                report.url
            ));
        }
        report.findings.iter().for_each(assert_well_formed);
        assert_eq!(report.has_error(), report.url.is_none(), "{input:?}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        IMANAGE.len(),
        failures.join("\n")
    );
}

#[test]
fn empty_imanage_url_is_not_reported() {
    for input in ["", "   ", "\u{200B}", "\n"] {
        assert!(analyze_imanage_url(input).is_none(), "{input:?}");
    }
}

#[test]
fn look_alikes_suggest_the_real_address() {
    let cases = [
        ("https://cloudlmanage.com", "https://cloudimanage.com"),
        (
            "https://acme.cloudimanage.co",
            "https://acme.cloudimanage.com",
        ),
    ];
    for (input, suggestion) in cases {
        let report = analyze_imanage_url(input).unwrap();
        assert!(
            report.findings[0].fix.contains(suggestion),
            "{input}: {}",
            report.findings[0].fix
        );
        let action = report.findings[0].action.as_ref().expect("a one-click fix");
        assert_eq!(action.label(), format!("Use {suggestion}"));
    }
}

/// (input, expected value or None when empty, codes)
const CUSTOMER_IDS: &[(&str, Option<&str>, &[&str])] = &[
    ("1764", Some("1764"), &[]),
    ("100", Some("100"), &[]),
    (" 145 ", Some("145"), &[]),
    ("\u{A0}1764\u{200B}", Some("1764"), &[]),
    ("\"1764\"", Some("1764"), &[]),
    ("", None, &[]),
    ("   ", None, &[]),
    ("ACME", Some("ACME"), &["customer-id-not-digits"]),
    ("17 64", Some("17 64"), &["customer-id-not-digits"]),
    ("#1764", Some("#1764"), &["customer-id-not-digits"]),
    (
        "\u{0661}\u{0667}\u{0666}\u{0664}",
        Some("\u{0661}\u{0667}\u{0666}\u{0664}"),
        &["customer-id-not-digits"],
    ),
    (
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        Some("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        &["customer-id-looks-like-client-id"],
    ),
    (
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
        Some("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"),
        &["customer-id-looks-like-client-id"],
    ),
    (
        "3f2504e04f8911d39a0c0305e82c3301",
        Some("3f2504e04f8911d39a0c0305e82c3301"),
        &["customer-id-looks-like-share-id"],
    ),
    (
        "https://cloudimanage.com",
        Some("https://cloudimanage.com"),
        &["customer-id-looks-like-address"],
    ),
    (
        "jane@acme.example",
        Some("jane@acme.example"),
        &["customer-id-looks-like-address"],
    ),
    (
        "www.acme.example",
        Some("www.acme.example"),
        &["customer-id-looks-like-address"],
    ),
];

#[test]
fn customer_id_table() {
    let mut failures = Vec::new();
    for (input, value, expected) in CUSTOMER_IDS {
        let report = analyze_customer_id(input);
        let got_value = report.as_ref().map(|r| r.value.as_str());
        let got_codes = report
            .as_ref()
            .map(|r| codes(&r.findings))
            .unwrap_or_default();
        if got_value != *value || got_codes != *expected {
            failures.push(format!(
                "{input:?}: want {value:?} {expected:?}, got {got_value:?} {got_codes:?}"
            ));
        }
        if let Some(report) = report {
            report.findings.iter().for_each(assert_well_formed);
            assert!(
                report.findings.iter().all(|f| !f.is_error()),
                "Customer ID findings are warnings"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_http_fix_names_the_field_it_belongs_to() {
    // The iManage URL has nothing to do with the redirect URI; an environment's does.
    let imanage = analyze_imanage_url("http://acme.cloudimanage.com").unwrap();
    let fix = &imanage
        .findings
        .iter()
        .find(|f| f.code.as_str() == "http-upgraded")
        .unwrap()
        .fix;
    assert!(!fix.contains("redirect"), "{fix}");
    assert!(fix.contains("https"), "{fix}");
    let (_, _, findings) =
        imanage_connect::core::environment::analyze_entry("http://acme.example.com");
    let fix = &findings
        .iter()
        .find(|f| f.code.as_str() == "http-upgraded")
        .unwrap()
        .fix;
    assert!(fix.contains("invalid_redirect_uri"), "{fix}");
}

#[test]
fn a_customer_id_pasted_with_its_label_or_punctuation_offers_the_number() {
    use imanage_connect::core::customer_id::analyze_customer_id;
    use imanage_connect::core::FixAction;
    // (typed, the number offered)
    let cases: &[(&str, Option<&str>)] = &[
        ("Customer ID: 1764", Some("1764")),
        ("iManage Customer ID 1764", Some("1764")),
        ("#1764", Some("1764")),
        ("1,764", Some("1764")),
        ("17 64", Some("1764")),
        ("ID: 1764", Some("1764")),
        ("1764", None),
        ("acme", None),
        ("1764-A", None),
        ("Customer ID: TBC", None),
    ];
    for (typed, offered) in cases {
        let report = analyze_customer_id(typed).unwrap();
        let action = report.findings.iter().find_map(|f| f.action.clone());
        match offered {
            Some(number) => assert_eq!(
                action,
                Some(FixAction::ReplaceText {
                    label: format!("Use {number}"),
                    text: (*number).to_owned(),
                }),
                "{typed}"
            ),
            None => assert_eq!(action, None, "{typed}"),
        }
    }
}

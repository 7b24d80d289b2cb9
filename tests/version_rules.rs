//! Domain rules §5: the Clio Operate version and the configuration path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_well_formed, codes};
use imanage_connect::core::version::{analyze_version, WHAT_DECIDES};
use imanage_connect::core::ConfigPath::{self, Hosted, Standard, Undecided};

/// (input, path, version as compared, codes)
const CASES: &[(&str, ConfigPath, Option<&str>, &[&str])] = &[
    ("", Undecided, None, &[]),
    ("   ", Undecided, None, &[]),
    ("7.11.0", Standard, Some("7.11.0"), &[]),
    ("7.11", Standard, Some("7.11.0"), &["version-padded"]),
    ("7.11.", Standard, Some("7.11.0"), &["version-padded"]),
    ("7.11.1", Standard, Some("7.11.1"), &[]),
    ("7.12", Standard, Some("7.12.0"), &["version-padded"]),
    ("7.10", Hosted, Some("7.10.0"), &["version-padded"]),
    ("7.10.9", Hosted, Some("7.10.9"), &[]),
    ("7.9", Hosted, Some("7.9.0"), &["version-padded"]),
    ("7.9.5", Hosted, Some("7.9.5"), &[]),
    ("7.2", Hosted, Some("7.2.0"), &["version-padded"]),
    // A major version alone is as open as `7.x`.
    ("7", Undecided, None, &["version-ambiguous"]),
    ("v7", Undecided, None, &["version-ambiguous"]),
    ("Clio Operate 7", Undecided, None, &["version-ambiguous"]),
    ("8", Standard, Some("8.x"), &["version-wildcard"]),
    ("6", Hosted, Some("6.x"), &["version-wildcard"]),
    // A suffix nothing defines: decided from the numbers, with a warning.
    (
        "7.11.0-hotfix1",
        Standard,
        Some("7.11.0"),
        &["version-suffix-unknown"],
    ),
    (
        "7.10.2-hotfix1",
        Hosted,
        Some("7.10.2"),
        &["version-suffix-unknown"],
    ),
    (
        "7.11.0-hf2",
        Standard,
        Some("7.11.0"),
        &["version-suffix-unknown"],
    ),
    (
        "7.11.0-patch.3",
        Standard,
        Some("7.11.0"),
        &["version-suffix-unknown"],
    ),
    // Two versions in the one field point to each environment's own version.
    (
        "7.10.3 / 7.11.0",
        Hosted,
        Some("7.10.3"),
        &["version-several"],
    ),
    (
        "7.11.2 (prod), 7.10.4 (UAT)",
        Standard,
        Some("7.11.2"),
        &["version-several"],
    ),
    (
        "7.10,7.11",
        Hosted,
        Some("7.10.0"),
        &["version-padded", "version-several"],
    ),
    (
        "UAT 7.10.1 and production 7.11.0",
        Hosted,
        Some("7.10.1"),
        &["version-text-ignored", "version-several"],
    ),
    ("10.0.0", Standard, Some("10.0.0"), &[]),
    ("10.0", Standard, Some("10.0.0"), &["version-padded"]),
    ("6.99.99", Hosted, Some("6.99.99"), &[]),
    ("0.0.1", Hosted, Some("0.0.1"), &[]),
    ("v7.11.0", Standard, Some("7.11.0"), &[]),
    ("V7.10.2", Hosted, Some("7.10.2"), &[]),
    ("Clio Operate 7.11.2", Standard, Some("7.11.2"), &[]),
    (
        "clio operate v7.10",
        Hosted,
        Some("7.10.0"),
        &["version-padded"],
    ),
    ("ShareDo 7.10", Hosted, Some("7.10.0"), &["version-padded"]),
    ("Sharedo v7.11.0", Standard, Some("7.11.0"), &[]),
    (
        "Version 7.11",
        Standard,
        Some("7.11.0"),
        &["version-padded"],
    ),
    (
        "Clio Operate version: 7.11.0",
        Standard,
        Some("7.11.0"),
        &[],
    ),
    ("  7.11.0\u{200B} ", Standard, Some("7.11.0"), &[]),
    (
        "7.11.0.1234",
        Standard,
        Some("7.11.0"),
        &["version-build-ignored"],
    ),
    (
        "7.10.9.9999",
        Hosted,
        Some("7.10.9"),
        &["version-build-ignored"],
    ),
    (
        "07.011.000",
        Standard,
        Some("7.11.0"),
        &["version-leading-zeros"],
    ),
    (
        "7.011",
        Standard,
        Some("7.11.0"),
        &["version-leading-zeros", "version-padded"],
    ),
    (
        "7.11.0+build.5",
        Standard,
        Some("7.11.0"),
        &["version-metadata-ignored"],
    ),
    (
        "7.11.0-beta",
        Hosted,
        Some("7.11.0-beta"),
        &["version-prerelease"],
    ),
    (
        "7.11.0-rc.1",
        Hosted,
        Some("7.11.0-rc.1"),
        &["version-prerelease"],
    ),
    (
        "7.11-beta",
        Hosted,
        Some("7.11.0-beta"),
        &["version-padded", "version-prerelease"],
    ),
    (
        "7.11.1-beta",
        Standard,
        Some("7.11.1-beta"),
        &["version-prerelease"],
    ),
    (
        "7.10.0-beta",
        Hosted,
        Some("7.10.0-beta"),
        &["version-prerelease"],
    ),
    (
        "7.11.0-beta+exp.sha.5114f85",
        Hosted,
        Some("7.11.0-beta"),
        &["version-metadata-ignored", "version-prerelease"],
    ),
    ("7.11.x", Standard, Some("7.11.x"), &["version-wildcard"]),
    ("7.11.X", Standard, Some("7.11.x"), &["version-wildcard"]),
    ("7.11.*", Standard, Some("7.11.x"), &["version-wildcard"]),
    ("7.10.x", Hosted, Some("7.10.x"), &["version-wildcard"]),
    ("8.x", Standard, Some("8.x"), &["version-wildcard"]),
    ("6.x", Hosted, Some("6.x"), &["version-wildcard"]),
    ("7.x", Undecided, None, &["version-ambiguous"]),
    ("7.*", Undecided, None, &["version-ambiguous"]),
    ("v7.x", Undecided, None, &["version-ambiguous"]),
    (
        "7.11 (build 1234)",
        Standard,
        Some("7.11.0"),
        &["version-padded", "version-text-ignored"],
    ),
    (
        "about 7.10",
        Hosted,
        Some("7.10.0"),
        &["version-text-ignored", "version-padded"],
    ),
    ("abc", Undecided, None, &["version-unparseable"]),
    ("v", Undecided, None, &["version-unparseable"]),
    ("latest", Undecided, None, &["version-unparseable"]),
    ("7..1", Undecided, None, &["version-unparseable"]),
    ("7,11", Undecided, None, &["version-unparseable"]),
    ("7.11.0.1.2", Undecided, None, &["version-unparseable"]),
    (
        "99999999999999999999.1",
        Undecided,
        None,
        &["version-unparseable"],
    ),
    (
        "7.99999999999999999999",
        Undecided,
        None,
        &["version-unparseable"],
    ),
    (
        "\u{FF17}.\u{FF11}\u{FF11}",
        Undecided,
        None,
        &["version-unparseable"],
    ),
];

#[test]
fn version_table() {
    let mut failures = Vec::new();
    for (input, path, version, expected) in CASES {
        let report = analyze_version(input);
        let got_codes = codes(&report.findings);
        if report.path != *path || report.version.as_deref() != *version || got_codes != *expected {
            failures.push(format!(
                "{input:?}\n   want {path:?} {version:?} {expected:?}\n   got  {:?} {:?} {got_codes:?}",
                report.path, report.version
            ));
        }
        report.findings.iter().for_each(assert_well_formed);
        assert!(!report.reason.is_empty(), "{input:?} has no reason");
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
fn the_decision_is_explained_in_one_sentence() {
    let cases = [
        (
            "7.10",
            "7.10 \u{2192} 7.10.0 is below 7.11.0 \u{2192} Hosted iManage workaround",
        ),
        (
            "7.11.0",
            "7.11.0 is 7.11.0 or above \u{2192} Standard configuration",
        ),
        (
            "7.11",
            "7.11 \u{2192} 7.11.0 is 7.11.0 or above \u{2192} Standard configuration",
        ),
        (
            "10.0",
            "10.0 \u{2192} 10.0.0 is 7.11.0 or above \u{2192} Standard configuration",
        ),
        (
            "7.11.x",
            "7.11.x is 7.11.0 or above \u{2192} Standard configuration",
        ),
        ("", WHAT_DECIDES),
        ("7.x", WHAT_DECIDES),
    ];
    for (input, reason) in cases {
        assert_eq!(analyze_version(input).reason, reason, "{input:?}");
    }
}

#[test]
fn pre_release_of_the_threshold_warns_and_others_inform() {
    use imanage_connect::core::Severity;
    assert_eq!(
        analyze_version("7.11.0-beta").findings[0].severity,
        Severity::Warning
    );
    assert_eq!(
        analyze_version("7.11.1-beta").findings[0].severity,
        Severity::Info
    );
    assert_eq!(
        analyze_version("7.10.0-beta").findings[0].severity,
        Severity::Info
    );
}

#[test]
fn components_compare_as_numbers_not_text() {
    // A string or float comparison gets each of these wrong.
    for (lower, higher) in [
        ("7.9", "7.11"),
        ("7.10", "7.11"),
        ("7.11", "10.0"),
        ("7.2", "7.10"),
        ("9.99", "10.0"),
    ] {
        let a = analyze_version(lower).version.unwrap();
        let b = analyze_version(higher).version.unwrap();
        let a = semver::Version::parse(&a).unwrap();
        let b = semver::Version::parse(&b).unwrap();
        assert!(a < b, "{lower} < {higher}");
    }
}

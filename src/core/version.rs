//! The Clio Operate version and the configuration path it decides: 7.11.0 and above use
//! the standard iManage Cloud linked service, anything below the Hosted iManage workaround.

use semver::{Prerelease, Version};
use serde::{Deserialize, Serialize};

use super::finding::{Field, Finding, FindingCode};
use super::text;

/// The first version with the standard configuration.
pub const STANDARD_FROM: Version = Version::new(7, 11, 0);

/// Which configuration the reader follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConfigPath {
    /// 7.11.0 and above: the standard iManage Cloud linked service.
    Standard,
    /// Below 7.11.0: the Hosted iManage connection type, with a Client ID and Secret
    /// from Clio Operate Support.
    Hosted,
    /// No usable version yet.
    Undecided,
}

impl ConfigPath {
    pub fn title(self) -> &'static str {
        match self {
            ConfigPath::Standard => "Standard configuration",
            ConfigPath::Hosted => "Hosted iManage workaround",
            ConfigPath::Undecided => "Not decided yet",
        }
    }
}

/// What the core made of the version, and the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionReport {
    pub input: String,
    /// The version as compared, e.g. `7.10.0` or `7.11.x`; absent when none was read.
    pub version: Option<String>,
    pub path: ConfigPath,
    /// The decision and its reason in one sentence.
    pub reason: String,
    pub findings: Vec<Finding>,
}

/// What decides the path, shown before a version is entered.
pub const WHAT_DECIDES: &str = "Enter your Clio Operate version: 7.11.0 and above use the standard configuration; below 7.11.0 use the Hosted iManage workaround.";

const LOOKS_LIKE: &str = "Enter the version as numbers separated by dots, such as 7.11.0 or 7.10.";

/// Words readers type around the number.
const PRODUCT_WORDS: &[&str] = &[
    "clio operate",
    "clio",
    "operate",
    "sharedo",
    "share do",
    "version",
    "release",
    "ver.",
    "ver",
];

/// How far a wildcard reaches: `7.x` leaves the minor and patch open, `7.11.x` the patch.
enum Reading {
    Exact(Version),
    /// Known leading components, the rest open.
    Wildcard(Vec<u64>),
}

pub fn analyze_version(raw: &str) -> VersionReport {
    let cleaned = text::clean(raw);
    let removed = cleaned.removed;
    let cleaned = cleaned.text;
    let mut findings = Vec::new();
    if !removed.is_empty() && !cleaned.is_empty() {
        findings.push(Finding::warning(
            FindingCode::InvisibleCharactersRemoved,
            Field::Version,
            text::removed_sentence("The version", &removed),
            format!(
                "Check that {} is the version you meant.",
                text::excerpt(&cleaned, text::QUOTE_LENGTH)
            ),
        ));
    }
    let undecided = |findings: Vec<Finding>, reason: &str| VersionReport {
        input: raw.to_owned(),
        version: None,
        path: ConfigPath::Undecided,
        reason: reason.to_owned(),
        findings,
    };
    if cleaned.is_empty() {
        return undecided(findings, WHAT_DECIDES);
    }

    let reading = match read(&cleaned, &mut findings) {
        Ok(reading) => reading,
        Err(finding) => {
            findings.push(finding);
            return undecided(findings, WHAT_DECIDES);
        }
    };

    let shown_text = text::excerpt(&cleaned, text::QUOTE_LENGTH);
    let shown = shown_text.as_str();
    match reading {
        Reading::Exact(version) => {
            let path = if version >= STANDARD_FROM {
                ConfigPath::Standard
            } else {
                ConfigPath::Hosted
            };
            if !version.pre.is_empty() {
                let release = Version::new(version.major, version.minor, version.patch);
                let decides = release >= STANDARD_FROM && version < STANDARD_FROM;
                findings.push(if decides {
                    Finding::warning(
                        FindingCode::VersionPrerelease,
                        Field::Version,
                        format!("{version} is a pre-release, which comes before {release}, so the Hosted iManage workaround applies."),
                        "Confirm with Clio Operate Support which configuration your environment needs.",
                    )
                } else {
                    Finding::info(
                        FindingCode::VersionPrerelease,
                        Field::Version,
                        format!("{version} is a pre-release of {release}; that does not change the configuration."),
                        "Nothing to do.",
                    )
                });
            }
            let normal = version.to_string();
            VersionReport {
                input: raw.to_owned(),
                reason: reason(shown, &normal, path),
                version: Some(normal),
                path,
                findings,
            }
        }
        Reading::Wildcard(known) => {
            let lowest = version_from(&known, 0);
            let highest = version_from(&known, u64::MAX);
            let shown_norm = format!(
                "{}.x",
                known
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(".")
            );
            if (lowest >= STANDARD_FROM) != (highest >= STANDARD_FROM) {
                findings.push(Finding::error(
                    FindingCode::VersionAmbiguous,
                    Field::Version,
                    format!("The version {shown} could be either side of 7.11.0."),
                    "Enter the full version, such as 7.11.0 or 7.10.2.",
                ));
                return undecided(findings, WHAT_DECIDES);
            }
            let path = if lowest >= STANDARD_FROM {
                ConfigPath::Standard
            } else {
                ConfigPath::Hosted
            };
            findings.push(Finding::info(
                FindingCode::VersionWildcard,
                Field::Version,
                format!("The version {shown} is not complete, but every version it could be is on the same side of 7.11.0."),
                "Nothing to do.",
            ));
            VersionReport {
                input: raw.to_owned(),
                reason: reason(shown, &shown_norm, path),
                version: Some(shown_norm),
                path,
                findings,
            }
        }
    }
}

fn version_from(known: &[u64], fill: u64) -> Version {
    let part = |i: usize| known.get(i).copied().unwrap_or(fill);
    Version::new(part(0), part(1), part(2))
}

/// "7.10 → 7.10.0 is below 7.11.0 → Hosted iManage workaround".
fn reason(shown: &str, normal: &str, path: ConfigPath) -> String {
    let comparison = match path {
        ConfigPath::Standard => "is 7.11.0 or above",
        _ => "is below 7.11.0",
    };
    let lead = if shown == normal {
        normal.to_owned()
    } else {
        format!("{shown} \u{2192} {normal}")
    };
    format!("{lead} {comparison} \u{2192} {}", path.title())
}

/// Strips product words and a leading `v`.
fn strip_words(text: &str) -> &str {
    let mut rest = text.trim();
    loop {
        let before = rest;
        for word in PRODUCT_WORDS {
            if rest.len() >= word.len()
                && rest.is_char_boundary(word.len())
                && rest[..word.len()].eq_ignore_ascii_case(word)
            {
                rest =
                    rest[word.len()..].trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            }
        }
        if let Some(after_v) = rest.strip_prefix(['v', 'V']) {
            if after_v.starts_with(|c: char| c.is_ascii_digit()) {
                rest = after_v;
            }
        }
        if rest == before {
            return rest;
        }
    }
}

fn read(input: &str, findings: &mut Vec<Finding>) -> Result<Reading, Finding> {
    // Messages quote what was typed; a huge paste is quoted in part.
    let text = &text::excerpt(input, text::QUOTE_LENGTH);
    let unparseable = |message: String| {
        Finding::error(
            FindingCode::VersionUnparseable,
            Field::Version,
            message,
            LOOKS_LIKE,
        )
    };
    let stripped = strip_words(input);
    let Some(start) = stripped.find(|c: char| c.is_ascii_digit()) else {
        return Err(unparseable(format!(
            "The version \u{201C}{text}\u{201D} has no numbers in it."
        )));
    };
    let before = stripped[..start].trim();
    let after_start = &stripped[start..];
    let run_len = after_start
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(after_start.len());
    let run = &after_start[..run_len];
    let mut rest = &after_start[run_len..];

    // "7,11" is a decimal comma, not 7 followed by text: reading it as 7.0.0 would pick
    // the wrong path.
    if !run.contains('.')
        && rest.starts_with(',')
        && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(unparseable(format!(
            "The version \u{201C}{text}\u{201D} uses a comma; versions are written with dots."
        )));
    }
    let mut parts: Vec<&str> = run.split('.').collect();
    let wildcard = run.ends_with('.') && rest.starts_with(['x', 'X', '*']);
    if run.ends_with('.') {
        parts.pop();
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(unparseable(format!(
            "The version \u{201C}{text}\u{201D} has two dots in a row."
        )));
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        match part.parse::<u64>() {
            Ok(n) => numbers.push(n),
            Err(_) => {
                return Err(unparseable(format!(
                    "The version \u{201C}{text}\u{201D} has a number too large to be a version."
                )))
            }
        }
    }
    if parts.iter().any(|p| p.len() > 1 && p.starts_with('0')) {
        findings.push(Finding::info(
            FindingCode::VersionLeadingZeros,
            Field::Version,
            format!(
                "The version {} has leading zeros, which were ignored.",
                text::excerpt(run, text::QUOTE_LENGTH)
            ),
            "Nothing to do.",
        ));
    }

    if !before.is_empty() {
        findings.push(Finding::info(
            FindingCode::VersionTextIgnored,
            Field::Version,
            format!(
                "The text \u{201C}{}\u{201D} before the version number was ignored.",
                text::excerpt(before, text::QUOTE_LENGTH)
            ),
            "Nothing to do.",
        ));
    }

    if wildcard {
        rest = &rest[1..];
        if numbers.len() > 2 {
            return Err(unparseable(format!(
                "The version \u{201C}{text}\u{201D} has too many parts."
            )));
        }
        note_trailing(rest, findings);
        return Ok(Reading::Wildcard(numbers));
    }

    if numbers.len() == 1 {
        // `7` alone leaves the minor version open, exactly as `7.x` does.
        note_trailing(rest, findings);
        return Ok(Reading::Wildcard(numbers));
    }
    let major = numbers[0];
    let minor = numbers.get(1).copied().unwrap_or(0);
    let patch = numbers.get(2).copied().unwrap_or(0);
    match numbers.len() {
        2 => findings.push(Finding::info(
            FindingCode::VersionPadded,
            Field::Version,
            format!(
                "The version {} was read as {major}.{minor}.{patch}.",
                text::excerpt(&parts.join("."), text::QUOTE_LENGTH)
            ),
            "Nothing to do.",
        )),
        3 => {}
        4 => findings.push(Finding::info(
            FindingCode::VersionBuildIgnored,
            Field::Version,
            format!(
                "The fourth number ({}) is a build number and does not affect the configuration.",
                numbers[3]
            ),
            "Nothing to do.",
        )),
        _ => {
            return Err(unparseable(format!(
                "The version \u{201C}{text}\u{201D} has more than four numbers."
            )))
        }
    }

    let mut version = Version::new(major, minor, patch);
    if let Some(after_dash) = rest.strip_prefix('-') {
        let end = after_dash
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .unwrap_or(after_dash.len());
        let suffix = &after_dash[..end];
        match Prerelease::new(suffix) {
            Ok(pre) if !pre.is_empty() && is_prerelease_word(suffix) => {
                version.pre = pre;
                rest = &after_dash[end..];
            }
            Ok(pre) if !pre.is_empty() => {
                // Nothing says whether a hotfix or similar suffix comes before or after
                // its release: say what was assumed, and where to confirm it.
                findings.push(Finding::warning(
                    FindingCode::VersionSuffixUnknown,
                    Field::Version,
                    format!(
                        "The version has the suffix -{}, which does not say whether it comes before or after {major}.{minor}.{patch}; the path was decided from {major}.{minor}.{patch}.",
                        text::excerpt(suffix, 20)
                    ),
                    "If you are not sure which configuration applies, confirm the version with Clio Operate Support.",
                ));
                rest = &after_dash[end..];
            }
            _ => {}
        }
    }
    if let Some(after_plus) = rest.strip_prefix('+') {
        let end = after_plus
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .unwrap_or(after_plus.len());
        findings.push(Finding::info(
            FindingCode::VersionMetadataIgnored,
            Field::Version,
            format!("The build details +{} were ignored.", &after_plus[..end]),
            "Nothing to do.",
        ));
        rest = &after_plus[end..];
    }
    note_trailing(rest, findings);
    Ok(Reading::Exact(version))
}

/// Whether a suffix is a pre-release word, which comes before its release.
fn is_prerelease_word(suffix: &str) -> bool {
    let word: String = suffix
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "alpha"
            | "beta"
            | "rc"
            | "pre"
            | "preview"
            | "dev"
            | "snapshot"
            | "canary"
            | "nightly"
            | "a"
            | "b"
    )
}

/// A second version number after the first: `7.10.3 / 7.11.0`, `UAT 7.10, Prod 7.11`.
fn second_version(rest: &str) -> Option<&str> {
    let bytes = rest.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            return None;
        }
        let run_len = rest[i..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len() - i);
        let run = rest[i..i + run_len].trim_end_matches('.');
        run.contains('.').then_some(run)
    })
}

fn note_trailing(rest: &str, findings: &mut Vec<Finding>) {
    let rest = rest.trim();
    if let Some(second) = second_version(rest) {
        findings.push(Finding::warning(
            FindingCode::VersionSeveral,
            Field::Version,
            format!(
                "The version field has more than one version (also {}); only the first decides the path here.",
                text::excerpt(second, 20)
            ),
            "If your environments run different versions, enter the one most of them run here, and give each environment that differs its own version beside its address.",
        ));
        return;
    }
    if !rest.is_empty() {
        findings.push(Finding::info(
            FindingCode::VersionTextIgnored,
            Field::Version,
            format!(
                "The text \u{201C}{}\u{201D} after the version number was ignored.",
                text::excerpt(rest, text::QUOTE_LENGTH)
            ),
            "Check that the number is the Clio Operate version.",
        ));
    }
}

//! Helpers shared by the native rule tables.
#![allow(dead_code)]

pub mod verdict;

use imanage_connect::core::{Finding, Severity};

/// The codes of `findings`, in order, for exact comparison with a table row.
pub fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

/// Every finding must say what is wrong and how to fix it, in one plain sentence each,
/// without the words GOV.UK style avoids.
pub fn assert_well_formed(finding: &Finding) {
    assert!(
        !finding.message.trim().is_empty(),
        "{finding:?} has no message"
    );
    assert!(!finding.fix.trim().is_empty(), "{finding:?} has no fix");
    for word in ["please", "sorry", "oops", "invalid", "valid "] {
        let in_text = format!("{} {}", finding.message, finding.fix).to_lowercase();
        // invalid_redirect_uri is the error's own name, not our wording.
        let in_text = in_text.replace("invalid_redirect_uri", "");
        assert!(
            !in_text.contains(word),
            "{finding:?} uses the word {word:?}"
        );
    }
    if finding.severity == Severity::Error {
        assert!(
            finding.message.ends_with('.'),
            "{finding:?} message is not a sentence"
        );
    }
}

/// Decodes `%XX` escapes (for checking mailto links).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The redirect URI shape every produced URI must have.
pub const URI_PATTERN: &str = r"^https://[a-z0-9._-]+(:[0-9]+)?/externalServices/replyFrom$";

/// DNS syntax of a produced host (underscore tolerated: it is a warning, not an error).
pub fn is_dns_host(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').count() >= 2
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

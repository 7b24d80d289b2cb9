//! Comparing a URI found in a paste with the one to register: exact, a near miss with
//! each difference named, or unrelated.

use serde::{Deserialize, Serialize};

use crate::core::address::read_address;
use crate::core::extract::{percent_decode, ExtractedUri};
use crate::core::finding::Field;
use crate::core::text::is_invisible;
use crate::core::uri::{RedirectUri, REDIRECT_PATH};

/// One way a URI differs from the one to register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Difference {
    TrailingSlash,
    Http,
    HostCase,
    PathCase,
    ExplicitPort,
    Whitespace,
    Encoding,
    QueryOrFragment,
    TrailingDot,
    MissingPath,
    MissingScheme,
    InvisibleCharacter,
    SchemeCase,
    PortDiffers,
    /// Another path on the environment's own address (a Redirect URL field typed wrong,
    /// or a registration of the wrong page).
    WrongPath,
}

impl Difference {
    /// The difference in words, as it goes into a message to Support.
    pub fn describe(self) -> &'static str {
        match self {
            Difference::TrailingSlash => "it ends with a slash (/)",
            Difference::Http => "it starts with http:// instead of https://",
            Difference::HostCase => "the host name has capital letters",
            Difference::PathCase => "the path is not written exactly /externalServices/replyFrom (the capital letters differ)",
            Difference::ExplicitPort => "it includes the port :443",
            Difference::Whitespace => "it contains spaces or other white space",
            Difference::Encoding => "it is percent-encoded (%2F and similar) instead of written out",
            Difference::QueryOrFragment => "it has a ? or # part after the path",
            Difference::TrailingDot => "the host name ends with a dot",
            Difference::MissingPath => "it has no /externalServices/replyFrom path",
            Difference::MissingScheme => "it has no https:// at the start",
            Difference::SchemeCase => "the scheme is written in capitals, as HTTPS://",
            Difference::PortDiffers => "the port differs",
            Difference::WrongPath => "its path is not /externalServices/replyFrom",
            Difference::InvisibleCharacter => {
                "it contains an invisible character (percent-encoded, such as %E2%80%8B or %C2%AD)"
            }
        }
    }
}

/// How one environment's redirect URI stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "camelCase")]
pub enum Match {
    /// Found exactly as it must be.
    Exact,
    /// Found, but differing as listed.
    #[serde(rename_all = "camelCase")]
    NearMiss {
        found: String,
        differences: Vec<Difference>,
    },
    /// Not found.
    Missing,
    /// Nothing was pasted to compare with.
    Unknown,
}

/// Where `found` stands against `expected`: exact, a near miss with its differences, or
/// unrelated (`None`).
pub fn compare(found: &str, expected: &RedirectUri) -> Option<Match> {
    if found == expected.as_str() {
        return Some(Match::Exact);
    }
    let mut differences = Vec::new();
    // Invisible characters pasted are removed (and reported) when the URI is read; one
    // still here was percent-encoded in what the sign-in sent, so it really differs.
    let mut text: String = found.chars().filter(|c| !is_invisible(*c)).collect();
    if text.len() != found.len() {
        differences.push(Difference::InvisibleCharacter);
    }
    if text.chars().any(char::is_whitespace) {
        differences.push(Difference::Whitespace);
        text.retain(|c| !c.is_whitespace());
    }
    if text.contains('%') {
        let decoded = percent_decode(&text);
        if decoded != text {
            differences.push(Difference::Encoding);
            text = decoded;
        }
    }
    let mut lower = text.to_ascii_lowercase();
    if !lower.starts_with("https://") && !lower.starts_with("http://") {
        // `acme.example.com/externalServices/replyFrom`: written without a scheme.
        let host_like = text.split(['/', ':']).next().is_some_and(|h| {
            h.contains('.')
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        });
        if !host_like || lower.contains("://") {
            return None;
        }
        differences.push(Difference::MissingScheme);
        text = format!("https://{text}");
        lower = text.to_ascii_lowercase();
    }
    let reading = read_address(&text, Field::Environment);
    let address = reading.address?;
    let expected_origin = expected.as_str().trim_end_matches(REDIRECT_PATH);
    if address.origin() != expected_origin {
        // The same host on another port (an environment on :8443 registered without it).
        let host_of = |origin: &str| {
            let authority = origin.trim_start_matches("https://");
            match authority.rsplit_once(':') {
                Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host.to_owned(),
                _ => authority.to_owned(),
            }
        };
        if host_of(&address.origin()) != host_of(expected_origin) {
            return None;
        }
        differences.push(Difference::PortDiffers);
    }
    if lower.starts_with("http://") {
        differences.push(Difference::Http);
    }
    let scheme = &text[..text.find("://").unwrap_or(0)];
    if scheme.chars().any(|c| c.is_ascii_uppercase()) {
        differences.push(Difference::SchemeCase);
    }
    let authority = text[text.find("//").map_or(0, |i| i + 2)..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if authority.chars().any(|c| c.is_ascii_uppercase()) {
        differences.push(Difference::HostCase);
    }
    if authority.ends_with(":443") {
        differences.push(Difference::ExplicitPort);
    }
    if authority.trim_end_matches(":443").ends_with('.') {
        differences.push(Difference::TrailingDot);
    }
    let path = address.path.as_str();
    let bare = path.strip_suffix('/').unwrap_or(path);
    if path == "/" {
        differences.push(Difference::MissingPath);
    } else if bare.eq_ignore_ascii_case(REDIRECT_PATH) {
        if bare != REDIRECT_PATH {
            differences.push(Difference::PathCase);
        }
        if path.ends_with('/') {
            differences.push(Difference::TrailingSlash);
        }
    } else {
        // The environment's own address with another path: what that environment sent
        // or had registered, wrongly.
        differences.push(Difference::WrongPath);
    }
    if !address.query_and_fragment.is_empty() {
        differences.push(Difference::QueryOrFragment);
    }
    if differences.is_empty() {
        // Only normalisation the checks above do not name (e.g. a different encoding of
        // the same characters): still not byte for byte.
        differences.push(Difference::Encoding);
    }
    Some(Match::NearMiss {
        found: visible(found),
        differences,
    })
}

/// `found` with each invisible character written percent-encoded, as it was sent, so
/// that the difference can be seen.
fn visible(found: &str) -> String {
    let mut out = String::with_capacity(found.len());
    for c in found.chars() {
        if is_invisible(c) || c == '\u{A0}' {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push('%');
                out.push(
                    char::from_digit(u32::from(b >> 4), 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
                out.push(
                    char::from_digit(u32::from(b & 15), 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The best match for `expected` among `found`: exact beats a near miss (the one with
/// fewest differences, so a redirect URI beats a bare origin) beats missing.
pub(super) fn best_match(found: &[ExtractedUri], expected: &RedirectUri) -> Match {
    let mut best = Match::Missing;
    for uri in found {
        match compare(&uri.uri, expected) {
            Some(Match::Exact) => return Match::Exact,
            Some(near @ Match::NearMiss { .. }) => {
                // A wrong path is the farthest miss: any redirect path found wins.
                let count = |m: &Match| match m {
                    Match::NearMiss { differences, .. } => {
                        differences.len()
                            + 8 * usize::from(differences.contains(&Difference::WrongPath))
                    }
                    _ => usize::MAX,
                };
                if count(&near) < count(&best) {
                    best = near;
                }
            }
            _ => {}
        }
    }
    best
}

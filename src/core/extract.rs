//! Finding redirect URIs in whatever the reader pastes: a confirmation e-mail (quotes,
//! bullets, `<…>`, prose), the failing address-bar URL (whose `redirect_uri` parameter is
//! percent-encoded, sometimes twice), or error text.

use serde::{Deserialize, Serialize};

/// Where an extracted URI came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UriSource {
    /// Written out in the text.
    Text,
    /// The `redirect_uri` parameter of an authorisation URL, decoded `decodings` times.
    RedirectParameter { decodings: u8 },
}

/// One URI found in pasted text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractedUri {
    /// The URI as it stands after decoding, byte for byte (whitespace included).
    pub uri: String,
    pub source: UriSource,
}

/// The characters that end a URI written in prose.
fn ends_uri(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\''
                | '<'
                | '>'
                | '`'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{AB}'
                | '\u{BB}'
                | '['
                | ']'
                | '{'
                | '}'
                | '|'
                | '\\'
                | '^'
        )
}

/// Replaces the HTML entities an e-mail or web page may leave in a copied URL.
pub fn decode_html_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    const ENTITIES: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&#38;", "&"),
        ("&#x26;", "&"),
        ("&quot;", "\""),
        ("&#34;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&#47;", "/"),
        ("&#x2f;", "/"),
        ("&#x2F;", "/"),
        ("&#58;", ":"),
        ("&#x3a;", ":"),
        ("&#x3A;", ":"),
        ("&nbsp;", " "),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        for (entity, replacement) in ENTITIES {
            if rest.len() >= entity.len()
                && rest.is_char_boundary(entity.len())
                && rest[..entity.len()].eq_ignore_ascii_case(entity)
            {
                out.push_str(replacement);
                rest = &rest[entity.len()..];
                continue 'outer;
            }
        }
        out.push('&');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

/// Decodes `%XX` escapes; invalid escapes and invalid UTF-8 are kept as they were.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            ) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Decodes `value` until it no longer changes or stops looking like an encoded URI, at
/// most three times; returns the result and how many decodings it took.
fn decode_repeatedly(value: &str) -> (String, u8) {
    let mut current = value.replace('+', " ");
    let mut decodings = 0;
    while decodings < 3 && current.contains('%') {
        let decoded = percent_decode(&current);
        if decoded == current {
            break;
        }
        current = decoded;
        decodings += 1;
    }
    (current, decodings)
}

/// The start of every `http://` or `https://` (any case), and of percent-encoded ones.
fn uri_starts(text: &str) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let mut starts = Vec::new();
    for pattern in [
        "https://",
        "http://",
        "https%3a%2f%2f",
        "http%3a%2f%2f",
        "https%253a%252f%252f",
        "http%253a%252f%252f",
    ] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(pattern) {
            let start = from + at;
            starts.push(start);
            from = start + pattern.len();
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Cuts a URI written in prose at its end, and drops punctuation that ends the sentence.
fn take_uri(text: &str) -> &str {
    let end = text.find(ends_uri).unwrap_or(text.len());
    let mut uri = &text[..end];
    loop {
        let trimmed = uri.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        // A closing bracket belongs to the URI only when it opened inside it.
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches('(').count() < trimmed.matches(')').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed == uri {
            return uri;
        }
        uri = trimmed;
    }
}

/// The value of the `redirect_uri` query parameter, as written (still encoded).
fn redirect_parameter(uri: &str) -> Option<&str> {
    let query = uri.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.eq_ignore_ascii_case("redirect_uri").then_some(value)
    })
}

fn looks_like_redirect(uri: &str) -> bool {
    uri.to_ascii_lowercase()
        .contains("externalservices/replyfrom")
}

/// Every redirect URI in `text`, in order, each once. A URL carrying a `redirect_uri`
/// parameter yields that parameter, decoded; other URLs count only when their path is
/// the redirect path (links in signatures are ignored).
pub fn extract_uris(text: &str) -> Vec<ExtractedUri> {
    let text = decode_html_entities(text);
    let mut found: Vec<ExtractedUri> = Vec::new();
    let mut push = |uri: String, source: UriSource| {
        if !uri.trim().is_empty() && !found.iter().any(|f| f.uri == uri) {
            found.push(ExtractedUri { uri, source });
        }
    };
    let mut covered_to = 0;
    for start in uri_starts(&text) {
        if start < covered_to {
            continue;
        }
        let raw = take_uri(&text[start..]);
        covered_to = start + raw.len();
        if let Some(value) = redirect_parameter(raw) {
            let (decoded, decodings) = decode_repeatedly(value);
            push(decoded, UriSource::RedirectParameter { decodings });
            continue;
        }
        if raw.contains("%3A") || raw.contains("%3a") {
            // Percent-encoded in the text itself (error pages often print it so).
            let (decoded, _) = decode_repeatedly(raw);
            if let Some(value) = redirect_parameter(&decoded) {
                let (inner, decodings) = decode_repeatedly(value);
                push(
                    inner,
                    UriSource::RedirectParameter {
                        decodings: decodings + 1,
                    },
                );
            } else if looks_like_redirect(&decoded) {
                push(take_uri(&decoded).to_owned(), UriSource::Text);
            }
            continue;
        }
        if looks_like_redirect(raw) {
            push(raw.to_owned(), UriSource::Text);
        }
    }
    found
}

//! Finding redirect URIs in whatever the reader pastes: a confirmation e-mail (quotes,
//! bullets, `<…>`, prose, link-protection wrappers, lines wrapped by a mail client), the
//! failing address-bar URL (whose `redirect_uri` parameter is percent-encoded, sometimes
//! twice), the callback URL iManage sent back, or error text.
//!
//! The cleaning is the environment list's: lists are split on `,` and `;` first, and
//! invisible characters are removed and reported, never compared.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::text::is_invisible;

mod callback;
mod decode;
mod quoted;
mod wrapped;
pub(crate) mod wrappers;

pub use callback::{error_in_words, CallbackAnswer};
use decode::decode_repeatedly;
pub use decode::{decode_html_entities, percent_decode};
pub use quoted::{reads_as_confirmation, split_quoted};

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
    /// The URI after decoding and after removing invisible characters, otherwise byte
    /// for byte (white space from a decoded parameter included).
    pub uri: String,
    pub source: UriSource,
    /// The link-protection service it was found inside, e.g. "Outlook Safe Links".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unwrapped_from: Option<String>,
    /// Invisible characters removed from inside or right after it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub invisible_removed: Vec<char>,
    /// It was broken across lines (a mail client's wrapping) and joined.
    #[serde(skip_serializing_if = "is_false", default)]
    pub joined_lines: bool,
    /// It was a callback URL: `uri` is the part before `?`, this is the rest.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub answer: Option<CallbackAnswer>,
    /// Only an origin (`https://host`), with no path: a registration that forgot the
    /// redirect path, or just a link. It counts only when it is an environment's.
    #[serde(skip_serializing_if = "is_false", default)]
    pub origin_only: bool,
    /// Written out with another path than the redirect path: kept apart, it counts only
    /// as a registration of the wrong page on an environment's own address.
    #[serde(skip_serializing_if = "is_false", default)]
    pub other_path: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl ExtractedUri {
    fn new(uri: String, source: UriSource) -> Self {
        ExtractedUri {
            uri,
            source,
            unwrapped_from: None,
            invisible_removed: Vec::new(),
            joined_lines: false,
            answer: None,
            origin_only: false,
            other_path: false,
        }
    }
}

/// Everything found in one paste.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub uris: Vec<ExtractedUri>,
    /// A link-protection wrapper that hides the address (it carries only a code) was
    /// pasted: the reader must copy the link's text instead.
    pub hidden_by_wrapper: bool,
    /// Addresses written out with another path (links in a signature, or a registration
    /// of the wrong page): not redirect URIs unless on an environment's address.
    pub other_paths: Vec<ExtractedUri>,
}

/// How deep wrappers and encodings nest before the rest is left alone.
const MAX_DEPTH: u8 = 4;
const REDIRECT_PATH_LOWER: &str = "/externalservices/replyfrom";

/// The characters that end a URI written in prose.
fn ends_uri(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
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

/// Whether `rest` (what follows a `,` or `;`) starts another URI: glued lists are split
/// there, as environment lists are.
fn starts_new_uri(rest: &str) -> bool {
    // `a,(b)` and `a,"b"`: an opening bracket or quote before the next URI.
    let rest =
        rest.trim_start_matches(['(', '[', '"', '\'', '<', '\u{201C}', '\u{2018}', '\u{AB}']);
    let lower: String = rest
        .chars()
        .take(40)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    // A bounded look ahead keeps a huge paste of commas linear.
    let mut limit = rest.len().min(512);
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &rest[..limit];
    let token_end = rest
        .find(|c: char| ends_uri(c) || c == ',' || c == ';')
        .unwrap_or(rest.len());
    let token = rest[..token_end].to_ascii_lowercase();
    token.starts_with(|c: char| c.is_ascii_alphanumeric()) && token.contains(REDIRECT_PATH_LOWER)
}

/// Where a URI written in prose from the start of `text` ends (before trimming
/// punctuation).
fn uri_end(text: &str) -> usize {
    for (at, c) in text.char_indices() {
        if ends_uri(c) {
            return at;
        }
        if (c == ',' || c == ';') && starts_new_uri(&text[at + 1..]) {
            return at;
        }
    }
    text.len()
}

/// Drops punctuation that ends the sentence rather than the URI.
fn trim_punctuation(mut uri: &str) -> &str {
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

/// Removes invisible characters, returning what was removed.
fn strip_invisible(text: &str) -> (String, Vec<char>) {
    let mut removed = Vec::new();
    let kept = text
        .chars()
        .filter(|&c| {
            let drop = is_invisible(c);
            if drop {
                removed.push(c);
            }
            !drop
        })
        .collect();
    (kept, removed)
}

/// The start of every `http://` or `https://` (any case), and of percent-encoded ones.
fn uri_starts(lower: &str) -> Vec<usize> {
    const PATTERNS: [&str; 6] = [
        "https://",
        "http://",
        "https%3a%2f%2f",
        "http%3a%2f%2f",
        "https%253a%252f%252f",
        "http%253a%252f%252f",
    ];
    // Every pattern starts with `http`, so one pass over its occurrences finds the starts
    // already in order and without repeats (no sort code in the download).
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("http") {
        let start = from + at;
        if PATTERNS.iter().any(|p| lower[start..].starts_with(p)) {
            starts.push(start);
        }
        from = start + "http".len();
    }
    starts
}

/// Every `redirect_uri` parameter in `lower`: where its key starts and how many times
/// its `=` is encoded (`=`, `%3D`, `%253D`).
fn redirect_keys(lower: &str) -> Vec<(usize, usize, usize)> {
    const KEY: &str = "redirect_uri";
    let mut keys = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(KEY) {
        let key_at = from + at;
        from = key_at + KEY.len();
        let before = &lower[..key_at];
        let bounded = before
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
            || ["%26", "%3f", "%2526", "%253f", "%23"]
                .iter()
                .any(|p| before.ends_with(p));
        if !bounded {
            continue;
        }
        let after = &lower[from..];
        let level = ["=", "%3d", "%253d", "%25253d"]
            .iter()
            .position(|sep| after.starts_with(sep));
        if let Some(level) = level {
            let sep_len = [1, 3, 5, 7][level];
            keys.push((key_at, from + sep_len, level));
        }
    }
    keys
}

/// Where a parameter value starting at `start` ends: at the next `&` written at its own
/// level of encoding (`&`, `%26`, `%2526`), or where prose would end a URI.
fn value_end(text: &str, lower: &str, start: usize, level: usize) -> usize {
    let separators: &[&str] = match level {
        0 => &["&"],
        1 => &["&", "%26"],
        _ => &["&", "%26", "%2526"],
    };
    for (offset, c) in text[start..].char_indices() {
        let at = start + offset;
        if ends_uri(c) || (level == 0 && c == '#') {
            return at;
        }
        if level > 0 && separators.iter().any(|s| lower[at..].starts_with(s)) {
            return at;
        }
        if c == '&' {
            return at;
        }
    }
    text.len()
}

/// The `<…>` ranges that follow a URI-like word directly (`uri<target>`): plain-text
/// Outlook writes a link as its text followed by its target, and the pair is one URI.
fn link_targets(text: &str, lower: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for (at, _) in text.match_indices('<') {
        let after = &lower[at + 1..];
        if !(after.starts_with("http://") || after.starts_with("https://")) {
            continue;
        }
        let word_start = text[..at]
            .rfind(|c: char| c.is_whitespace() || c == '>' || c == '<')
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &lower[word_start..at];
        // `a,<b>` is a list of two, not a link and its target.
        let uri_like = (word.contains("://") || word.contains(REDIRECT_PATH_LOWER))
            && !word.ends_with([',', ';']);
        if !uri_like {
            continue;
        }
        if let Some(close) = text[at..].find('>') {
            ranges.push(at..at + close + 1);
        }
    }
    ranges
}

/// A URI broken across a line (or a no-break space) inside the redirect path: when the
/// path so far is only the start of `/externalServices/replyFrom` and the next text
/// continues it, returns the continuation's end and what separated the two parts.
fn continuation(text: &str, uri: &str, end: usize) -> Option<(usize, String, Vec<char>)> {
    let after_scheme = uri.find("://")? + 3;
    let path_start = uri[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(uri.len(), |i| after_scheme + i);
    let path = uri[path_start..].to_ascii_lowercase();
    if path.contains(['?', '#']) || path.len() >= REDIRECT_PATH_LOWER.len() {
        return None;
    }
    let remainder = REDIRECT_PATH_LOWER.strip_prefix(path.as_str())?;
    // Line breaks, spaces and the `>` of a quoted reply between the two parts.
    let rest = &text[end..];
    let gap_len = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_whitespace() || (c == '>' && rest[..i].contains('\n')) || is_invisible(c))
        })
        .map_or(rest.len(), |(i, _)| i);
    let gap = &rest[..gap_len];
    if gap.is_empty() || gap.matches('\n').count() > 1 {
        return None;
    }
    let next = &rest[gap_len..];
    if next.len() < remainder.len()
        || !next.is_char_boundary(remainder.len())
        || !next[..remainder.len()].eq_ignore_ascii_case(remainder)
    {
        return None;
    }
    let next_end = end + gap_len + uri_end(next);
    let separators = gap
        .chars()
        .filter(|c| !matches!(c, ' ' | '>' | '\t'))
        .collect();
    // A space or tab inside one line is in the address as written: kept, to be named.
    let mut rest = String::new();
    if !gap.contains(['\n', '\r']) {
        rest.extend(gap.chars().filter(|c| matches!(c, ' ' | '\t')));
    }
    rest.push_str(&text[end + gap_len..next_end]);
    Some((next_end, rest, separators))
}

/// Finds every redirect URI in `text`, in order, each once. A URL carrying a
/// `redirect_uri` parameter yields that parameter, decoded; a link-protection wrapper
/// yields what it wraps; other URLs count when their path is the redirect path, or when
/// they are a bare origin (which the diagnosis keeps only when it is an environment's).
pub fn extract(text: &str) -> Extraction {
    let text = decode_html_entities(text);
    let (text, joins) = wrapped::join_wrapped(&text);
    let mut found = Vec::new();
    let mut hidden_by_wrapper = false;
    scan(&text, 0, &joins, &mut found, &mut hidden_by_wrapper);
    let mut uris: Vec<ExtractedUri> = Vec::new();
    let mut other_paths = Vec::new();
    for (_, uri) in found {
        if uri.uri.trim().is_empty() {
            continue;
        }
        if uri.other_path {
            other_paths.push(uri);
            continue;
        }
        match uris.iter_mut().find(|u| u.uri == uri.uri) {
            Some(earlier) => {
                earlier.invisible_removed.extend(uri.invisible_removed);
                earlier.joined_lines |= uri.joined_lines;
                if earlier.answer.is_none() {
                    earlier.answer = uri.answer;
                }
            }
            None => uris.push(uri),
        }
    }
    Extraction {
        uris,
        hidden_by_wrapper,
        other_paths,
    }
}

/// [`extract`]'s URIs.
pub fn extract_uris(text: &str) -> Vec<ExtractedUri> {
    extract(text).uris
}

/// Finds the URIs in `text` in order of position (ties in the order found: a wrapper's
/// URIs share its start).
fn scan(
    text: &str,
    depth: u8,
    joins: &[usize],
    found: &mut Vec<(usize, ExtractedUri)>,
    hidden: &mut bool,
) {
    // Each pass finds in order; the three runs are merged at the end, without sort code.
    let mut runs: [Vec<(usize, ExtractedUri)>; 3] = Default::default();
    scan_passes(text, depth, joins, &mut runs, hidden);
    let [first, second, third] = runs;
    let mut runs = [
        first.into_iter().peekable(),
        second.into_iter().peekable(),
        third.into_iter().peekable(),
    ];
    loop {
        let next = (0..3)
            .filter_map(|i| runs[i].peek().map(|(at, _)| (*at, i)))
            .min();
        match next.and_then(|(_, i)| runs[i].next()) {
            Some(item) => found.push(item),
            None => break,
        }
    }
}

fn scan_passes(
    text: &str,
    depth: u8,
    joins: &[usize],
    runs: &mut [Vec<(usize, ExtractedUri)>; 3],
    hidden: &mut bool,
) {
    let lower = text.to_ascii_lowercase();
    // What each pass has read, each list in order and without overlaps, so that a long
    // paste is looked up by halving rather than by scanning.
    let targets = link_targets(text, &lower);
    let mut params: Vec<Range<usize>> = Vec::new();
    let mut written: Vec<Range<usize>> = Vec::new();
    let mut bare: Vec<Range<usize>> = Vec::new();

    // 1. `redirect_uri=` anywhere: in an address, a bare query or error text, at any
    //    level of encoding.
    for (key_at, value_start, level) in redirect_keys(&lower) {
        if within(&targets, key_at) || within(&params, key_at) {
            continue;
        }
        let end = value_end(text, &lower, value_start, level);
        let value = trim_punctuation(&text[value_start..end]);
        params.push(key_at..end);
        // Invisible characters pasted into the address are removed; percent-encoded
        // ones are what the sign-in really sent, and stay to be compared.
        let (value, removed) = strip_invisible(value);
        let (uri, decodings) = decode_repeatedly(&value);
        if uri.trim().is_empty() {
            continue;
        }
        let mut extracted = ExtractedUri::new(uri, UriSource::RedirectParameter { decodings });
        extracted.invisible_removed = removed;
        extracted.joined_lines = joined(joins, key_at..end);
        runs[0].push((key_at, extracted));
    }

    // 2. Addresses written out, whole or percent-encoded.
    let mut covered_to = 0;
    for start in uri_starts(&lower) {
        if start < covered_to || within(&targets, start) || within(&params, start) {
            continue;
        }
        let end = start + uri_end(&text[start..]);
        covered_to = end;
        written.push(start..end);
        let first_param = params.partition_point(|r| r.start < start);
        if params.get(first_param).is_some_and(|r| r.start < end) {
            // An authorisation request: its parameter was read above.
            continue;
        }
        let (cleaned, mut removed) = strip_invisible(&text[start..end]);
        let raw = trim_punctuation(&cleaned);
        if raw.as_bytes().get(4).is_some_and(|b| *b == b'%')
            || raw.as_bytes().get(5).is_some_and(|b| *b == b'%')
        {
            // Percent-encoded in the text itself (error pages often print it so).
            if depth < MAX_DEPTH {
                let (decoded, _) = decode_repeatedly(raw);
                let mut inner = Vec::new();
                scan(&decoded, depth + 1, &[], &mut inner, hidden);
                let wrapped = joined(joins, start..end);
                runs[1].extend(inner.into_iter().map(|(_, mut uri)| {
                    uri.joined_lines |= wrapped;
                    // A redirect URI written encoded is kept as written: encoded is not
                    // exactly the URI (the failing address decodes it again).
                    if uri.source == UriSource::Text
                        && uri.unwrapped_from.is_none()
                        && uri.answer.is_none()
                        && strip_invisible(decoded.trim()).0 == uri.uri
                    {
                        uri.uri = raw.to_owned();
                        // Still encoded in it, so not removed.
                        uri.invisible_removed.clear();
                    }
                    (start, uri)
                }));
            }
            continue;
        }
        if let Some((inner_text, wrapper)) = wrappers::unwrap(raw) {
            if depth < MAX_DEPTH {
                let mut inner = Vec::new();
                scan(&inner_text, depth + 1, &[], &mut inner, hidden);
                let wrapped = joined(joins, start..end);
                runs[1].extend(inner.into_iter().map(|(_, mut uri)| {
                    uri.joined_lines |= wrapped;
                    uri.unwrapped_from.get_or_insert_with(|| wrapper.to_owned());
                    (start, uri)
                }));
            }
            continue;
        }
        if wrappers::is_wrapper_host(raw) {
            *hidden |= wrappers::hides_address(raw);
            continue;
        }
        // White space before a closing quote or at a cell's end is an editing artefact,
        // as at a line end: left out, like the quote itself.
        let mut uri = raw.to_owned();
        let mut joined_lines = joined(joins, start..end);
        if let Some((next_end, rest, separators)) = continuation(text, raw, end) {
            let (rest, rest_removed) = strip_invisible(&rest);
            uri.push_str(trim_punctuation(&rest));
            removed.extend(rest_removed);
            joined_lines |= separators.iter().any(|c| matches!(c, '\n' | '\r'));
            removed.extend(separators.iter().filter(|c| !matches!(c, '\n' | '\r')));
            covered_to = next_end;
            written.push(end..next_end);
        }
        if let Some(mut extracted) = classify(&uri) {
            extracted.invisible_removed = removed;
            extracted.joined_lines = joined_lines;
            runs[1].push((start, extracted));
        }
    }

    // 3. Written without a scheme: `acme.example.com/externalServices/replyFrom`.
    let mut from = 0;
    while let Some(at) = lower[from..].find(REDIRECT_PATH_LOWER) {
        let path_at = from + at;
        from = path_at + REDIRECT_PATH_LOWER.len();
        if [&targets, &params, &written, &bare]
            .iter()
            .any(|list| within(list, path_at))
        {
            continue;
        }
        let host_start = lower[..path_at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')))
            .map_or(0, |i| {
                i + lower[i..].chars().next().map_or(1, char::len_utf8)
            });
        let host = &lower[host_start..path_at];
        let before = lower[..host_start].chars().next_back();
        if !host.contains('.')
            || host.starts_with(['.', '-', ':'])
            || before.is_some_and(|c| matches!(c, '/' | '\\' | '@' | '%' | '='))
        {
            continue;
        }
        let end = host_start + uri_end(&text[host_start..]);
        bare.push(host_start..end);
        let (cleaned, removed) = strip_invisible(&text[host_start..end]);
        let raw = trim_punctuation(&cleaned);
        if let Some(mut extracted) = classify(raw) {
            extracted.invisible_removed = removed;
            extracted.joined_lines = joined(joins, host_start..end);
            runs[2].push((host_start, extracted));
        }
    }
}

/// Whether a wrapped line was joined inside `range`.
fn joined(joins: &[usize], range: Range<usize>) -> bool {
    let after = joins.partition_point(|&at| at <= range.start);
    joins.get(after).is_some_and(|&at| at < range.end)
}

/// Whether `at` is inside one of `ranges` (in order, without overlaps).
fn within(ranges: &[Range<usize>], at: usize) -> bool {
    let after = ranges.partition_point(|r| r.start <= at);
    after > 0 && ranges[after - 1].end > at
}

/// What a written-out address is: a redirect URI (a callback's answer split off), a bare
/// origin, or nothing of interest (a link elsewhere).
fn classify(uri: &str) -> Option<ExtractedUri> {
    let after_scheme = uri.find("://").map_or(0, |i| i + 3);
    let path_start = uri[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(uri.len(), |i| after_scheme + i);
    let rest = &uri[path_start..];
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = rest[..path_end].to_ascii_lowercase();
    if path.contains("externalservices/replyfrom") {
        let mut extracted = ExtractedUri::new(uri.to_owned(), UriSource::Text);
        if path_end < rest.len() {
            if let Some(answer) = callback::read_answer(&rest[path_end..]) {
                extracted.uri = uri[..path_start + path_end].to_owned();
                extracted.answer = Some(answer);
            }
        }
        return Some(extracted);
    }
    let bare = (path.is_empty() || path == "/") && path_end == rest.len();
    (after_scheme > 0 && path_start > after_scheme).then(|| ExtractedUri {
        origin_only: bare,
        other_path: !bare,
        ..ExtractedUri::new(uri.to_owned(), UriSource::Text)
    })
}

//! Addresses hard-wrapped by a mail client or ticket system: a long URL (a Safe Links
//! wrapper, an authorisation address, a plain redirect URI) broken across lines at any
//! character, inside the host, the path or a percent-encoded parameter. The lines are
//! joined before anything is read, so the address inside is never cut short.

/// Characters a URL may contain (after the scheme).
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~%/?#&=+:@!$*,;()'[]".contains(c)
}

/// Whether the word ending a line is (the start of) an address still open at the break.
/// `known` says the word continues an address already joined (whose start may lie
/// before the part looked at).
fn url_open(word: &str, known: bool) -> bool {
    let lower = word.to_ascii_lowercase();
    let lower = lower.trim_start_matches(['<', '(', '"', '\'', '[']);
    let shaped =
        known || lower.contains("://") || lower.contains("%3a%2f%2f") || lower.starts_with("www.");
    shaped && !word.ends_with(['>', ')', ']', '"', '\'']) && lower.chars().all(is_url_char)
}

/// Whether the address already ends with the redirect path (plain or encoded), so that a
/// word on the next line is prose, not its continuation.
fn complete(word: &str) -> bool {
    let lower = word
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .to_ascii_lowercase();
    let lower = lower.trim_end_matches('/');
    lower.ends_with("/externalservices/replyfrom") || lower.ends_with("%2freplyfrom")
}

/// The quoting at the start of a line (`> `, `>> `) and the rest.
fn split_quote(line: &str) -> (&str, &str) {
    let rest = line.trim_start_matches(['>', ' ']);
    let prefix = &line[..line.len() - rest.len()];
    if prefix.contains('>') {
        (prefix, rest)
    } else {
        ("", line)
    }
}

/// Whether `next` (a line without its quoting) continues the address `word` that ends
/// the line before, `line_chars` long.
fn continues(word: &str, next: &str, line_chars: usize) -> bool {
    let first = next.split(char::is_whitespace).next().unwrap_or("");
    // A closing quote or bracket ends the address, it does not stop the join.
    let first = first.trim_end_matches(['"', '>', '\u{201D}', '\u{2019}', '\u{BB}']);
    // An opening bracket or quote starts a new item rather than continuing an address.
    if first.is_empty() || first.starts_with(['(', '[', '\'']) || !first.chars().all(is_url_char) {
        return false;
    }
    let lower = first.to_ascii_lowercase();
    let new_address =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    if new_address {
        return false;
    }
    if complete(word) && !first.starts_with(['&', '?', '#', '%']) {
        return false;
    }
    // The next word has a URL's structure, or the address stopped where no address ends,
    // or the line is as long as mail clients wrap at and the word is not plain prose.
    first.contains(['/', '%', '=', '&', '?'])
        || word.ends_with(['-', '/', '%', '=', '&', '?', '_', '~', ':'])
        || (line_chars >= 60 && !first.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether the `-` ending `word` was added by hyphenation at the line end (a PDF or a
/// word processor): it goes when the address joined without it has the redirect path and
/// joined with it has not.
fn soft_hyphen(word: &str, next: &str) -> bool {
    let Some(stem) = word.strip_suffix('-') else {
        return false;
    };
    let first = next.split(char::is_whitespace).next().unwrap_or("");
    let has_path = |joined: String| {
        let lower = joined.to_ascii_lowercase();
        lower.contains("/externalservices/replyfrom")
            || lower.contains("%2fexternalservices%2freplyfrom")
    };
    has_path([stem, first].concat()) && !has_path([word, first].concat())
}

/// The text with wrapped addresses joined, and where (in the result) each join is.
pub fn join_wrapped(text: &str) -> (String, Vec<usize>) {
    if !text.contains('\n') {
        return (text.to_owned(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut joins = Vec::new();
    // The quoting of the line being continued, and its length so far.
    let mut quote = "";
    let mut line_chars = 0;
    let mut line_start = 0;
    // The line ends inside an address joined from earlier lines.
    let mut in_joined = false;
    for (i, raw) in text.split('\n').enumerate() {
        if i > 0 {
            // The tail of the line is enough to judge it, and keeps a long address
            // wrapped over many lines linear.
            let mut tail_start = line_start.max(out.len().saturating_sub(4096));
            while !out.is_char_boundary(tail_start) {
                tail_start += 1;
            }
            let last_line = out[tail_start..].trim_end_matches('\r');
            let word = last_line.rsplit(char::is_whitespace).next().unwrap_or("");
            let (next_quote, next) = split_quote(raw);
            let quoted_alike = next_quote.contains('>') == quote.contains('>');
            let known = in_joined && !last_line.contains(char::is_whitespace);
            let ends_open = !last_line.ends_with(char::is_whitespace) && url_open(word, known);
            if quoted_alike && ends_open && continues(word, next, line_chars) {
                let mut kept = out.trim_end_matches('\r').len();
                if soft_hyphen(word, next) {
                    kept -= 1;
                }
                out.truncate(kept);
                joins.push(out.len());
                in_joined = !next.trim_end_matches('\r').contains(char::is_whitespace);
                out.push_str(next);
                line_chars = next.chars().count();
                continue;
            }
            out.push('\n');
            line_start = out.len();
        }
        out.push_str(raw);
        in_joined = false;
        quote = split_quote(raw).0;
        line_chars = raw.trim_end_matches('\r').chars().count();
    }
    (out, joins)
}

#[cfg(test)]
mod tests {
    use super::join_wrapped;

    #[test]
    fn joins_only_addresses() {
        let joined = |t: &str| join_wrapped(t).0;
        assert_eq!(
            joined("https://acme-train.clio\nweb.com/externalServices/replyFrom"),
            "https://acme-train.clioweb.com/externalServices/replyFrom"
        );
        assert_eq!(
            joined("> https://a.example/externalServices/\n> replyFrom"),
            "> https://a.example/externalServices/replyFrom"
        );
        let two =
            "https://a.example/externalServices/replyFrom\nb.example/externalServices/replyFrom";
        assert_eq!(joined(two), two);
        let prose = "https://a.example/externalServices/replyFrom\nRegards";
        assert_eq!(joined(prose), prose);
        assert_eq!(
            joined("https://a.example/externalSer-\nvices/replyFrom"),
            "https://a.example/externalServices/replyFrom"
        );
        assert_eq!(
            joined("https://a.example/external-\nServices/replyFrom"),
            "https://a.example/externalServices/replyFrom"
        );
        assert_eq!(
            joined("https://acme-\nuat.example/externalServices/replyFrom"),
            "https://acme-uat.example/externalServices/replyFrom"
        );
        let list = "https://a.example/x,\nhttps://b.example/y";
        assert_eq!(joined(list), list);
    }
}

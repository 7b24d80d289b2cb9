//! Labels and prose around a pasted environment address: `Production: https://…`,
//! `UAT<TAB>acme-uat.example.com`, `| Test | https://… |`, and the greetings, names and
//! sign-offs of a pasted e-mail, which hold no address at all.
//!
//! A label is only what stands before the address and is not part of a URL: the
//! address's own colon (`https://`), its port (`acme.example.com:8443`) and its user name
//! (`user:pass@host`) never make one.

use super::role::{role_from_label, Role};
use super::text::trim_junk;

/// An entry taken apart: `label` + `address` + `note` is the entry (without the white
/// space at its ends). `label` and `note` are empty when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'a> {
    /// What stands before the address, separator included (`Production: `).
    pub label: &'a str,
    /// The address as typed, to be read by the address reader.
    pub address: &'a str,
    /// Words after the address that are not part of it (`(main site)`).
    pub note: &'a str,
}

impl Parts<'_> {
    /// The label without its separator, markup and white space: `Production` for
    /// `**Production**: `. Empty when there is no label.
    pub fn label_name(&self) -> &str {
        label_name(self.label)
    }

    /// What the label names: the role it says, or a short plain name kept as an "Other"
    /// role; `None` when it names nothing usable.
    pub fn role(&self) -> Option<Role> {
        let name = self.label_name();
        if name.is_empty() {
            return None;
        }
        role_from_label(name)
    }
}

/// The white space and table rules that separate a label, an address and a note.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '|'
}

/// Byte ranges of the words of `text`, separated by white space and table rules.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_gap(c), start) {
            (true, Some(s)) => {
                ranges.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        ranges.push((s, text.len()));
    }
    ranges
}

/// Quotes, brackets, Markdown emphasis and punctuation that wrap a word in prose.
fn is_wrapping(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '<'
            | '>'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '*'
            | '_'
            | ','
            | ';'
            | '!'
            | '?'
            | '.'
            | ':'
    )
}

/// A letter: ASCII, or a character beyond ASCII outside the blocks of punctuation,
/// spaces, symbols and emoji (a look-alike is a letter to the reader). Unicode's own
/// tables would cost the download more than they tell here.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || !(c.is_ascii()
            || matches!(
                c as u32,
                0x80..=0xBF
                    | 0xD7
                    | 0xF7
                    | 0x2000..=0x2BFF
                    | 0x3000..=0x303F
                    | 0xFE00..=0xFE0F
                    | 0xFEFF
                    | 0xFF00..=0xFF0F
                    | 0xFF1A..=0xFF20
                    | 0x1F000..=0x1FAFF
            ))
}

/// File names that look like host names (`environments.xlsx`) in an e-mail's prose.
pub const FILE_ENDINGS: &[&str] = &[
    "csv", "doc", "docx", "eml", "gif", "htm", "html", "jpeg", "jpg", "json", "msg", "pdf", "png",
    "ppt", "pptx", "txt", "xls", "xlsx", "xml", "zip",
];

/// Whether a host name as typed has the shape of one: two or more labels, the last one
/// with a letter (`acme.example.com`, not `7.11` or `e.g`), or an IPv4 address.
fn is_dotted_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 || !host.contains('.') {
        return false;
    }
    if labels.len() == 4 && labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return true;
    }
    let last = labels[labels.len() - 1];
    last.chars().count() >= 2
        && last.chars().any(is_letter)
        && !FILE_ENDINGS.contains(&last.to_ascii_lowercase().as_str())
}

/// Whether a word is a web address, however broken: it has `://`, is `localhost`, has a
/// host name's shape, or has a user name and password before an `@`. An e-mail address
/// (`jo@acme.example.com`) is not an environment's address.
pub fn is_host_like(word: &str) -> bool {
    let word = word.trim_matches(is_wrapping);
    if word.is_empty() {
        return false;
    }
    if word.contains("://") {
        return true;
    }
    if is_mailto(word) {
        return false;
    }
    if let Some(at) = word.rfind('@') {
        return word[..at].contains(':');
    }
    let before_path = word.split(['/', '?', '#', '\\']).next().unwrap_or(word);
    before_path
        .split([':', ',', ';', '='])
        .any(|part| part.eq_ignore_ascii_case("localhost") || is_dotted_host(part))
}

/// A `mailto:` link: an e-mail address written as a link (`<mailto:jo@acme.example>` in
/// a signature), never an attempt at a web address.
fn is_mailto(word: &str) -> bool {
    word.get(..7)
        .is_some_and(|start| start.eq_ignore_ascii_case("mailto:"))
}

/// Words that are never a firm's host name when they stand alone in a pasted message.
const CHAT_WORDS: &[&str] = &[
    "best", "bye", "cheers", "done", "hello", "hey", "hi", "kind", "many", "na", "no", "none",
    "ok", "okay", "regards", "see", "sure", "ta", "tba", "tbc", "thank", "thanks", "thx", "yes",
];

/// Whether a lone word is an attempt at an address (`acme`, `acme-uat`, `acme:8443`, or
/// an e-mail address, which then gets its finding) rather than a word of prose (`Jo`,
/// `Thanks`, `UAT`, `10:32`).
pub fn is_address_attempt(word: &str) -> bool {
    let word = word.trim_matches(|c: char| is_wrapping(c) && c != '_');
    if !word.chars().any(is_letter) || is_mailto(word) {
        return false;
    }
    let allowed = |c: char| {
        !c.is_ascii()
            || c.is_ascii_alphanumeric()
            || matches!(c, '-' | '_' | '.' | ':' | '/' | '%' | '@')
    };
    if !word.chars().all(allowed) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if CHAT_WORDS.contains(&lower.as_str()) || Role::parse(&lower).is_named() {
        return false;
    }
    // A name or a capitalised word of prose; host names are typed in lower case.
    let letters_only = word.chars().all(|c| is_letter(c) || c == '-');
    !(letters_only && word.chars().any(|c| c.is_ascii_uppercase()))
}

/// Whether an entry of a pasted list holds an address (or an attempt at one), so that it
/// becomes a row; greetings, names, sign-offs and `UAT: (to follow)` do not.
pub fn has_address(entry: &str) -> bool {
    let text = trim_junk(entry);
    let words = words(text);
    if words.iter().any(|&(s, e)| is_host_like(&text[s..e])) {
        return true;
    }
    match words.as_slice() {
        [] => false,
        // `(edited)`, `[image]`: a chat's or a mail client's mark, not an address.
        [(s, e)] if text[*s..*e].starts_with(['(', '[']) && text[*s..*e].ends_with([')', ']']) => {
            false
        }
        [(s, e)] => is_address_attempt(&text[*s..*e]),
        _ => !split(entry).label.is_empty() || is_labelled_email(text, &words),
    }
}

/// `UAT: jo@acme-uat.example.com`: a role's label, then an e-mail address where the
/// environment's address belongs. It becomes a row, whose finding says an e-mail address
/// is not an environment's; left out as prose, the environment would be lost unseen.
fn is_labelled_email(text: &str, words: &[(usize, usize)]) -> bool {
    let Some((&(s, e), rest)) = words.split_first() else {
        return false;
    };
    // A named role (production, UAT, training, test): a name (`Jo: jo@…`) is no label.
    role_from_label(&text[s..e]).is_some_and(|role| role.is_named())
        && rest.iter().any(|&(s, e)| {
            let word = text[s..e].trim_matches(is_wrapping);
            word.split_once('@')
                .is_some_and(|(user, domain)| !user.is_empty() && is_dotted_host(domain))
        })
}

/// Whether a word reads as a whole address on its own: a host name with a dot, after a
/// scheme or not (`https://acme.example.com/`, `acme-uat.example.com`), and not the
/// broken half of one (`https://acme`, `.example.com`).
fn is_whole_address(word: &str) -> bool {
    let word = word.trim_matches(is_wrapping);
    if word.starts_with(['.', '-']) || !is_host_like(word) {
        return false;
    }
    let after = word.split_once("://").map_or(word, |(_, after)| after);
    let host = after.split(['/', '?', '#']).next().unwrap_or(after);
    let host = host.rsplit('@').next().unwrap_or(host);
    is_dotted_host(host.split(':').next().unwrap_or(host))
}

/// Where a line of prose holding several whole addresses (`prod is https://a… and uat is
/// https://b…`) is cut into entries: right after each address that another follows, so
/// each keeps the words before it as its label. Two addresses with only white space
/// between them are cut only when the second starts as an address does (`https://`,
/// `www.`): `https://ac-me.exa<TAB>mple.com` is one address broken by a tab.
pub fn sentence_cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    // The end of the last address, and whether words came after it.
    let mut last: Option<(usize, bool)> = None;
    for (s, e) in words(text) {
        let word = &text[s..e];
        if !is_whole_address(word) {
            last = last.map(|(end, _)| (end, true));
            continue;
        }
        let lower = word.trim_start_matches(is_wrapping).to_ascii_lowercase();
        let starts = lower.starts_with("http") || lower.starts_with("www.");
        if let Some((end, worded)) = last {
            if worded || starts {
                cuts.push(end);
            }
        }
        last = Some((e, false));
    }
    cuts
}

/// Separators a label ends with when a lone word, not a host name, follows it.
fn ends_as_label(label: &str) -> bool {
    let trimmed = label.trim_end();
    trimmed.ends_with([
        ':', '-', '=', '|', ',', ';', '\u{2013}', '\u{2014}', '\u{2192}',
    ]) || label[trimmed.len()..].contains('\t')
        || Role::parse(label_name(label)).is_named()
}

/// Where the address starts inside a word that holds a label glued to it:
/// `Production:https://…`, `[UAT](https://…)`, `Production,acme.example.com`.
fn glued_label_end(word: &str) -> usize {
    if let Some(colon) = word.find("://") {
        let scheme_start = word[..colon]
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| {
                i + word[i..].chars().next().map_or(1, char::len_utf8)
            });
        let mut start = scheme_start;
        // An opening quote or bracket right before the scheme belongs to the address.
        if let Some(open) = word[..start].chars().next_back() {
            if matches!(
                open,
                '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '<' | '(' | '['
            ) {
                start -= open.len_utf8();
            }
        }
        return if label_name(&word[..start]).is_empty() {
            0
        } else {
            start
        };
    }
    for (i, c) in word.char_indices() {
        if !matches!(c, ':' | ',' | ';' | '=') {
            continue;
        }
        let (before, after) = (&word[..i], &word[i + 1..]);
        let name = label_name(before);
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| is_letter(c) || c.is_ascii_digit() || c == '-');
        let scheme = ["http", "https", "mailto", "ftp", "file"]
            .iter()
            .any(|s| name.eq_ignore_ascii_case(s));
        if plain && !scheme && !before.contains('.') && is_host_like(after) {
            return i + 1;
        }
        return 0;
    }
    0
}

/// Takes an entry apart into its label, address and note. An entry with no label and no
/// note is all address, as typed.
pub fn split(entry: &str) -> Parts<'_> {
    let text = trim_junk(entry);
    let whole = Parts {
        label: "",
        address: text,
        note: "",
    };
    let words = words(text);
    let Some(&(_, last_end)) = words.last() else {
        return whole;
    };
    let found = words.iter().position(|&(s, e)| is_host_like(&text[s..e]));
    let (index, start) = match found {
        Some(i) => {
            let (s, e) = words[i];
            let glued = glued_label_end(&text[s..e]);
            if glued == 0 && i > 0 {
                let address = &text[s..e];
                let label = &text[..s];
                // `acme .example.com`: a host broken by a space, not a label.
                let broken = address.starts_with(['.', '-'])
                    || (!address.contains("://")
                        && i == 1
                        && is_address_attempt(label.trim_end())
                        && !ends_as_label(label));
                if broken {
                    return whole;
                }
            }
            (i, s + glued)
        }
        None => {
            let i = words.len() - 1;
            let (s, e) = words[i];
            // An e-mail address after other words is a signature's or a header's, unless
            // a role's label stands before it (`UAT: jo@…`): then it is where the
            // environment's address belongs, and says why it is none.
            let word = &text[s..e];
            let labelled_email = word.contains('@') && is_labelled_email(text, &words);
            if i == 0
                || (!labelled_email && (word.contains('@') || !is_address_attempt(word)))
                || !ends_as_label(&text[..s])
            {
                return whole;
            }
            (i, s)
        }
    };
    // Words after the address are a note, unless one of them is an address too (two
    // addresses on a line are read as one, broken, entry).
    // After an address with a path, the words are the path's (the URL parser reads
    // `/path with spaces` as one path), and the path is left out anyway.
    let rest = &words[index + 1..];
    let word = &text[start..words[index].1];
    let host_and_path = word.split_once("://").map_or(word, |(_, after)| after);
    let has_path = host_and_path
        .split_once('/')
        .is_some_and(|(_, path)| !path.trim_end_matches(is_wrapping).is_empty());
    let (address_end, note) = if has_path || rest.iter().any(|&(s, e)| is_host_like(&text[s..e])) {
        (last_end, "")
    } else {
        // Emoji and a sentence's punctuation after the address are not part of it; nor
        // is a full stop when words stand around the address (a sentence's, not a host
        // name's final dot, which only a bare address keeps).
        let mut end = start + word.trim_end_matches(is_trailing_mark).len();
        let in_sentence = start > 0 || end < last_end;
        if in_sentence && text[start..end].ends_with('.') && !text[start..end].ends_with("..") {
            end -= 1;
        }
        let note = text[end..].trim_matches(|c: char| is_gap(c) || c == '.');
        (end, note)
    };
    let address_end = if note.is_empty() {
        // A table's closing rule is not part of the address.
        text[..address_end].trim_end_matches(is_gap).len()
    } else {
        address_end
    };
    Parts {
        label: &text[..start],
        address: &text[start..address_end],
        note,
    }
}

/// Marks that end a sentence or a chat message after an address: `!`, `?`, `,` and
/// emoji, which no address ends with.
fn is_trailing_mark(c: char) -> bool {
    matches!(c, '!' | '?' | ',' | ';') || !(c.is_ascii() || is_letter(c) || is_wrapping(c))
}

/// The label of an entry that has a label and no address (`Production:`, `UAT -`,
/// `UAT: (to follow)`, `Training: TBC`): the address is still to come.
pub fn label_without_address(entry: &str) -> Option<&str> {
    let text = trim_junk(entry);
    if has_address(text) {
        return None;
    }
    // The first separator, followed by white space or by nothing (`data:text/html` and
    // `mailto:jo` are no labels).
    let (at, separator) = text
        .char_indices()
        .find(|&(_, c)| matches!(c, ':' | '-' | '=' | '|' | '\t' | '\u{2013}' | '\u{2014}'))?;
    let after = &text[at + separator.len_utf8()..];
    if separator != '\t' && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = &text[..at + separator.len_utf8()];
    let name = label_name(label);
    let scheme = ["http", "https"]
        .iter()
        .any(|s| name.eq_ignore_ascii_case(s));
    let plain = name
        .chars()
        .all(|c| is_letter(c) || c.is_ascii_digit() || c == ' ');
    let short = name.split_whitespace().count() <= 3;
    (!name.is_empty() && plain && short && !scheme).then_some(label.trim_end())
}

/// A label's words without separators, bullets, Markdown and quotes.
pub fn label_name(label: &str) -> &str {
    label.trim_matches(|c: char| {
        is_gap(c)
            || is_wrapping(c)
            || matches!(
                c,
                '-' | '=' | '#' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '\u{B7}' | '\u{2192}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_labels_addresses_and_notes() {
        // (entry, label, address, note)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "https://acme.example.com",
                "",
                "https://acme.example.com",
                "",
            ),
            (
                "Production: https://acme.example.com",
                "Production: ",
                "https://acme.example.com",
                "",
            ),
            (
                "Production:https://acme.example.com",
                "Production:",
                "https://acme.example.com",
                "",
            ),
            (
                "UAT - http://acme-uat.example.com/",
                "UAT - ",
                "http://acme-uat.example.com/",
                "",
            ),
            (
                "Test\tacme-test.example.com",
                "Test\t",
                "acme-test.example.com",
                "",
            ),
            (
                "| UAT | https://a.example.com |",
                "| UAT | ",
                "https://a.example.com",
                "",
            ),
            ("acme.example.com:8443", "", "acme.example.com:8443", ""),
            (
                "https://user:pass@acme.example.com",
                "",
                "https://user:pass@acme.example.com",
                "",
            ),
            (
                "user:pass@acme.example.com",
                "",
                "user:pass@acme.example.com",
                "",
            ),
            (
                "Production,https://a.example.com",
                "Production,",
                "https://a.example.com",
                "",
            ),
            (
                "\"Production\",\"https://a.example.com\"",
                "\"Production\",",
                "\"https://a.example.com\"",
                "",
            ),
            (
                "[UAT](https://a.example.com)",
                "[UAT]",
                "(https://a.example.com)",
                "",
            ),
            (
                "Production:acme.example.com",
                "Production:",
                "acme.example.com",
                "",
            ),
            ("UAT: acme-uat", "UAT: ", "acme-uat", ""),
            (
                "https://a.example.com (main site)",
                "",
                "https://a.example.com",
                "(main site)",
            ),
            (
                "https://a.example.com/ (main)",
                "",
                "https://a.example.com/",
                "(main)",
            ),
            (
                "https://a.example.com/x y",
                "",
                "https://a.example.com/x y",
                "",
            ),
            ("acme .example.com", "", "acme .example.com", ""),
            (
                "https://a.example https://b.example",
                "",
                "https://a.example https://b.example",
                "",
            ),
            (
                "https://ac\tme.example.com",
                "",
                "https://ac\tme.example.com",
                "",
            ),
            ("http:acme.example.com", "", "http:acme.example.com", ""),
            ("see you soon", "", "see you soon", ""),
        ];
        for (entry, label, address, note) in cases {
            let parts = split(entry);
            assert_eq!(
                (parts.label, parts.address, parts.note),
                (*label, *address, *note),
                "{entry:?}"
            );
        }
    }

    #[test]
    fn cuts_sentences_between_whole_addresses() {
        // (text, the entries it is cut into)
        let cases: &[(&str, &[&str])] = &[
            ("https://a.example.com", &["https://a.example.com"]),
            (
                "prod is https://a.example.com and uat is https://b.example.com",
                &[
                    "prod is https://a.example.com",
                    " and uat is https://b.example.com",
                ],
            ),
            (
                "prod: a.example.com uat: b.example.com",
                &["prod: a.example.com", " uat: b.example.com"],
            ),
            (
                "https://a.example.com https://b.example.com",
                &["https://a.example.com", " https://b.example.com"],
            ),
            (
                "www.a.example | https://www.linkedin.com/x",
                &["www.a.example", " | https://www.linkedin.com/x"],
            ),
            ("https://acme .example.com", &["https://acme .example.com"]),
            ("https://acme. example.com", &["https://acme. example.com"]),
            (
                "https://ac-me.exa\tmple.com",
                &["https://ac-me.exa\tmple.com"],
            ),
            (
                "acme.example.com b.example.com",
                &["acme.example.com b.example.com"],
            ),
            (
                "Jo <jo@a.example> https://b.example.com",
                &["Jo <jo@a.example> https://b.example.com"],
            ),
        ];
        for (text, entries) in cases {
            let mut from = 0;
            let mut got = Vec::new();
            for cut in sentence_cuts(text) {
                got.push(&text[from..cut]);
                from = cut;
            }
            got.push(&text[from..]);
            assert_eq!(got, *entries, "{text:?}");
        }
    }

    #[test]
    fn tells_addresses_from_prose() {
        for text in [
            "acme",
            "acme-uat",
            "acme.example.com",
            "https://",
            "UAT: acme-uat",
            "Jo Bloggs www.acme-legal.example",
            "localhost:8080",
            "10.0.0.1",
            "jo@acme.example.com",
        ] {
            assert!(has_address(text), "{text:?} holds an address");
        }
        for text in [
            "Hi Sam",
            "Thanks",
            "Jo",
            "UAT",
            "Here are our environments:",
            "UAT: (to follow)",
            "Jo Bloggs 10:32",
            "10:32",
            "Jo Bloggs <jo@acme.example.com>",
            "Email: jo@acme.example.com",
            "On Mon 30 Nov 2026 at 10:32 Jo Bloggs <jo@acme.example.com> wrote:",
            "see the attached environments.xlsx",
            "version 7.11.0",
            "e.g. the one we use",
            "|---|---|",
            "Training \u{2013}",
            "\u{2014} \u{2022} \u{2026}",
            "(edited)",
            "[image]",
            "\u{1F44D}",
            "<mailto:jo@acme-law.com>",
            "mailto:jo@acme-law.com",
            "Sent from my iPhone",
            "Jo Bloggs  10:42 AM",
        ] {
            assert!(!has_address(text), "{text:?} holds no address");
        }
        let labels: &[(&str, &str)] = &[
            ("Production:", "Production:"),
            ("UAT -", "UAT -"),
            ("**Test** =", "**Test** ="),
            (" Training \u{2013} ", "Training \u{2013}"),
            ("UAT: (to follow)", "UAT:"),
            ("Training: TBC", "Training:"),
            ("DR\t(to follow)", "DR"),
        ];
        for (text, label) in labels {
            assert_eq!(label_without_address(text), Some(*label), "{text:?}");
        }
        for text in [
            "https:",
            "acme.example.com:",
            "acme",
            "-",
            "data:text/html;base64,PD4=",
            "mailto:jo@acme.example.com",
            "UAT: acme-uat",
            "Production: https://acme.example.com",
            "Hi Sam, thanks",
            "Here are our environments:",
        ] {
            assert_eq!(label_without_address(text), None, "{text:?}");
        }
    }
}

//! Reading pasted text: splitting lists into entries and stripping the junk that e-mails,
//! Word and spreadsheets wrap around an address.

use super::label;

mod chars;

pub use chars::{
    ascii_look_alike, char_name, describe_char, is_bidi_control, removed_names, removed_sentence,
};

/// Splits pasted text into entries on line breaks, commas and semicolons, before any URL
/// parsing: the URL parser would read `https://a.com,https://b.com` as one address whose
/// host is `a.com,https`. Blank entries are skipped.
///
/// Within a line, a cell with no address right before one that starts with its address
/// is that address's label (`Production,https://…` from a spreadsheet saved as CSV), and
/// neighbouring cells with no address stay one entry (`Hi Sam, here they are`).
pub fn split_entries(raw: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    for line in raw.split(is_line_break) {
        let cells: Vec<(usize, &str)> = cells(line)
            .into_iter()
            .filter(|(_, cell)| !trim_junk(cell).is_empty())
            .collect();
        // The start of the run of cells with no address not yet made an entry, and the
        // start of its last cell.
        let mut prose: Option<(usize, usize)> = None;
        for &(start, cell) in &cells {
            let end = start + cell.len();
            if !label::has_address(cell) {
                prose = Some((prose.map_or(start, |(first, _)| first), start));
                continue;
            }
            let mut from = start;
            if let Some((first, last)) = prose.take() {
                let labelled = !label::split(cell).label.is_empty();
                if labelled {
                    entries.push(&line[first..cell_end(line, last)]);
                } else {
                    if first < last {
                        entries.push(&line[first..cell_end(line, previous_cell(&cells, last))]);
                    }
                    from = last;
                }
            }
            // Several addresses in a sentence are several entries.
            let sentence = from;
            for cut in label::sentence_cuts(&line[sentence..end]) {
                entries.push(&line[from..sentence + cut]);
                from = sentence + cut;
            }
            entries.push(&line[from..end]);
        }
        if let Some((first, last)) = prose {
            entries.push(&line[first..cell_end(line, last)]);
        }
    }
    entries
}

/// The cells of a line, each with its start: the line split on commas and semicolons,
/// except those inside an address's query (Proofpoint's `__;!!…`, Barracuda's
/// `c=E,1,…`), which the address goes on after.
fn cells(line: &str) -> Vec<(usize, &str)> {
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if is_cell_separator(c) && !inside_query(line, i) && !typed_for_a_dot(line, i) {
            cells.push((start, &line[start..i]));
            start = i + 1;
        }
    }
    cells.push((start, &line[start..]));
    cells
}

/// Whether the separator at `at` is inside an address's query: the word before it is an
/// address with a `?` (or Proofpoint's `/__`), and what follows it is more of that word,
/// not white space or another address.
fn inside_query(line: &str, at: usize) -> bool {
    let before = line[..at].rsplit(char::is_whitespace).next().unwrap_or("");
    let after = line[at + 1..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    before
        .split_once("://")
        .is_some_and(|(_, rest)| rest.contains('?') || rest.contains("/__"))
        && !after.is_empty()
        && !label::is_host_like(after)
}

/// Whether the comma at `at` was typed for a dot: it sits inside a host name, between a
/// letter or digit and an ending such as `com` or `uk` that runs to the end of the word
/// (`acme.clioweb,com`). Split there, the address would lose its ending unseen; kept,
/// the host says it holds a comma.
fn typed_for_a_dot(line: &str, at: usize) -> bool {
    if line.as_bytes()[at] != b',' {
        return false;
    }
    let before = line[..at].rsplit(char::is_whitespace).next().unwrap_or("");
    let after = line[at + 1..]
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    before.ends_with(|c: char| c.is_ascii_alphanumeric())
        && before.contains('.')
        && (2..=6).contains(&after.len())
        && after.bytes().all(|b| b.is_ascii_lowercase())
        // `https://acme.example.com,uat`: a CSV's role column, not an ending.
        && !super::role::role_from_label(after).is_some_and(|role| role.is_named())
}

/// The end of the cell starting at `start`.
fn cell_end(line: &str, start: usize) -> usize {
    cells(&line[start..])
        .first()
        .map_or(line.len(), |&(_, cell)| start + cell.len())
}

/// The start of the cell before the one starting at `start`.
fn previous_cell(cells: &[(usize, &str)], start: usize) -> usize {
    cells
        .iter()
        .rev()
        .map(|&(s, _)| s)
        .find(|&s| s < start)
        .unwrap_or(start)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_cell_separator(c: char) -> bool {
    matches!(c, ',' | ';')
}

/// Characters that are invisible in most fonts and that pasted text often carries:
/// zero-width spaces and joiners, the word joiner, the byte-order mark and the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// Characters removed from inside an entry: tab and line breaks (which the URL parser would
/// delete silently, hiding a typo) and the invisible characters above.
pub fn is_removed_inside(c: char) -> bool {
    matches!(c, '\t' | '\r' | '\n') || is_invisible(c)
}

fn is_edge_junk(c: char) -> bool {
    c.is_whitespace() || is_invisible(c) || c.is_control()
}

/// Trims Unicode white space (including no-break space), invisible characters and
/// control characters from both ends.
pub fn trim_junk(text: &str) -> &str {
    text.trim_matches(is_edge_junk)
}

const QUOTE_PAIRS: &[(char, char)] = &[
    ('"', '"'),
    ('\'', '\''),
    ('`', '`'),
    ('\u{201C}', '\u{201D}'), // “ ”
    ('\u{201D}', '\u{201D}'), // ” ”
    ('\u{201E}', '\u{201C}'), // „ “
    ('\u{2018}', '\u{2019}'), // ‘ ’
    ('\u{2019}', '\u{2019}'), // ’ ’
    ('\u{AB}', '\u{BB}'),     // « »
    ('\u{BB}', '\u{AB}'),     // » «
    ('\u{2039}', '\u{203A}'), // ‹ ›
    ('<', '>'),
    ('(', ')'),
    ('[', ']'),
];

/// List bullets that a paste from a document may start with.
const BULLETS: &[char] = &[
    '\u{2022}', '\u{B7}', '\u{2023}', '\u{25AA}', '\u{25E6}', '-', '*',
];

/// An entry after cleaning, with what was removed from inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// Invisible characters, tabs and line breaks removed from inside the entry.
    pub removed: Vec<char>,
}

/// Cleans one entry: trims junk, drops a leading list bullet, unwraps matching quotes
/// and angle brackets (repeatedly), then removes invisible characters from inside.
pub fn clean(entry: &str) -> Cleaned {
    let mut text = trim_junk(entry);
    loop {
        let before = text;
        if let Some(rest) = strip_bullet(text) {
            text = trim_junk(rest);
        }
        if let Some(inner) = unwrap_pair(text) {
            text = trim_junk(inner);
        }
        if text == before {
            break;
        }
    }
    let mut removed = Vec::new();
    let kept: String = text
        .chars()
        .filter(|&c| {
            let drop = is_removed_inside(c);
            if drop {
                removed.push(c);
            }
            !drop
        })
        .collect();
    Cleaned {
        text: kept,
        removed,
    }
}

fn strip_bullet(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let followed_by_space = rest.starts_with(|c: char| c.is_whitespace());
    (BULLETS.contains(&first) && followed_by_space).then_some(rest)
}

fn unwrap_pair(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    let last = text.chars().next_back()?;
    // A single character cannot be a pair.
    text.chars().nth(1)?;
    QUOTE_PAIRS
        .iter()
        .any(|&(open, close)| open == first && close == last)
        .then(|| &text[first.len_utf8()..text.len() - last.len_utf8()])
}

/// At most `max` characters of `text` for quoting in a message, with "…" when cut, so
/// a pasted megabyte does not become a megabyte of message.
pub fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}\u{2026}", &text[..cut]),
        None => text.to_owned(),
    }
}

/// How long quoted input may be in a message.
pub const QUOTE_LENGTH: usize = 80;

/// Levenshtein distance, for "did you mean" hints on short host names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// "a, b and c".
pub fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_separator_and_skips_blanks() {
        let cases: &[(&str, &[&str])] = &[
            ("a.com", &["a.com"]),
            ("a.com\nb.com", &["a.com", "b.com"]),
            ("a.com\r\nb.com", &["a.com", "b.com"]),
            ("a.com, b.com; c.com", &["a.com", " b.com", " c.com"]),
            (
                "https://a.com,https://b.com",
                &["https://a.com", "https://b.com"],
            ),
            ("\n\n  \n", &[]),
            ("a.com\u{2028}b.com", &["a.com", "b.com"]),
            (",,;;a.com,,", &["a.com"]),
            ("a.com\n\u{200B}\nb.com", &["a.com", "b.com"]),
            // A label in its own cell pairs with the address after it.
            (
                "Production,https://a.com\nUAT;https://b.com",
                &["Production,https://a.com", "UAT;https://b.com"],
            ),
            (
                "Production, https://a.com, UAT, b.com",
                &["Production, https://a.com", " UAT, b.com"],
            ),
            ("Environment,URL", &["Environment,URL"]),
            (
                "Hi Sam, here they are, Production: a.com",
                &["Hi Sam, here they are", " Production: a.com"],
            ),
            ("Jo, Production, a.com", &["Jo", " Production, a.com"]),
            ("acme, acme-uat", &["acme", " acme-uat"]),
        ];
        for (raw, expected) in cases {
            assert_eq!(split_entries(raw), *expected, "splitting {raw:?}");
        }
    }

    #[test]
    fn cleans_wrappers_and_invisible_characters() {
        let cases: &[(&str, &str, usize)] = &[
            ("  https://a.com  ", "https://a.com", 0),
            ("\u{A0}https://a.com\u{A0}", "https://a.com", 0),
            ("\u{FEFF}https://a.com", "https://a.com", 0),
            ("\"https://a.com\"", "https://a.com", 0),
            ("\u{201C}https://a.com\u{201D}", "https://a.com", 0),
            ("\u{2018}https://a.com\u{2019}", "https://a.com", 0),
            ("\u{AB} https://a.com \u{BB}", "https://a.com", 0),
            ("<https://a.com>", "https://a.com", 0),
            ("\"<https://a.com>\"", "https://a.com", 0),
            ("\u{2022} https://a.com", "https://a.com", 0),
            ("- https://a.com", "https://a.com", 0),
            ("https://a\u{200B}.com", "https://a.com", 1),
            ("https://a\u{AD}cme.com", "https://acme.com", 1),
            ("https://ac\tme.com", "https://acme.com", 1),
            ("\"https://a.com", "\"https://a.com", 0),
            ("\"", "\"", 0),
            ("-acme.com", "-acme.com", 0),
        ];
        for (raw, text, removed) in cases {
            let cleaned = clean(raw);
            assert_eq!(cleaned.text, *text, "cleaning {raw:?}");
            assert_eq!(cleaned.removed.len(), *removed, "removed from {raw:?}");
        }
    }

    #[test]
    fn measures_edit_distance() {
        let cases = [
            ("cloudimanage.com", "cloudimanage.com", 0),
            ("cloudlmanage.com", "cloudimanage.com", 1),
            ("cloudimanage.co", "cloudimanage.com", 1),
            ("clouimanage.com", "cloudimanage.com", 1),
            ("cloudimange.con", "cloudimanage.com", 2),
            ("", "abc", 3),
            ("evilcloudimanage.com", "cloudimanage.com", 4),
        ];
        for (a, b, d) in cases {
            assert_eq!(edit_distance(a, b), d, "{a} vs {b}");
        }
    }
}

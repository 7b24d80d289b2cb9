//! Characters named in words for messages: "a no-break space (U+00A0)", "an en dash (–)",
//! "the Cyrillic letter “а” (U+0430), which looks like “a”". Readers do not know code
//! points; Support may need them, so invisible characters keep theirs.

use super::{is_invisible, join_words};

/// Names for characters removed from an address, each once, for a message: "a tab",
/// "a soft hyphen (U+00AD)", "a zero-width space (U+200B)".
pub fn removed_names(removed: &[char]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for &c in removed {
        let name = describe_char(c);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// "The Customer ID contained a tab and a zero-width space (U+200B), which were removed."
pub fn removed_sentence(what: &str, removed: &[char]) -> String {
    let names = removed_names(removed);
    format!(
        "{what} contained {}, which {} removed.",
        join_words(&names),
        if names.len() == 1 { "was" } else { "were" }
    )
}

/// The everyday name of a character readers cannot see, or cannot tell from another, with
/// its article: "a space", "a no-break space", "an en dash".
pub fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        ' ' => "a space",
        '\t' => "a tab",
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => "a line break",
        '\u{A0}' => "a no-break space",
        '\u{202F}' => "a narrow no-break space",
        '\u{2002}' => "an en space",
        '\u{2003}' => "an em space",
        '\u{2009}' => "a thin space",
        '\u{200A}' => "a hair space",
        '\u{2000}'..='\u{2008}' | '\u{205F}' | '\u{1680}' => "a wide space",
        '\u{3000}' => "an ideographic space",
        '\u{200B}' => "a zero-width space",
        '\u{200C}' => "a zero-width non-joiner",
        '\u{200D}' => "a zero-width joiner",
        '\u{2060}' => "a word joiner",
        '\u{FEFF}' => "an invisible byte order mark",
        '\u{180E}' => "an invisible vowel separator",
        '\u{AD}' => "a soft hyphen",
        '\u{200E}' => "a left-to-right mark",
        '\u{200F}' => "a right-to-left mark",
        '\u{202A}' | '\u{202D}' | '\u{2066}' => "a left-to-right direction mark",
        '\u{202B}' | '\u{202E}' | '\u{2067}' => "a right-to-left direction mark",
        '\u{202C}' | '\u{2068}' | '\u{2069}' => "a direction mark",
        '\u{2010}' | '\u{2011}' => "a typographic hyphen (\u{2010})",
        '\u{2012}' => "a figure dash (\u{2012})",
        '\u{2013}' => "an en dash (\u{2013})",
        '\u{2014}' => "an em dash (\u{2014})",
        '\u{2015}' => "a horizontal bar (\u{2015})",
        '\u{2212}' => "a minus sign (\u{2212})",
        '\u{2018}' => "a curly quote (\u{2018})",
        '\u{2019}' => "a curly quote (\u{2019})",
        '\u{201C}' => "a curly quote (\u{201C})",
        '\u{201D}' => "a curly quote (\u{201D})",
        '\u{201A}' => "a low quote (\u{201A})",
        '\u{201E}' => "a low quote (\u{201E})",
        '\u{AB}' => "an angle quote (\u{AB})",
        '\u{BB}' => "an angle quote (\u{BB})",
        '\u{2026}' => "an ellipsis (\u{2026})",
        '\u{2022}' => "a bullet (\u{2022})",
        '\u{B7}' => "a middle dot (\u{B7})",
        '!' => "an exclamation mark (!)",
        '"' => "a straight quote (\")",
        '#' => "a hash (#)",
        '$' => "a dollar sign ($)",
        '%' => "a percent sign (%)",
        '&' => "an ampersand (&)",
        '\'' => "an apostrophe (')",
        '(' | ')' => "a bracket",
        '*' => "an asterisk (*)",
        '+' => "a plus sign (+)",
        ',' => "a comma (,)",
        '-' => "a hyphen (-)",
        '.' => "a full stop (.)",
        '/' => "a slash (/)",
        ':' => "a colon (:)",
        ';' => "a semicolon (;)",
        '<' | '>' => "an angle bracket",
        '=' => "an equals sign (=)",
        '?' => "a question mark (?)",
        '@' => "an at sign (@)",
        '[' | ']' => "a square bracket",
        '\\' => "a backslash (\\)",
        '^' => "a caret (^)",
        '_' => "an underscore (_)",
        '`' => "a backtick (`)",
        '{' | '}' => "a curly bracket",
        '|' => "a vertical bar (|)",
        '~' => "a tilde (~)",
        _ => return None,
    })
}

/// Describes a character for a message in words: its everyday name where it has one
/// ("a no-break space (U+00A0)", "an en dash (–)"); otherwise the character itself when
/// it is visible, with its code point and the script it comes from where that explains a
/// look-alike ("the Cyrillic letter “а” (U+0430), which looks like “a”"). An invisible
/// character's code point follows its name, for Support.
pub fn describe_char(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    let visible = !c.is_control() && !c.is_whitespace() && !is_invisible(c) && !is_bidi_control(c);
    if let Some(name) = char_name(c) {
        return if visible || c.is_ascii() {
            name.to_owned()
        } else {
            format!("{name} ({code})")
        };
    }
    if c.is_control() {
        return format!("a control character ({code})");
    }
    if !visible || shows_nothing(c) {
        return format!("an invisible character ({code})");
    }
    let script = match c as u32 {
        0x0370..=0x03FF => Some("Greek"),
        0x0400..=0x052F => Some("Cyrillic"),
        0x0530..=0x058F => Some("Armenian"),
        0xFF00..=0xFFEF => Some("full-width"),
        _ => None,
    };
    // Letters of the scripts look-alikes come from; Unicode's full tables would cost the
    // download more than the word tells.
    let letter = ascii_look_alike(c).is_some_and(|a| a.is_ascii_alphabetic())
        || matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x388..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F | 0x531..=0x556 | 0x561..=0x587);
    let kind = if letter { "letter" } else { "character" };
    let look_alike = ascii_look_alike(c)
        .map(|a| format!(", which looks like \u{201C}{a}\u{201D}"))
        .unwrap_or_default();
    match script {
        Some(script) => format!("the {script} {kind} \u{201C}{c}\u{201D} ({code}){look_alike}"),
        None => format!("the {kind} \u{201C}{c}\u{201D} ({code}){look_alike}"),
    }
}

/// Formatting, variation-selecting, tag and private-use characters: a message quoting
/// one would show nothing.
fn shows_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{2061}'..='\u{206F}'
            | '\u{E000}'..='\u{F8FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E01EF}'
            | '\u{F0000}'..
    )
}

/// Right-to-left and other directional formatting characters.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The ASCII letter a common look-alike character imitates.
pub fn ascii_look_alike(c: char) -> Option<char> {
    let code = c as u32;
    if (0xFF01..=0xFF5E).contains(&code) {
        return char::from_u32(code - 0xFEE0).map(|a| a.to_ascii_lowercase());
    }
    let a = match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' => 'e',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ı' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'ӏ' => 'l',
        'М' | 'Μ' => 'm',
        'п' | 'ո' | 'Ν' | 'η' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'օ' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ѡ' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    };
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_look_alike_characters() {
        assert!(describe_char('а').contains("Cyrillic"));
        assert!(describe_char('а').contains("U+0430"));
        assert!(describe_char('а').contains("looks like \u{201C}a\u{201D}"));
        assert!(describe_char('Ａ').contains("full-width"));
        assert!(describe_char('\u{202E}').contains("U+202E"));
        assert!(!describe_char('\u{202E}').contains('\u{202E}'));
    }

    #[test]
    fn names_characters_in_words() {
        let cases: &[(char, &str)] = &[
            (' ', "a space"),
            ('\t', "a tab"),
            ('\n', "a line break"),
            ('\r', "a line break"),
            ('\u{A0}', "a no-break space (U+00A0)"),
            ('\u{202F}', "a narrow no-break space (U+202F)"),
            ('\u{2009}', "a thin space (U+2009)"),
            ('\u{3000}', "an ideographic space (U+3000)"),
            ('\u{200B}', "a zero-width space (U+200B)"),
            ('\u{200C}', "a zero-width non-joiner (U+200C)"),
            ('\u{200D}', "a zero-width joiner (U+200D)"),
            ('\u{2060}', "a word joiner (U+2060)"),
            ('\u{FEFF}', "an invisible byte order mark (U+FEFF)"),
            ('\u{AD}', "a soft hyphen (U+00AD)"),
            ('\u{200F}', "a right-to-left mark (U+200F)"),
            ('\u{200E}', "a left-to-right mark (U+200E)"),
            ('\u{202E}', "a right-to-left direction mark (U+202E)"),
            ('\u{2066}', "a left-to-right direction mark (U+2066)"),
            ('\u{2013}', "an en dash (\u{2013})"),
            ('\u{2014}', "an em dash (\u{2014})"),
            ('\u{2011}', "a typographic hyphen (\u{2010})"),
            ('\u{2212}', "a minus sign (\u{2212})"),
            ('\u{2019}', "a curly quote (\u{2019})"),
            ('\u{201C}', "a curly quote (\u{201C})"),
            ('\u{2026}', "an ellipsis (\u{2026})"),
            ('\u{2022}', "a bullet (\u{2022})"),
            ('"', "a straight quote (\")"),
            ('<', "an angle bracket"),
            ('!', "an exclamation mark (!)"),
            ('|', "a vertical bar (|)"),
            ('~', "a tilde (~)"),
            ('\u{7}', "a control character (U+0007)"),
            ('\u{2064}', "an invisible character (U+2064)"),
            ('é', "the letter \u{201C}é\u{201D} (U+00E9)"),
            (
                'а',
                "the Cyrillic letter \u{201C}а\u{201D} (U+0430), which looks like \u{201C}a\u{201D}",
            ),
            (
                'ο',
                "the Greek letter \u{201C}ο\u{201D} (U+03BF), which looks like \u{201C}o\u{201D}",
            ),
            ('☃', "the character \u{201C}☃\u{201D} (U+2603)"),
        ];
        for (c, expected) in cases {
            assert_eq!(describe_char(*c), *expected, "{c:?}");
        }
        // No message ever names a character by its code alone.
        for c in [
            '\u{0}',
            ' ',
            '\u{A0}',
            '\u{2028}',
            '\u{E000}',
            '\u{10FFFF}',
            '\u{E0041}',
        ] {
            let described = describe_char(c);
            assert!(
                !described.contains(&format!("\u{201C}{c}\u{201D}"))
                    && !described.starts_with("the character ("),
                "{c:?}: {described}"
            );
        }
        assert_eq!(
            removed_names(&['\t', '\u{200B}', '\t', '\n', '\r']),
            ["a tab", "a zero-width space (U+200B)", "a line break"]
        );
    }
}

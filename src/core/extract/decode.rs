//! Undoing what e-mail, web pages and URL parameters do to a pasted address: HTML
//! entities, `%XX` escapes (once or several times) and `+` for a space.

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
        ("&#61;", "="),
        ("&#x3d;", "="),
        ("&nbsp;", "\u{A0}"),
        ("&#160;", "\u{A0}"),
        ("&shy;", "\u{AD}"),
        ("&#8203;", "\u{200B}"),
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
    if !text.contains('%') {
        return text.to_owned();
    }
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

/// Decodes a query value (`+` is a space) until it no longer changes, at most three
/// times; returns the result and how many decodings it took.
pub fn decode_repeatedly(value: &str) -> (String, u8) {
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

/// The value of query parameter `key` (any case) in `url`, as written (still encoded).
pub fn query_parameter<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        name.eq_ignore_ascii_case(key).then_some(value)
    })
}

//! How the widget sets text, decided without a browser: where a long address may break,
//! alone or inside a sentence.

/// Splits an address into the pieces between its break points: a line may break only
/// after `/`, `.` or `-`, never inside a word, so a reader copying by eye adds no space.
pub fn uri_segments(text: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '/' | '.' | '-') {
            segments.push(&text[start..i + 1]);
            start = i + 1;
        }
    }
    if start < text.len() {
        segments.push(&text[start..]);
    }
    segments
}

/// A piece of a sentence: words, or an address inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Words(&'a str),
    Address(&'a str),
}

/// Splits a sentence into words and the addresses inside it (`https://…`, `http://…`, up
/// to the next space), so that an address breaks only where [`uri_segments`] allows and
/// the words around it wrap as words. A full stop or closing bracket that ends the
/// sentence is not part of the address.
pub fn prose_pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let tail = &rest[start..];
        let word = &tail[..tail.find(char::is_whitespace).unwrap_or(tail.len())];
        // Never empty: the scheme ends with a slash, which is not trimmed.
        let end = word
            .trim_end_matches(['.', ',', ';', ':', ')', '\u{201D}', '"'])
            .len();
        if start > 0 {
            pieces.push(Piece::Words(&rest[..start]));
        }
        pieces.push(Piece::Address(&tail[..end]));
        rest = &tail[end..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Words(rest));
    }
    pieces
}

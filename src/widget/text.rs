//! How the widget sets text, decided without a browser: where a long address may break.

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

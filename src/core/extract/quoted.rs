//! A reply's own text and the history it quotes. A confirmation pasted with the thread
//! below it (`>`-quoted lines, or everything after "-----Original Message-----", "On …
//! wrote:", a forwarded-message header) also carries the request it answers: the
//! addresses asked for are not the addresses confirmed.

/// Whether a line (trimmed) opens the quoted history: a reply or forward separator.
fn is_separator(line: &str, earlier_text: bool) -> bool {
    let lower = line.to_ascii_lowercase();
    let dashes = lower.trim_matches(['-', ' ']);
    (lower.starts_with("--") || lower.starts_with("__"))
        && (dashes.starts_with("original message") || dashes.starts_with("forwarded message"))
        || lower.starts_with("begin forwarded message")
        // Outlook puts a rule of underscores above the quoted header.
        || (lower.len() >= 10 && lower.chars().all(|c| c == '_'))
        || (lower.ends_with("wrote:") || lower.ends_with("a écrit :") || lower.ends_with("schrieb:"))
        // A header block after the reply's own text ("From: … Sent: …"); at the very
        // top it is the pasted message's own header.
        || (earlier_text && lower.starts_with("from:"))
}

fn is_header(lower: &str) -> bool {
    ["from:", "sent:", "to:", "cc:", "subject:", "date:"]
        .iter()
        .any(|h| lower.starts_with(h))
}

/// The reply's own text and the quoted history, or `None` when nothing is quoted.
pub fn split_quoted(text: &str) -> Option<(String, String)> {
    let mut own = String::new();
    let mut quoted = String::new();
    let mut earlier_text = false;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with('>') {
            quoted.push_str(trimmed.trim_start_matches(['>', ' ']));
            quoted.push('\n');
            continue;
        }
        if is_separator(trimmed, earlier_text) {
            quoted.push_str(trimmed);
            quoted.push('\n');
            for rest in lines.by_ref() {
                quoted.push_str(rest.trim_start().trim_start_matches(['>', ' ']));
                quoted.push('\n');
            }
            break;
        }
        if !trimmed.is_empty() && !is_header(&trimmed.to_ascii_lowercase()) {
            earlier_text = true;
        }
        own.push_str(line);
        own.push('\n');
    }
    (!quoted.is_empty()).then_some((own, quoted))
}

/// Whether quoted text reads as an earlier confirmation ("we have registered …") rather
/// than the request being answered ("please register …").
pub fn reads_as_confirmation(quoted: &str) -> bool {
    let lower = quoted.to_ascii_lowercase();
    let asks = [
        "please",
        "request",
        "could you",
        "can you",
        "would you",
        "kindly",
        "need",
        "to be registered",
        "to be added",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let confirms = ["registered", "added", "confirm"]
        .iter()
        .any(|w| lower.contains(w));
    confirms && !asks
}

#[cfg(test)]
mod tests {
    use super::split_quoted;

    #[test]
    fn separates_the_quoted_history() {
        let (own, quoted) = split_quoted(
            "Done:\nhttps://a.example/x\n\nOn Mon, Sam wrote:\n> https://b.example/x\n",
        )
        .unwrap();
        assert_eq!(own, "Done:\nhttps://a.example/x\n\n");
        assert_eq!(quoted, "On Mon, Sam wrote:\nhttps://b.example/x\n");
        assert_eq!(
            split_quoted("From: iManage\nSent: today\n\nhttps://a.example/x"),
            None
        );
        let (own, _) =
            split_quoted("Done.\n\nFrom: Support\nSent: Monday\nhttps://b.example/x").unwrap();
        assert_eq!(own, "Done.\n\n");
    }
}

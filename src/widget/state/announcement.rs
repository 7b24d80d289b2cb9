//! What the status region says after a paste into a row: how many rows it filled, and
//! what it left out (lines with no address, other services' addresses, a signature's).

use crate::core::text::join_words;

use super::MAX_ROWS;

/// What an action said for the status region; `seq` tells two equal ones apart, so the
/// second is announced too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// A list of `pasted` addresses filled `added` rows.
    pub added: u32,
    pub pasted: u32,
    /// How many lines of the paste held no address and were left out.
    pub left_out: u32,
    /// The first few of them, shortened for quoting.
    pub left_out_quotes: Vec<String>,
    /// The domains of other services' addresses left out (`linkedin.com`), each once.
    pub other_services: Vec<String>,
    /// The addresses of a signature left out (the firm's website), each once.
    pub signature: Vec<String>,
    pub seq: u32,
}

impl Announcement {
    /// The sentences the status region reads.
    pub fn text(&self) -> String {
        let Announcement { added, pasted, .. } = *self;
        let mut text = if added < pasted {
            format!("Only the first {added} of {pasted} pasted addresses were added: a form holds at most {MAX_ROWS} environments.")
        } else if pasted == 0 && self.other_services.len() + self.signature.len() > 0 {
            "No Clio Operate environment's address was found in the pasted text, so no environment was added.".to_owned()
        } else if pasted == 0 {
            "No web address was found in the pasted text, so no environment was added.".to_owned()
        } else if pasted == 1 {
            "1 environment added from the pasted text. Check its role.".to_owned()
        } else {
            format!("{pasted} environments added from the pasted list. Check the role of each.")
        };
        if let Some(left_out) = self.left_out_text() {
            text.push(' ');
            text.push_str(&left_out);
        }
        text
    }

    /// The sentences about what the paste left out, also shown under the rows: "2 lines
    /// without an address were left out: “Hi Sam” and “Thanks”. 1 address of another
    /// service was left out: linkedin.com."
    pub fn left_out_text(&self) -> Option<String> {
        let sentences: Vec<String> = [
            self.prose_text(),
            named_text(
                &self.other_services,
                "address of another service was",
                "addresses of other services were",
            ),
            named_text(
                &self.signature,
                "address in a signature was",
                "addresses in a signature were",
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }

    fn prose_text(&self) -> Option<String> {
        if self.left_out == 0 {
            return None;
        }
        let quotes: Vec<String> = self
            .left_out_quotes
            .iter()
            .map(|q| format!("\u{201C}{q}\u{201D}"))
            .collect();
        let (lines, were) = if self.left_out == 1 {
            ("line", "was")
        } else {
            ("lines", "were")
        };
        let named = if quotes.len() < self.left_out as usize {
            format!(", such as {}", join_words(&quotes))
        } else {
            format!(": {}", join_words(&quotes))
        };
        Some(format!(
            "{} {lines} without an address {were} left out{named}.",
            self.left_out
        ))
    }
}

/// "1 address of another service was left out: linkedin.com." Every one is named.
fn named_text(names: &[String], one: &str, several: &str) -> Option<String> {
    let what = match names.len() {
        0 => return None,
        1 => one,
        _ => several,
    };
    Some(format!(
        "{} {what} left out: {}.",
        names.len(),
        join_words(names)
    ))
}

//! The date a pasted confirmation carries in its own header (`Sent:`, `Date:`), so that a
//! confirmation of an earlier request is not read as the answer to this one.

use super::MONTHS;
use crate::core::timestamp::Timestamp;

/// The start (UTC) of the day named in the header of the message holding the addresses:
/// a `Sent:` or `Date:` line before the first address. `None` when there is none, or it
/// cannot be read for certain (numeric dates such as 02/10/2026 are ambiguous).
pub(super) fn confirmation_day(text: &str) -> Option<Timestamp> {
    let lower = text.to_ascii_lowercase();
    let first_address = ["http", "externalservices"]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()
        .unwrap_or(lower.len());
    lower[..first_address]
        .lines()
        .map(|line| line.trim_start_matches(['>', ' ', '\t', '*']))
        .find_map(|line| {
            let value = line
                .strip_prefix("sent:")
                .or_else(|| line.strip_prefix("date:"))?;
            read_day(value)
        })
}

/// `Friday, 2 October 2026 11:02`, `Monday, November 23, 2026 10:02 AM`,
/// `Tue, 24 Nov 2026 16:02:00 +0000` or `2026-10-02 11:02`.
fn read_day(value: &str) -> Option<Timestamp> {
    let words: Vec<&str> = value
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(iso) = words
        .iter()
        .find(|w| w.len() == 10 && w.as_bytes()[4] == b'-')
    {
        let mut text = (*iso).to_owned();
        text.push_str("T00:00Z");
        return Timestamp::parse_iso(&text);
    }
    let month = words.iter().find_map(|w| {
        let w = w.get(..3)?;
        MONTHS.iter().position(|m| m[..3].eq_ignore_ascii_case(w))
    })? + 1;
    let number = |range: std::ops::RangeInclusive<u32>, len: usize| {
        words
            .iter()
            .filter(|w| w.len() <= len && w.bytes().all(|b| b.is_ascii_digit()))
            .filter_map(|w| w.parse::<u32>().ok())
            .find(|n| range.contains(n))
    };
    let year = number(1990..=2100, 4)?;
    let day = number(1..=31, 2)?;
    let mut text = year.to_string();
    for part in [month as u32, day] {
        text.push('-');
        if part < 10 {
            text.push('0');
        }
        text.push_str(&part.to_string());
    }
    text.push_str("T00:00Z");
    Timestamp::parse_iso(&text)
}

#[cfg(test)]
mod tests {
    use super::confirmation_day;

    #[test]
    fn reads_the_header_date_before_the_addresses() {
        let day = |t: &str| confirmation_day(t).map(|d| d.to_iso()[..10].to_owned());
        assert_eq!(
            day("From: a\nSent: Friday, 2 October 2026 11:02\n\nRegistered: https://a.example/x"),
            Some("2026-10-02".into())
        );
        assert_eq!(
            day("Sent: Monday, November 23, 2026 10:02 AM\nhttps://a.example/x"),
            Some("2026-11-23".into())
        );
        assert_eq!(
            day("Date: Tue, 24 Nov 2026 16:02:00 +0000\nhttps://a.example/x"),
            Some("2026-11-24".into())
        );
        assert_eq!(
            day("Date: 2026-10-02 11:02\nhttps://a.example/x"),
            Some("2026-10-02".into())
        );
        // After the addresses: a quoted message's header, not the confirmation's.
        assert_eq!(
            day("https://a.example/x\nSent: Friday, 2 October 2026"),
            None
        );
        assert_eq!(day("Sent: 02/10/2026\nhttps://a.example/x"), None);
    }
}

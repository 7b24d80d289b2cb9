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
/// `Tue, 24 Nov 2026 16:02:00 +0000` or `2026-10-02 11:02`: with a month name, the day
/// is the number before the year; without one, month and day follow the year.
fn read_day(value: &str) -> Option<Timestamp> {
    let (mut year, mut month, mut day) = (None, None, None);
    let mut after = [None, None];
    for word in value.split(|c: char| !c.is_ascii_alphanumeric()) {
        let b = word.as_bytes();
        if b.is_empty() {
            continue;
        }
        if b.len() <= 4 && b.iter().all(u8::is_ascii_digit) {
            let n = b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0'));
            if b.len() == 4 {
                year.get_or_insert(n);
            } else if year.is_none() {
                day = Some(n);
            } else if let Some(slot) = after.iter_mut().find(|s| s.is_none()) {
                *slot = Some(n);
            }
        } else if month.is_none() && b.len() >= 3 {
            month = MONTHS
                .iter()
                .position(|m| m.as_bytes()[..3].eq_ignore_ascii_case(&b[..3]))
                .map(|i| i as i64 + 1);
        }
    }
    let (month, day) = match month {
        Some(month) => (month, day?),
        None => (after[0]?, after[1]?),
    };
    Timestamp::from_date(year?, month, day)
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

//! Points in time supplied by the caller (the core never reads a clock), read from and
//! written as ISO 8601 in UTC.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Milliseconds since 1970-01-01T00:00:00Z. Serialised as `2026-11-28T10:30:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

const MS_PER_DAY: i64 = 86_400_000;

impl Timestamp {
    pub fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    /// The start (UTC) of a calendar day; `None` for a date that does not exist.
    pub fn from_date(year: i64, month: i64, day: i64) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then(|| Timestamp(days_from_civil(year, month, day) * MS_PER_DAY))
    }

    /// Reads `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let text = text.trim();
        let b = text.as_bytes();
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let s = text.get(range)?;
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())?
        };
        if b.len() < 16
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
        {
            return None;
        }
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute) = (num(11..13)?, num(14..16)?);
        let mut i = 16;
        let mut second = 0;
        let mut millis = 0;
        if b.get(i) == Some(&b':') {
            second = num(i + 1..i + 3)?;
            i += 3;
            if b.get(i) == Some(&b'.') {
                let digits = text[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                let frac = &text[i + 1..i + 1 + digits.min(3)];
                millis = frac.parse::<i64>().ok()? * 10_i64.pow(3 - frac.len() as u32);
                i += 1 + digits;
            }
        }
        let offset_minutes = match &text[i..] {
            "Z" | "z" => 0,
            zone if zone.len() == 6
                && matches!(zone.as_bytes()[0], b'+' | b'-')
                && zone.as_bytes()[3] == b':' =>
            {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                sign * (num(i + 1..i + 3)? * 60 + num(i + 4..i + 6)?)
            }
            _ => return None,
        };
        if !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let ms = days * MS_PER_DAY
            + ((hour * 60 + minute - offset_minutes) * 60 + second) * 1000
            + millis;
        Some(Timestamp(ms))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    pub fn to_iso(self) -> String {
        let days = self.0.div_euclid(MS_PER_DAY);
        let ms_of_day = self.0.rem_euclid(MS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let seconds = ms_of_day / 1000;
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a date and time such as 2026-11-28T10:30:00Z, found {text:?}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_iso_8601() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
            (
                "2026-11-28T10:30:00Z",
                1_795_861_800_000,
                "2026-11-28T10:30:00Z",
            ),
            (
                "2026-11-28T10:30Z",
                1_795_861_800_000,
                "2026-11-28T10:30:00Z",
            ),
            (
                "2026-11-28T11:30:00+01:00",
                1_795_861_800_000,
                "2026-11-28T10:30:00Z",
            ),
            (
                "2026-11-28T05:30:00.250-05:00",
                1_795_861_800_250,
                "2026-11-28T10:30:00Z",
            ),
            (
                "2024-02-29T23:59:59Z",
                1_709_251_199_000,
                "2024-02-29T23:59:59Z",
            ),
            ("1969-12-31T23:59:59Z", -1000, "1969-12-31T23:59:59Z"),
        ];
        for (text, ms, back) in cases {
            let t = Timestamp::parse_iso(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(t.millis(), ms, "{text}");
            assert_eq!(t.to_iso(), back, "{text}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-28",
            "2026-11-28T24:00:00Z",
            "2026-11-28T10:30:00",
            "2026-11-28T10:30:00.Z",
            "２０２６-11-28T10:30:00Z",
        ] {
            assert_eq!(Timestamp::parse_iso(text), None, "{text:?}");
        }
    }
}

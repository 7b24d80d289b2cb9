//! DNS syntax for host names, which the URL parser does not check.

use super::subject;
use crate::core::finding::{Field, Finding, FindingCode};
use crate::core::text::describe_char;

/// The longest host name DNS allows.
pub const MAX_HOST_LENGTH: usize = 253;
const MAX_LABEL_LENGTH: usize = 63;

/// Checks DNS syntax, which the URL parser does not: labels of 1–63 characters from
/// `[a-z0-9-]` (underscore tolerated, reported separately), no hyphen at either end, at
/// least two labels, at most 253 characters, no punycode, no `localhost`.
pub fn check_dns_host(host: &str, field: Field) -> Option<Finding> {
    let what = subject(field);
    let example = "Enter an address such as https://yourfirm.example.com.";
    if host == "localhost" || host.ends_with(".localhost") {
        return Some(Finding::error(
            FindingCode::Localhost,
            field,
            format!("{what} points to localhost, which is your own computer."),
            example,
        ));
    }
    if host.len() > MAX_HOST_LENGTH {
        return Some(Finding::error(
            FindingCode::HostTooLong,
            field,
            format!(
                "{what} has a host name of {} characters; the most a host name can have is {MAX_HOST_LENGTH}.",
                host.len()
            ),
            "Check that only one address was pasted.",
        ));
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Some(Finding::error(
                FindingCode::InvalidHostLabel,
                field,
                format!("{what} has two dots in a row, or a dot at the start, in the host name."),
                example,
            ));
        }
        if label.len() > MAX_LABEL_LENGTH {
            return Some(Finding::error(
                FindingCode::InvalidHostLabel,
                field,
                format!(
                    "{what} has a part of the host name with {} characters; the most is {MAX_LABEL_LENGTH}.",
                    label.len()
                ),
                example,
            ));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_')))
        {
            return Some(Finding::error(
                FindingCode::InvalidHostLabel,
                field,
                format!(
                    "{what} contains {} in the host name, which host names cannot contain.",
                    describe_char(c)
                ),
                example,
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(Finding::error(
                FindingCode::InvalidHostLabel,
                field,
                format!("{what} has a part of the host name that starts or ends with a hyphen (\u{201C}{label}\u{201D})."),
                example,
            ));
        }
        if label.starts_with("xn--") {
            return Some(Finding::error(
                FindingCode::PunycodeHost,
                field,
                format!("{what} has an encoded international name (\u{201C}{label}\u{201D}) in the host; it may imitate another address."),
                "Type the address again by hand, using only plain letters, digits and hyphens.",
            ));
        }
    }
    if labels.len() < 2 {
        return Some(Finding::error(
            FindingCode::SingleLabelHost,
            field,
            format!("{what} has a host name with no dot (\u{201C}{host}\u{201D}), so it is not a full address."),
            example,
        ));
    }
    None
}

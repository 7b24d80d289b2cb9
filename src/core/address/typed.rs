//! The raw shape of an address as typed, found before the URL parser sees it: the
//! scheme with or without its slashes, the authority, the host and port. The parser
//! would normalise these away (`acme.com:8443` even parses as the scheme `acme.com`).

/// The scheme as typed, found without the URL parser (which would take `acme.com:8443`
/// as the scheme `acme.com`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TypedScheme<'a> {
    /// `name://` — the normal case.
    WithSlashes(&'a str),
    /// `https:acme.com` — the parser accepts it; a typo worth telling.
    WithoutSlashes(&'a str),
    None,
}

pub(super) fn typed_scheme(text: &str) -> (TypedScheme<'_>, &str) {
    let is_scheme = |s: &str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    };
    let Some(colon) = text.find(':') else {
        return (TypedScheme::None, text);
    };
    let (name, rest) = (&text[..colon], &text[colon + 1..]);
    if !is_scheme(name) {
        return (TypedScheme::None, text);
    }
    if let Some(after) = rest
        .strip_prefix("//")
        .or_else(|| rest.strip_prefix("\\\\"))
    {
        return (TypedScheme::WithSlashes(name), after);
    }
    // `acme.com:8443/x` is a host and port, not a scheme.
    let port_like = rest
        .split(['/', '\\', '?', '#'])
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if port_like {
        return (TypedScheme::None, text);
    }
    if name.contains('.') && !name.eq_ignore_ascii_case("mailto") {
        return (TypedScheme::None, text);
    }
    (
        TypedScheme::WithoutSlashes(name),
        rest.trim_start_matches(['/', '\\']),
    )
}

/// The authority part as typed (`user@host:port`), up to the first path, query or
/// fragment delimiter. Backslashes end it too, as they do in the parser.
pub(super) fn typed_authority(after_scheme: &str) -> &str {
    // For http and https the parser skips any number of slashes before the host.
    let after_scheme = after_scheme.trim_start_matches(['/', '\\']);
    let end = after_scheme
        .find(['/', '\\', '?', '#'])
        .unwrap_or(after_scheme.len());
    &after_scheme[..end]
}

/// Splits `host:port` as typed. IPv6 literals keep their brackets.
pub(super) fn split_host_port(host_port: &str) -> (&str, Option<&str>) {
    if host_port.starts_with('[') {
        return match host_port.find(']') {
            Some(end) => {
                let rest = &host_port[end + 1..];
                (&host_port[..=end], rest.strip_prefix(':'))
            }
            None => (host_port, None),
        };
    }
    match host_port.rfind(':') {
        Some(colon) => (&host_port[..colon], Some(&host_port[colon + 1..])),
        None => (host_port, None),
    }
}

//! Link-protection wrappers: mail filters rewrite every link in a message so that a click
//! goes through their service first. The address people meant is inside; the wrapper
//! itself is never a redirect URI.

use super::decode::{percent_decode, query_parameter};

/// The host of `url` in lower case, and the rest after it.
pub(crate) fn host_and_rest(url: &str) -> Option<(String, &str)> {
    let after = &url[url.find("://")? + 3..];
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let host = after[..end].rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    Some((host, &after[end..]))
}

fn looks_like_web_address(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The name given to a service that is not one of the known wrappers.
pub(crate) const UNNAMED: &str = "a link-protection service";

/// The address inside a known wrapper, and the wrapper's name for the message. `None`
/// when `url` is not a wrapper, or one that does not carry the address.
pub fn unwrap(url: &str) -> Option<(String, &'static str)> {
    let (host, rest) = host_and_rest(url)?;
    let path = rest
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let param = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| query_parameter(url, key))
            .map(|v| percent_decode(&v.replace('+', " ")))
            .filter(|v| looks_like_web_address(v))
    };
    let named = |inner: Option<String>, name: &'static str| inner.map(|i| (i, name));
    if host.ends_with("safelinks.protection.outlook.com") {
        return named(param(&["url"]), "Outlook Safe Links");
    }
    if host.starts_with("urldefense.") || host.ends_with(".urldefense.com") {
        if let Some(at) = rest.find("/v3/__") {
            return proofpoint_v3(&rest[at + 6..]).map(|i| (i, "Proofpoint URL Defense"));
        }
        if path.starts_with("/v2/") {
            let inner = query_parameter(url, "u")
                .map(|v| percent_decode(&proofpoint_v2_escapes(v)))
                .filter(|v| looks_like_web_address(v));
            return named(inner, "Proofpoint URL Defense");
        }
        return named(param(&["u"]), "Proofpoint URL Defense");
    }
    let is_google = {
        let bare = host.strip_prefix("www.").unwrap_or(&host);
        bare.starts_with("google.") && path == "/url"
    };
    if is_google {
        return named(param(&["q", "url"]), "Google redirect");
    }
    if host.contains("mimecast") {
        return named(param(&["url", "u", "target"]), "Mimecast");
    }
    if host.ends_with("linkprotect.cudasvc.com") {
        return named(param(&["a"]), "Barracuda Link Protection");
    }
    // Other services (Trend Micro, Symantec, FireEye, …) carry the address in one of a
    // few parameters; an authorisation request is not one of them.
    if query_parameter(url, "redirect_uri").is_none() {
        return named(
            param(&["url", "u", "q", "target", "dest", "destination", "link"]),
            UNNAMED,
        );
    }
    None
}

/// Proofpoint v2 writes `%XX` as `-XX` and `/` as `_`; a `-` not followed by two hex
/// digits is kept as it is.
fn proofpoint_v2_escapes(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        match c {
            '_' => out.push('/'),
            '-' if bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit) =>
            {
                out.push('%')
            }
            other => out.push(other),
        }
    }
    out
}

/// Proofpoint v3: `__<address>__;<replaced characters>!!…`. Characters Proofpoint could
/// not keep are written as `*` and listed, base64url-encoded, after `__;`.
fn proofpoint_v3(after: &str) -> Option<String> {
    let (inner, tail) = match after.find("__;") {
        Some(end) => (&after[..end], &after[end + 3..]),
        None => (after.split("__").next().unwrap_or(after), ""),
    };
    if !looks_like_web_address(inner) {
        return None;
    }
    if !inner.contains('*') {
        return Some(inner.to_owned());
    }
    let token = tail.split('!').next().unwrap_or("");
    let replaced = base64url_decode(token)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default();
    let mut replacements = replaced.chars();
    Some(
        inner
            .chars()
            .map(|c| {
                if c == '*' {
                    replacements.next().unwrap_or('*')
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        })
    };
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &c in text.trim_end_matches('=').as_bytes() {
        buffer = (buffer << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Whether `url` is a wrapper that hides the address entirely (Mimecast's `/s/` links
/// carry only a code), so the reader must copy the link's text instead.
pub fn hides_address(url: &str) -> bool {
    host_and_rest(url).is_some_and(|(host, rest)| {
        host.contains("mimecast") && rest.starts_with("/s/") && unwrap(url).is_none()
    })
}

/// Whether `host` belongs to a wrapper service, whose address is never a registration.
pub fn is_wrapper_host(url: &str) -> bool {
    host_and_rest(url).is_some_and(|(host, _)| {
        host.ends_with("safelinks.protection.outlook.com")
            || host.starts_with("urldefense.")
            || host.contains("mimecast")
            || host.ends_with("linkprotect.cudasvc.com")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64url() {
        assert_eq!(base64url_decode("Lw").unwrap(), b"/");
        assert_eq!(base64url_decode("YWJj").unwrap(), b"abc");
    }

    #[test]
    fn proofpoint_v3_fills_in_replaced_characters() {
        assert_eq!(
            proofpoint_v3("https://a.example/x*y__;Lw!!abc$").as_deref(),
            Some("https://a.example/x/y")
        );
    }
}

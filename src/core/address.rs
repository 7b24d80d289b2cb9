//! Reading one typed or pasted web address (an environment URL or the iManage URL): the raw
//! signals the URL parser would hide, the WHATWG parse itself, and the checks every https
//! origin must pass. Field-specific rules live in `environment` and `imanage`.

use url::{Host, ParseError, Url};

use super::finding::{Field, Finding, FindingCode, FixAction};
use super::text::{self, describe_char, excerpt, QUOTE_LENGTH};

mod dns;
mod typed;

pub use dns::{check_dns_host, MAX_HOST_LENGTH};
use typed::{split_host_port, typed_authority, typed_scheme, TypedScheme};

/// An address that produced a usable https origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAddress {
    /// Lower-case ASCII host without a trailing dot.
    pub host: String,
    /// The port, only when it is not 443.
    pub port: Option<u16>,
    /// The path as parsed (`/` when none was typed).
    pub path: String,
    /// Query and fragment, with their `?` and `#`, when present.
    pub query_and_fragment: String,
}

impl ReadAddress {
    /// `https://host[:port]`.
    pub fn origin(&self) -> String {
        match self.port {
            Some(port) => format!("https://{}:{port}", self.host),
            None => format!("https://{}", self.host),
        }
    }

    /// The address written out in full with its path, as the reader might retype it.
    pub fn rewritten(&self) -> String {
        let path = if self.path == "/" { "" } else { &self.path };
        format!("{}{path}{}", self.origin(), self.query_and_fragment)
    }

    /// What follows the host (path, query, fragment), shortened for quoting in a message.
    pub fn extra_excerpt(&self) -> String {
        let path = if self.path == "/" { "" } else { &self.path };
        excerpt(&format!("{path}{}", self.query_and_fragment), QUOTE_LENGTH)
    }

    /// Whether anything beyond the origin was typed.
    pub fn has_extra(&self) -> bool {
        self.path != "/" || !self.query_and_fragment.is_empty()
    }
}

/// What was read, and everything noticed on the way. `address` is `None` when an error
/// means no trustworthy origin exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub cleaned: String,
    pub address: Option<ReadAddress>,
    pub findings: Vec<Finding>,
}

/// Words for a field in a sentence, in its label's words: an environment's field is
/// labelled "Address".
pub(crate) fn subject(field: Field) -> &'static str {
    match field {
        Field::ImanageUrl => "The iManage URL",
        _ => "The address",
    }
}

/// Reads one address for `field`. Nothing here knows which hosts are right for the
/// field; it only guarantees that a returned address is a plain https origin with a
/// syntactically valid DNS host.
pub fn read_address(raw: &str, field: Field) -> Reading {
    let cleaned = text::clean(raw);
    let mut findings = Vec::new();
    let what = subject(field);
    let text = cleaned.text.as_str();

    if !cleaned.removed.is_empty() {
        findings.push(
            Finding::warning(
                FindingCode::InvisibleCharactersRemoved,
                field,
                text::removed_sentence(what, &cleaned.removed),
                format!(
                    "Check that {} is the address you meant.",
                    excerpt(text, QUOTE_LENGTH)
                ),
            )
            .with_action(FixAction::ReplaceText {
                label: "Use the cleaned address".into(),
                text: text.to_owned(),
            }),
        );
    }

    let finish = |findings: Vec<Finding>, address: Option<ReadAddress>| Reading {
        cleaned: cleaned.text.clone(),
        address,
        findings,
    };

    let (scheme, after_scheme) = typed_scheme(text);
    let authority = typed_authority(after_scheme);

    // An e-mail address pasted by mistake: never prepend https:// (that would make the
    // part before the @ a user name and the domain the host).
    let is_mailto = matches!(scheme, TypedScheme::WithoutSlashes(s) | TypedScheme::WithSlashes(s) if s.eq_ignore_ascii_case("mailto"));
    if is_mailto || (scheme == TypedScheme::None && authority.contains('@')) {
        findings.push(Finding::error(
            FindingCode::EmailAddress,
            field,
            format!("{what} looks like an e-mail address, not a web address."),
            "Enter the address you open in the browser, such as https://yourfirm.example.com.",
        ));
        return finish(findings, None);
    }

    let scheme_name = match scheme {
        TypedScheme::WithSlashes(name) => Some(name),
        TypedScheme::WithoutSlashes(name) => {
            if name.eq_ignore_ascii_case("http") || name.eq_ignore_ascii_case("https") {
                findings.push(Finding::warning(
                    FindingCode::SchemeWithoutSlashes,
                    field,
                    format!("{what} has {name}: without the // that should follow it."),
                    format!(
                        "Check the address; it was read as {name}://{}.",
                        excerpt(after_scheme, QUOTE_LENGTH)
                    ),
                ));
            }
            Some(name)
        }
        TypedScheme::None => None,
    };
    let scheme_lower = scheme_name.map(str::to_ascii_lowercase);
    match scheme_lower.as_deref() {
        None => findings.push(Finding::info(
            FindingCode::SchemeAssumed,
            field,
            format!("{what} has no https:// at the start, so it was added."),
            "Nothing to do, unless the address is not a web address.",
        )),
        Some("https") | Some("http") => {}
        Some(other) => {
            findings.push(Finding::error(
                FindingCode::UnsupportedScheme,
                field,
                format!(
                    "{what} starts with {}:, which is not a web address.",
                    excerpt(other, 20)
                ),
                "Enter an address that starts with https://.",
            ));
            return finish(findings, None);
        }
    }

    // Signals read before parsing, because the parser hides them.
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    if userinfo.is_some() {
        findings.push(Finding::error(
            FindingCode::Userinfo,
            field,
            format!(
                "{what} has an @ in it, so a browser would go to {}, not to the part before the @.",
                if host_port.is_empty() {
                    "what follows it".to_owned()
                } else {
                    excerpt(host_port, QUOTE_LENGTH)
                }
            ),
            "Enter only the web address, without any name or @ before the host.",
        ));
        return finish(findings, None);
    }
    let (typed_host, typed_port) = split_host_port(host_port);
    if let Some(c) = typed_host.chars().find(|c| !c.is_ascii()) {
        findings.push(Finding::error(
            FindingCode::NonAsciiHost,
            field,
            format!(
                "{what} contains {} in the host name; real host names here use only plain letters, digits and hyphens.",
                describe_char(c)
            ),
            "Type the address again by hand instead of pasting it.",
        ));
        return finish(findings, None);
    }
    if typed_host.contains('%') {
        findings.push(Finding::error(
            FindingCode::PercentInHost,
            field,
            format!("{what} has percent-encoded characters (%) in the host name."),
            "Type the host name as plain text, without % codes.",
        ));
        return finish(findings, None);
    }
    if typed_host.contains('*') {
        findings.push(Finding::error(
            FindingCode::Wildcard,
            field,
            format!("{what} has a * wildcard in the host name; each address must be registered in full."),
            "Enter each environment's full address, such as https://yourfirm.example.com.",
        ));
        return finish(findings, None);
    }
    if after_scheme.contains('\\') || text.contains('\\') {
        findings.push(Finding::warning(
            FindingCode::Backslash,
            field,
            format!("{what} contains backslashes (\\), which browsers read as forward slashes."),
            "Check the address and use forward slashes (/).",
        ));
    }

    let to_parse = if scheme_name.is_some() {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let url = match Url::parse(&to_parse) {
        Ok(url) => url,
        Err(error) => {
            findings.push(parse_error_finding(error, field, typed_host, typed_port));
            return finish(findings, None);
        }
    };

    if scheme_lower.as_deref() == Some("http") {
        findings.push(Finding::warning(
            FindingCode::HttpUpgraded,
            field,
            format!("{what} starts with http://; the address to use starts with https://."),
            match field {
                // The redirect URI is built from an environment's address, so http there
                // is the mismatch the article names; the iManage URL has nothing to do
                // with the redirect URI.
                Field::Environment => "Use https://. An http address is a common reason for an invalid_redirect_uri error.",
                _ => "Use https://; iManage Cloud is reached over https only.",
            },
        ));
    }

    if !url.username().is_empty() || url.password().is_some() {
        findings.push(Finding::error(
            FindingCode::Userinfo,
            field,
            format!("{what} has a user name in it, so it does not point to the host it seems to."),
            "Enter only the web address, without any name or @ before the host.",
        ));
        return finish(findings, None);
    }

    let domain = match url.host() {
        Some(Host::Domain(domain)) => domain.to_owned(),
        Some(Host::Ipv4(_)) | Some(Host::Ipv6(_)) => {
            findings.push(Finding::error(
                FindingCode::IpAddress,
                field,
                format!(
                    "{what} is an IP address ({}), not a host name.",
                    url.host_str().unwrap_or_default()
                ),
                "Enter the host name you use in the browser, such as https://yourfirm.example.com.",
            ));
            return finish(findings, None);
        }
        None => {
            findings.push(Finding::error(
                FindingCode::Unparseable,
                field,
                format!("{what} has no host name."),
                "Enter an address such as https://yourfirm.example.com.",
            ));
            return finish(findings, None);
        }
    };

    if typed_host.chars().any(|c| c.is_ascii_uppercase())
        || scheme_name.is_some_and(|s| s.chars().any(|c| c.is_ascii_uppercase()))
    {
        findings.push(Finding::info(
            FindingCode::UppercaseLowered,
            field,
            format!("{what} has capital letters, which were made lower case."),
            "Nothing to do: host names are not case-sensitive, but the address to register is written in lower case.",
        ));
    }

    let mut host = domain;
    if host.ends_with('.') {
        host.pop();
        findings.push(Finding::warning(
            FindingCode::TrailingDotRemoved,
            field,
            format!("{what} ends its host name with a dot, which was removed."),
            "Check the address; a host name with a final dot is a different address.",
        ));
    }

    if let Some(finding) = check_dns_host(&host, field) {
        findings.push(finding);
        return finish(findings, None);
    }
    if host.contains('_') {
        findings.push(Finding::warning(
            FindingCode::UnderscoreInHost,
            field,
            format!("{what} has an underscore (_) in the host name, which host names do not normally allow."),
            "Check the address in the browser's address bar; a hyphen (-) may be meant.",
        ));
    }

    // The parser drops a default port; the typed one tells the reader what happened.
    let port = match url.port() {
        Some(443) | None => None,
        Some(port) => Some(port),
    };
    match typed_port {
        Some(p) if port.is_none() => findings.push(Finding::info(
            FindingCode::DefaultPortRemoved,
            field,
            if p.is_empty() {
                format!("{what} ends its host name with an empty port (:), which was removed.")
            } else {
                format!("{what} has the port :{p}, which is the default and was removed.")
            },
            "Nothing to do.",
        )),
        _ => {}
    }

    let mut query_and_fragment = String::new();
    if let Some(query) = url.query() {
        query_and_fragment.push('?');
        query_and_fragment.push_str(query);
    }
    if let Some(fragment) = url.fragment() {
        query_and_fragment.push('#');
        query_and_fragment.push_str(fragment);
    }
    let address = ReadAddress {
        host,
        port,
        path: url.path().to_owned(),
        query_and_fragment,
    };
    // One-click fixes rewrite the whole entry, so they are known only now.
    for finding in &mut findings {
        let label = match finding.code {
            FindingCode::HttpUpgraded => "Use https",
            FindingCode::TrailingDotRemoved => "Remove the final dot",
            _ => continue,
        };
        finding.action = Some(FixAction::ReplaceText {
            label: label.into(),
            text: address.rewritten(),
        });
    }
    finish(findings, Some(address))
}

fn parse_error_finding(
    error: ParseError,
    field: Field,
    typed_host: &str,
    typed_port: Option<&str>,
) -> Finding {
    let what = subject(field);
    match error {
        ParseError::InvalidPort => Finding::error(
            FindingCode::InvalidPort,
            field,
            format!(
                "{what} has the port \u{201C}{}\u{201D}, which is not a number from 1 to 65535.",
                excerpt(typed_port.unwrap_or_default(), 20)
            ),
            "Remove the port, or correct it.",
        ),
        ParseError::InvalidIpv4Address | ParseError::InvalidIpv6Address => Finding::error(
            FindingCode::IpAddress,
            field,
            format!("{what} looks like an IP address, not a host name."),
            "Enter the host name you use in the browser, such as https://yourfirm.example.com.",
        ),
        ParseError::EmptyHost => Finding::error(
            FindingCode::Unparseable,
            field,
            format!("{what} has no host name."),
            "Enter an address such as https://yourfirm.example.com.",
        ),
        _ => match typed_host
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
        {
            Some(c) => Finding::error(
                FindingCode::InvalidHostLabel,
                field,
                format!(
                    "{what} contains {} in the host name, which host names cannot contain.",
                    describe_char(c)
                ),
                "Enter an address such as https://yourfirm.example.com.",
            ),
            None => Finding::error(
                FindingCode::Unparseable,
                field,
                format!("{what} is not a web address that can be read."),
                "Enter an address such as https://yourfirm.example.com.",
            ),
        },
    }
}

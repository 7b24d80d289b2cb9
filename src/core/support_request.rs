//! The registration request the firm sends Clio Operate Support: plain text, exact redirect
//! URIs on lines of their own, an e-mail link within the length browsers accept, and what
//! still blocks sending it.

use serde::{Deserialize, Serialize};

use super::customer_id::CustomerIdReport;
use super::environment::EnvironmentsReport;
use super::finding::{Field, Finding, Severity};
use super::imanage::ImanageReport;
use super::timestamp::Timestamp;
use super::version::{ConfigPath, VersionReport};

/// The product name used in the request's footer.
pub const PRODUCT_NAME: &str = "iManage Cloud setup helper";

/// Browsers and mail clients fail on `mailto:` links near 2,000 characters (Chrome);
/// longer requests get a short body asking the reader to paste the copied text.
pub const MAILTO_BUDGET: usize = 1_800;

/// Something the request still needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingItem {
    pub field: Field,
    pub message: String,
    /// Required items block sending; the others are recommended.
    pub required: bool,
}

/// An error that blocks sending, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    pub field: Field,
    /// For environment errors, the index of the entry in the report.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entry: Option<usize>,
    pub message: String,
}

/// The support request, always written (as a preview) but only ready to send when
/// nothing is missing and no error remains. Warnings do not block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportRequest {
    pub ready: bool,
    pub missing: Vec<MissingItem>,
    pub blockers: Vec<Blocker>,
    pub subject: String,
    pub body: String,
    /// A `mailto:` link, at most [`MAILTO_BUDGET`] characters.
    pub mailto: String,
    /// True when the link's body only asks the reader to paste the copied text.
    pub mailto_is_short: bool,
    /// A file name for the `.txt` download.
    pub file_name: String,
}

/// The reader's own details for the request, all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact<'a> {
    pub firm_name: &'a str,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    /// The Support address the embedding page configured; there is no default.
    pub support_email: &'a str,
}

/// Everything the request is written from.
pub struct RequestInputs<'a> {
    pub environments: &'a EnvironmentsReport,
    pub imanage: Option<&'a ImanageReport>,
    pub customer_id: Option<&'a CustomerIdReport>,
    pub version: &'a VersionReport,
    pub contact: Contact<'a>,
    pub contact_findings: &'a [Finding],
    pub generated_at: Option<Timestamp>,
    /// The reader's offset from UTC in minutes (east positive): times are written in the
    /// reader's zone, with the zone named.
    pub utc_offset_minutes: i32,
    pub widget_version: &'a str,
}

pub fn write_support_request(inputs: &RequestInputs<'_>) -> SupportRequest {
    let missing = missing_items(inputs);
    let blockers = blockers(inputs);
    let ready = blockers.is_empty() && !missing.iter().any(|m| m.required);
    let customer_id = inputs.customer_id.map(|c| c.value.as_str());
    let subject = match customer_id {
        Some(id) => format!("iManage Cloud registration request \u{2013} Customer ID {id}"),
        None => GENERIC_SUBJECT.to_owned(),
    };
    let body = body(inputs, &missing);
    let (mailto, mailto_is_short) = mailto(inputs.contact.support_email, &subject, &body);
    let date = inputs
        .generated_at
        .map(|t| super::diagnosis::local_date(t, inputs.utc_offset_minutes))
        .unwrap_or_default();
    let file_name = if date.is_empty() {
        "imanage-registration-request.txt".to_owned()
    } else {
        format!("imanage-registration-request-{date}.txt")
    };
    SupportRequest {
        ready,
        missing,
        blockers,
        subject,
        body,
        mailto,
        mailto_is_short,
        file_name,
    }
}

impl SupportRequest {
    /// The request as plain text to send, or, while errors block it, one line per
    /// blocker saying where it is: a blocked request is never handed out.
    pub fn sendable_text(&self) -> Result<String, Vec<String>> {
        if self.blockers.is_empty() {
            return Ok(format!("Subject: {}\n\n{}", self.subject, self.body));
        }
        Err(self
            .blockers
            .iter()
            .map(|blocker| {
                let place = match blocker.entry {
                    Some(entry) => format!("{} (entry {})", blocker.field.label(), entry + 1),
                    None => blocker.field.label().to_owned(),
                };
                format!("{place}: {}", blocker.message)
            })
            .collect())
    }
}

fn missing_items(inputs: &RequestInputs<'_>) -> Vec<MissingItem> {
    let mut missing = Vec::new();
    let mut add = |field, message: &str, required| {
        missing.push(MissingItem {
            field,
            message: message.to_owned(),
            required,
        })
    };
    if inputs.customer_id.is_none() {
        add(Field::CustomerId, "Enter your iManage Customer ID.", true);
    }
    if inputs.environments.registrations.is_empty() && inputs.environments.entries.is_empty() {
        add(
            Field::Environments,
            "Enter the address of at least one Clio Operate environment.",
            true,
        );
    }
    if inputs.imanage.is_none() {
        add(Field::ImanageUrl, "Enter your iManage URL.", true);
    }
    if inputs.version.path == ConfigPath::Undecided && inputs.version.findings.is_empty() {
        add(
            Field::Version,
            "Enter your Clio Operate version, so Support knows whether you need a Client ID and Client Secret.",
            false,
        );
    }
    missing
}

fn blockers(inputs: &RequestInputs<'_>) -> Vec<Blocker> {
    let mut blockers = Vec::new();
    let mut add_errors = |findings: &[Finding], entry: Option<usize>| {
        for finding in findings.iter().filter(|f| f.severity == Severity::Error) {
            blockers.push(Blocker {
                field: finding.field,
                entry,
                message: finding.message.clone(),
            });
        }
    };
    for (index, entry) in inputs.environments.entries.iter().enumerate() {
        add_errors(&entry.findings, Some(index));
        if let Some(version) = &entry.version {
            add_errors(&version.findings, Some(index));
        }
    }
    add_errors(&inputs.environments.findings, None);
    if let Some(imanage) = inputs.imanage {
        add_errors(&imanage.findings, None);
    }
    if let Some(customer_id) = inputs.customer_id {
        add_errors(&customer_id.findings, None);
    }
    add_errors(&inputs.version.findings, None);
    add_errors(inputs.contact_findings, None);
    blockers
}

fn body(inputs: &RequestInputs<'_>, missing: &[MissingItem]) -> String {
    let mut lines: Vec<String> = vec![
        "Hello Clio Operate Support,".into(),
        String::new(),
        "Please ask iManage to register our firm for the Clio Operate iManage Cloud integration."
            .into(),
        String::new(),
    ];
    let contact = &inputs.contact;
    let mut field = |key: &str, value: &str| {
        let value = single_line(value);
        if !value.is_empty() {
            lines.push(format!("{key}: {value}"));
        }
    };
    field("Firm", contact.firm_name);
    field("Contact", contact.contact_name);
    field("Contact e-mail", contact.contact_email);
    field(
        "iManage Customer ID",
        inputs
            .customer_id
            .map_or("(not given yet)", |c| c.value.as_str()),
    );
    let imanage = match inputs.imanage {
        Some(report) => match (&report.url, &report.kind) {
            (Some(url), Some(super::imanage::ImanageKind::Vanity { .. })) => {
                format!("{url} (vanity URL)")
            }
            (Some(url), _) => url.clone(),
            (None, _) => format!("{} (to be checked)", single_line(&report.cleaned)),
        },
        None => "(not given yet)".into(),
    };
    field("iManage URL", &imanage);
    let version = match (&inputs.version.version, inputs.version.path) {
        (Some(v), ConfigPath::Standard) => format!("{v} (7.11.0 or above: standard configuration)"),
        (Some(v), ConfigPath::Hosted) => format!("{v} (below 7.11.0: Hosted iManage workaround)"),
        _ => "(not given yet)".into(),
    };
    field("Clio Operate version", &version);
    lines.push(String::new());

    let registrations = &inputs.environments.registrations;
    let common = inputs.version.path;
    let all_hosted = common == ConfigPath::Hosted
        && registrations
            .iter()
            .all(|r| r.path(common) == ConfigPath::Hosted);
    if all_hosted {
        lines.push(
            "As we are below version 7.11.0, please also send us the Client ID and Client Secret for the Hosted iManage configuration.".into(),
        );
        lines.push(String::new());
    } else if common == ConfigPath::Hosted
        || registrations
            .iter()
            .any(|r| r.path(common) == ConfigPath::Hosted)
    {
        lines.push(
            "As some of our environments are below version 7.11.0, please also send us the Client ID and Client Secret for the Hosted iManage configuration.".into(),
        );
        lines.push(String::new());
    }

    lines.push(format!(
        "Redirect URIs to register ({}), each exactly as written:",
        registrations.len()
    ));
    lines.push(String::new());
    for registration in registrations {
        let role = registration
            .role
            .as_ref()
            .map_or("Environment".to_owned(), |r| single_line(r.label()));
        // An environment on its own version says so, and which path that means.
        match (&registration.own_version, registration.own_path) {
            (Some(version), Some(path)) => lines.push(format!(
                "{role} (version {version}: {})",
                match path {
                    ConfigPath::Standard => "standard configuration",
                    _ => "Hosted iManage workaround",
                }
            )),
            _ => lines.push(role),
        }
        lines.push(registration.redirect_uri.as_str().to_owned());
        lines.push(String::new());
    }
    if registrations.is_empty() {
        lines.push("(none yet)".into());
        lines.push(String::new());
    }

    if !missing.is_empty() {
        lines.push("Still to add before sending:".into());
        for item in missing {
            lines.push(format!("- {}", item.message));
        }
        lines.push(String::new());
    }

    lines.push("Thank you.".into());
    lines.push(String::new());
    // The stamp is UTC in ISO 8601, which every reader can compare; the sender's own
    // time follows it for people.
    let stamp = inputs
        .generated_at
        .map(|t| {
            let at = super::diagnosis::format_date_time(t, inputs.utc_offset_minutes);
            format!(" at {}, that is {at},", t.to_iso())
        })
        .unwrap_or_default();
    lines.push(format!(
        "Written{stamp} with the {PRODUCT_NAME} {}.",
        inputs.widget_version
    ));
    lines.join("\n")
}

/// Keeps a free-text field on one line so it cannot forge other `Key: value` lines.
fn single_line(text: &str) -> String {
    text.split(|c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Percent-encodes everything but RFC 3986 unreserved characters; line breaks become CRLF
/// as RFC 6068 asks.
pub fn encode_mailto_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.replace("\r\n", "\n").chars() {
        if c == '\n' {
            out.push_str("%0D%0A");
            continue;
        }
        let mut buf = [0u8; 4];
        for &byte in c.encode_utf8(&mut buf).as_bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(byte as char);
            } else {
                out.push('%');
                out.push(
                    char::from_digit(u32::from(byte >> 4), 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
                out.push(
                    char::from_digit(u32::from(byte & 0xF), 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
            }
        }
    }
    out
}

/// A plausible e-mail address: one @, something either side, a dot in the domain, no spaces.
pub fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '?' | '&' | '#' | ',' | ';')
        })
        && !domain.contains('@')
}

/// The Support address the embedding page gave, as the e-mail links use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportRecipient<'a> {
    /// None given: the reader's mail program asks for one.
    Unset,
    /// A plain address; the links go to it.
    Address(&'a str),
    /// Given but not a plain e-mail address (a list, a query, a `mailto:` link, encoded
    /// characters): the links carry no recipient, and the widget says the address was
    /// refused rather than showing it as the recipient.
    Refused(&'a str),
}

/// Decides whether the page's Support address can be a `mailto:` recipient as it is.
/// Nothing is repaired: a value that would need changing is refused, and shown as such.
pub fn support_recipient(text: &str) -> SupportRecipient<'_> {
    let text = text.trim();
    if text.is_empty() {
        SupportRecipient::Unset
    } else if looks_like_email(text)
        && !text.contains(['%', ':', '/', '\\', '"', '\'', '(', ')', '[', ']'])
    {
        SupportRecipient::Address(text)
    } else {
        SupportRecipient::Refused(text)
    }
}

const GENERIC_SUBJECT: &str = "iManage Cloud registration request";

const SHORT_BODY: &str =
    "The full message was copied to your clipboard: paste it here, below this line.";

/// A `mailto:` link within [`MAILTO_BUDGET`]; `true` when the body only asks the reader
/// to paste the copied text.
pub(crate) fn mailto(support_email: &str, subject: &str, body: &str) -> (String, bool) {
    let to = match support_recipient(support_email) {
        SupportRecipient::Address(to) => encode_mailto_component(to).replace("%40", "@"),
        SupportRecipient::Unset | SupportRecipient::Refused(_) => String::new(),
    };
    // Encoding never shortens text, so a body already over the budget is not encoded
    // (with many environments that would be kilobytes on every keystroke).
    if body.len() + subject.len() + to.len() <= MAILTO_BUDGET {
        let full = format!(
            "mailto:{to}?subject={}&body={}",
            encode_mailto_component(subject),
            encode_mailto_component(body)
        );
        if full.len() <= MAILTO_BUDGET {
            return (full, false);
        }
    }
    // A pasted junk Customer ID can make even the subject too long; the plain subject
    // always fits.
    for subject in [subject, GENERIC_SUBJECT] {
        let short = format!(
            "mailto:{to}?subject={}&body={}",
            encode_mailto_component(subject),
            encode_mailto_component(SHORT_BODY)
        );
        if short.len() <= MAILTO_BUDGET {
            return (short, true);
        }
    }
    let bare = format!(
        "mailto:?subject={}&body={}",
        encode_mailto_component(GENERIC_SUBJECT),
        encode_mailto_component(SHORT_BODY)
    );
    (bare, true)
}

//! The iManage URL: the standard https://cloudimanage.com or a firm's vanity subdomain,
//! checked on the parsed host (never by substring on the typed text).

use serde::{Deserialize, Serialize};

use super::address::{read_address, ReadAddress};
use super::finding::{Field, Finding, FindingCode, FixAction};
use super::text::edit_distance;

/// iManage Cloud's own domain.
pub const CLOUD_DOMAIN: &str = "cloudimanage.com";
/// The standard iManage URL.
pub const STANDARD_URL: &str = "https://cloudimanage.com";

/// Domains iManage uses for other products; not iManage Cloud on cloudimanage.com.
const OTHER_IMANAGE_DOMAINS: &[&str] = &["imanage.com", "imanage.work", "goimanage.com"];

/// Which kind of cloudimanage.com address it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImanageKind {
    /// https://cloudimanage.com
    Standard,
    /// https://yourfirm.cloudimanage.com, with the firm's label.
    Vanity { subdomain: String },
    /// www. or a deeper subdomain: produced, with a warning.
    Unusual,
}

/// What the core made of the iManage URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImanageReport {
    pub input: String,
    pub cleaned: String,
    /// The origin to enter, without a trailing slash; absent when an error applies.
    pub url: Option<String>,
    pub kind: Option<ImanageKind>,
    pub findings: Vec<Finding>,
}

impl ImanageReport {
    pub fn has_error(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// Reads the iManage URL. Empty input gives `None`: the reader has not got there yet.
pub fn analyze_imanage_url(raw: &str) -> Option<ImanageReport> {
    if super::text::trim_junk(raw).is_empty() {
        return None;
    }
    let reading = read_address(raw, Field::ImanageUrl);
    let mut findings = reading.findings;
    let (url, kind) = match reading.address {
        Some(address) => match classify(&address, &mut findings) {
            Some(kind) => (Some(address.origin()), Some(kind)),
            None => (None, None),
        },
        None => (None, None),
    };
    Some(ImanageReport {
        input: raw.to_owned(),
        cleaned: reading.cleaned,
        url,
        kind,
        findings,
    })
}

fn classify(address: &ReadAddress, findings: &mut Vec<Finding>) -> Option<ImanageKind> {
    let field = Field::ImanageUrl;
    let host = address.host.as_str();

    if let Some(port) = address.port {
        findings.push(
            Finding::error(
                FindingCode::ImanagePort,
                field,
                format!("The iManage URL has the port :{port}; iManage Cloud uses none."),
                "Remove the port.",
            )
            .with_action(FixAction::ReplaceText {
                label: "Remove the port".into(),
                text: format!("https://{host}"),
            }),
        );
        return None;
    }

    let kind = if host == CLOUD_DOMAIN {
        Some(ImanageKind::Standard)
    } else if let Some(sub) = host
        .strip_suffix(CLOUD_DOMAIN)
        .and_then(|s| s.strip_suffix('.'))
    {
        if sub.contains('.') || sub == "www" {
            findings.push(
                Finding::warning(
                    FindingCode::ImanageSubdomain,
                    field,
                    format!("The iManage URL ({host}) has {} before cloudimanage.com.", if sub == "www" { "www." } else { "more than one name" }),
                    "Use https://cloudimanage.com, or your firm's own address such as https://yourfirm.cloudimanage.com.",
                )
                .with_action(FixAction::ReplaceText {
                    label: "Use https://cloudimanage.com".into(),
                    text: STANDARD_URL.into(),
                }),
            );
            Some(ImanageKind::Unusual)
        } else {
            Some(ImanageKind::Vanity {
                subdomain: sub.to_owned(),
            })
        }
    } else {
        None
    };

    let Some(kind) = kind else {
        findings.push(wrong_host_finding(host));
        return None;
    };

    if address.has_extra() {
        findings.push(
            Finding::info(
                FindingCode::PathDropped,
                field,
                format!(
                    "The iManage URL has more after the host ({}), which was left out.",
                    address.extra_excerpt()
                ),
                "Nothing to do: the iManage URL field takes only the address. Remove the path to tidy the box, if you like.",
            )
            .with_action(FixAction::ReplaceText {
                label: "Remove the path".into(),
                text: address.origin(),
            }),
        );
    }
    Some(kind)
}

/// The error for a host that is not cloudimanage.com, as specific as the host allows.
fn wrong_host_finding(host: &str) -> Finding {
    let field = Field::ImanageUrl;
    let labels: Vec<&str> = host.split('.').collect();
    let last_two = labels[labels.len().saturating_sub(2)..].join(".");

    if let Some(other) = OTHER_IMANAGE_DOMAINS
        .iter()
        .find(|d| host == **d || host.ends_with(&format!(".{d}")))
    {
        return Finding::error(
            FindingCode::ImanageOtherDomain,
            field,
            format!("The iManage URL is on {other}, which is not iManage Cloud on cloudimanage.com."),
            "This guide covers cloudimanage.com only. Enter https://cloudimanage.com or your firm's address on it, or ask your iManage administrator which you use.",
        );
    }

    // cloudimanage.com followed by more labels: the real domain is what comes last.
    if let Some(position) = labels.iter().position(|l| *l == "cloudimanage") {
        if labels.get(position + 1) == Some(&"com") && position + 2 < labels.len() {
            return Finding::error(
                FindingCode::ImanageSuffixTrick,
                field,
                format!("The iManage URL's host is {host}, which belongs to {last_two}, not to cloudimanage.com."),
                "Enter https://cloudimanage.com or your firm's address ending in .cloudimanage.com.",
            );
        }
    }

    let near_domain = edit_distance(&last_two, CLOUD_DOMAIN) <= 2;
    let near_label = labels.iter().any(|l| edit_distance(l, "cloudimanage") <= 2);
    if near_domain || near_label {
        let suggestion = if near_domain && labels.len() == 3 {
            format!("https://{}.{CLOUD_DOMAIN}", labels[0])
        } else {
            STANDARD_URL.to_owned()
        };
        return Finding::error(
            FindingCode::ImanageLookAlike,
            field,
            format!("The iManage URL's host {host} looks like cloudimanage.com but is not spelled the same."),
            format!("Check the spelling; you may mean {suggestion}."),
        )
        .with_action(FixAction::ReplaceText {
            label: format!("Use {suggestion}"),
            text: suggestion,
        });
    }

    Finding::error(
        FindingCode::ImanageNotCloud,
        field,
        format!("The iManage URL's host is {host}, not cloudimanage.com."),
        "This guide covers iManage Cloud on cloudimanage.com only. Enter https://cloudimanage.com or your firm's address such as https://yourfirm.cloudimanage.com.",
    )
}

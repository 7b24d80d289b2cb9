//! Addresses of other services that turn up in pasted messages (a link filter, Teams,
//! LinkedIn, a help desk, iManage itself) and are never a Clio Operate environment.
//!
//! Matched on the registrable domain: `acme.zendesk.com` is Zendesk's, while
//! `zendesk.com.acme-law.com` is the firm's own. The list is kept short: a firm's own
//! domain, whatever it is, can hold an environment, so only services that never host
//! one are named.

/// Registrable domains and the service each belongs to.
const SERVICES: &[(&str, &str)] = &[
    // Link filters: their addresses are only ever wrappers.
    ("outlook.com", "Microsoft Outlook"),
    ("urldefense.com", "Proofpoint"),
    ("proofpoint.com", "Proofpoint"),
    ("mimecast.com", "Mimecast"),
    ("mimecastprotect.com", "Mimecast"),
    ("cudasvc.com", "Barracuda"),
    // Microsoft 365.
    ("microsoft.com", "Microsoft"),
    ("office.com", "Microsoft Office"),
    ("office.net", "Microsoft Office"),
    ("sharepoint.com", "SharePoint"),
    ("live.com", "Microsoft"),
    ("1drv.ms", "OneDrive"),
    ("microsoftonline.com", "Microsoft sign-in"),
    // Social networks and meetings, from signatures and invitations.
    ("linkedin.com", "LinkedIn"),
    ("lnkd.in", "LinkedIn"),
    ("x.com", "X"),
    ("twitter.com", "X"),
    ("t.co", "X"),
    ("facebook.com", "Facebook"),
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("google.com", "Google"),
    ("zoom.us", "Zoom"),
    ("slack.com", "Slack"),
    // iManage's own domains: the iManage URL, never an environment.
    ("cloudimanage.com", "iManage"),
    ("imanage.com", "iManage"),
    ("imanage.work", "iManage"),
    ("goimanage.com", "iManage"),
    // Help desks whose ticket links come with a ticket export.
    ("zendesk.com", "Zendesk"),
    ("freshdesk.com", "Freshdesk"),
    ("atlassian.net", "Atlassian"),
    ("service-now.com", "ServiceNow"),
];

/// The registrable domain and the name of the service `host` belongs to, when it is one
/// of the services above.
pub fn other_service(host: &str) -> Option<(&'static str, &'static str)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    SERVICES.iter().copied().find(|(domain, _)| {
        host.strip_suffix(domain)
            .is_some_and(|before| before.is_empty() || before.ends_with('.'))
    })
}

#[cfg(test)]
mod tests {
    use super::other_service;

    #[test]
    fn matches_registrable_domains_only() {
        let cases: &[(&str, Option<&str>)] = &[
            ("www.linkedin.com", Some("linkedin.com")),
            ("linkedin.com", Some("linkedin.com")),
            ("acme.zendesk.com", Some("zendesk.com")),
            ("ACME.Zendesk.com", Some("zendesk.com")),
            (
                "eur03.safelinks.protection.outlook.com",
                Some("outlook.com"),
            ),
            ("teams.microsoft.com", Some("microsoft.com")),
            ("acme.sharepoint.com", Some("sharepoint.com")),
            ("acme-my.sharepoint.com", Some("sharepoint.com")),
            ("docs.google.com", Some("google.com")),
            ("acme.cloudimanage.com", Some("cloudimanage.com")),
            ("cloudimanage.com", Some("cloudimanage.com")),
            ("acme.atlassian.net", Some("atlassian.net")),
            ("acme.service-now.com", Some("service-now.com")),
            ("x.com", Some("x.com")),
            ("zendesk.com.acme-law.com", None),
            ("acme-law.com", None),
            ("box.com", None),
            ("acmex.com", None),
            ("notlinkedin.com", None),
            ("acme.clioweb.com", None),
            ("acme-uat.clioweb.com", None),
            ("imanage.acme-law.com", None),
        ];
        for (host, domain) in cases {
            assert_eq!(other_service(host).map(|(d, _)| d), *domain, "{host}");
        }
    }
}

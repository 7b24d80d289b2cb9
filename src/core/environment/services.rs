//! Addresses of other services that turn up in pasted messages (a link filter, Teams,
//! LinkedIn, a help desk, iManage itself) and are never a Clio Operate environment.
//!
//! Matched on the registrable domain: `acme.zendesk.com` is Zendesk's, while
//! `zendesk.com.acme-law.com` is the firm's own. The list is kept short: a firm's own
//! domain, whatever it is, can hold an environment, so only services that never host
//! one are named.

/// Registrable domains and the service each belongs to, one a line (`domain Name`; one
/// string costs the download less than a table of pairs): link filters, whose addresses
/// are only ever wrappers; Microsoft 365; social networks and meetings, from signatures
/// and invitations; iManage's own domains (the iManage URL, never an environment); help
/// desks, whose ticket links come with a ticket export.
const SERVICES: &str = "\
outlook.com Microsoft Outlook\n\
urldefense.com Proofpoint\n\
proofpoint.com Proofpoint\n\
mimecast.com Mimecast\n\
mimecastprotect.com Mimecast\n\
cudasvc.com Barracuda\n\
microsoft.com Microsoft\n\
office.com Microsoft Office\n\
office.net Microsoft Office\n\
sharepoint.com SharePoint\n\
live.com Microsoft\n\
1drv.ms OneDrive\n\
microsoftonline.com Microsoft sign-in\n\
linkedin.com LinkedIn\n\
lnkd.in LinkedIn\n\
x.com X\n\
twitter.com X\n\
t.co X\n\
facebook.com Facebook\n\
youtube.com YouTube\n\
youtu.be YouTube\n\
google.com Google\n\
zoom.us Zoom\n\
slack.com Slack\n\
cloudimanage.com iManage\n\
imanage.com iManage\n\
imanage.work iManage\n\
goimanage.com iManage\n\
zendesk.com Zendesk\n\
freshdesk.com Freshdesk\n\
atlassian.net Atlassian\n\
service-now.com ServiceNow";

/// The registrable domain and the name of the service `host` belongs to, when it is one
/// of the services above.
pub fn other_service(host: &str) -> Option<(&'static str, &'static str)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    SERVICES.lines().find_map(|line| {
        let (domain, name) = line.split_once(' ')?;
        host.strip_suffix(domain)
            .is_some_and(|before| before.is_empty() || before.ends_with('.'))
            .then_some((domain, name))
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

//! Environment URLs: from the reader's rows to one canonical redirect URI per environment,
//! with every finding about each entry and about the list as a whole.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::address::{read_address, ReadAddress};
use super::extract::wrappers;
use super::finding::{Field, Finding, FindingCode, FixAction};
use super::label;
use super::role::{role_from_host, Role};
use super::text::{excerpt, join_words, split_entries, QUOTE_LENGTH};
use super::uri::{Origin, RedirectUri, MAX_REDIRECT_URI_LENGTH, REDIRECT_PATH};
use super::version::{analyze_version, ConfigPath, VersionReport};

mod labelled;
mod pasted;
mod services;

pub use pasted::{sort_pasted, Kind as PastedKind};

pub use services::other_service;

use labelled::{keep_label, label_differs, label_findings, LABEL_QUOTE_LENGTH};
/// One environment row as the reader filled it in. `url` may hold a pasted list; it is
/// split into entries on line breaks, commas and semicolons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EnvironmentInput {
    /// The role the reader chose; when absent, one is suggested from the host name.
    pub role: Option<Role>,
    pub url: String,
    /// This environment's own Clio Operate version, when it differs from the one in the
    /// version field (firms often upgrade UAT before production).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// What the core made of one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentReport {
    /// The input row this entry came from.
    pub row: usize,
    /// The entry's position within that row (0 unless several addresses were pasted).
    pub part: usize,
    /// The entry as typed.
    pub input: String,
    /// The entry after trimming, unwrapping quotes and removing invisible characters.
    pub cleaned: String,
    /// The role chosen by the reader, or the suggested one.
    pub role: Option<Role>,
    /// True when `role` was suggested rather than chosen.
    pub role_suggested: bool,
    /// Absent when an error applies.
    pub origin: Option<Origin>,
    /// Absent when an error applies.
    pub redirect_uri: Option<RedirectUri>,
    pub findings: Vec<Finding>,
    /// The index (in the report's entry list) of an earlier entry with the same origin.
    pub duplicate_of: Option<usize>,
    /// The row's own version, when one was given.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub version: Option<VersionReport>,
}

impl EnvironmentReport {
    pub fn has_error(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// The path this entry's own version decides, when it has a decided one.
    pub fn own_path(&self) -> Option<ConfigPath> {
        self.version
            .as_ref()
            .map(|v| v.path)
            .filter(|p| *p != ConfigPath::Undecided)
    }

    /// The environment's name for lists: its role, or its position.
    pub fn name(&self) -> String {
        match &self.role {
            Some(role) => role.label().to_owned(),
            None => format!("Environment {}", self.row + 1),
        }
    }
}

/// A redirect URI to register, with the role it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationEntry {
    pub role: Option<Role>,
    pub redirect_uri: RedirectUri,
    /// The path the environment's own version decides, when it has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub own_path: Option<ConfigPath>,
    /// The environment's own version as read (e.g. `7.10.4`), when it decides a path.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub own_version: Option<String>,
}

impl RegistrationEntry {
    /// The environment's configuration path: its own version's, else `common`.
    pub fn path(&self, common: ConfigPath) -> ConfigPath {
        self.own_path.unwrap_or(common)
    }
}

/// Everything about the environment list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentsReport {
    pub entries: Vec<EnvironmentReport>,
    /// Findings about the list as a whole (no production, a single environment).
    pub findings: Vec<Finding>,
    /// Each distinct redirect URI once, in the order entered.
    pub registrations: Vec<RegistrationEntry>,
}

/// What [`analyze_entry`] makes of one entry: the cleaned text, the origin when no error
/// applies, and the entry's own findings.
pub type EntryAnalysis = (String, Option<Origin>, Vec<Finding>);

/// Each entry's [`analyze_entry`] result from the previous run, so that a keystroke in
/// one row of a long list re-reads that row only. It keeps the entries of the last run
/// and nothing older, so it never grows beyond the form.
#[derive(Debug, Default)]
pub struct EntryCache {
    last_run: HashMap<String, EntryAnalysis>,
}

impl EntryCache {
    /// Runs `entries` through [`analyze_entry`], reusing the last run's results.
    fn analyze_all<'a>(&mut self, entries: impl Iterator<Item = &'a str>) -> Vec<EntryAnalysis> {
        let mut this_run: HashMap<String, EntryAnalysis> =
            HashMap::with_capacity(self.last_run.len());
        let results = entries
            .map(|entry| {
                // An entry listed twice in this run is read once.
                if let Some(analysis) = this_run.get(entry) {
                    return analysis.clone();
                }
                let analysis = self
                    .last_run
                    .remove(entry)
                    .unwrap_or_else(|| analyze_entry(entry));
                this_run.insert(entry.to_owned(), analysis.clone());
                analysis
            })
            .collect();
        self.last_run = this_run;
        results
    }
}

/// Reads one environment entry (already split from its row): its address, after any
/// label before it and any note after it, which are told about.
pub fn analyze_entry(entry: &str) -> EntryAnalysis {
    if let Some(label) = label::label_without_address(entry) {
        let label = excerpt(label, LABEL_QUOTE_LENGTH);
        let finding = Finding::error(
            FindingCode::Unparseable,
            Field::Environment,
            format!("The address has only the label \u{201C}{label}\u{201D}, with no web address after it."),
            format!("Enter the environment's address after the label, such as {label} https://yourfirm.example.com."),
        );
        let cleaned = super::text::trim_junk(entry).to_owned();
        return (cleaned, None, vec![finding]);
    }
    let parts = label::split(entry);
    let mut findings = label_findings(&parts);
    let link = read_link(parts.address);
    findings.extend(link.finding);
    if link.hidden {
        return (link.text, None, keep_label(findings, &parts));
    }
    let reading = read_address(&link.text, Field::Environment);
    findings.extend(reading.findings);
    let Some(address) = reading.address else {
        return (reading.cleaned, None, keep_label(findings, &parts));
    };
    if let Some((domain, name)) = other_service(&address.host) {
        let fix = if name == "iManage" {
            "Enter the address of the Clio Operate environment you sign in to; iManage's address goes in the iManage URL field."
        } else {
            "Enter the address of the Clio Operate environment you sign in to."
        };
        findings.push(Finding::error(
            FindingCode::OtherService,
            Field::Environment,
            format!("The address is {name}'s ({domain}), not a Clio Operate environment's."),
            fix,
        ));
        return (reading.cleaned, None, keep_label(findings, &parts));
    }
    findings.extend(environment_rules(&address));
    let origin = Origin::from_address(&address);
    let uri = origin.redirect_uri();
    if uri.as_str().len() > MAX_REDIRECT_URI_LENGTH {
        findings.push(Finding::warning(
            FindingCode::RedirectUriTooLong,
            Field::Environment,
            format!(
                "The redirect URI would be {} characters long; some sign-in services refuse more than {MAX_REDIRECT_URI_LENGTH}.",
                uri.as_str().len()
            ),
            "Check that only one environment address was pasted.",
        ));
    }
    (reading.cleaned, Some(origin), keep_label(findings, &parts))
}

/// An entry's address after any link-protection wrapper around it is taken off.
struct Link {
    /// The address to read: the one inside the wrapper, or the entry's as typed.
    text: String,
    /// What is told about the wrapper.
    finding: Option<Finding>,
    /// The wrapper hides the address (it carries only a code): there is nothing to read.
    hidden: bool,
}

impl Link {
    /// The address alone, taken out of what was around it (a link an e-mail program
    /// added, Markdown), with a note saying so and a fix that keeps only the address.
    fn address_alone(address: &str, message: String, fix: &str) -> Link {
        let finding = Finding::info(FindingCode::LinkUnwrapped, Field::Environment, message, fix)
            .with_action(FixAction::ReplaceText {
                label: "Use the address alone".into(),
                text: address.to_owned(),
            });
        Link {
            text: address.to_owned(),
            finding: Some(finding),
            hidden: false,
        }
    }
}

/// How deep wrappers nest (Safe Links around Proofpoint) before the rest is read as is.
const MAX_WRAPPERS: usize = 3;

/// Takes off the link-protection wrappers the diagnosis knows (Safe Links, Proofpoint,
/// Mimecast, Google, Barracuda). A link with the address in an unnamed parameter is
/// unwrapped only on another service's host: on a firm's own host, `?url=` is the
/// firm's own.
fn read_link(typed: &str) -> Link {
    let mut text = super::text::clean(typed).text;
    // `"https://… "` in a spreadsheet cell: the space inside the quotes leaves the closing
    // quote after the address, and the opening one before it; neither is part of it.
    let mut as_typed = typed.trim().to_owned();
    if let Some(open) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}'))
    {
        if !text[open.len_utf8()..].contains(['"', '\'', '\u{201D}', '\u{2019}']) {
            text = text[open.len_utf8()..].trim_start().to_owned();
            as_typed.clone_from(&text);
        }
    }
    // Outlook's plain text shows a link as `address<target>`: the address as the reader
    // saw it, then the (often rewritten) link. The address shown is the one to read.
    if let Some((shown, target)) = text.strip_suffix('>').and_then(|t| t.split_once('<')) {
        let shown = shown.trim();
        if !shown.is_empty() && label::is_host_like(shown) && target.contains("://") {
            return Link::address_alone(
                shown,
                format!(
                    "The address was followed by the link an e-mail program added (<{}>), which was left out.",
                    excerpt(target, QUOTE_LENGTH)
                ),
                "Nothing to do: the address shown before it was read.",
            );
        }
    }
    // A Markdown link (`[text](address)`, from tickets and chat exports): the address it
    // points to is read.
    if let Some(target) = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(')'))
        .and_then(|t| t.split_once("]("))
        .map(|(_, target)| target.trim())
        .filter(|target| label::is_host_like(target))
    {
        return Link::address_alone(
            target,
            "The address was a Markdown link; the address it points to was read.".into(),
            "Nothing to do.",
        );
    }
    let mut services = Vec::new();
    for _ in 0..MAX_WRAPPERS {
        let on_service =
            wrappers::host_and_rest(&text).is_some_and(|(host, _)| other_service(&host).is_some());
        match wrappers::unwrap(&text) {
            Some((inner, name)) if on_service || name != wrappers::UNNAMED => {
                services.push(name.to_owned());
                text = inner;
            }
            _ => break,
        }
    }
    if wrappers::hides_address(&text) {
        let finding = Finding::error(
            FindingCode::LinkHidesAddress,
            Field::Environment,
            "The address is a Mimecast link, which hides the address it leads to.",
            "Open the link in your browser and paste the address it shows.",
        );
        return Link {
            text,
            finding: Some(finding),
            hidden: true,
        };
    }
    let finding = (!services.is_empty()).then(|| {
        services.dedup();
        Finding::info(
            FindingCode::LinkUnwrapped,
            Field::Environment,
            format!(
                "The address was a link rewritten by {}; the address inside it ({}) was read.",
                join_words(&services),
                excerpt(&text, QUOTE_LENGTH)
            ),
            "Nothing to do: a protected link is never itself an environment.",
        )
        .with_action(FixAction::ReplaceText {
            label: "Use the address inside".into(),
            text: text.clone(),
        })
    });
    if services.is_empty() {
        // Nothing taken off: the address is read as typed, with its own findings
        // about quotes and invisible characters.
        text = as_typed;
    }
    Link {
        text,
        finding,
        hidden: false,
    }
}

/// The rules for an environment's host, port and path beyond what every address passes.
fn environment_rules(address: &ReadAddress) -> Vec<Finding> {
    let mut findings = Vec::new();
    let field = Field::Environment;
    let host = address.host.as_str();
    let with_host = |new_host: &str| ReadAddress {
        host: new_host.to_owned(),
        path: "/".into(),
        query_and_fragment: String::new(),
        ..address.clone()
    };

    if let Some(bare) = host.strip_prefix("www.") {
        if bare.contains('.') {
            findings.push(
                Finding::warning(
                    FindingCode::WwwPrefix,
                    field,
                    format!("The address starts with www. ({host}); Clio Operate addresses do not normally have it."),
                    format!("Check the address you sign in to; it is probably {bare}."),
                )
                .with_action(FixAction::ReplaceText {
                    label: "Remove www.".into(),
                    text: with_host(bare).origin(),
                }),
            );
        }
    }

    let first_label = host.split('.').next().unwrap_or(host);
    if let Some(app_label) = first_label.strip_suffix("-identity") {
        let mut finding = Finding::warning(
            FindingCode::IdentityServerHost,
            field,
            format!("The address ({host}) looks like the sign-in (identity) server, not the application."),
            "Enter the address of the application itself, the one you use every day.",
        );
        if !app_label.is_empty() && !app_label.ends_with('-') {
            let app_host = format!("{app_label}{}", &host[first_label.len()..]);
            finding.fix =
                format!("Enter the address of the application itself, probably {app_host}.");
            finding = finding.with_action(FixAction::ReplaceText {
                label: format!("Use {app_host}"),
                text: with_host(&app_host).origin(),
            });
        }
        findings.push(finding);
    }

    if let Some(port) = address.port {
        findings.push(
            Finding::warning(
                FindingCode::NonDefaultPort,
                field,
                format!("The address has the port :{port}, so the redirect URI includes it."),
                "Check that you sign in with this port in the address; if not, remove it.",
            )
            .with_action(FixAction::ReplaceText {
                label: "Remove the port".into(),
                text: ReadAddress {
                    port: None,
                    ..with_host(host)
                }
                .origin(),
            }),
        );
    }

    if let Some(difference) = redirect_path_difference(&address.path, &address.query_and_fragment) {
        findings.push(Finding::info(
            FindingCode::RedirectUriPasted,
            field,
            "You pasted the redirect URI itself; the environment is the part before /externalServices.",
            "Nothing to do: the redirect URI below is built from it.",
        ));
        if let Some(difference) = difference {
            findings.push(Finding::warning(
                FindingCode::RedirectPathDiffers,
                field,
                format!("The pasted redirect URI {difference}, so it is not the exact string to register."),
                format!("Register the redirect URI exactly as shown, ending in {REDIRECT_PATH}. If the other form was registered, ask Support to correct it."),
            ));
        }
    } else if address.has_extra() {
        findings.push(
            Finding::info(
                FindingCode::PathDropped,
                field,
                format!(
                    "The address has more after the host ({}), which is not part of the environment and was left out.",
                    address.extra_excerpt()
                ),
                "Nothing to do: the redirect URI uses only the address before it. Remove the path to tidy the box, if you like.",
            )
            .with_action(FixAction::ReplaceText {
                label: "Remove the path".into(),
                text: address.origin(),
            }),
        );
    }
    findings
}

/// Whether `path` is the redirect path in some form: `None` when it is not; `Some(None)`
/// when it is exactly right; `Some(Some(description))` naming how it differs.
pub fn redirect_path_difference(path: &str, query_and_fragment: &str) -> Option<Option<String>> {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    if !trimmed.eq_ignore_ascii_case(REDIRECT_PATH) {
        return None;
    }
    let mut differences = Vec::new();
    if trimmed != REDIRECT_PATH {
        differences.push(format!(
            "is written {trimmed} instead of {REDIRECT_PATH} (the case differs)"
        ));
    }
    if path.ends_with('/') {
        differences.push("ends with a slash (/)".to_owned());
    }
    if !query_and_fragment.is_empty() {
        differences.push(format!(
            "has {} after the path",
            excerpt(query_and_fragment, QUOTE_LENGTH)
        ));
    }
    Some((!differences.is_empty()).then(|| differences.join(" and ")))
}

/// Reads every row, suggests roles, and runs the checks across entries.
pub fn analyze_environments(rows: &[EnvironmentInput]) -> EnvironmentsReport {
    analyze_environments_with(rows, None)
}

/// [`analyze_environments`]; with a cache, reading only the entries it has not seen in its
/// last run. A one-off analysis goes without: keeping every entry would only cost time.
pub fn analyze_environments_with(
    rows: &[EnvironmentInput],
    cache: Option<&mut EntryCache>,
) -> EnvironmentsReport {
    let split: Vec<Vec<&str>> = rows.iter().map(|input| split_entries(&input.url)).collect();
    let texts = split.iter().flatten().copied();
    let mut analyses = match cache {
        Some(cache) => cache.analyze_all(texts),
        None => texts.map(analyze_entry).collect(),
    }
    .into_iter();
    let mut entries = Vec::new();
    for ((row, input), parts) in rows.iter().enumerate().zip(&split) {
        let version = input
            .version
            .as_deref()
            .filter(|v| !super::text::trim_junk(v).is_empty())
            .map(analyze_version);
        for (part, text) in parts.iter().enumerate() {
            let Some((cleaned, origin, mut findings)) = analyses.next() else {
                break;
            };
            if part == 0 && parts.len() > 1 {
                findings.insert(
                    0,
                    Finding::info(
                        FindingCode::SeveralAddressesInOneBox,
                        Field::Environment,
                        format!(
                            "This box has {} addresses; each is treated as its own environment.",
                            parts.len()
                        ),
                        "Give each environment its own row so you can set its role.",
                    )
                    .with_action(FixAction::SplitRow {
                        label: "Put each address on its own row".into(),
                        row,
                    }),
                );
            }
            if parts.len() > 1 {
                // A fix rewrites a whole row; with several addresses in it, the only
                // safe fix is to split the row first.
                for finding in &mut findings {
                    if !matches!(finding.action, Some(FixAction::SplitRow { .. })) {
                        finding.action = None;
                    }
                }
            }
            let chosen = if parts.len() == 1 {
                input.role.clone()
            } else {
                None
            };
            let role_suggested = chosen.is_none();
            // A label the reader typed says more than a word in the host name.
            let parts = label::split(text);
            let labelled = parts.role();
            if let (Some(chosen), Some(labelled)) = (&chosen, &labelled) {
                if !chosen.label().eq_ignore_ascii_case(labelled.label()) {
                    label_differs(&mut findings, &parts, chosen, labelled);
                }
            }
            let role = chosen
                .or(labelled)
                .or_else(|| origin.as_ref().and_then(|o| role_from_host(o.host())));
            entries.push(EnvironmentReport {
                row,
                part,
                input: text.to_string(),
                cleaned,
                role,
                role_suggested,
                redirect_uri: origin.as_ref().map(Origin::redirect_uri),
                origin,
                findings,
                duplicate_of: None,
                version: version.clone(),
            });
        }
    }

    // With no production named, the first entry without a role is most likely it.
    if !entries.iter().any(|e| e.role == Some(Role::Production)) {
        if let Some(entry) = entries
            .iter_mut()
            .find(|e| e.role.is_none() && e.origin.is_some())
        {
            entry.role = Some(Role::Production);
        }
    }

    mark_duplicates(&mut entries);

    let registrations: Vec<RegistrationEntry> = entries
        .iter()
        .filter(|e| e.duplicate_of.is_none())
        .filter_map(|e| {
            e.redirect_uri
                .clone()
                .map(|redirect_uri| RegistrationEntry {
                    role: e.role.clone(),
                    redirect_uri,
                    own_path: e.own_path(),
                    own_version: e
                        .own_path()
                        .and(e.version.as_ref())
                        .and_then(|v| v.version.clone()),
                })
        })
        .collect();

    let mut findings = Vec::new();
    if !registrations.is_empty()
        && !registrations
            .iter()
            .any(|r| r.role == Some(Role::Production))
    {
        findings.push(Finding::warning(
            FindingCode::NoProduction,
            Field::Environments,
            "No environment is marked as Production.",
            "Add your production environment, or set the role of the one you have.",
        ));
    }
    if registrations.len() == 1 {
        findings.push(Finding::info(
            FindingCode::SingleEnvironment,
            Field::Environments,
            "Only one environment is listed; UAT, training and test environments must each be registered too.",
            "Add every other Clio Operate environment that will connect to iManage.",
        ));
    }
    EnvironmentsReport {
        entries,
        findings,
        registrations,
    }
}

fn mark_duplicates(entries: &mut [EnvironmentReport]) {
    // The first entry of each origin, so a long pasted list stays linear.
    let mut first_of: HashMap<Origin, usize> = HashMap::new();
    for later in 0..entries.len() {
        let Some(origin) = entries[later].origin.clone() else {
            continue;
        };
        let first = *first_of.entry(origin.clone()).or_insert(later);
        if first == later {
            continue;
        }
        let first_role = entries[first].role.clone();
        let entry = &mut entries[later];
        entry.duplicate_of = Some(first);
        let first_name = first_role
            .as_ref()
            .map_or_else(|| format!("row {}", first + 1), |r| r.label().to_owned());
        let roles_differ =
            !entry.role_suggested && entry.role.is_some() && entry.role != first_role;
        let finding = if roles_differ {
            Finding::warning(
                FindingCode::SameOriginTwoRoles,
                Field::Environment,
                format!(
                    "This address ({origin}) is also listed as {first_name}; one address cannot be two environments."
                ),
                "Check which environment this is, and correct the address or the role.",
            )
        } else {
            Finding::warning(
                FindingCode::DuplicateEnvironment,
                Field::Environment,
                format!("This address is the same environment as {first_name} ({origin}); it is listed once."),
                "Remove this row.",
            )
        };
        let row = entry.row;
        let alone_in_row = entry.part == 0
            && !entry
                .findings
                .iter()
                .any(|f| f.code == FindingCode::SeveralAddressesInOneBox);
        entry.findings.push(if alone_in_row {
            finding.with_action(FixAction::RemoveRow {
                label: "Remove this row".into(),
                row,
            })
        } else {
            finding
        });
    }
}

//! The pure core: every rule and decision, with no browser or UI dependency. It takes an
//! [`AnalysisRequest`] (what the reader typed, every field optional) and returns a
//! [`Report`] (what to register, what to configure, what to fix, what to send).

pub mod address;
pub mod configuration;
pub mod customer_id;
pub mod diagnosis;
pub mod environment;
pub mod extract;
pub mod finding;
pub mod imanage;
pub mod invariants;
pub mod json;
pub mod label;
pub mod role;
pub mod support_request;
pub mod text;
pub mod timestamp;
pub mod uri;
pub mod version;

use serde::{Deserialize, Serialize};

use environment::EntryCache;

pub use configuration::{
    ConfigurationPlan, ConfigurationValue, EnvironmentConfiguration, ValueSource,
};
pub use customer_id::CustomerIdReport;
pub use environment::{EnvironmentInput, EnvironmentReport, EnvironmentsReport, RegistrationEntry};
pub use finding::{Field, Finding, FindingCode, FixAction, Severity, SeverityCounts};
pub use imanage::{ImanageKind, ImanageReport};
pub use role::Role;
pub use support_request::{Blocker, MissingItem, SupportRequest};
pub use timestamp::Timestamp;
pub use uri::{Origin, RedirectUri};
pub use version::{ConfigPath, VersionReport};

/// The crate version, stamped on every support request.
pub const WIDGET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the reader has entered so far. Every field is optional: readers fill the form in
/// any order, and a partial request gets a partial report.
///
/// ```json
/// {
///   "environments": [{ "role": "production", "url": "https://acme.example.com" }],
///   "imanageUrl": "https://acme.cloudimanage.com",
///   "customerId": "1764",
///   "version": "7.10",
///   "generatedAt": "2026-11-28T10:30:00Z"
/// }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AnalysisRequest {
    /// Environment rows; each row's `url` may hold a pasted list.
    pub environments: Vec<EnvironmentInput>,
    pub imanage_url: Option<String>,
    pub customer_id: Option<String>,
    pub version: Option<String>,
    pub firm_name: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// The Clio Operate Support address for the e-mail link, set by the embedding page.
    pub support_email: Option<String>,
    /// When the request is written; the core never reads a clock. Also "now" for the
    /// diagnosis's 48-hour window.
    pub generated_at: Option<Timestamp>,
    /// What the reader has for diagnosing `invalid_redirect_uri` after registration.
    pub diagnosis: Option<diagnosis::DiagnosisInput>,
}

/// Everything the core decided about an [`AnalysisRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub environments: EnvironmentsReport,
    /// Absent until an iManage URL is entered.
    pub imanage: Option<ImanageReport>,
    /// Absent until a Customer ID is entered.
    pub customer_id: Option<CustomerIdReport>,
    pub version: VersionReport,
    pub configuration: ConfigurationPlan,
    /// Findings about the contact details.
    pub contact_findings: Vec<Finding>,
    pub support_request: SupportRequest,
    /// The diagnosis of `invalid_redirect_uri`, once the reader has given something to go on.
    pub diagnosis: Option<diagnosis::DiagnosisReport>,
    /// How many findings of each severity, over the whole report except the diagnosis.
    pub counts: SeverityCounts,
    pub widget_version: String,
}

impl Report {
    /// Every finding in the report, in form order.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.environments
            .entries
            .iter()
            .flat_map(|e| {
                e.findings
                    .iter()
                    .chain(e.version.iter().flat_map(|v| v.findings.iter()))
            })
            .chain(self.environments.findings.iter())
            .chain(self.imanage.iter().flat_map(|r| r.findings.iter()))
            .chain(self.customer_id.iter().flat_map(|r| r.findings.iter()))
            .chain(self.version.findings.iter())
            .chain(self.contact_findings.iter())
    }
}

/// What [`analyze_with`] keeps from its last run, so that a keystroke re-reads only what
/// changed: each environment entry's reading and the iManage URL's. It holds the last
/// run's inputs and nothing older.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    entries: EntryCache,
    imanage: Option<(String, Option<ImanageReport>)>,
}

/// Analyses everything the reader has entered.
pub fn analyze(request: &AnalysisRequest) -> Report {
    analyze_request(request, None)
}

/// [`analyze`] for a form that is analysed again on every keystroke, reusing what `cache`
/// kept from the last run. The report is the same as [`analyze`]'s.
pub fn analyze_with(request: &AnalysisRequest, cache: &mut AnalysisCache) -> Report {
    analyze_request(request, Some(cache))
}

fn analyze_request(request: &AnalysisRequest, cache: Option<&mut AnalysisCache>) -> Report {
    let text = |value: &Option<String>| value.as_deref().unwrap_or("").to_owned();
    let (entry_cache, imanage_cache) = match cache {
        Some(cache) => (Some(&mut cache.entries), Some(&mut cache.imanage)),
        None => (None, None),
    };
    let environments = environment::analyze_environments_with(&request.environments, entry_cache);
    let imanage_text = text(&request.imanage_url);
    let imanage = match imanage_cache {
        Some(Some((last, report))) if *last == imanage_text => report.clone(),
        Some(kept) => {
            let report = imanage::analyze_imanage_url(&imanage_text);
            *kept = Some((imanage_text, report.clone()));
            report
        }
        None => imanage::analyze_imanage_url(&imanage_text),
    };
    let customer_id = customer_id::analyze_customer_id(&text(&request.customer_id));
    let version = version::analyze_version(&text(&request.version));
    let imanage_url = imanage.as_ref().and_then(|r| r.url.as_deref());
    let configuration = configuration::plan_configuration(version.path, &environments, imanage_url);

    let contact_email = text(&request.contact_email);
    let mut contact_findings = Vec::new();
    let trimmed_email = text::trim_junk(&contact_email);
    if !trimmed_email.is_empty() && !support_request::looks_like_email(trimmed_email) {
        contact_findings.push(Finding::warning(
            FindingCode::ContactEmailUnusual,
            Field::ContactEmail,
            "The contact e-mail does not look like an e-mail address.",
            "Enter an address such as name@yourfirm.com, or leave it empty.",
        ));
    }

    let firm_name = text(&request.firm_name);
    let contact_name = text(&request.contact_name);
    let support_email = text(&request.support_email);
    let support_request = support_request::write_support_request(&support_request::RequestInputs {
        environments: &environments,
        imanage: imanage.as_ref(),
        customer_id: customer_id.as_ref(),
        version: &version,
        contact: support_request::Contact {
            firm_name: &firm_name,
            contact_name: &contact_name,
            contact_email: trimmed_email,
            support_email: &support_email,
        },
        contact_findings: &contact_findings,
        generated_at: request.generated_at,
        utc_offset_minutes: request
            .diagnosis
            .as_ref()
            .and_then(|d| d.utc_offset_minutes)
            .unwrap_or(0),
        widget_version: WIDGET_VERSION,
    });

    let diagnosis = request.diagnosis.as_ref().and_then(|input| {
        diagnosis::diagnose(
            input,
            &diagnosis::DiagnosisContext {
                environments: &environments,
                customer_id: customer_id.as_ref().map(|c| c.value.as_str()),
                support_email: &support_email,
                now: request.generated_at,
                path: version.path,
            },
        )
    });

    let mut report = Report {
        environments,
        imanage,
        customer_id,
        version,
        configuration,
        contact_findings,
        support_request,
        diagnosis,
        counts: SeverityCounts::default(),
        widget_version: WIDGET_VERSION.to_owned(),
    };
    let mut counts = SeverityCounts::default();
    for finding in report.all_findings() {
        counts.add(std::slice::from_ref(finding));
    }
    report.counts = counts;
    report
}

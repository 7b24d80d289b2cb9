//! Domain rules §6 on pastes that are easy to misread: a sign-in that sends another path
//! on a known environment, addresses that are no Clio Operate redirect URI at all,
//! registrations of the wrong page, URIs hyphenated at a line end, white space inside
//! quotes, confirmations older than the request, and dates without a zone. Each row gives
//! what was entered, the statuses and first cause expected, and phrases the verdict must
//! (and must not) contain.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::verdict::{check_rows, Expected};
use imanage_connect::core::diagnosis::{
    CauseKind, ConnectionChoice, DiagnosisInput, DiagnosisReport,
};
use imanage_connect::core::{analyze, AnalysisRequest, EnvironmentInput, Role, Timestamp};

use CauseKind::*;
use ConnectionChoice::*;

const P: &str = "https://acme.clioweb.com/externalServices/replyFrom";
const U: &str = "https://acme-uat.clioweb.com/externalServices/replyFrom";
const NOW: &str = "2026-11-28T10:30:00Z";
const SUBMITTED: &str = "2026-11-24T09:00Z";
const TWO: [&str; 2] = [
    "production=https://acme.clioweb.com",
    "uat=https://acme-uat.clioweb.com",
];

/// The authorisation address a sign-in opens, sending `redirect` (encoded here).
fn authorize(redirect: &str) -> String {
    let mut url = "https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=abc123&redirect_uri=".to_owned();
    url.push_str(&encode(redirect));
    url
}

fn encode(uri: &str) -> String {
    uri.replace(':', "%3A").replace('/', "%2F")
}

struct Case {
    name: &'static str,
    version: &'static str,
    registered: String,
    failing: String,
    submitted: &'static str,
    offset: Option<i32>,
    first: CauseKind,
    /// Per environment: against the confirmed list, then against the failing sign-in.
    statuses: Vec<(&'static str, &'static str)>,
    /// Phrases the verdict (causes and the message to Support) must contain.
    says: Vec<&'static str>,
    /// Phrases it must not contain.
    never: Vec<&'static str>,
    codes: Vec<&'static str>,
    never_codes: Vec<&'static str>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            name: "",
            version: "7.12",
            registered: format!("{P}\n{U}"),
            failing: String::new(),
            submitted: SUBMITTED,
            offset: Some(0),
            first: NoCauseFound,
            statuses: Vec::new(),
            says: Vec::new(),
            never: Vec::new(),
            codes: Vec::new(),
            never_codes: Vec::new(),
        }
    }
}

fn diagnose(case: &Case) -> Option<DiagnosisReport> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let request = AnalysisRequest {
        environments: TWO
            .iter()
            .map(|e| {
                let (role, url) = e.split_once('=').unwrap();
                EnvironmentInput {
                    role: Some(Role::parse(role)),
                    url: url.into(),
                    version: None,
                }
            })
            .collect(),
        customer_id: Some("1764".into()),
        version: some(case.version),
        generated_at: Timestamp::parse_iso(NOW),
        diagnosis: Some(DiagnosisInput {
            registered: some(&case.registered),
            failing: some(&case.failing),
            submitted_at: some(case.submitted),
            connection: Some(SharedoProduction),
            utc_offset_minutes: case.offset,
        }),
        ..AnalysisRequest::default()
    };
    let report = analyze(&request);
    // The invariants the fuzzers hold every report to.
    if let Err(broken) = imanage_connect::core::invariants::check_report(&report) {
        panic!("{}: {broken}", case.name);
    }
    report.diagnosis
}

fn cases() -> Vec<Case> {
    vec![
        // ---- 1. The sign-in sent another path on a known environment.
        Case {
            name: "Hosted 7.10: the Redirect URL field holds the admin page",
            version: "7.10",
            failing: authorize("https://acme-uat.clioweb.com/admin/oauth"),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:WrongPath")],
            says: vec!["Redirect URL field", "its path is not /externalServices/replyFrom"],
            never: vec!["not among the environments", "not in your list"],
            ..Case::default()
        },
        Case {
            name: "Hosted 7.10: replyFrom.aspx typed in the Redirect URL field",
            version: "7.10",
            failing: authorize("https://acme-uat.clioweb.com/externalServices/replyFrom.aspx"),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:WrongPath")],
            says: vec!["Redirect URL field"],
            never: vec!["iManage confirmed but", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "7.12: the sign-in sends /oauth/callback: Support is told what is sent",
            failing: authorize("https://acme-uat.clioweb.com/oauth/callback"),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:WrongPath")],
            says: vec![
                "sends a different redirect URI",
                "https://acme-uat.clioweb.com/oauth/callback",
            ],
            never: vec!["Redirect URL field", "not among the environments"],
            ..Case::default()
        },
        Case {
            name: "7.12: production sends its own address with a path of its own",
            failing: authorize("https://acme.clioweb.com/Home/Index"),
            first: SentUriDiffers,
            statuses: vec![("exact", "near:WrongPath"), ("exact", "-")],
            never: vec!["not in your list"],
            ..Case::default()
        },
        Case {
            name: "the sent path is wrong and the host in capitals: both named",
            version: "7.10",
            failing: authorize("https://ACME-UAT.clioweb.com/externalServices/"),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:HostCase+WrongPath")],
            ..Case::default()
        },
        // ---- 2. Not a Clio Operate redirect URI at all.
        Case {
            name: "iManage's own web address pasted as what was sent",
            failing: format!(
                "https://acme.cloudimanage.com/login?redirect_uri={}&error=invalid_redirect_uri",
                encode("https://acme.cloudimanage.com/work/web/")
            ),
            first: NotARedirectUri,
            says: vec!["iManage's own address", "paste the whole address bar"],
            never: vec!["register", "not in your list"],
            ..Case::default()
        },
        Case {
            name: "a Microsoft sign-in address sent",
            failing: authorize("https://login.microsoftonline.com/common/oauth2/nativeclient"),
            first: NotARedirectUri,
            says: vec!["another service's address"],
            never: vec!["login.microsoftonline.com/externalServices", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "the identity server's host with the redirect path",
            failing: authorize("https://acme-identity.clioweb.com/externalServices/replyFrom"),
            first: NotARedirectUri,
            says: vec!["identity", "do not register it"],
            never: vec!["registration needed", "Environment not in our original request"],
            ..Case::default()
        },
        Case {
            name: "an unknown host with another path: another service's",
            failing: authorize("https://portal.example.net/oauth2/callback"),
            first: NotARedirectUri,
            never: vec!["portal.example.net/externalServices", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "iManage's API host with the redirect path is still iManage's own",
            failing: authorize("https://cloudimanage.com/externalServices/replyFrom"),
            first: NotARedirectUri,
            never: vec!["registration needed"],
            ..Case::default()
        },
        Case {
            name: "an unknown environment with the redirect path is still asked to be registered",
            failing: authorize("https://acme-train.clioweb.com/externalServices/replyFrom"),
            first: UnknownEnvironment,
            says: vec!["registration needed", "https://acme-train.clioweb.com/externalServices/replyFrom"],
            ..Case::default()
        },
        // ---- 3. A registration of the wrong page on an environment's address.
        Case {
            name: "registered without replyFrom and the admin page: corrections, both named",
            registered: "Registered:\nhttps://acme.clioweb.com/externalServices/\nhttps://acme-uat.clioweb.com/admin/oauth".into(),
            first: RegisteredUriDiffers,
            statuses: vec![("near:WrongPath", "-"), ("near:WrongPath", "-")],
            says: vec![
                "correction needed",
                "Registered as:\nhttps://acme-uat.clioweb.com/admin/oauth",
                "It must be exactly:\nhttps://acme-uat.clioweb.com/externalServices/replyFrom",
            ],
            never: vec!["registration needed", "please register"],
            never_codes: vec!["no-uri-found"],
            ..Case::default()
        },
        Case {
            name: "one wrong page, one exact: only the wrong one is corrected",
            registered: format!("Added for customer 1764:\n{P}\nhttps://acme-uat.clioweb.com/externalServices/reply"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:WrongPath", "-")],
            says: vec!["correct our registration"],
            ..Case::default()
        },
        Case {
            name: "a link to iManage's web client in the confirmation is no registration",
            registered: format!("Registered:\n{P}\n{U}\nLog in at https://acme.cloudimanage.com/work/web/ to check."),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            never_codes: vec!["registered-unmatched"],
            ..Case::default()
        },
        Case {
            name: "the exact URI beats another page on the same address",
            registered: format!("Registered: {P} (see https://acme.clioweb.com/help/imanage) and {U}"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "an error page naming the admin page is not what was sent",
            failing: "Error invalid_redirect_uri on https://acme-uat.clioweb.com/admin/oauth".into(),
            first: NoCauseFound,
            never: vec!["sent a redirect URI that is not"],
            ..Case::default()
        },
        // ---- 4. Hyphenated at a line end (PDF to text, a word processor).
        Case {
            name: "PDF text: externalSer- / vices/replyFrom",
            registered: format!("Registered URIs: {P}\nhttps://acme-uat.clioweb.com/externalSer-\nvices/replyFrom"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            never: vec!["not registered", "registration needed"],
            codes: vec!["lines-joined"],
            ..Case::default()
        },
        Case {
            name: "Word: external- / Services/replyFrom",
            registered: format!("Redirect URIs registered: {P}\nhttps://acme-uat.clioweb.com/external-\nServices/replyFrom"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "hyphenated inside replyFrom, in a quoted reply",
            registered: format!("> Registered:\n> {P}\n> https://acme-uat.clioweb.com/externalServices/reply-\n> From"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a break after the hyphen of the host keeps it",
            registered: format!("Registered URIs: {P} https://acme-\nuat.clioweb.com/externalServices/replyFrom"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "hyphenated path with a real slash difference stays that difference",
            registered: format!("Registered: {P}\nhttps://acme-uat.clioweb.com/externalServ-\nices/replyFrom/"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-")],
            ..Case::default()
        },
        // ---- 5. White space inside quotes or a cell: an editing artefact.
        Case {
            name: "ServiceNow CSV with a space before the closing quote",
            registered: format!("Number,Short description,Redirect URI,State\nRITM0012345,iManage reg prod,\"{P}\",Closed Complete\nRITM0012346,iManage reg uat,\"{U} \",Closed Complete"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            never: vec!["white space", "correction needed"],
            ..Case::default()
        },
        Case {
            name: "curly quotes with a space inside",
            registered: format!("Registered: \u{201C}{P}\u{201D} and \u{201C}{U} \u{201D}"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a space after the opening quote",
            registered: format!("\" {P}\"\n\"  {U}\""),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a tab before the closing quote of a single-quoted URI",
            registered: format!("'{P}'\n'{U}\t'"),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "white space between characters of a quoted URI stays a named near miss",
            registered: format!("\"{P}\"\n\"https://acme-uat.clioweb.com/ externalServices/replyFrom\""),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:Whitespace", "-")],
            ..Case::default()
        },
        Case {
            name: "a space sent encoded at the end is what the sign-in sent",
            version: "7.10",
            failing: format!("{}%20", authorize(U)),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:Whitespace")],
            ..Case::default()
        },
        // ---- 6. A confirmation older than the request it is compared with.
        Case {
            name: "an October confirmation of production, UAT submitted yesterday: wait",
            registered: format!("From: support@imanage.com\nSent: Friday, 2 October 2026 11:02\nSubject: Registration complete - Customer 1764\n\nRegistered: {P}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegisteredYet,
            says: vec!["dated before the request", "Wait until Sunday 29 November 2026 at 16:00 (UTC)", "UAT: https://acme-uat.clioweb.com/externalServices/replyFrom is not in that confirmation"],
            never: vec!["waiting will not add them", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "an RFC 2822 Date: header a month old",
            registered: format!("Date: Tue, 27 Oct 2026 16:02:00 +0000\nRegistered for 1764:\n{P}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegisteredYet,
            says: vec!["answers an earlier one"],
            ..Case::default()
        },
        Case {
            name: "an Outlook US-style Sent: header in October",
            registered: format!("Sent: Friday, October 2, 2026 11:02 AM\n{P}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegisteredYet,
            ..Case::default()
        },
        Case {
            name: "an undated confirmation within the window: the assumption is said",
            registered: format!("Registered: {P}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegistered,
            says: vec!["if it answers this request"],
            ..Case::default()
        },
        Case {
            name: "a confirmation dated after the submission answers it",
            registered: format!("Sent: Saturday, 28 November 2026 08:00\nRegistered: {P}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegistered,
            says: vec!["waiting will not add them"],
            never: vec!["if it answers", "earlier one"],
            ..Case::default()
        },
        Case {
            name: "a date in the quoted request below the addresses is not the confirmation's",
            registered: format!("Registered: {P}\n\n________________________________\nFrom: Sam\nSent: Friday, 2 October 2026 11:02\nPlease register:\n{P}\n{U}"),
            submitted: "2026-11-27T16:00Z",
            first: NotRegistered,
            never: vec!["earlier one"],
            ..Case::default()
        },
        Case {
            name: "an old confirmation after the window has passed: ask Support",
            registered: format!("Sent: Friday, 2 October 2026 11:02\nRegistered: {P}"),
            first: NotRegistered,
            says: vec!["More than 48 hours have passed", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "an old confirmation listing both exactly: complete, whatever the date",
            registered: format!("Sent: Friday, 2 October 2026 11:02\nRegistered: {P} {U}"),
            submitted: "2026-11-27T16:00Z",
            first: NoCauseFound,
            says: vec!["registration is complete"],
            ..Case::default()
        },
        // ---- A time without a zone; a link that hides its address.
        Case {
            name: "a submission time without a zone and no offset is said to be read as UTC",
            registered: format!("{P}\n{U}"),
            submitted: "2026-11-26T11:00",
            offset: None,
            first: NoCauseFound,
            codes: vec!["submitted-zone-assumed"],
            ..Case::default()
        },
        Case {
            name: "with the reader's offset known, nothing is assumed",
            submitted: "2026-11-26T11:00",
            offset: Some(60),
            first: NoCauseFound,
            never_codes: vec!["submitted-zone-assumed"],
            ..Case::default()
        },
        Case {
            name: "a time with its zone needs no note",
            submitted: "2026-11-26T11:00+01:00",
            offset: None,
            first: NoCauseFound,
            never_codes: vec!["submitted-zone-assumed"],
            ..Case::default()
        },
        Case {
            name: "Mimecast links that hide both addresses: open them first",
            registered: "Registered:\nhttps://protect-eu.mimecast.com/s/AbCdEfGhIjKlMnO?domain=acme.clioweb.com\nhttps://protect-eu.mimecast.com/s/ZyXwVuT?domain=acme-uat.clioweb.com".into(),
            first: AddressHidden,
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            says: vec!["Open the link and paste the address it shows", "Contact Clio Operate Support"],
            never: vec!["registration needed", "not registered"],
            codes: vec!["link-hides-address"],
            ..Case::default()
        },
        Case {
            name: "Hosted 7.10: the error text pasted in the confirmed list is read as what the sign-in sent",
            version: "7.10",
            registered: format!(
                "Sorry, but we're having trouble signing you in.\nAADSTS50011: invalid_redirect_uri\n{}",
                authorize("http://acme-uat.clioweb.com/externalServices/replyFrom/")
            ),
            first: SentUriDiffers,
            statuses: vec![("unknown", "-"), ("unknown", "near:Http+TrailingSlash")],
            says: vec!["Redirect URL field"],
            never: vec!["registered as http", "not in the confirmed list", "register exactly as written"],
            codes: vec!["sign-in-pasted-as-confirmation"],
            ..Case::default()
        },
        Case {
            name: "a hidden link beside a readable URI still comes first",
            registered: format!("Registered:\n{P}\nhttps://protect-us.mimecast.com/s/ZyXwVuT?domain=acme-uat.clioweb.com"),
            first: AddressHidden,
            ..Case::default()
        },
    ]
}

#[test]
fn easily_misread_pastes_give_the_right_verdict() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    check_rows(cases.iter().map(|case| {
        let expected = Expected {
            first: case.first,
            statuses: &case.statuses,
            says: &case.says,
            never: &case.never,
            codes: &case.codes,
            never_codes: &case.never_codes,
        };
        (case.name, diagnose(case), expected)
    }));
}

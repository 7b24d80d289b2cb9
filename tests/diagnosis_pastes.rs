//! Domain rules §6 on pastes as readers make them: whole confirmation e-mails with
//! link-protection wrappers, address bars, error pages and ticket text. Each row gives
//! the environments entered, what was pasted, and the verdict and statuses expected.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::assert_well_formed;
use common::verdict::status;
use imanage_connect::core::diagnosis::{CauseKind, ConnectionChoice, DiagnosisInput, Match};
use imanage_connect::core::extract::extract_uris;
use imanage_connect::core::{analyze, AnalysisRequest, EnvironmentInput, Role, Timestamp};

use CauseKind::*;
use ConnectionChoice::*;

const PROD: &str = "https://acme.clioweb.com/externalServices/replyFrom";
const UAT: &str = "https://acme-uat.clioweb.com/externalServices/replyFrom";
const NOW: &str = "2026-11-28T10:00:00Z";

/// Outlook Safe Links around `inner` (percent-encoded as Outlook does).
fn safe_link(inner: &str) -> String {
    let encoded: String = inner
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("https://eur02.safelinks.protection.outlook.com/?url={encoded}&data=05%7C02%7Cit%40acme-legal.example%7C3f2a9c%7C0%7C0%7C638%7CUnknown%7CTWFpbGZsb3d8%3D%7C0%7C%7C%7C&sdata=Zk9pQ%2B%3D&reserved=0")
}

/// Proofpoint URL Defense v2 around `inner`.
fn proofpoint_v2(inner: &str) -> String {
    let encoded = inner
        .replace('-', "-2D")
        .replace('_', "-5F")
        .replace(':', "-3A")
        .replace('/', "_");
    format!("https://urldefense.proofpoint.com/v2/url?u={encoded}&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=k3Jd9&m=Xq1&s=Lw2&e=")
}

fn encode(uri: &str) -> String {
    uri.replace(':', "%3A").replace('/', "%2F")
}

fn encode_twice(uri: &str) -> String {
    uri.replace(':', "%253A").replace('/', "%252F")
}

/// One realistic case.
struct Case {
    name: &'static str,
    /// `role=address`; empty for none entered.
    environments: Vec<&'static str>,
    version: &'static str,
    registered: String,
    failing: String,
    submitted: &'static str,
    connection: Option<ConnectionChoice>,
    /// The first cause.
    first: CauseKind,
    /// Per environment: against the confirmed list, then against the failing sign-in.
    statuses: Vec<(&'static str, &'static str)>,
    /// Finding codes that must be among the diagnosis findings.
    codes: Vec<&'static str>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            name: "",
            environments: vec!["production=acme.clioweb.com", "uat=acme-uat.clioweb.com"],
            version: "7.11.2",
            registered: String::new(),
            failing: String::new(),
            submitted: "",
            connection: None,
            first: NoCauseFound,
            statuses: Vec::new(),
            codes: Vec::new(),
        }
    }
}

fn request(case: &Case) -> AnalysisRequest {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    AnalysisRequest {
        environments: case
            .environments
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
            connection: case.connection,
            utc_offset_minutes: Some(0),
        }),
        ..AnalysisRequest::default()
    }
}

fn cases() -> Vec<Case> {
    let confirmation = |list: &str| {
        format!(
            "From: iManage Support <support@imanage.com>\nSent: Wednesday, November 25, 2026 4:12 PM\nSubject: RE: [Ticket #48213] Clio Operate redirect URI registration\n\nHello,\n\nThe following redirect URIs have now been added to the Clio Operate application for customer 1764:\n\n{list}\n\nKind regards,\niManage Cloud Operations\nhttps://imanage.com\n"
        )
    };
    vec![
        // Link-protection wrappers.
        Case {
            name: "Safe Links around each URI in a confirmation",
            registered: confirmation(&format!("{}\n{}", safe_link(PROD), safe_link(UAT))),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "plain-text Outlook: each URI followed by its Safe Links target",
            registered: confirmation(&format!("{PROD}<{}>\n{UAT}/<{}>", safe_link(PROD), safe_link(&format!("{UAT}/")))),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-")],
            ..Case::default()
        },
        Case {
            name: "plain-text Outlook pair whose target adds a slash is still one URI",
            registered: format!("- {PROD}<{}>", safe_link(&format!("{PROD}/"))),
            environments: vec!["production=acme.clioweb.com"],
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "Google redirect from a shared document",
            registered: format!("Registered (see doc): https://www.google.com/url?q={PROD}&sa=D&source=editors&ust=1764000000000000&usg=AOvVaw1x and https://www.google.com/url?q={}&sa=D", encode(UAT)),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "Proofpoint v2 with its -/_ encoding",
            registered: confirmation(&format!("* {}\n* {}", proofpoint_v2(PROD), proofpoint_v2(UAT))),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "Proofpoint v3 __…__; form",
            registered: confirmation(&format!("https://urldefense.com/v3/__{PROD}__;!!AbCdEf!GhIjKl-MnOp$ \nhttps://urldefense.com/v3/__{UAT}/__;!!AbCdEf!Qr$")),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-")],
            codes: vec!["link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "Mimecast with the address in a parameter",
            registered: format!("https://protect-eu.mimecast.com/redirect?url={}&key=abc", encode(PROD)),
            environments: vec!["production=acme.clioweb.com"],
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-")],
            codes: vec!["link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "Mimecast link that hides the address",
            registered: "Confirmed: https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMn?domain=acme.clioweb.com".into(),
            environments: vec!["production=acme.clioweb.com"],
            // Opening the link comes first; the connection is still to be checked.
            first: AddressHidden,
            statuses: vec![("unknown", "-")],
            codes: vec!["link-hides-address", "no-uri-found"],
            ..Case::default()
        },
        Case {
            name: "Safe Links around the failing authorize URL",
            failing: safe_link(&format!("https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=3f1c&redirect_uri={}&state=a1", encode(UAT))),
            // The URI sent is right and no date is entered: it may not be processed yet.
            first: NotRegisteredYet,
            statuses: vec![("unknown", "-"), ("unknown", "exact")],
            ..Case::default()
        },
        // Glued lists.
        Case {
            name: "comma-glued list from a ticket field",
            registered: format!("Redirect URIs: {PROD},{UAT}"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "semicolon-glued list from a spreadsheet cell",
            registered: format!("{PROD};{UAT}/"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-")],
            ..Case::default()
        },
        Case {
            name: "glued list with an origin-only second entry",
            registered: format!("{PROD},https://acme-uat.clioweb.com"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:MissingPath", "-")],
            ..Case::default()
        },
        // Invisible characters.
        Case {
            name: "zero-width space after a URI pasted from Teams",
            registered: format!("{PROD}\u{200B}\n{UAT}\u{200B}"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        Case {
            name: "soft hyphen inside the host from Word",
            registered: format!("https://acme\u{AD}-uat.clioweb.com/externalServices/replyFrom\n{PROD}"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        Case {
            name: "byte-order mark before and zero-width joiner inside",
            registered: format!("\u{FEFF}{PROD}\nhttps://acme-uat.clioweb.com/external\u{200D}Services/replyFrom"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        Case {
            name: "no-break spaces after each URI from an HTML e-mail",
            registered: format!("{PROD}\u{A0}\u{A0}\n{UAT}&nbsp;"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "no-break space inside the path",
            registered: format!("{PROD}\nhttps://acme-uat.clioweb.com/externalServices/\u{A0}replyFrom"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        Case {
            name: "zero-width space in the failing address",
            failing: format!("https://cloudimanage.com/auth/oauth2/authorize?client_id=3f1c&redirect_uri={}\u{200B}&response_type=code", encode(PROD)),
            submitted: "2026-11-20T09:00:00Z",
            first: NotRegistered,
            statuses: vec![("unknown", "exact"), ("unknown", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        // Hard-wrapped lines.
        Case {
            name: "plain-text e-mail wrapped inside externalServices",
            registered: format!("{PROD}\nhttps://acme-uat.clioweb.com/externalSer\nvices/replyFrom"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined"],
            ..Case::default()
        },
        Case {
            name: "wrapped after the host in a quoted reply",
            registered: format!("> {PROD}\n> https://acme-uat.clioweb.com/\n> externalServices/replyFrom\n>\n> Regards"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined"],
            ..Case::default()
        },
        Case {
            name: "wrapped with CRLF before replyFrom",
            registered: format!("{PROD}\r\nhttps://acme-uat.clioweb.com/externalServices/\r\nreplyFrom\r\n"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined"],
            ..Case::default()
        },
        Case {
            name: "wrapped URI that was registered with a slash",
            registered: format!("{PROD}\nhttps://acme-uat.clioweb.com/externalServices/repl\nyFrom/"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-")],
            ..Case::default()
        },
        // Scheme-less and origin-only.
        Case {
            name: "scheme-less registrations in a ticket",
            registered: "Done - registered acme.clioweb.com/externalServices/replyFrom and acme-uat.clioweb.com/externalServices/replyFrom".into(),
            first: RegisteredUriDiffers,
            statuses: vec![("near:MissingScheme", "-"), ("near:MissingScheme", "-")],
            ..Case::default()
        },
        Case {
            name: "origin-only registrations",
            registered: confirmation("https://acme.clioweb.com\nhttps://acme-uat.clioweb.com/"),
            first: RegisteredUriDiffers,
            statuses: vec![("near:MissingPath", "-"), ("near:MissingPath", "-")],
            ..Case::default()
        },
        Case {
            name: "origin in the greeting and exact URI in the list",
            registered: format!("Your environment https://acme.clioweb.com has been registered with redirect URI {PROD}."),
            environments: vec!["production=acme.clioweb.com"],
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a signature link is not an environment",
            registered: confirmation(PROD),
            environments: vec!["production=acme.clioweb.com"],
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "http origin-only registration",
            registered: "http://acme.clioweb.com".into(),
            environments: vec!["production=acme.clioweb.com"],
            first: RegisteredUriDiffers,
            statuses: vec![("near:Http+MissingPath", "-")],
            ..Case::default()
        },
        // Encodings.
        Case {
            name: "double-encoded redirect_uri in a JSON error",
            failing: format!("{{\"error\":\"invalid_redirect_uri\",\"error_description\":\"Invalid parameter: redirect_uri={}\"}}", encode_twice(UAT)),
            submitted: "2026-11-20T09:00:00Z",
            first: NotRegistered,
            statuses: vec![("unknown", "-"), ("unknown", "exact")],
            ..Case::default()
        },
        Case {
            name: "double-encoded redirect_uri inside a login returnUrl",
            failing: format!("https://cloudimanage.com/login/?returnUrl=%2Fauth%2Foauth2%2Fauthorize%3Fresponse_type%3Dcode%26client_id%3D3f1c%26redirect_uri%3D{}%2F%26state%3Dxyz", encode_twice("https://acme.clioweb.com/externalServices/replyFrom").replace("%2F", "%252F")),
            first: SentUriDiffers,
            statuses: vec![("unknown", "near:TrailingSlash"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "bare query copied from a log line",
            failing: format!("GET /auth/oauth2/authorize client_id=3f1c9a&redirect_uri={}&response_type=code&scope=user 400", encode(UAT)),
            submitted: "2026-11-27T12:00:00Z",
            first: NotRegisteredYet,
            statuses: vec![("unknown", "-"), ("unknown", "exact")],
            ..Case::default()
        },
        Case {
            name: "bare query with http in the value",
            failing: format!("client_id=3f1c9a&redirect_uri={}&response_type=code", encode("http://acme.clioweb.com/externalServices/replyFrom")),
            version: "7.10",
            first: SentUriDiffers,
            statuses: vec![("unknown", "near:Http"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "authorize URL with a percent-encoded redirect in the address bar",
            failing: format!("https://acme.cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=3f1c&redirect_uri={}&state=eyJ0", encode(PROD)),
            registered: UAT.into(),
            submitted: "2026-11-20T09:00:00Z",
            first: NotRegistered,
            statuses: vec![("missing", "exact"), ("exact", "-")],
            ..Case::default()
        },
        // Callback URLs.
        Case {
            name: "callback with a code is the redirect URI, not a different one",
            failing: format!("{PROD}?code=eyJhbGciOiJSUzI1NiJ9.abc&state=7f3a2c"),
            registered: format!("{PROD}\n{UAT}"),
            connection: Some(SharedoProduction),
            // The code proves the registration works: said first.
            first: RegistrationWorks,
            statuses: vec![("exact", "exact"), ("exact", "-")],
            codes: vec!["callback-answer"],
            ..Case::default()
        },
        Case {
            name: "callback with an error reports it in plain words",
            failing: format!("{UAT}?error=access_denied&error_description=The+user+denied+access&state=7f3a"),
            first: CallbackError,
            statuses: vec![("unknown", "-"), ("unknown", "exact")],
            codes: vec!["callback-answer"],
            ..Case::default()
        },
        Case {
            name: "callback with invalid_redirect_uri falls back to the registration",
            failing: format!("{UAT}?error=invalid_redirect_uri&error_description=redirect_uri+not+registered"),
            registered: PROD.into(),
            submitted: "2026-11-20T09:00:00Z",
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact")],
            ..Case::default()
        },
        Case {
            name: "callback from an http address",
            failing: "http://acme.clioweb.com/externalServices/replyFrom?code=abc&state=1".into(),
            // The code proves iManage has the http URI registered: that pair works, so
            // it is reported after the causes, not as what fails.
            first: PairMatches,
            statuses: vec![("unknown", "near:Http"), ("unknown", "-")],
            ..Case::default()
        },
        // Unknown environment.
        Case {
            name: "sign-in from an environment not entered",
            failing: format!("https://cloudimanage.com/auth/oauth2/authorize?client_id=3f1c&redirect_uri={}&response_type=code", encode("https://acme-train.clioweb.com/externalServices/replyFrom")),
            registered: format!("{PROD}\n{UAT}"),
            connection: Some(SharedoProduction),
            first: UnknownEnvironment,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "the wrong connection (certain, fixed in a minute) comes before an unknown environment",
            failing: "invalid_redirect_uri: https://acme-test.clioweb.com/externalServices/replyFrom".into(),
            connection: Some(SharedoTest),
            first: WrongConnection,
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "unknown environment even within the 48 hours",
            failing: format!("redirect_uri={}", encode("https://acme-dr.clioweb.com/externalServices/replyFrom")),
            submitted: "2026-11-27T20:00:00Z",
            first: UnknownEnvironment,
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "an environment iManage confirmed but not entered is no unknown cause",
            failing: format!("redirect_uri={}", encode("https://acme-train.clioweb.com/externalServices/replyFrom")),
            registered: format!("{PROD}\n{UAT}\nhttps://acme-train.clioweb.com/externalServices/replyFrom"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            codes: vec!["registered-unmatched"],
            ..Case::default()
        },
        // No environments entered.
        Case {
            name: "confirmation pasted with no environments",
            environments: vec![],
            registered: confirmation(&format!("{PROD}\n{UAT}")),
            connection: Some(SharedoProduction),
            first: NoEnvironments,
            codes: vec!["no-environments-to-compare"],
            ..Case::default()
        },
        Case {
            name: "failing address with no environments",
            environments: vec![],
            failing: format!("https://cloudimanage.com/auth?redirect_uri={}", encode(PROD)),
            first: NoEnvironments,
            codes: vec!["no-environments-to-compare"],
            ..Case::default()
        },
        Case {
            name: "only a date with no environments: the window does not need them",
            environments: vec![],
            submitted: "2026-11-27T12:00:00Z",
            first: NotRegisteredYet,
            ..Case::default()
        },
        // The 48-hour window.
        Case {
            name: "inside the window, the confirmation received leaves one URI out: ask now",
            registered: PROD.into(),
            submitted: "2026-11-27T12:00:00Z",
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "-")],
            ..Case::default()
        },
        Case {
            name: "inside the window but every URI confirmed: complete, no wait",
            registered: format!("{PROD}\n{UAT}"),
            submitted: "2026-11-27T12:00:00Z",
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "inside the window with a near miss: waiting will not fix it",
            registered: format!("{PROD}/\n{UAT}"),
            submitted: "2026-11-27T12:00:00Z",
            first: RegisteredUriDiffers,
            statuses: vec![("near:TrailingSlash", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "after the window with one missing",
            registered: UAT.into(),
            submitted: "2026-11-24",
            first: NotRegistered,
            statuses: vec![("missing", "-"), ("exact", "-")],
            codes: vec!["submitted-time-assumed"],
            ..Case::default()
        },
        Case {
            name: "after the window, nothing confirmed, sign-in sent exactly",
            failing: format!("https://cloudimanage.com/auth?redirect_uri={}", encode(PROD)),
            submitted: "2026-11-20T09:00",
            first: NotRegistered,
            statuses: vec![("unknown", "exact"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "only a date inside the window",
            submitted: "2026-11-28T08:00",
            first: NotRegisteredYet,
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "only a date after the window: the article's remaining checks",
            submitted: "2026-11-01",
            first: CheckConnection,
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            ..Case::default()
        },
        Case {
            name: "a date in the future is told, not used",
            registered: PROD.into(),
            submitted: "2026-12-24",
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "-")],
            codes: vec!["submitted-date-in-future"],
            ..Case::default()
        },
        // The connection setting.
        Case {
            name: "Sharedo Test with a clean confirmation",
            registered: format!("{PROD}\n{UAT}"),
            connection: Some(SharedoTest),
            first: WrongConnection,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "not sure of the connection with a clean confirmation",
            registered: format!("{PROD}\n{UAT}"),
            connection: Some(NotSure),
            first: CheckConnection,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "connection not given with a clean confirmation",
            registered: format!("{PROD}\n{UAT}"),
            first: CheckConnection,
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "Sharedo Production and every URI confirmed",
            registered: format!("{PROD}\n{UAT}"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "only the connection, answered Production",
            connection: Some(SharedoProduction),
            statuses: vec![("unknown", "-"), ("unknown", "-")],
            ..Case::default()
        },
        // Other realistic near misses.
        Case {
            name: "capitals and port typed by Support",
            registered: "https://ACME.clioweb.com:443/externalServices/replyFrom\nhttps://acme-uat.clioweb.com/ExternalServices/ReplyFrom".into(),
            first: RegisteredUriDiffers,
            statuses: vec![("near:HostCase+ExplicitPort", "-"), ("near:PathCase", "-")],
            ..Case::default()
        },
        Case {
            name: "error page text quoting the URI with a trailing slash",
            failing: format!("Error: invalid_redirect_uri\nThe redirect URI '{UAT}/' provided in the request is not registered for client 3f1c."),
            first: SentUriDiffers,
            statuses: vec![("unknown", "-"), ("unknown", "near:TrailingSlash")],
            ..Case::default()
        },
        Case {
            name: "ticket text with the URIs in a markdown table",
            registered: format!("| Environment | Redirect URI |\n|---|---|\n| Production | {PROD} |\n| UAT | {UAT} |"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "HTML source of the confirmation",
            registered: format!("<p>Added:</p><ul><li><a href=\"{PROD}\">{PROD}</a></li><li><a href=\"{UAT}\">{UAT}</a>&nbsp;</li></ul>"),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "three environments, one wrapped, one glued, one in Safe Links",
            environments: vec!["production=acme.clioweb.com", "uat=acme-uat.clioweb.com", "training=acme-training.clioweb.com"],
            registered: format!("{PROD},https://acme-uat.clioweb.com/externalServ\nices/replyFrom\n{}", safe_link("https://acme-training.clioweb.com/externalServices/replyFrom")),
            connection: Some(SharedoProduction),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined", "link-unwrapped"],
            ..Case::default()
        },
    ]
}

#[test]
fn realistic_pastes_give_the_right_verdict() {
    let cases = cases();
    assert!(cases.len() >= 55, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let report = analyze(&request(case));
        let Some(diagnosis) = report.diagnosis else {
            failures.push(format!("{}: no diagnosis", case.name));
            continue;
        };
        let kinds: Vec<CauseKind> = diagnosis.causes.iter().map(|c| c.kind).collect();
        if kinds.first() != Some(&case.first) {
            failures.push(format!(
                "{}: causes {kinds:?}, want {:?} first",
                case.name, case.first
            ));
        }
        let statuses: Vec<(String, String)> = diagnosis
            .environments
            .iter()
            .map(|e| {
                (
                    status(&e.registered),
                    e.sent.as_ref().map_or("-".into(), status),
                )
            })
            .collect();
        let want: Vec<(String, String)> = case
            .statuses
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        if statuses != want {
            failures.push(format!(
                "{}: statuses {statuses:?}, want {want:?}",
                case.name
            ));
        }
        let codes: Vec<&str> = diagnosis.findings.iter().map(|f| f.code.as_str()).collect();
        for code in &case.codes {
            if !codes.contains(code) {
                failures.push(format!("{}: findings {codes:?} lack {code}", case.name));
            }
        }
        diagnosis.findings.iter().for_each(assert_well_formed);
        // Never a verdict of "everything matches" against contrary evidence, and a wait
        // never when iManage confirmed every URI.
        let complete = !diagnosis.environments.is_empty()
            && diagnosis
                .environments
                .iter()
                .all(|e| e.registered == Match::Exact);
        if complete && kinds.contains(&NotRegisteredYet) {
            failures.push(format!("{}: waits although complete", case.name));
        }
        if kinds.contains(&NoCauseFound)
            && kinds.iter().any(|k| {
                !matches!(
                    k,
                    NoCauseFound
                        | CheckConnection
                        | RegistrationWorks
                        | AddressHidden
                        | PairMatches
                        | NoEnvironments
                )
            })
        {
            failures.push(format!(
                "{}: no-cause verdict beside a cause: {kinds:?}",
                case.name
            ));
        }
        // Invisible characters are never a difference.
        for e in &diagnosis.environments {
            for m in std::iter::once(&e.registered).chain(e.sent.iter()) {
                if let Match::NearMiss { found, .. } = m {
                    assert!(
                        !found.contains('\u{200B}') && !found.contains('\u{AD}'),
                        "{}",
                        case.name
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_wrapper_is_never_a_registered_uri() {
    for text in [
        safe_link(PROD),
        proofpoint_v2(PROD),
        format!("https://urldefense.com/v3/__{PROD}__;!!a$"),
    ] {
        let found: Vec<String> = extract_uris(&text).into_iter().map(|u| u.uri).collect();
        assert_eq!(found, [PROD], "{text}");
    }
}

fn diagnose(case: Case) -> imanage_connect::core::diagnosis::DiagnosisReport {
    analyze(&request(&case)).diagnosis.unwrap()
}

#[test]
fn the_unknown_environment_is_asked_to_be_registered() {
    let report = diagnose(Case {
        failing: format!(
            "https://cloudimanage.com/auth?redirect_uri={}",
            encode("http://ACME-Train.clioweb.com/externalServices/replyFrom")
        ),
        registered: format!("{PROD}\n{UAT}"),
        ..Case::default()
    });
    assert_eq!(report.causes[0].kind, UnknownEnvironment);
    assert!(report.causes[0].title.contains("not in your list"));
    let follow_up = report.follow_up.unwrap();
    assert!(
        follow_up.subject.contains("registration needed"),
        "{}",
        follow_up.subject
    );
    assert!(!follow_up.body.contains("correct"), "{}", follow_up.body);
    assert!(follow_up
        .body
        .lines()
        .any(|l| l == "https://acme-train.clioweb.com/externalServices/replyFrom"));
}

#[test]
fn the_message_says_correct_only_for_near_misses() {
    let missing_only = diagnose(Case {
        registered: PROD.into(),
        submitted: "2026-11-20T09:00:00Z",
        ..Case::default()
    })
    .follow_up
    .unwrap();
    assert!(missing_only.subject.contains("registration needed"));
    assert!(
        !missing_only.body.to_lowercase().contains("correct"),
        "{}",
        missing_only.body
    );
    assert!(missing_only.body.contains("register"));

    let near_only = diagnose(Case {
        registered: format!("{PROD}/\n{UAT}"),
        ..Case::default()
    })
    .follow_up
    .unwrap();
    assert!(near_only.subject.contains("correction needed"));
    assert!(
        !near_only.body.contains("Not registered"),
        "{}",
        near_only.body
    );

    let both = diagnose(Case {
        registered: format!("{PROD}/"),
        submitted: "2026-11-20T09:00:00Z",
        ..Case::default()
    })
    .follow_up
    .unwrap();
    assert!(both.subject.contains("correction and registration needed"));
}

#[test]
fn actions_fit_the_configuration_path() {
    let failing = format!(
        "https://cloudimanage.com/auth?redirect_uri={}",
        encode(&format!("{PROD}/"))
    );
    let standard = diagnose(Case {
        failing: failing.clone(),
        version: "7.11.0",
        ..Case::default()
    });
    let action = &standard.causes[0].action;
    assert!(!action.contains("Redirect URL field"), "{action}");
    assert!(action.contains("Clio Operate Support"), "{action}");
    assert!(standard
        .follow_up
        .unwrap()
        .body
        .contains("sends a different redirect URI"));

    let hosted = diagnose(Case {
        failing: failing.clone(),
        version: "7.10.2",
        ..Case::default()
    });
    assert!(hosted.causes[0].action.contains("Redirect URL field"));
    assert!(hosted.follow_up.is_none(), "the reader corrects the field");

    let undecided = diagnose(Case {
        failing,
        version: "",
        ..Case::default()
    });
    assert!(undecided.causes[0]
        .action
        .contains("Enter your Clio Operate version"));
}

#[test]
fn the_window_counts_from_support_submitting_to_imanage() {
    // No confirmation yet (one received ends the wait), the URI sent is right.
    let report = diagnose(Case {
        failing: format!("redirect_uri={}", encode(UAT)),
        submitted: "2026-11-27T12:00:00Z",
        ..Case::default()
    });
    let cause = &report.causes[0];
    assert_eq!(cause.kind, NotRegisteredYet);
    assert!(cause
        .evidence
        .iter()
        .any(|e| e.contains("submitted the request to iManage") && e.contains("may run longer")));
    assert!(cause
        .action
        .contains("Sunday 29 November 2026 at 12:00 (UTC)"));
}

#[test]
fn a_complete_registration_is_said_plainly_whatever_the_date() {
    let report = diagnose(Case {
        registered: format!("{PROD}\n{UAT}"),
        submitted: "2026-11-28T09:00:00Z",
        connection: Some(SharedoProduction),
        ..Case::default()
    });
    assert_eq!(report.causes.len(), 1);
    assert_eq!(report.causes[0].kind, NoCauseFound);
    assert!(report.causes[0].title.contains("complete"));
    assert!(report.causes[0]
        .action
        .contains("Contact Clio Operate Support"));
}

/// `analyze()` in the browser returns the report written by the core's own JSON writer:
/// on every realistic paste it writes exactly what serde_json writes (the command-line
/// tool's output), so the JavaScript API's report keeps its shape.
#[test]
fn the_report_json_is_what_serde_json_writes() {
    for case in cases() {
        let report = analyze(&request(&case));
        assert_eq!(
            imanage_connect::core::json::to_string(&report).unwrap(),
            serde_json::to_string(&report).unwrap(),
            "{}",
            case.name
        );
    }
}

//! Domain rules §6 on the harder pastes: replies that quote the request they answer,
//! addresses hard-wrapped anywhere, invisible characters the sign-in really sent, a
//! callback that proves a registration works, and verdicts drawn from partial evidence.
//! Each row gives what was entered, the statuses and first cause expected, and phrases
//! the verdict must (and must not) contain.
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
const T: &str = "https://acme-train.clioweb.com/externalServices/replyFrom";
const NOW: &str = "2026-11-28T10:30:00Z";
const LONG_AGO: &str = "2026-11-20T09:00Z";
const THREE: [&str; 3] = [
    "production=https://acme.clioweb.com",
    "uat=https://acme-uat.clioweb.com",
    "training=https://acme-train.clioweb.com",
];

/// The authorisation address a sign-in opens, sending `redirect` (already encoded).
fn authorize(redirect: &str) -> String {
    format!("https://cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=7f3c2a10-aaaa-bbbb-cccc-1234567890ab&redirect_uri={redirect}&scope=user&state=eyJhIjoxfQ")
}

fn encode(uri: &str) -> String {
    uri.replace(':', "%3A").replace('/', "%2F")
}

/// Outlook Safe Links around `inner`.
fn safe_link(inner: &str) -> String {
    format!("https://eur02.safelinks.protection.outlook.com/?url={}&data=05%7C02%7Csam%40acme.example%7C1b2c3d4e5f%7C0%7C0%7C638%7CUnknown%7CTWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAiLCJQIjoiV2luMzIiLCJBTiI6Ik1haWwiLCJXVCI6Mn0%3D&sdata=abcdef%3D&reserved=0", encode(inner))
}

/// `text` hard-wrapped every `width` characters, as a plain-text mail client does.
fn hard_wrap(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` broken by a line break just before `at`.
fn break_before(text: &str, at: &str) -> String {
    let i = text.find(at).unwrap();
    format!("{}\n{}", &text[..i], &text[i..])
}

struct Case {
    name: &'static str,
    environments: Vec<&'static str>,
    version: &'static str,
    registered: String,
    failing: String,
    submitted: &'static str,
    connection: Option<ConnectionChoice>,
    first: CauseKind,
    /// Per environment: against the confirmed list, then against the failing sign-in.
    statuses: Vec<(&'static str, &'static str)>,
    /// Phrases the verdict (causes and the message to Support) must contain.
    says: Vec<&'static str>,
    /// Phrases it must not contain.
    never: Vec<&'static str>,
    codes: Vec<&'static str>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            name: "",
            environments: THREE.to_vec(),
            version: "7.12.0",
            registered: String::new(),
            failing: String::new(),
            submitted: LONG_AGO,
            connection: Some(SharedoProduction),
            first: NoCauseFound,
            statuses: Vec::new(),
            says: Vec::new(),
            never: Vec::new(),
            codes: Vec::new(),
        }
    }
}

fn diagnose(case: &Case) -> Option<DiagnosisReport> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let request = AnalysisRequest {
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
    };
    analyze(&request).diagnosis
}

fn cases() -> Vec<Case> {
    vec![
        // ---- Replies that quote the request they answer.
        Case {
            name: "Outlook reply: confirmation of two, original request of three below the separator",
            registered: format!("From: iManage Cloud Operations <support@imanage.com>\nSubject: RE: Clio Operate redirect URIs - Customer 1764\n\nHello, the following have now been registered for customer 1764:\n{P}\n{T}\n\n-----Original Message-----\nFrom: Clio Operate Support\nSubject: Clio Operate redirect URIs - Customer 1764\n> Please register for Customer ID 1764:\n> {P}\n> {U}\n> {T}\n"),
            failing: authorize(&encode(U)),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            never: vec!["registration is complete"],
            codes: vec!["quoted-history-left-out"],
            ..Case::default()
        },
        Case {
            name: "Gmail reply: confirmation with a slash, correct request quoted after On … wrote:",
            registered: format!("Hi Sam,\niManage have confirmed; registered for customer 1764:\n{P}\n{U}/\n{T}\n\nOn Mon, 23 Nov 2026 at 10:02, Sam Example <sam@acme.example> wrote:\n> Please register our redirect URIs:\n> {P}\n> {U}\n> {T}\n"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-"), ("exact", "-")],
            says: vec!["correction needed"],
            ..Case::default()
        },
        Case {
            name: "reply whose quoted original is written with > only",
            registered: format!("Done - registered:\n{P}\n{T}\n\n> Can you add these three please?\n> {P}\n> {U}\n> {T}\n"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "-"), ("exact", "-")],
            codes: vec!["quoted-history-left-out"],
            ..Case::default()
        },
        Case {
            name: "Outlook rule of underscores then the quoted header",
            registered: format!("Registered for 1764:\n{P}\n{U}/\n\n________________________________\nFrom: Sam Example <sam@acme.example>\nSent: Monday, November 23, 2026 10:02 AM\nSubject: redirect URIs\n\nPlease register:\n{P}\n{U}\n{T}\n"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-"), ("missing", "-")],
            ..Case::default()
        },
        Case {
            name: "only the quoted confirmation pasted: it is the confirmation",
            registered: format!("On Wed, 25 Nov 2026 at 09:14, Clio Operate Support <support@clio.example> wrote:\n> Hi Sam,\n>\n> iManage have confirmed the registration. Registered:\n> {P}\n> {U}/\n>\n> Regards, Support\n"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "-"), ("missing", "-")],
            ..Case::default()
        },
        Case {
            name: "forwarded confirmation with a note above that names no address",
            registered: format!("FYI, see below.\n\n---------- Forwarded message ---------\nFrom: iManage Cloud Operations <support@imanage.com>\nDate: Tue, 24 Nov 2026\nSubject: Registered\n\nThe following redirect URIs are registered:\n{P}\n{U}\n{T}\n"),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            says: vec!["registration is complete"],
            ..Case::default()
        },
        Case {
            name: "correction of one environment quoting the earlier confirmation of the others",
            registered: format!("Corrected now - registered {U}\nThanks, iManage\n\n> From: iManage\n> We have registered {U}/ and {P} and {T}\n"),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        // ---- Addresses hard-wrapped anywhere.
        Case {
            name: "Safe Links wrapper hard-wrapped at 72 columns",
            registered: format!("{P}\n{U}\n{}", hard_wrap(&safe_link(T), 72)),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined", "link-unwrapped"],
            ..Case::default()
        },
        Case {
            name: "Safe Links wrapper hard-wrapped at 76 columns with a slash registered",
            registered: format!("Registered:\n{P}\n{U}\n{}", hard_wrap(&safe_link(&format!("{T}/")), 76)),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "-"), ("near:TrailingSlash", "-")],
            ..Case::default()
        },
        Case {
            name: "Safe Links broken inside the encoded address, before %2FexternalServices",
            registered: format!("{P}\n{U}\n{}", break_before(&safe_link(T), "%2FexternalServices")),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "Safe Links broken inside the encoded host",
            registered: format!("{P}\n{U}\n{}", break_before(&safe_link(T), "clioweb.com%2F")),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "Safe Links broken in its data parameter",
            registered: format!("{P}\n{U}\n{}", break_before(&safe_link(T), "7C638")),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "Safe Links in a quoted reply, wrapped with > on each line",
            registered: format!("> Registered:\n> {P}\n> {U}\n> {}", hard_wrap(&safe_link(T), 70).replace('\n', "\n> ")),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "authorisation address broken after client_id=",
            registered: format!("{P}\n{T}"),
            failing: break_before(&authorize(&encode(U)), "7f3c2a10"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            never: vec!["not in your list"],
            ..Case::default()
        },
        Case {
            name: "authorisation address broken after %2F in redirect_uri",
            registered: format!("{P}\n{T}"),
            failing: break_before(&authorize(&encode(U)), "externalServices"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "authorisation address broken inside the encoded host",
            registered: format!("{P}\n{T}"),
            failing: break_before(&authorize(&encode(U)), "clioweb"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "authorisation address broken before &redirect_uri, CRLF line ends",
            registered: format!("{P}\r\n{T}"),
            failing: break_before(&authorize(&encode(U)), "&redirect_uri").replace('\n', "\r\n"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "plain URI broken inside the host",
            registered: format!("{P}\n{U}\nhttps://acme-train.clio\nweb.com/externalServices/replyFrom"),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            codes: vec!["lines-joined"],
            ..Case::default()
        },
        Case {
            name: "plain URI broken after the hyphen of the host",
            registered: format!("Registered for 1764: {P}\nhttps://acme-\nuat.clioweb.com/externalServices/replyFrom\n{T}"),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "plain URI broken before its path, in a sentence",
            registered: format!("Hi Sam, iManage have registered {P}, {U} and https://acme-train.clioweb.com\n/externalServices/replyFrom for you.\nRegards"),
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a complete URI at a line end is not joined to the next line's word",
            registered: format!("Registered for customer 1764 as requested: {P}\nThanks\n{U}\nacme-train.clioweb.com/externalServices/replyFrom"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "-"), ("near:MissingScheme", "-")],
            ..Case::default()
        },
        // ---- Invisible characters the sign-in really sent (percent-encoded).
        Case {
            name: "Hosted: the Redirect URL field ends with a zero-width space, sent as %E2%80%8B",
            version: "7.10.2",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&format!("{}%E2%80%8B", encode(U))),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:InvisibleCharacter"), ("exact", "-")],
            says: vec!["Redirect URL field", "replyFrom%E2%80%8B"],
            never: vec!["registration is complete"],
            ..Case::default()
        },
        Case {
            name: "Hosted: a soft hyphen sent inside the path",
            version: "7.10",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&encode(U).replace("external", "external%C2%AD")),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:InvisibleCharacter"), ("exact", "-")],
            says: vec!["Redirect URL field", "invisible character"],
            ..Case::default()
        },
        Case {
            name: "Hosted: a no-break space sent at the end, as before",
            version: "7.10.2",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&format!("{}%C2%A0", encode(U))),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:Whitespace"), ("exact", "-")],
            says: vec!["Redirect URL field"],
            ..Case::default()
        },
        Case {
            name: "standard path: a zero-width space sent inside the host goes to Support",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&encode(U).replace("clioweb.com", "clioweb.com%E2%80%8B")),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:InvisibleCharacter"), ("exact", "-")],
            says: vec!["Clio Operate Support"],
            ..Case::default()
        },
        Case {
            name: "a zero-width space pasted (not encoded) into the address bar copy is removed",
            registered: format!("{P}\n{T}"),
            failing: authorize(&format!("{}\u{200B}", encode(U))),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            codes: vec!["invisible-characters-removed"],
            ..Case::default()
        },
        // ---- A callback carrying code= proves that registration works.
        Case {
            name: "code= callback for an environment the confirmed list lacks",
            registered: format!("Registered:\n{P}\n{T}"),
            failing: format!("{U}?code=eyJhbGciOiJSUzI1NiJ9.abc&state=7f3a2c&session_state=x"),
            first: RegistrationWorks,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            says: vec!["registration works", "not the latest"],
            never: vec!["not registered", "Wait until", "correction needed", "have iManage correct"],
            ..Case::default()
        },
        Case {
            name: "code= callback inside the window with no confirmation: no wait",
            registered: String::new(),
            failing: format!("{U}?code=abc123&state=xyz"),
            submitted: "2026-11-28T01:00Z",
            first: RegistrationWorks,
            statuses: vec![("unknown", "-"), ("unknown", "exact"), ("unknown", "-")],
            never: vec!["Wait until", "not registered"],
            ..Case::default()
        },
        Case {
            name: "code= callback while the confirmed list shows a slash: no correction asked",
            registered: format!("{P}\n{U}/\n{T}"),
            failing: format!("{U}?code=abc123&state=xyz"),
            first: RegistrationWorks,
            statuses: vec![("exact", "-"), ("near:TrailingSlash", "exact"), ("exact", "-")],
            never: vec!["correction needed", "have iManage correct"],
            ..Case::default()
        },
        Case {
            name: "code= callback pasted from a ticket in brackets, no environments entered",
            environments: vec![],
            registered: format!("{P}\n{T}"),
            failing: format!("(callback: <{U}?code=abc123&state=xyz>)"),
            first: NoEnvironments,
            never: vec!["is not in the confirmed list", "Wait until"],
            ..Case::default()
        },
        // ---- Verdicts from partial evidence.
        Case {
            name: "no environments: the failing URI is not in the confirmed list",
            environments: vec![],
            registered: format!("Registered: {P}, {U}, {T}"),
            failing: "AADSTS-like page: The redirect_uri 'https://acme-training.clioweb.com/externalServices/replyFrom' is not registered".into(),
            first: NotRegistered,
            says: vec!["not in the confirmed list", "enter your environments", "registration needed"],
            ..Case::default()
        },
        Case {
            name: "no environments, inside the window, no confirmation: wait",
            environments: vec![],
            failing: authorize(&encode(U)),
            submitted: "2026-11-28T01:00Z",
            first: NotRegisteredYet,
            says: vec!["Wait until"],
            ..Case::default()
        },
        Case {
            name: "no environments and Sharedo Test: the connection first",
            environments: vec![],
            registered: format!("{P}\n{U}\n{T}"),
            connection: Some(SharedoTest),
            first: WrongConnection,
            ..Case::default()
        },
        Case {
            name: "Sharedo Test ranks before an environment not in the list",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&encode("https://acme-dr.clioweb.com/externalServices/replyFrom")),
            connection: Some(SharedoTest),
            first: WrongConnection,
            ..Case::default()
        },
        Case {
            name: "confirmation received inside the window omits an environment: ask now",
            registered: format!("Hello, registered for customer 1764:\n{P}\n{T}"),
            submitted: "2026-11-28T01:00Z",
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "-"), ("exact", "-")],
            says: vec!["waiting will not add", "registration needed"],
            never: vec!["Wait until"],
            ..Case::default()
        },
        Case {
            name: "the URI sent is right, no confirmation, no date: may not be processed yet",
            failing: authorize(&encode(U)),
            submitted: "",
            first: NotRegisteredYet,
            says: vec!["Enter the date", "48 hours"],
            never: vec!["Nothing entered here explains"],
            ..Case::default()
        },
        Case {
            name: "the URI sent is right, no confirmation, the date unreadable",
            failing: authorize(&encode(U)),
            submitted: "last Tuesday",
            first: NotRegisteredYet,
            says: vec!["cannot be used", "Enter the date"],
            codes: vec!["submitted-date-unreadable"],
            ..Case::default()
        },
        Case {
            name: "not sure of the connection: checking it comes before asking Support",
            failing: authorize(&encode(U)),
            connection: Some(NotSure),
            first: CheckConnection,
            statuses: vec![("unknown", "-"), ("unknown", "exact"), ("unknown", "-")],
            says: vec!["check the registration with iManage"],
            ..Case::default()
        },
        Case {
            name: "Hosted: sent http and registered http agree: not what fails",
            version: "7.10",
            registered: format!("http://acme.clioweb.com/externalServices/replyFrom\n{U}\n{T}"),
            failing: authorize(&encode("http://acme.clioweb.com/externalServices/replyFrom")),
            first: PairMatches,
            statuses: vec![("near:Http", "near:Http"), ("exact", "-"), ("exact", "-")],
            says: vec!["is not what fails", "Contact Clio Operate Support"],
            ..Case::default()
        },
        // ---- Differences named, never "exactly".
        Case {
            name: "HTTPS:// in capitals in the registered list",
            registered: format!("HTTPS://acme.clioweb.com/externalServices/replyFrom\n{U}\n{T}"),
            first: RegisteredUriDiffers,
            statuses: vec![("near:SchemeCase", "-"), ("exact", "-"), ("exact", "-")],
            says: vec!["capitals"],
            never: vec!["percent-encoded"],
            ..Case::default()
        },
        Case {
            name: "a space inside a registered URI",
            registered: format!("{P}\nhttps://acme-uat.clioweb.com/ externalServices/replyFrom\n{T}"),
            first: RegisteredUriDiffers,
            statuses: vec![("exact", "-"), ("near:Whitespace", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a whole registered URI percent-encoded",
            registered: format!("{}\n{U}\n{T}", encode(P)),
            first: RegisteredUriDiffers,
            statuses: vec![("near:Encoding", "-"), ("exact", "-"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "a trailing space inside the quotes of a registered URI is left out, as at a line end",
            registered: format!("\"{P}\"\n\"{U} \"\n\"{T}\""),
            first: NoCauseFound,
            statuses: vec![("exact", "-"), ("exact", "-"), ("exact", "-")],
            never: vec!["white space"],
            ..Case::default()
        },
        Case {
            name: "an error page printing the sent URI encoded: decoded, not a difference",
            registered: format!("{P}\n{T}"),
            failing: format!("Error: invalid_redirect_uri for {}", encode(U)),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "exact"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "an environment on port 8443 registered without the port",
            environments: vec!["production=https://acme.clioweb.com:8443"],
            registered: P.into(),
            first: RegisteredUriDiffers,
            statuses: vec![("near:PortDiffers", "-")],
            says: vec!["the port differs"],
            ..Case::default()
        },
        Case {
            name: "7.10 with Sharedo Test: the iManage Connection stays Hosted iManage",
            version: "7.10",
            registered: format!("{P}\n{U}\n{T}"),
            connection: Some(SharedoTest),
            first: WrongConnection,
            says: vec!["stays Hosted iManage"],
            ..Case::default()
        },
        Case {
            name: "7.12, exact registration, a differing URI sent: no correction of the registration",
            registered: format!("{P}\n{U}\n{T}"),
            failing: authorize(&format!("{}%2F", encode(P))),
            first: SentUriDiffers,
            says: vec!["sends a different redirect URI", "Date we have"],
            never: vec!["correction needed", "Registration submitted to iManage"],
            ..Case::default()
        },
        Case {
            name: "half a minute left in the window is less than an hour, not one hour",
            failing: authorize(&encode(U)),
            submitted: "2026-11-26T10:30:30Z",
            first: NotRegisteredYet,
            says: vec!["less than an hour left"],
            never: vec!["1 hour left"],
            ..Case::default()
        },
        Case {
            name: "a quoted request that says what is needed is not an earlier confirmation",
            registered: format!("Registered now:\n{P}\n\n> Hi, we need these registered for 1764:\n> {P}\n> {U}\n> {T}\n"),
            first: NotRegistered,
            statuses: vec![("exact", "-"), ("missing", "-"), ("missing", "-")],
            ..Case::default()
        },
        Case {
            name: "a code= callback to the URI with a slash: that pair works, not a different URI to fix",
            version: "7.10",
            registered: format!("{P}\n{T}"),
            failing: format!("{U}/?code=abc123&state=xyz"),
            first: PairMatches,
            statuses: vec![("exact", "-"), ("missing", "near:TrailingSlash"), ("exact", "-")],
            never: vec!["Correct the Redirect URL field"],
            ..Case::default()
        },
        Case {
            name: "an error page printing the sent URI encoded with an encoded zero-width space",
            registered: format!("{P}\n{U}\n{T}"),
            failing: format!("invalid_redirect_uri: {}%E2%80%8B", encode(U)),
            first: SentUriDiffers,
            statuses: vec![("exact", "-"), ("exact", "near:InvisibleCharacter"), ("exact", "-")],
            ..Case::default()
        },
        Case {
            name: "no environments: the URI sent is in the confirmed list as written, oddities and all",
            environments: vec![],
            registered: format!("{U}/\n{P}"),
            failing: authorize(&format!("{}%2F", encode(U))),
            first: NoEnvironments,
            never: vec!["not in the confirmed list", "registration needed"],
            ..Case::default()
        },
    ]
}

#[test]
fn hard_pastes_give_the_right_verdict() {
    let cases = cases();
    assert!(cases.len() >= 45, "{} cases", cases.len());
    check_rows(cases.iter().map(|case| {
        let expected = Expected {
            first: case.first,
            statuses: &case.statuses,
            says: &case.says,
            never: &case.never,
            codes: &case.codes,
            never_codes: &[],
        };
        (case.name, diagnose(case), expected)
    }));
}

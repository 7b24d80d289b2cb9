//! Characters a reader cannot see or tell apart are named in words in every message that
//! shows one: host names, removed characters, the Customer ID, the version and the
//! diagnosis. A code point alone ("the character (U+0020)") is never the whole name.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::diagnosis::DiagnosisInput;
use imanage_connect::core::{analyze, AnalysisRequest, EnvironmentInput};

enum Where {
    Environment(&'static str),
    CustomerId(&'static str),
    Version(&'static str),
    Registered(&'static str),
}

fn messages(input: &Where) -> Vec<String> {
    let mut request = AnalysisRequest::default();
    match *input {
        Where::Environment(url) => {
            request.environments = vec![EnvironmentInput {
                url: url.into(),
                ..EnvironmentInput::default()
            }]
        }
        Where::CustomerId(id) => request.customer_id = Some(id.into()),
        Where::Version(version) => request.version = Some(version.into()),
        Where::Registered(text) => {
            request.environments = vec![EnvironmentInput {
                url: "https://acme.example.com".into(),
                ..EnvironmentInput::default()
            }];
            request.diagnosis = Some(DiagnosisInput {
                registered: Some(text.into()),
                ..DiagnosisInput::default()
            });
        }
    }
    let report = analyze(&request);
    let mut messages: Vec<String> = report.all_findings().map(|f| f.message.clone()).collect();
    if let Some(diagnosis) = &report.diagnosis {
        messages.extend(diagnosis.findings.iter().map(|f| f.message.clone()));
    }
    messages
}

#[test]
fn characters_are_named_in_words() {
    let cases: &[(Where, &str)] = &[
        (
            Where::Environment("https://acme\u{A0}uat.example.com"),
            "The address contains a no-break space (U+00A0) in the host name",
        ),
        (
            Where::Environment("https://acme\u{2013}uat.example.com"),
            "The address contains an en dash (\u{2013}) in the host name",
        ),
        (
            Where::Environment("https://acme\u{2019}s.example.com"),
            "The address contains a curly quote (\u{2019}) in the host name",
        ),
        (
            Where::Environment("https://acme\u{200F}.example.com"),
            "The address contains a right-to-left mark (U+200F) in the host name",
        ),
        (
            Where::Environment("https://acme\u{3000}.example.com"),
            "The address contains an ideographic space (U+3000) in the host name",
        ),
        (
            Where::Environment("https://ac me.example.com"),
            "The address contains a space in the host name",
        ),
        (
            Where::Environment("https://acme!.example.com"),
            "The address contains an exclamation mark (!) in the host name",
        ),
        (
            Where::Environment("https://acme\u{200B}.example.com"),
            "The address contained a zero-width space (U+200B), which was removed.",
        ),
        (
            Where::Environment("https://ac\u{AD}me.exa\tmple.com"),
            "The address contained a soft hyphen (U+00AD) and a tab, which were removed.",
        ),
        (
            Where::Environment("https://acme.example.com\u{2060}/x"),
            "The address contained a word joiner (U+2060), which was removed.",
        ),
        (
            Where::Environment("https://\u{0430}cme.example.com"),
            "the Cyrillic letter \u{201C}\u{0430}\u{201D} (U+0430), which looks like \u{201C}a\u{201D}",
        ),
        (
            Where::CustomerId("17\u{A0}64"),
            "The Customer ID \u{201C}17\u{A0}64\u{201D} contains a no-break space (U+00A0), so it is not only digits",
        ),
        (
            Where::CustomerId("17 64"),
            "contains a space, so it is not only digits",
        ),
        (
            Where::CustomerId("17\u{2013}64"),
            "contains an en dash (\u{2013}), so it is not only digits",
        ),
        (
            Where::CustomerId("17\u{200B}64"),
            "The Customer ID contained a zero-width space (U+200B), which was removed.",
        ),
        (
            Where::Version("7.\u{FEFF}11"),
            "The version contained an invisible byte order mark (U+FEFF), which was removed.",
        ),
        (
            Where::Registered("https://acme.example.com/externalServices/reply\u{200B}From"),
            "contained a zero-width space (U+200B) in or right after an address",
        ),
    ];
    for (input, expected) in cases {
        let messages = messages(input);
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{expected:?} not in {messages:#?}"
        );
        for message in &messages {
            assert!(
                !message.contains("the character (U+"),
                "a code point alone: {message}"
            );
        }
    }
}

//! Environment lists pasted the way readers paste them: whole e-mails, Teams threads,
//! ticket exports, spreadsheets (tabs or CSV) and Markdown tables, with labels before
//! the addresses and prose around them. Each case says which rows the paste makes, the
//! role each gets, and which lines are left out.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::{analyze, FindingCode};
use imanage_connect::widget::state::{Action, State};
use proptest::prelude::*;

/// One row: the row's text, the origin read from it ("" when an error applies), and its
/// role's name ("" when none).
type Row = (&'static str, &'static str, &'static str);

struct Case {
    name: &'static str,
    pasted: &'static str,
    rows: &'static [Row],
    left_out: usize,
    /// The first left-out lines, as the announcement quotes them.
    quoted: &'static [&'static str],
}

const P: &str = "Production";

const CASES: &[Case] = &[
    Case {
        name: "an e-mail with labels, a tab-separated line, a greeting and a sign-off",
        pasted: "Hi Sam,\n\nHere are our environments:\nProduction: https://acme.example.com\nUAT - http://acme-uat.example.com/\nTraining (new)  https://acme-training.example.com\n\tTest\tacme-test.example.com\n\nThanks,\nJo\n",
        rows: &[
            ("Production: https://acme.example.com", "https://acme.example.com", P),
            ("UAT - http://acme-uat.example.com/", "https://acme-uat.example.com", "UAT"),
            ("Training (new)  https://acme-training.example.com", "https://acme-training.example.com", "Training"),
            ("Test\tacme-test.example.com", "https://acme-test.example.com", "Test"),
        ],
        left_out: 4,
        quoted: &["Hi Sam", "Here are our environments:", "Thanks"],
    },
    Case {
        name: "a Teams thread with names and times",
        pasted: "Jo Bloggs 10:32\nHere are the URLs\nProduction https://acme.example.com\nUAT https://acme-uat.example.com\nSam Smith 10:35\nThanks!",
        rows: &[
            ("Production https://acme.example.com", "https://acme.example.com", P),
            ("UAT https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 4,
        quoted: &["Jo Bloggs 10:32", "Here are the URLs", "Sam Smith 10:35"],
    },
    Case {
        name: "a Teams thread with times in brackets and lower-case labels",
        pasted: "[10:32] Jo Bloggs\nprod: acme.example.com\nuat: acme-uat.example.com\n[10:33] Sam Smith\nthanks",
        rows: &[
            ("prod: acme.example.com", "https://acme.example.com", P),
            ("uat: acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 3,
        quoted: &["[10:32] Jo Bloggs", "[10:33] Sam Smith", "thanks"],
    },
    Case {
        name: "a CSV export with a header",
        pasted: "Environment,URL\nProduction,https://acme.example.com\nUAT,https://acme-uat.example.com\n",
        rows: &[
            ("Production,https://acme.example.com", "https://acme.example.com", P),
            ("UAT,https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 1,
        quoted: &["Environment,URL"],
    },
    Case {
        name: "a CSV export with quoted cells",
        pasted: "\"Production\",\"https://acme.example.com\"\r\n\"Training\",\"https://acme-training.example.com\"\r\n",
        rows: &[
            ("\"Production\",\"https://acme.example.com\"", "https://acme.example.com", P),
            ("\"Training\",\"https://acme-training.example.com\"", "https://acme-training.example.com", "Training"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "CSV pairs on one line",
        pasted: "Production, https://acme.example.com, UAT, https://acme-uat.example.com",
        rows: &[
            ("Production, https://acme.example.com", "https://acme.example.com", P),
            ("UAT, https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a CSV export with a version column",
        pasted: "Production,https://acme.example.com,7.11\nUAT,https://acme-uat.example.com,7.12",
        rows: &[
            ("Production,https://acme.example.com", "https://acme.example.com", P),
            ("UAT,https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 2,
        quoted: &["7.11", "7.12"],
    },
    Case {
        name: "a Markdown table",
        pasted: "| Environment | URL |\n|---|---|\n| Production | https://acme.example.com |\n| UAT | https://acme-uat.example.com |",
        rows: &[
            ("| Production | https://acme.example.com |", "https://acme.example.com", P),
            ("| UAT | https://acme-uat.example.com |", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 2,
        quoted: &["| Environment | URL |", "|---|---|"],
    },
    Case {
        name: "a spreadsheet copied with tabs and a header",
        pasted: "Environment\tURL\nProduction\thttps://acme.example.com\nTraining\tacme-training.example.com\nTest\tacme-test.example.com",
        rows: &[
            ("Production\thttps://acme.example.com", "https://acme.example.com", P),
            ("Training\tacme-training.example.com", "https://acme-training.example.com", "Training"),
            ("Test\tacme-test.example.com", "https://acme-test.example.com", "Test"),
        ],
        left_out: 1,
        quoted: &["Environment\tURL"],
    },
    Case {
        name: "Slack or Markdown emphasis on the labels",
        pasted: "**Production**: https://acme.example.com\n*UAT*: https://acme-uat.example.com",
        rows: &[
            ("**Production**: https://acme.example.com", "https://acme.example.com", P),
            ("*UAT*: https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a ticket export",
        pasted: "Ticket #4521 - New environments\nRequester: Jo Bloggs\nDescription:\nPlease register:\n- Production = https://acme.example.com\n- UAT = https://acme-uat.example.com\nPriority: Normal",
        rows: &[
            ("- Production = https://acme.example.com", "https://acme.example.com", P),
            ("- UAT = https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 5,
        quoted: &["Ticket #4521 - New environment\u{2026}", "Requester: Jo Bloggs", "Description:"],
    },
    Case {
        name: "an environment still to follow",
        pasted: "Production: https://acme.example.com\nUAT: (to follow)\nTraining: TBC",
        rows: &[("Production: https://acme.example.com", "https://acme.example.com", P)],
        left_out: 2,
        quoted: &["UAT: (to follow)", "Training: TBC"],
    },
    Case {
        // The first row keeps the role it had: no label or host name says another.
        name: "lone words are addresses typed without their domain",
        pasted: "acme\nacme-uat",
        rows: &[("acme", "", P), ("acme-uat", "", "")],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a label before an address with a word only",
        pasted: "Production: acme\nUAT: acme-uat",
        rows: &[("Production: acme", "", P), ("UAT: acme-uat", "", "UAT")],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "ports stay the address's",
        pasted: "Production: acme.example.com:8443\nUAT: https://acme-uat.example.com:443",
        rows: &[
            ("Production: acme.example.com:8443", "https://acme.example.com:8443", P),
            ("UAT: https://acme-uat.example.com:443", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a user name in the address is not a label",
        pasted: "Production: https://user:pass@acme.example.com\nUAT: user:pass@acme-uat.example.com",
        rows: &[
            ("Production: https://user:pass@acme.example.com", "", P),
            ("UAT: user:pass@acme-uat.example.com", "", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a short plain label is kept as an Other role",
        pasted: "DR: https://acme-dr.example.com\nProduction: https://acme.example.com",
        rows: &[
            ("DR: https://acme-dr.example.com", "https://acme-dr.example.com", "DR"),
            ("Production: https://acme.example.com", "https://acme.example.com", P),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a label that names no environment leaves the host name's word",
        pasted: "URL: https://acme.example.com\nLink: https://acme-uat.example.com",
        rows: &[
            ("URL: https://acme.example.com", "https://acme.example.com", P),
            ("Link: https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "the label wins over a word in the host name",
        pasted: "Production: https://acme-live.example.com\nTraining: https://acme-uat2.example.com",
        rows: &[
            ("Production: https://acme-live.example.com", "https://acme-live.example.com", P),
            ("Training: https://acme-uat2.example.com", "https://acme-uat2.example.com", "Training"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "notes after the addresses",
        pasted: "Production https://acme.example.com (live since 2019)\nUAT https://acme-uat.example.com (new)",
        rows: &[
            ("Production https://acme.example.com (live since 2019)", "https://acme.example.com", P),
            ("UAT https://acme-uat.example.com (new)", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "labelled addresses on one line split by semicolons",
        pasted: "Production: https://acme.example.com; UAT: https://acme-uat.example.com",
        rows: &[
            ("Production: https://acme.example.com", "https://acme.example.com", P),
            ("UAT: https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "dashes, arrows and equals signs",
        pasted: "Production \u{2013} https://acme.example.com\nUAT \u{2014} https://acme-uat.example.com\nTest -> https://acme-test.example.com\nTraining=acme-training.example.com",
        rows: &[
            ("Production \u{2013} https://acme.example.com", "https://acme.example.com", P),
            ("UAT \u{2014} https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
            ("Test -> https://acme-test.example.com", "https://acme-test.example.com", "Test"),
            ("Training=acme-training.example.com", "https://acme-training.example.com", "Training"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "a vertical bar without a table",
        pasted: "Production | https://acme.example.com\nUAT | https://acme-uat.example.com",
        rows: &[
            ("Production | https://acme.example.com", "https://acme.example.com", P),
            ("UAT | https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "bulleted and numbered lists",
        pasted: "\u{2022} Production: https://acme.example.com\n2. UAT: https://acme-uat.example.com",
        rows: &[
            ("\u{2022} Production: https://acme.example.com", "https://acme.example.com", P),
            ("2. UAT: https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "an e-mail with a signature and the quoted header of the reply",
        pasted: "Hi,\nProduction: https://acme.example.com\nThanks\nJo Bloggs | IT Manager\nOn Mon, 30 Nov 2026 at 10:32, Sam <sam@acme-legal.example> wrote:",
        rows: &[("Production: https://acme.example.com", "https://acme.example.com", P)],
        left_out: 4,
        quoted: &["Hi", "Thanks", "Jo Bloggs | IT Manager"],
    },
    Case {
        name: "a website in a signature is an address, and kept",
        pasted: "Production: https://acme.example.com\nJo Bloggs\nwww.acme-legal.example",
        rows: &[
            ("Production: https://acme.example.com", "https://acme.example.com", P),
            ("www.acme-legal.example", "https://www.acme-legal.example", ""),
        ],
        left_out: 1,
        quoted: &["Jo Bloggs"],
    },
    Case {
        name: "an e-mail address alone on a line gets its message",
        pasted: "https://acme.example.com\njo@acme.example.com\nEmail: sam@acme.example.com",
        rows: &[
            ("https://acme.example.com", "https://acme.example.com", P),
            ("jo@acme.example.com", "", ""),
        ],
        left_out: 1,
        quoted: &["Email: sam@acme.example.com"],
    },
    Case {
        name: "prose only",
        pasted: "Hi Sam,\nI'll send the addresses tomorrow.\nJo",
        rows: &[],
        left_out: 3,
        quoted: &["Hi Sam", "I'll send the addresses tomorr\u{2026}", "Jo"],
    },
    Case {
        name: "role words for other environments",
        pasted: "Live: acme.example.com\nStaging: acme-stg.example.com\nSandbox - acme-sb.example.com\nDev\tacme-d.example.com",
        rows: &[
            ("Live: acme.example.com", "https://acme.example.com", P),
            ("Staging: acme-stg.example.com", "https://acme-stg.example.com", "Staging"),
            ("Sandbox - acme-sb.example.com", "https://acme-sb.example.com", "Sandbox"),
            ("Dev\tacme-d.example.com", "https://acme-d.example.com", "Development"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "labels glued to bare host names",
        pasted: "Production:acme.example.com\nUAT:acme-uat.example.com",
        rows: &[
            ("Production:acme.example.com", "https://acme.example.com", P),
            ("UAT:acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "Markdown links",
        pasted: "[Production](https://acme.example.com)\n[UAT](https://acme-uat.example.com)",
        rows: &[
            ("[Production](https://acme.example.com)", "https://acme.example.com", P),
            ("[UAT](https://acme-uat.example.com)", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "addresses in angle brackets, as Outlook writes links",
        pasted: "Production: <https://acme.example.com>\nUAT: <https://acme-uat.example.com/>",
        rows: &[
            ("Production: <https://acme.example.com>", "https://acme.example.com", P),
            ("UAT: <https://acme-uat.example.com/>", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "mistyped addresses after labels are still rows",
        pasted: "Production: https://acme..example.com\nUAT: htps://acme-uat.example.com",
        rows: &[
            ("Production: https://acme..example.com", "", P),
            ("UAT: htps://acme-uat.example.com", "", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
    Case {
        name: "lower-case chat with a role word before each address",
        pasted: "thanks\nprod acme.example.com\nuat acme-uat.example.com",
        rows: &[
            ("prod acme.example.com", "https://acme.example.com", P),
            ("uat acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 1,
        quoted: &["thanks"],
    },
    Case {
        name: "a long sentence before an address is noted, not a role",
        pasted: "The one we use for everything at the moment is https://acme-train.example.com\nUAT: https://acme-uat.example.com",
        rows: &[
            ("The one we use for everything at the moment is https://acme-train.example.com", "https://acme-train.example.com", "Training"),
            ("UAT: https://acme-uat.example.com", "https://acme-uat.example.com", "UAT"),
        ],
        left_out: 0,
        quoted: &[],
    },
];

fn paste(text: &str) -> State {
    State::default().reduce(Action::PasteIntoRow {
        id: 0,
        text: text.to_owned(),
    })
}

#[test]
fn pasted_lists_with_labels_and_prose() {
    assert!(CASES.len() >= 30, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let state = paste(case.pasted);
        let report = analyze(&state.to_request(None));
        let rows: Vec<(String, String, String)> = state
            .answers()
            .rows
            .iter()
            .zip(&report.environments.entries)
            .map(|(row, entry)| {
                (
                    row.url.clone(),
                    entry
                        .origin
                        .as_ref()
                        .map(|o| o.to_string())
                        .unwrap_or_default(),
                    entry
                        .role
                        .as_ref()
                        .map(|r| r.label().to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = case
            .rows
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        if rows != want || report.environments.entries.len() != case.rows.len() {
            failures.push(format!(
                "{}:\n   want {want:?}\n   got  {rows:?}",
                case.name
            ));
        }
        let (left_out, quoted) = state
            .progress()
            .announcement
            .as_ref()
            .map(|a| (a.left_out as usize, a.left_out_quotes.clone()))
            .unwrap_or_default();
        if left_out != case.left_out || quoted != case.quoted {
            failures.push(format!(
                "{}: left out {left_out} {quoted:?}, want {} {:?}",
                case.name, case.left_out, case.quoted
            ));
        }
        // Every label is told about.
        for entry in &report.environments.entries {
            let labelled = ["Production", "UAT", "Training", "Test", "DR", "URL", "Link"]
                .iter()
                .any(|l| entry.input.contains(l) && !entry.input.starts_with("https://"));
            let told = entry
                .findings
                .iter()
                .any(|f| f.code == FindingCode::LabelRead);
            if labelled && !told {
                failures.push(format!(
                    "{}: {:?} has no label finding",
                    case.name, entry.input
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_announcement_says_what_was_left_out() {
    let cases: &[(&str, &str)] = &[
        (
            CASES[0].pasted,
            "4 environments added from the pasted list. Check the role of each. 4 lines without an address were left out, such as \u{201C}Hi Sam\u{201D}, \u{201C}Here are our environments:\u{201D} and \u{201C}Thanks\u{201D}.",
        ),
        (
            "Production: https://acme.example.com\nUAT: (to follow)\nTraining: TBC",
            "1 environment added from the pasted text. Check its role. 2 lines without an address were left out: \u{201C}UAT: (to follow)\u{201D} and \u{201C}Training: TBC\u{201D}.",
        ),
        (
            "Hi\nhttps://acme.example.com\nhttps://acme-uat.example.com",
            "2 environments added from the pasted list. Check the role of each. 1 line without an address was left out: \u{201C}Hi\u{201D}.",
        ),
        (
            "Hi Sam,\nJo",
            "No web address was found in the pasted text, so no environment was added. 2 lines without an address were left out: \u{201C}Hi Sam\u{201D} and \u{201C}Jo\u{201D}.",
        ),
        (
            "https://acme.example.com\nhttps://acme-uat.example.com",
            "2 environments added from the pasted list. Check the role of each.",
        ),
        (
            "Production: https://acme.clioweb.com\nhttps://www.linkedin.com/company/acme",
            "1 environment added from the pasted text. Check its role. 1 address of another service was left out: linkedin.com.",
        ),
        (
            "https://www.linkedin.com/in/jo\nhttps://x.com/acme\nhttps://www.linkedin.com/company/acme",
            "No Clio Operate environment's address was found in the pasted text, so no environment was added. 2 addresses of other services were left out: linkedin.com and x.com.",
        ),
        (
            "Production: https://acme.clioweb.com\nRegards,\nwww.acme-law.com",
            "1 environment added from the pasted text. Check its role. 1 line without an address was left out: \u{201C}Regards\u{201D}. 1 address in a signature was left out: www.acme-law.com.",
        ),
    ];
    for (pasted, expected) in cases {
        let state = paste(pasted);
        let said = state.progress().announcement.as_ref().map(|a| a.text());
        assert_eq!(said.as_deref(), Some(*expected), "{pasted:?}");
    }
}

#[test]
fn a_paste_with_no_address_keeps_what_the_row_had() {
    let state = State::default()
        .reduce(Action::SetText {
            field: imanage_connect::widget::field::FieldKey::RowUrl(0),
            text: "https://acme.example.com".into(),
        })
        .reduce(Action::PasteIntoRow {
            id: 0,
            text: "Hi Sam,\nThanks".into(),
        });
    assert_eq!(state.answers().rows.len(), 1);
    assert_eq!(state.answers().rows[0].url, "https://acme.example.com");
}

#[test]
fn a_typed_label_works_as_a_pasted_one() {
    use imanage_connect::core::Role;
    use imanage_connect::widget::field::FieldKey;
    // The first row starts as Production; typing a label names its role, as a paste does.
    let mut state = State::default();
    let text = "UAT - http://acme-uat.example.com/";
    for end in 1..=text.len() {
        state = state.reduce(Action::SetText {
            field: FieldKey::RowUrl(0),
            text: text[..end].to_owned(),
        });
    }
    let typed_row = state.answers().rows[0].clone();
    assert_eq!(typed_row.role, Some(Role::Uat));
    let pasted = paste(&format!("{text}\nhttps://acme.example.com"));
    assert_eq!(pasted.answers().rows[0].role, typed_row.role);
    let typed = analyze(&state.to_request(None));
    let from_paste = analyze(&pasted.to_request(None));
    assert_eq!(
        typed.environments.entries[0].findings,
        from_paste.environments.entries[0].findings
    );
    // A role chosen afterwards stays while the label does not change.
    let chosen = state
        .reduce(Action::SetRowRole {
            id: 0,
            role: Some(Role::Test),
        })
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(0),
            text: "UAT - https://acme-uat.example.com/".into(),
        });
    assert_eq!(chosen.answers().rows[0].role, Some(Role::Test));
}

#[test]
fn a_label_finding_says_what_was_read() {
    let report = analyze(&paste("Production: https://acme.example.com").to_request(None));
    let messages: Vec<&str> = report.environments.entries[0]
        .findings
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        messages.contains(
            &"The label \u{201C}Production:\u{201D} before the address was read as the role (Production)."
        ),
        "{messages:?}"
    );
    let report =
        analyze(&paste("Here is the link https://acme.example.com (main)").to_request(None));
    let messages: Vec<&str> = report.environments.entries[0]
        .findings
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        messages.contains(
            &"The text \u{201C}Here is the link\u{201D} before the address is not part of it and was left out."
        ),
        "{messages:?}"
    );
    assert!(
        messages.contains(
            &"The text \u{201C}(main)\u{201D} after the address is not part of it and was left out."
        ),
        "{messages:?}"
    );
    // A label typed before its address comes says what is missing.
    let report = analyze(&paste("Production: ").to_request(None));
    let finding = &report.environments.entries[0].findings[0];
    assert_eq!(finding.code, FindingCode::Unparseable);
    assert_eq!(
        finding.message,
        "The address has only the label \u{201C}Production:\u{201D}, with no web address after it."
    );
    let report = analyze(&paste("UAT: (to follow)").to_request(None));
    assert_eq!(
        report.environments.entries[0].findings[0].message,
        "The address has only the label \u{201C}UAT:\u{201D}, with no web address after it."
    );
    // A one-click fix keeps the label.
    let report = analyze(&paste("UAT - http://acme-uat.example.com").to_request(None));
    let fix = report.environments.entries[0]
        .findings
        .iter()
        .find_map(|f| f.action.clone())
        .expect("a fix");
    assert_eq!(
        fix,
        imanage_connect::core::FixAction::ReplaceText {
            label: "Use https".into(),
            text: "UAT - https://acme-uat.example.com".into()
        }
    );
}

/// Lines of prose an e-mail, a chat or a ticket may hold.
fn prose_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Hi Sam,".to_owned()),
        Just("Here are our environments:".to_owned()),
        Just("Thanks,".to_owned()),
        Just("Jo".to_owned()),
        Just("Jo Bloggs 10:32".to_owned()),
        Just("UAT: (to follow)".to_owned()),
        Just("Sent from my phone".to_owned()),
        Just("Environment,URL".to_owned()),
        Just("|---|---|".to_owned()),
        Just("On Mon, 30 Nov 2026 at 10:32, Sam <sam@acme.example> wrote:".to_owned()),
        "[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}( [0-2][0-9]:[0-5][0-9])?",
    ]
}

/// A line holding one web address, with a label or a note around it or neither.
fn address_line() -> impl Strategy<Value = (String, String)> {
    let label = prop_oneof![
        Just(String::new()),
        Just("Production: ".to_owned()),
        Just("UAT - ".to_owned()),
        Just("Training (new)  ".to_owned()),
        Just("\tTest\t".to_owned()),
        Just("| UAT | ".to_owned()),
        Just("**Live**: ".to_owned()),
        Just("Jo Bloggs 10:32 ".to_owned()),
        Just("DR = ".to_owned()),
        Just("Production,".to_owned()),
    ];
    let scheme = prop_oneof![
        Just("https://"),
        Just("http://"),
        Just("HTTPS://"),
        Just("")
    ];
    let note = prop_oneof![Just(""), Just(" (new)"), Just(" |"), Just(" ")];
    (
        label,
        scheme,
        "[a-z][a-z0-9-]{0,10}[a-z0-9]",
        // A file's ending (`.txt`, `.png`) is read as a file name, not a host.
        "[a-z]{2,6}".prop_filter("not a file ending", |tld| {
            !imanage_connect::core::label::FILE_ENDINGS.contains(&tld.as_str())
        }),
        note,
    )
        .prop_map(|(label, scheme, name, tld, note)| {
            let host = format!("{name}.example.{tld}");
            (format!("{label}{scheme}{host}{note}"), host)
        })
}

proptest! {
    /// No address in a pasted e-mail is ever dropped: every line that holds one becomes
    /// a row whose redirect URI is that address's.
    #[test]
    fn no_address_in_a_pasted_email_is_dropped(
        lines in prop::collection::vec(
            prop_oneof![
                prose_line().prop_map(|l| (l, None)),
                address_line().prop_map(|(l, h)| (l, Some(h))),
            ],
            1..12,
        )
    ) {
        let text = lines.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>().join("\n");
        let state = paste(&text);
        let report = analyze(&state.to_request(None));
        let signature = state
            .progress()
            .announcement
            .as_ref()
            .map(|a| a.signature.clone())
            .unwrap_or_default();
        for (line, host) in &lines {
            let Some(host) = host else { continue };
            // A row holds the line, and its host is read (or an error says why not); or
            // the announcement names it as a signature's address.
            let kept = report.environments.entries.iter().any(|e| {
                e.input.to_ascii_lowercase().contains(host.as_str())
                    && (e.origin.as_ref().is_some_and(|o| o.host() == host) || e.has_error())
            });
            let named = signature.iter().any(|a| a.to_ascii_lowercase().contains(host.as_str()));
            prop_assert!(kept || named, "{line:?} was dropped from {text:?}");
        }
        // Each line is a row or is counted as left out.
        if lines.len() > 1 {
            let left_out = state.progress().announcement.as_ref().map_or(0, |a| a.left_out as usize);
            let prose = lines.iter().filter(|(_, h)| h.is_none()).count();
            prop_assert_eq!(left_out, prose, "{:?}", text);
            let rows = report.environments.entries.len();
            prop_assert!(rows <= lines.len() - prose, "{:?}", text);
            prop_assert!(rows + signature.len() >= lines.len() - prose, "{:?}", text);
        }
    }
}

#[test]
fn an_api_entry_with_a_label_is_read_like_a_typed_row() {
    use imanage_connect::core::{AnalysisRequest, Role};
    let request: AnalysisRequest = serde_json::from_str(
        r#"{"environments": [
            {"url": "UAT - http://acme-uat.example.com/"},
            {"url": "Production: https://acme.example.com", "role": "production"},
            {"url": "Training: https://acme-t.example.com", "role": "uat"},
            {"url": "Hi Sam"}
        ]}"#,
    )
    .unwrap();
    let report = analyze(&request);
    let entries = &report.environments.entries;
    // One entry per environment as given: the API leaves nothing out.
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0].role, Some(Role::Uat));
    assert!(entries[0].role_suggested);
    assert_eq!(
        entries[0].origin.as_ref().map(|o| o.to_string()).as_deref(),
        Some("https://acme-uat.example.com")
    );
    let codes = |i: usize| -> Vec<&str> {
        entries[i]
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    };
    assert_eq!(codes(0), ["label-read", "http-upgraded"]);
    assert_eq!(codes(1), ["label-read"]);
    // A label naming another role than the one given is a warning.
    assert_eq!(entries[2].role, Some(Role::Uat));
    assert_eq!(codes(2), ["label-role-differs"]);
    assert_eq!(
        entries[2].findings[0].message,
        "The label \u{201C}Training:\u{201D} before the address names Training, but the role chosen is UAT."
    );
    assert!(
        entries[3].has_error(),
        "prose given as an environment is an error"
    );
}

#[test]
fn what_a_paste_left_out_stays_in_view() {
    use imanage_connect::widget::view::environments::EnvironmentsView;
    let state = paste("Hi Sam,\nProduction: https://acme.example.com\nThanks");
    let report = analyze(&state.to_request(None));
    assert_eq!(
        EnvironmentsView::new(&state, &report).left_out.as_deref(),
        Some("2 lines without an address were left out: \u{201C}Hi Sam\u{201D} and \u{201C}Thanks\u{201D}.")
    );
    let state = paste("https://acme.example.com\nhttps://acme-uat.example.com");
    let report = analyze(&state.to_request(None));
    assert_eq!(EnvironmentsView::new(&state, &report).left_out, None);
}

/// A pasted message with other services' addresses, link-protection wrappers, several
/// addresses in a sentence or a signature: the rows it makes, and what it leaves out.
struct Message {
    name: &'static str,
    pasted: &'static str,
    rows: &'static [Row],
    /// Lines without an address.
    prose: usize,
    /// Other services' domains named as left out.
    services: &'static [&'static str],
    /// A signature's hosts named as left out.
    signature: &'static [&'static str],
}

const SAFE_LINK: &str = "https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-training.clioweb.com%2F&data=05%7C02%7Cjo%40acme-law.com";

const MESSAGES: &[Message] = &[
    Message {
        name: "Outlook Safe Links after a label",
        pasted: "Hi Sam,\nTraining (SafeLink): https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-training.clioweb.com%2F&data=05%7C02%7Cjo%40acme-law.com\nProduction: https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com&data=05\nThanks,\nJo",
        rows: &[
            ("Training (SafeLink): https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-training.clioweb.com%2F&data=05%7C02%7Cjo%40acme-law.com", "https://acme-training.clioweb.com", "Training"),
            ("Production: https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com&data=05", "https://acme.clioweb.com", P),
        ],
        prose: 3,
        services: &[],
        signature: &[],
    },
    Message {
        name: "Outlook's plain text: the link's text, then the Safe Link in angle brackets",
        pasted: "UAT <https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-uat.clioweb.com%2F&data=05>\nProduction <https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com%2F&data=05>",
        rows: &[
            ("UAT <https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-uat.clioweb.com%2F&data=05>", "https://acme-uat.clioweb.com", "UAT"),
            ("Production <https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com%2F&data=05>", "https://acme.clioweb.com", P),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "Proofpoint v2 and v3",
        pasted: "UAT: https://urldefense.proofpoint.com/v2/url?u=https-3A__acme-2Duat.clioweb.com_&d=DwMFaQ&e=\nTraining: https://urldefense.com/v3/__https://acme-training.clioweb.com/__;!!Abc123$",
        rows: &[
            ("UAT: https://urldefense.proofpoint.com/v2/url?u=https-3A__acme-2Duat.clioweb.com_&d=DwMFaQ&e=", "https://acme-uat.clioweb.com", "UAT"),
            ("Training: https://urldefense.com/v3/__https://acme-training.clioweb.com/__;!!Abc123$", "https://acme-training.clioweb.com", "Training"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "Google and Barracuda redirects",
        pasted: "prod https://www.google.com/url?q=https://acme.clioweb.com/&sa=D&source=editors\nuat https://linkprotect.cudasvc.com/url?a=https%3a%2f%2facme-uat.clioweb.com&c=E,1,AbC-xyZ_12&typo=1",
        rows: &[
            ("prod https://www.google.com/url?q=https://acme.clioweb.com/&sa=D&source=editors", "https://acme.clioweb.com", P),
            ("uat https://linkprotect.cudasvc.com/url?a=https%3a%2f%2facme-uat.clioweb.com&c=E,1,AbC-xyZ_12&typo=1", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Mimecast link with the address and one that hides it",
        pasted: "Test https://protect-eu.mimecast.com/?url=https%3A%2F%2Facme-test.clioweb.com\nProduction: https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=acme.clioweb.com",
        rows: &[
            ("Test https://protect-eu.mimecast.com/?url=https%3A%2F%2Facme-test.clioweb.com", "https://acme-test.clioweb.com", "Test"),
            ("Production: https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=acme.clioweb.com", "", P),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Safe Link around a help desk's address",
        pasted: "Our ticket: https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.zendesk.com%2Fagent%2Ftickets%2F4521&data=05\nProduction: https://acme.clioweb.com",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 0,
        services: &["zendesk.com"],
        signature: &[],
    },
    Message {
        name: "a Teams message with three addresses in a sentence",
        pasted: "hey! prod is https://acme.clioweb.com and uat is https://acme-uat.clioweb.com , training = https://acme-training.clioweb.com/ \u{1F44D}",
        rows: &[
            ("hey! prod is https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("and uat is https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
            ("training = https://acme-training.clioweb.com/ \u{1F44D}", "https://acme-training.clioweb.com", "Training"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Slack message with labels and no separators",
        pasted: "prod: https://acme.clioweb.com uat: https://acme-uat.clioweb.com test: acme-test.clioweb.com",
        rows: &[
            ("prod: https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("uat: https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
            ("test: acme-test.clioweb.com", "https://acme-test.clioweb.com", "Test"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "two addresses joined by and",
        pasted: "Production and UAT are https://acme.clioweb.com and https://acme-uat.clioweb.com",
        rows: &[
            ("Production and UAT are https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("and https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "prose lines with one address each",
        pasted: "our prod site is https://acme.clioweb.com (new)\nthe uat one is acme-uat.clioweb.com!",
        rows: &[
            ("our prod site is https://acme.clioweb.com (new)", "https://acme.clioweb.com", P),
            ("the uat one is acme-uat.clioweb.com!", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a host broken by a space stays one entry",
        pasted: "Production: https://acme .clioweb.com\nUAT: https://acme-uat.clioweb.com",
        rows: &[
            ("Production: https://acme .clioweb.com", "", P),
            ("UAT: https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Teams thread with times, emoji and (edited)",
        pasted: "Jo Bloggs  10:42 AM\nProduction https://acme.clioweb.com \u{1F44D}\n(edited)\nSam Smith  10:45 AM\n\u{1F44D}",
        rows: &[("Production https://acme.clioweb.com \u{1F44D}", "https://acme.clioweb.com", P)],
        prose: 4,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a signature with the firm's website and social links",
        pasted: "Hi Sam,\nProduction: https://acme.clioweb.com\nUAT: https://acme-uat.clioweb.com\nKind regards,\nJo Bloggs | IT Manager\nAcme Law LLP\nwww.acme-law.com | https://www.linkedin.com/company/acme\n<mailto:jo@acme-law.com>",
        rows: &[
            ("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("UAT: https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 5,
        services: &["linkedin.com"],
        signature: &["www.acme-law.com"],
    },
    Message {
        name: "social links without a sign-off",
        pasted: "Production: https://acme.clioweb.com\nJo Bloggs\nhttps://twitter.com/acmelaw | https://www.facebook.com/acmelaw | https://youtube.com/@acmelaw",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 1,
        services: &["twitter.com", "facebook.com", "youtube.com"],
        signature: &[],
    },
    Message {
        name: "Sent from my iPhone",
        pasted: "Prod - https://acme.clioweb.com\nUAT - https://acme-uat.clioweb.com\n\nSent from my iPhone",
        rows: &[
            ("Prod - https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("UAT - https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 1,
        services: &[],
        signature: &[],
    },
    Message {
        name: "images and e-mail links in a signature",
        pasted: "[image]\nProduction: https://acme.clioweb.com\n[image: Acme Law logo]\n<mailto:jo@acme-law.com>",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 3,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a legal disclaimer naming the firm's website",
        pasted: "Production: https://acme.clioweb.com\nThis e-mail and any attachments are confidential and intended solely for the addressee. Acme Law LLP, see https://www.acme-law.com/legal for our terms.",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 1,
        services: &[],
        signature: &["www.acme-law.com"],
    },
    Message {
        name: "the firm's website after a sign-off",
        pasted: "Production: https://acme.clioweb.com\nRegards,\nJo Bloggs\nwww.acme-law.com",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 2,
        services: &[],
        signature: &["www.acme-law.com"],
    },
    Message {
        name: "an environment after a sign-off is kept when its name says which",
        pasted: "Regards,\nJo\nUAT: https://acme-uat.clioweb.com\nhttps://acme-training.clioweb.com",
        rows: &[
            ("UAT: https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
            ("https://acme-training.clioweb.com", "https://acme-training.clioweb.com", "Training"),
        ],
        prose: 2,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a forwarded message after the sign-off is read again",
        pasted: "Thanks,\nJo\nFrom: Sam Smith <sam@acme-law.com>\nSent: Monday\nhttps://acme.clioweb.com",
        rows: &[("https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 4,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Zendesk ticket export",
        pasted: "Ticket #4521 - New environments\nhttps://acme.zendesk.com/agent/tickets/4521\nRequester: Jo Bloggs\nPlease register:\nProduction = https://acme.clioweb.com\nUAT = https://acme-uat.clioweb.com",
        rows: &[
            ("Production = https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("UAT = https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 3,
        services: &["zendesk.com"],
        signature: &[],
    },
    Message {
        name: "a Jira issue and a ServiceNow incident",
        pasted: "View in Jira: https://acme.atlassian.net/browse/IT-123\nINC0012345 https://acme.service-now.com/nav_to.do?uri=incident.do\nProduction https://acme.clioweb.com\nTraining https://acme-training.clioweb.com",
        rows: &[
            ("Production https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("Training https://acme-training.clioweb.com", "https://acme-training.clioweb.com", "Training"),
        ],
        prose: 0,
        services: &["atlassian.net", "service-now.com"],
        signature: &[],
    },
    Message {
        name: "a Freshdesk reply with a Teams meeting link",
        pasted: "Reply above this line\nJoin the call: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\nhttps://acme.freshdesk.com/support/tickets/77\nProduction: acme.clioweb.com",
        rows: &[("Production: acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 1,
        services: &["microsoft.com", "freshdesk.com"],
        signature: &[],
    },
    Message {
        name: "iManage's own address and a Zoom link",
        pasted: "iManage: https://cloudimanage.com\nProduction: https://acme.clioweb.com\nZoom: https://acme.zoom.us/j/123456",
        rows: &[("Production: https://acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 0,
        services: &["cloudimanage.com", "zoom.us"],
        signature: &[],
    },
    Message {
        name: "a SharePoint file, a Google doc and a OneDrive link",
        pasted: "List is here https://acme.sharepoint.com/sites/IT/envs.xlsx\nor https://docs.google.com/spreadsheets/d/abc\nor https://1drv.ms/x/s!AbC\nProd: acme.clioweb.com",
        rows: &[("Prod: acme.clioweb.com", "https://acme.clioweb.com", P)],
        prose: 0,
        services: &["sharepoint.com", "google.com", "1drv.ms"],
        signature: &[],
    },
    Message {
        name: "a firm's domain that only starts like a service's is the firm's",
        pasted: "Production: https://zendesk.com.acme-law.com\nUAT: https://acme-uat.linkedin-law.com",
        rows: &[
            ("Production: https://zendesk.com.acme-law.com", "https://zendesk.com.acme-law.com", P),
            ("UAT: https://acme-uat.linkedin-law.com", "https://acme-uat.linkedin-law.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Slack message with arrows and sentence marks",
        pasted: "prod \u{2192} https://acme.clioweb.com!\nuat \u{2192} https://acme-uat.clioweb.com?\n\u{2705} Training: https://acme-training.clioweb.com",
        rows: &[
            ("prod \u{2192} https://acme.clioweb.com!", "https://acme.clioweb.com", P),
            ("uat \u{2192} https://acme-uat.clioweb.com?", "https://acme-uat.clioweb.com", "UAT"),
            ("\u{2705} Training: https://acme-training.clioweb.com", "https://acme-training.clioweb.com", "Training"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a Safe Link in a Teams sentence",
        pasted: "prod is https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com%2F&data=05 and uat is https://acme-uat.clioweb.com",
        rows: &[
            ("prod is https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com%2F&data=05", "https://acme.clioweb.com", P),
            ("and uat is https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 0,
        services: &[],
        signature: &[],
    },
    Message {
        name: "a reply that opens with thanks keeps its addresses",
        pasted: "Thanks!\nhttps://acme.clioweb.com\nhttps://acme-uat.clioweb.com",
        rows: &[
            ("https://acme.clioweb.com", "https://acme.clioweb.com", P),
            ("https://acme-uat.clioweb.com", "https://acme-uat.clioweb.com", "UAT"),
        ],
        prose: 1,
        services: &[],
        signature: &[],
    },
    Message {
        name: "after a sign-off, an address on an environment's domain is kept",
        pasted: "Production: https://clio.acme-law.com\nRegards,\nhttps://clio2.acme-law.com\nhttps://www.acme-law.com",
        rows: &[
            ("Production: https://clio.acme-law.com", "https://clio.acme-law.com", P),
            ("https://clio2.acme-law.com", "https://clio2.acme-law.com", ""),
        ],
        prose: 1,
        services: &[],
        signature: &["www.acme-law.com"],
    },
    Message {
        name: "only other services' addresses",
        pasted: "https://www.linkedin.com/in/jo-bloggs\nhttps://x.com/acmelaw",
        rows: &[],
        prose: 0,
        services: &["linkedin.com", "x.com"],
        signature: &[],
    },
];

#[test]
fn pasted_messages_with_other_services_wrappers_and_signatures() {
    assert!(MESSAGES.len() >= 25, "{} messages", MESSAGES.len());
    let mut failures = Vec::new();
    for case in MESSAGES {
        let state = paste(case.pasted);
        let report = analyze(&state.to_request(None));
        let rows: Vec<(String, String, String)> = report
            .environments
            .entries
            .iter()
            .map(|entry| {
                (
                    entry.input.trim().to_owned(),
                    entry
                        .origin
                        .as_ref()
                        .map(|o| o.to_string())
                        .unwrap_or_default(),
                    entry
                        .role
                        .as_ref()
                        .map(|r| r.label().to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = case
            .rows
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        let rows_kept: Vec<String> = state.answers().rows.iter().map(|r| r.url.clone()).collect();
        let want_kept: Vec<String> = if case.rows.is_empty() {
            vec![String::new()]
        } else {
            case.rows.iter().map(|r| r.0.to_owned()).collect()
        };
        if rows != want && !(case.rows.is_empty() && rows_kept == want_kept) {
            failures.push(format!(
                "{}:\n   want {want:?}\n   got  {rows:?}",
                case.name
            ));
        }
        let announcement = state.progress().announcement.clone().unwrap_or_else(|| {
            panic!("{}: no announcement", case.name);
        });
        let got = (
            announcement.left_out as usize,
            announcement.other_services.clone(),
            announcement.signature.clone(),
        );
        let want = (
            case.prose,
            case.services
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
            case.signature
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        );
        if got != want {
            failures.push(format!("{}: left out {got:?}, want {want:?}", case.name));
        }
        // An address read from inside a wrapper says so; one hidden by it is an error.
        for entry in &report.environments.entries {
            let codes: Vec<FindingCode> = entry.findings.iter().map(|f| f.code).collect();
            let wrapped = [
                "safelinks",
                "urldefense",
                "google.com/url",
                "cudasvc",
                "?url=",
            ]
            .iter()
            .any(|w| entry.input.contains(w));
            if wrapped && !codes.contains(&FindingCode::LinkUnwrapped) {
                failures.push(format!(
                    "{}: {:?} not told as unwrapped",
                    case.name, entry.input
                ));
            }
            if entry.input.contains("mimecast.com/s/")
                && !codes.contains(&FindingCode::LinkHidesAddress)
            {
                failures.push(format!(
                    "{}: {:?} not told as hidden",
                    case.name, entry.input
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn typed_rows_and_the_api_unwrap_links_and_refuse_other_services() {
    use imanage_connect::core::environment::{analyze_environments, EnvironmentInput};
    use imanage_connect::core::{AnalysisRequest, Severity};
    let entry = |url: &str| {
        analyze_environments(&[EnvironmentInput {
            url: url.into(),
            ..EnvironmentInput::default()
        }])
        .entries
        .remove(0)
    };
    // A wrapper is taken off, and said so, with the service named.
    let wrapped: &[(&str, &str, &str)] = &[
        (
            "Production (SafeLink): https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme-training.clioweb.com%2F&data=05",
            "https://acme-training.clioweb.com",
            "Outlook Safe Links",
        ),
        (SAFE_LINK, "https://acme-training.clioweb.com", "Outlook Safe Links"),
        (
            "https://urldefense.com/v3/__https://acme-uat.clioweb.com/__;!!Abc$",
            "https://acme-uat.clioweb.com",
            "Proofpoint URL Defense",
        ),
        (
            "https://www.google.com/url?q=https://acme.clioweb.com&sa=D",
            "https://acme.clioweb.com",
            "Google redirect",
        ),
        (
            "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2facme.clioweb.com&c=E,1,AbC&typo=1",
            "https://acme.clioweb.com",
            "Barracuda Link Protection",
        ),
        (
            "https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Furldefense.com%2Fv3%2F__https%3A%2F%2Facme.clioweb.com%2F__&data=05",
            "https://acme.clioweb.com",
            "Outlook Safe Links and Proofpoint URL Defense",
        ),
    ];
    for (typed, origin, service) in wrapped {
        let e = entry(typed);
        assert_eq!(
            e.origin.as_ref().map(|o| o.to_string()).as_deref(),
            Some(*origin),
            "{typed}"
        );
        assert_eq!(
            e.redirect_uri.as_ref().map(|u| u.as_str().to_owned()),
            Some(format!("{origin}/externalServices/replyFrom")),
            "{typed}"
        );
        let told = e
            .findings
            .iter()
            .find(|f| f.code == FindingCode::LinkUnwrapped)
            .expect(typed);
        assert_eq!(told.severity, Severity::Info, "{typed}");
        assert!(
            told.message.contains(&format!("rewritten by {service};")),
            "{}",
            told.message
        );
    }
    // A wrapper that hides the address cannot be read.
    let e = entry("Production: https://protect-eu.mimecast.com/s/AbCdEfGh?domain=acme.clioweb.com");
    assert_eq!(e.origin, None);
    let hidden = e
        .findings
        .iter()
        .find(|f| f.code == FindingCode::LinkHidesAddress)
        .expect("hidden");
    assert_eq!(hidden.severity, Severity::Error);
    assert_eq!(
        hidden.fix,
        "Open the link in your browser and paste the address it shows."
    );
    // Another service's address is an error naming it; a firm's look-alike is not.
    let others: &[(&str, &str)] = &[
        (
            "https://www.linkedin.com/company/acme",
            "LinkedIn's (linkedin.com)",
        ),
        ("acme.zendesk.com", "Zendesk's (zendesk.com)"),
        (
            "https://teams.microsoft.com/l/meetup-join/19",
            "Microsoft's (microsoft.com)",
        ),
        (
            "UAT: https://acme.cloudimanage.com",
            "iManage's (cloudimanage.com)",
        ),
        (
            "https://eur03.safelinks.protection.outlook.com/?data=05",
            "Microsoft Outlook's (outlook.com)",
        ),
        (
            "https://acme.atlassian.net/browse/IT-1",
            "Atlassian's (atlassian.net)",
        ),
        ("https://x.com/acme", "X's (x.com)"),
        (
            "https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.youtube.com%2Fwatch",
            "YouTube's (youtube.com)",
        ),
    ];
    for (typed, named) in others {
        let e = entry(typed);
        assert_eq!(e.origin, None, "{typed}");
        let refused = e
            .findings
            .iter()
            .find(|f| f.code == FindingCode::OtherService)
            .expect(typed);
        assert_eq!(refused.severity, Severity::Error, "{typed}");
        assert_eq!(
            refused.message,
            format!("The address is {named}, not a Clio Operate environment's.")
        );
        assert!(
            refused
                .fix
                .starts_with("Enter the address of the Clio Operate environment"),
            "{}",
            refused.fix
        );
    }
    assert!(entry("https://acme.cloudimanage.com")
        .findings
        .iter()
        .any(|f| f.fix.contains("iManage URL field")));
    for firm in [
        "https://zendesk.com.acme-law.com",
        "https://acme-linkedin.example.com",
        "https://acme.clioweb.com/?url=https%3A%2F%2Fother.example.com",
    ] {
        let e = entry(firm);
        assert!(!e.has_error(), "{firm}: {:?}", e.findings);
        assert!(
            !e.findings
                .iter()
                .any(|f| f.code == FindingCode::LinkUnwrapped),
            "{firm}"
        );
    }
    // The analyze() API reads them alike and registers no other service's address.
    let request: AnalysisRequest = serde_json::from_str(&format!(
        r#"{{"environments": [{{"url": "{SAFE_LINK}"}}, {{"url": "https://www.linkedin.com/company/acme"}}]}}"#
    ))
    .unwrap();
    let report = analyze(&request);
    let registered: Vec<String> = report
        .environments
        .registrations
        .iter()
        .map(|r| r.redirect_uri.as_str().to_owned())
        .collect();
    assert_eq!(
        registered,
        ["https://acme-training.clioweb.com/externalServices/replyFrom"]
    );
    assert!(report.environments.entries[1].has_error());
}

#[test]
fn a_space_splits_entries_only_between_whole_addresses() {
    // A host broken by a space keeps its finding.
    let report = analyze(&paste("https://acme .example.com").to_request(None));
    assert_eq!(report.environments.entries.len(), 1);
    let entry = &report.environments.entries[0];
    assert!(entry.has_error());
    assert!(
        entry.findings.iter().any(|f| f.message.contains("a space")),
        "{:?}",
        entry.findings
    );
    // Two whole addresses are two entries of one row, which can be split.
    let report =
        analyze(&paste("https://acme.example.com https://acme-uat.example.com").to_request(None));
    let origins: Vec<String> = report
        .environments
        .entries
        .iter()
        .filter_map(|e| e.origin.as_ref().map(|o| o.to_string()))
        .collect();
    assert_eq!(
        origins,
        ["https://acme.example.com", "https://acme-uat.example.com"]
    );
}

#[test]
fn an_e_mail_address_where_a_labelled_environment_belongs_is_a_row_with_its_error() {
    let text = "Production: https://acme.clioweb.com\nUAT: jo@acme-uat.clioweb.com\nTraining: https://acme-training.clioweb.com\nThanks,\nJo";
    let state = paste(text);
    let report = analyze(&state.to_request(None));
    let entries = &report.environments.entries;
    assert_eq!(entries.len(), 3, "{entries:#?}");
    let uat = &entries[1];
    assert!(uat.input.contains("jo@acme-uat.clioweb.com"));
    assert!(uat.has_error(), "{uat:#?}");
    assert!(
        uat.findings.iter().any(|f| f.message.contains("e-mail")),
        "{:?}",
        uat.findings
    );
    // A name and an address in a signature are still prose.
    let signed = paste("https://acme.clioweb.com\nJo Bloggs jo@acme-law.com");
    let report = analyze(&signed.to_request(None));
    assert_eq!(report.environments.entries.len(), 1);
}

#[test]
fn a_comma_typed_for_a_dot_in_a_host_is_kept_and_named_not_split_off() {
    // (pasted, entries, the first entry's redirect URI)
    let cases: &[(&str, usize, Option<&str>)] = &[
        ("Training: https://acme-training.clioweb,com", 1, None),
        ("https://acme-training.clioweb,com/", 1, None),
        ("acme.clioweb,co", 1, None),
        // Lists and CSV cells still split.
        (
            "https://a.example.com,https://b.example.com",
            2,
            Some("https://a.example.com/externalServices/replyFrom"),
        ),
        (
            "a.example.com,b.example.com",
            2,
            Some("https://a.example.com/externalServices/replyFrom"),
        ),
    ];
    for (text, n, uri) in cases {
        let state = paste(text);
        let report = analyze(&state.to_request(None));
        let entries = &report.environments.entries;
        let typed = analyze(&set_first_row(text).to_request(None));
        assert_eq!(entries.len(), *n, "{text}: {entries:#?}");
        assert_eq!(
            entries[0].redirect_uri.as_ref().map(|u| u.as_str()),
            *uri,
            "{text}"
        );
        if uri.is_none() {
            assert!(
                entries[0]
                    .findings
                    .iter()
                    .any(|f| f.message.contains("a comma (,) in the host name")),
                "{text}: {:?}",
                entries[0].findings
            );
        }
        assert_eq!(
            typed.environments.entries.len(),
            *n,
            "{text}: typed as pasted"
        );
    }
}

fn set_first_row(text: &str) -> State {
    let state = State::default();
    let id = state.answers().first_row_id();
    state.reduce(Action::SetText {
        field: imanage_connect::widget::field::FieldKey::RowUrl(id),
        text: text.into(),
    })
}

#[test]
fn a_sentences_full_stop_and_asides_are_not_read_into_the_address_or_the_role() {
    use imanage_connect::core::{FindingCode, Role};
    let text = "hey, prod is https://acme.clioweb.com and training https://acme-train.clioweb.com. Test one is https://acme-test.clioweb.com\n(the old one https://acme-old.clioweb.com is gone, ignore it)";
    let state = paste(text);
    let report = analyze(&state.to_request(None));
    let entries = &report.environments.entries;
    let training = entries
        .iter()
        .find(|e| e.input.contains("acme-train"))
        .expect("training is read");
    assert_eq!(
        training.redirect_uri.as_ref().map(|u| u.as_str()),
        Some("https://acme-train.clioweb.com/externalServices/replyFrom")
    );
    assert!(
        training
            .findings
            .iter()
            .all(|f| f.code != FindingCode::TrailingDotRemoved),
        "{:?}",
        training.findings
    );
    let old = entries
        .iter()
        .find(|e| e.input.contains("acme-old"))
        .expect("the aside's address is not dropped unseen");
    assert!(
        !matches!(&old.role, Some(Role::Other(name)) if name.contains("old one")),
        "{:?}",
        old.role
    );
    // A bare address keeps its host name's final dot, and says so.
    let bare = analyze(&paste("acme.example.com.\nacme-uat.example.com").to_request(None));
    assert!(bare.environments.entries[0]
        .findings
        .iter()
        .any(|f| f.code == FindingCode::TrailingDotRemoved));
}

#[test]
fn outlooks_plain_text_form_of_a_link_reads_the_address_shown() {
    let text = "Production: https://acme.clioweb.com<https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.clioweb.com%2F&data=05%7C02%7C&reserved=0>\nUAT: https://acme-uat.clioweb.com<https://acme-uat.clioweb.com/>";
    for state in [paste(text), set_first_row(text.lines().next().unwrap())] {
        let report = analyze(&state.to_request(None));
        let first = &report.environments.entries[0];
        assert_eq!(
            first.redirect_uri.as_ref().map(|u| u.as_str()),
            Some("https://acme.clioweb.com/externalServices/replyFrom"),
            "{first:#?}"
        );
        assert!(!first.has_error());
        assert!(first
            .findings
            .iter()
            .any(|f| f.message.contains("the link an e-mail program added")));
    }
    let report = analyze(&paste(text).to_request(None));
    assert_eq!(report.environments.entries.len(), 2);
    assert_eq!(
        report.environments.entries[1]
            .redirect_uri
            .as_ref()
            .map(|u| u.as_str()),
        Some("https://acme-uat.clioweb.com/externalServices/replyFrom")
    );
}

#[test]
fn a_firms_name_before_its_website_in_a_signature_does_not_make_it_an_environment() {
    let text = "Production: https://acme.clioweb.com\n--\nJo Bloggs\nAcme Law LLP | https://acme-law.com | https://www.linkedin.com/company/acme-law | https://x.com/acmelaw\nThis e-mail is confidential and may be privileged; if you are not the intended recipient, please tell the sender. https://acme-law.com/privacy";
    let state = paste(text);
    let report = analyze(&state.to_request(None));
    let uris: Vec<&str> = report
        .environments
        .registrations
        .iter()
        .map(|r| r.redirect_uri.as_str())
        .collect();
    assert_eq!(
        uris,
        ["https://acme.clioweb.com/externalServices/replyFrom"],
        "{:#?}",
        report.environments.entries
    );
    let said = state.progress().announcement.as_ref().unwrap().text();
    assert!(
        said.contains("acme-law.com"),
        "the signature's address is named: {said}"
    );
}

#[test]
fn a_markdown_link_and_a_quoted_cell_with_a_space_inside_read_their_address() {
    // (typed or pasted, the redirect URI)
    let cases: &[(&str, &str)] = &[
        (
            "> UAT URL: [https://acme-uat.clioweb.com](https://acme-uat.clioweb.com)",
            "https://acme-uat.clioweb.com/externalServices/replyFrom",
        ),
        (
            "[Production](https://acme.clioweb.com)",
            "https://acme.clioweb.com/externalServices/replyFrom",
        ),
        (
            "Training\t\"https://acme-training.clioweb.com \"\tSam",
            "https://acme-training.clioweb.com/externalServices/replyFrom",
        ),
    ];
    for (text, uri) in cases {
        for state in [
            set_first_row(text),
            paste(&format!("{text}\nhttps://other.clioweb.com")),
        ] {
            let report = analyze(&state.to_request(None));
            let first = &report.environments.entries[0];
            assert_eq!(
                first.redirect_uri.as_ref().map(|u| u.as_str()),
                Some(*uri),
                "{text}: {first:#?}"
            );
            assert!(!first.has_error(), "{text}: {:?}", first.findings);
        }
    }
}

//! The widget model beyond the reducer: how messages to Support are delivered and what
//! the widget says about each delivery.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::analyze;
use imanage_connect::core::extract::percent_decode;
use imanage_connect::widget::delivery::{EmailPlan, MessageKind, OutgoingMessage};
use imanage_connect::widget::field::FieldKey;
use imanage_connect::widget::state::{Action, State};

/// A form with `n` environments whose confirmed redirect URIs each end with a slash.
fn state_with(n: usize) -> State {
    let urls: Vec<String> = (0..n)
        .map(|i| format!("https://firm{i}.clio-operate.example"))
        .collect();
    let registered: Vec<String> = urls
        .iter()
        .map(|u| format!("{u}/externalServices/replyFrom/"))
        .collect();
    State::default()
        .reduce(Action::PasteIntoRow {
            id: 0,
            text: urls.join("\n"),
        })
        .reduce(Action::SetText {
            field: FieldKey::CustomerId,
            text: "1764".into(),
        })
        .reduce(Action::SetText {
            field: FieldKey::Registered,
            text: registered.join("\n"),
        })
}

fn messages(n: usize) -> (OutgoingMessage, OutgoingMessage) {
    let report = analyze(&state_with(n).to_request(None));
    let follow_up = report
        .diagnosis
        .as_ref()
        .and_then(|d| d.follow_up.as_ref())
        .expect("near misses ask for a correction");
    (
        OutgoingMessage::request(&report.support_request),
        OutgoingMessage::correction(follow_up),
    )
}

fn mailto_body(message: &OutgoingMessage) -> String {
    percent_decode(message.mailto.split("&body=").nth(1).unwrap())
}

#[test]
fn a_short_message_opens_in_e_mail_whole() {
    let (request, correction) = messages(2);
    for message in [&request, &correction] {
        assert_eq!(message.email_plan(), EmailPlan::Open, "{:?}", message.kind);
        // The link carries the whole message: it only says the e-mail is opening.
        for copied in [true, false] {
            let said = message.email_outcome(copied).unwrap();
            assert!(
                said.contains("is opening in your e-mail program. If nothing opens, use Copy"),
                "{said}"
            );
        }
        assert_eq!(
            format!(
                "Subject: {}\n\n{}\n",
                message.subject,
                mailto_body(message).replace("\r\n", "\n")
            ),
            message.text()
        );
    }
}

#[test]
fn a_message_too_long_for_an_e_mail_link_is_copied_first_and_never_claimed_otherwise() {
    let (request, correction) = messages(40);
    for (message, noun, copy) in [
        (&request, "request", "Copy the request"),
        (&correction, "message", "Copy the message for Support"),
    ] {
        assert!(message.mailto.len() <= 1_800);
        assert_eq!(message.email_plan(), EmailPlan::CopyThenOpen, "{noun}");
        let body = mailto_body(message);
        assert!(body.contains("copied to your clipboard"), "{body}");
        assert!(
            !body.contains("registration request"),
            "the short body fits both kinds"
        );
        assert_eq!(
            message.email_outcome(true).unwrap(),
            format!("The {noun} is too long for an e-mail link, so it was copied: paste it into the new e-mail.")
        );
        let refused = message.email_outcome(false).unwrap();
        assert!(refused.contains("no e-mail was opened"), "{refused}");
        assert!(refused.contains(copy), "{refused}");
        assert!(!refused.contains(" was copied"), "{refused}");
        assert_eq!(message.copy_label(), copy);
    }
    assert_eq!(request.kind, MessageKind::Request);
    assert_eq!(correction.kind, MessageKind::Correction);
}

#[test]
fn each_delivery_names_its_message() {
    let (request, correction) = messages(2);
    assert_eq!(request.confirmation(), "Request copied");
    assert_eq!(correction.confirmation(), "Message copied");
    assert!(request.copied().starts_with("Request copied."));
    assert!(correction.copied().starts_with("Message copied."));
    assert_eq!(
        request.downloaded(),
        "The request was downloaded as a text file."
    );
    assert_eq!(
        correction.downloaded(),
        "The message was downloaded as a text file."
    );
    for message in [&request, &correction] {
        let href = message.download_href();
        assert!(href.starts_with("data:text/plain;charset=utf-8,"));
        let text = percent_decode(href.split_once(',').unwrap().1);
        assert_eq!(
            text,
            message.text().replace('\n', "\r\n"),
            "CRLF for Windows tools"
        );
        assert!(message.file_name.ends_with(".txt"));
    }
}

#[test]
fn a_fields_messages_show_once_revealed_and_missing_answers_once_asked() {
    use imanage_connect::widget::messages::field_messages;
    use imanage_connect::widget::prefill::Prefill;
    let typed = State::default().reduce(Action::SetText {
        field: FieldKey::ImanageUrl,
        text: "https://cloudimanage.co".into(),
    });
    let report = analyze(&typed.to_request(None));
    let findings = &report.imanage.as_ref().unwrap().findings;
    assert!(!findings.is_empty());
    let request = &report.support_request;
    let shown = |state: &State, field| field_messages(state, field, findings, request);

    // Typing alone shows nothing; leaving or pausing reveals the field, and only it.
    assert!(shown(&typed, FieldKey::ImanageUrl).is_empty());
    let left = typed.clone().reduce(Action::Reveal(FieldKey::ImanageUrl));
    assert_eq!(&shown(&left, FieldKey::ImanageUrl).findings, findings);
    assert!(shown(&left, FieldKey::ImanageUrl).invalid());
    assert!(!left.shows(FieldKey::CustomerId));
    assert_eq!(
        left.progress().edited,
        typed.progress().edited,
        "revealing is no edit"
    );

    // The missing Customer ID shows at its field only once the reader asked.
    let empty: &[imanage_connect::core::Finding] = &[];
    let missing =
        |state: &State| field_messages(state, FieldKey::CustomerId, empty, request).missing;
    assert_eq!(missing(&left), None);
    let asked = left.clone().reduce(Action::AskForRequest);
    assert_eq!(
        missing(&asked).as_deref(),
        Some("Enter your iManage Customer ID.")
    );
    assert!(field_messages(&asked, FieldKey::CustomerId, empty, request).invalid());
    let no_rows = field_messages(&asked, FieldKey::RowUrl(0), empty, request);
    assert_eq!(
        no_rows.missing.as_deref(),
        Some("Enter the address of at least one Clio Operate environment.")
    );
    assert!(
        asked.shows(FieldKey::Registered),
        "asking reveals every field"
    );
    assert!(!asked.reduce(Action::Reset).shows(FieldKey::ImanageUrl));

    // A paste, a fix and a prefill are finished entries: shown at once.
    let pasted = State::default().reduce(Action::PasteIntoRow {
        id: 0,
        text: "a.example\nb.example".into(),
    });
    assert!(pasted
        .answers()
        .rows
        .iter()
        .all(|r| pasted.shows(FieldKey::RowUrl(r.id))));
    assert!(pasted.shows_environments());
    let prefilled = State::default().reduce(Action::Prefill(Prefill {
        customer_id: Some("x".into()),
        rows: Some(vec![]),
        ..Prefill::default()
    }));
    assert!(prefilled.shows(FieldKey::CustomerId));
    assert!(prefilled.shows(FieldKey::RowUrl(prefilled.answers().first_row_id())));
    assert!(!prefilled.shows(FieldKey::ImanageUrl));
    assert!(State::default()
        .reduce(Action::LoadExample)
        .shows(FieldKey::Version));
}

#[test]
fn the_tracker_marks_only_what_the_reader_did() {
    use imanage_connect::widget::process::{current, statuses, StepStatus::*, PROCESS};
    let complete = State::default().reduce(Action::LoadExample);
    let cases = [
        (
            State::default(),
            [ToDo, NotYet, NotYet, NotYet, NotYet, NotYet, NotYet],
            0,
        ),
        (
            complete.clone(),
            [Done, ToDo, NotYet, NotYet, NotYet, NotYet, NotYet],
            1,
        ),
        // Copying, e-mailing or downloading is not sending.
        (
            complete.clone().reduce(Action::MarkDelivered),
            [Done, ToDo, NotYet, NotYet, NotYet, NotYet, NotYet],
            1,
        ),
        (
            complete
                .clone()
                .reduce(Action::MarkDelivered)
                .reduce(Action::SetSent {
                    sent: true,
                    at: imanage_connect::core::Timestamp::from_millis(0),
                }),
            [Done, Done, Waiting, NotYet, NotYet, NotYet, NotYet],
            2,
        ),
        (
            complete
                .clone()
                .reduce(Action::SetSent {
                    sent: true,
                    at: imanage_connect::core::Timestamp::from_millis(0),
                })
                .reduce(Action::SetSent {
                    sent: false,
                    at: imanage_connect::core::Timestamp::from_millis(0),
                }),
            [Done, ToDo, NotYet, NotYet, NotYet, NotYet, NotYet],
            1,
        ),
        // Sent, then an answer changed so the request is no longer complete: sending
        // stays done, gathering is to do again.
        (
            complete
                .clone()
                .reduce(Action::SetSent {
                    sent: true,
                    at: imanage_connect::core::Timestamp::from_millis(0),
                })
                .reduce(Action::SetText {
                    field: FieldKey::CustomerId,
                    text: String::new(),
                }),
            [ToDo, Done, Waiting, NotYet, NotYet, NotYet, NotYet],
            0,
        ),
    ];
    for (state, expected, at) in cases {
        let report = analyze(&state.to_request(None));
        let got = statuses(&state, &report);
        assert_eq!(got, expected, "{:?}", state.progress());
        assert_eq!(current(&got), Some(at));
        // Support's and iManage's steps are never done.
        for ((_, who), status) in PROCESS.iter().zip(got) {
            if *who != imanage_connect::widget::process::Who::Firm {
                assert_ne!(status, Done);
            }
        }
    }
    assert!(
        !complete
            .reduce(Action::SetSent {
                sent: true,
                at: imanage_connect::core::Timestamp::from_millis(0)
            })
            .reduce(Action::Reset)
            .progress()
            .request_sent
    );
    assert_eq!(Done.label(), "Done");
    assert_eq!(Waiting.label(), "Waiting");
}

#[test]
fn an_address_breaks_only_after_a_slash_a_dot_or_a_hyphen() {
    use imanage_connect::widget::text::uri_segments;
    let cases: &[(&str, &[&str])] = &[
        (
            "https://acme-uat.clio-operate.example/externalServices/replyFrom",
            &[
                "https:/",
                "/",
                "acme-",
                "uat.",
                "clio-",
                "operate.",
                "example/",
                "externalServices/",
                "replyFrom",
            ],
        ),
        ("replyFrom", &["replyFrom"]),
        ("a/", &["a/"]),
        ("", &[]),
        ("ünïcode-ä.b", &["ünïcode-", "ä.", "b"]),
    ];
    for (text, expected) in cases {
        let segments = uri_segments(text);
        assert_eq!(&segments, expected, "{text}");
        assert_eq!(segments.concat(), *text, "nothing is lost or added");
        for segment in &segments[..segments.len().saturating_sub(1)] {
            assert!(segment.ends_with(['/', '.', '-']), "{segment}");
        }
    }
}

#[test]
fn the_request_is_stamped_in_utc_and_the_readers_local_time_with_the_zone_named() {
    use imanage_connect::core::Timestamp;
    use imanage_connect::widget::state::Setup;
    // 00:25 UTC on 30 November is still 29 November in New York.
    let now = Timestamp::parse_iso("2026-11-30T00:25:00Z");
    for (offset, written, file) in [
        (
            -300,
            "Written at 2026-11-30T00:25:00Z, that is 29 November 2026 at 19:25 (UTC\u{2212}5), with",
            "2026-11-29",
        ),
        (
            330,
            "Written at 2026-11-30T00:25:00Z, that is 30 November 2026 at 05:55 (UTC+5:30), with",
            "2026-11-30",
        ),
        (
            0,
            "Written at 2026-11-30T00:25:00Z, that is 30 November 2026 at 00:25 (UTC), with",
            "2026-11-30",
        ),
    ] {
        let state = State::new(Setup {
            utc_offset_minutes: offset,
            ..Setup::default()
        })
        .reduce(Action::LoadExample);
        let report = analyze(&state.to_request(now));
        let message = OutgoingMessage::request(&report.support_request);
        assert!(message.body.contains(written), "{}", message.body);
        assert_eq!(
            message.file_name,
            format!("imanage-registration-request-{file}.txt")
        );
    }
}

#[test]
fn each_phase_says_where_it_stands() {
    use imanage_connect::widget::phases::{status, Phase, PhaseStatus::*};
    let statuses = |state: &State| {
        let report = analyze(&state.to_request(None));
        Phase::ALL.map(|phase| status(phase, state, &report))
    };
    let fresh = State::default();
    assert_eq!(
        statuses(&fresh),
        [NotStarted, AfterConfirmation, OnlyIfNeeded]
    );
    let typed = fresh.clone().reduce(Action::SetText {
        field: FieldKey::CustomerId,
        text: "1764".into(),
    });
    assert_eq!(
        statuses(&typed),
        [InProgress, AfterConfirmation, OnlyIfNeeded]
    );
    let example = fresh.clone().reduce(Action::LoadExample);
    assert_eq!(
        statuses(&example),
        [ReadyToSend, AfterConfirmation, OnlyIfNeeded]
    );
    let sent = example.clone().reduce(Action::SetSent {
        sent: true,
        at: imanage_connect::core::Timestamp::from_millis(0),
    });
    assert_eq!(statuses(&sent), [Sent, Next, OnlyIfNeeded]);
    let troubleshooting = sent.reduce(Action::SetText {
        field: FieldKey::Failing,
        text: "invalid_redirect_uri".into(),
    });
    assert_eq!(statuses(&troubleshooting), [Sent, Next, InProgress]);
    for status in [
        NotStarted,
        InProgress,
        ReadyToSend,
        Sent,
        AfterConfirmation,
        Next,
        OnlyIfNeeded,
    ] {
        assert!(!status.label().is_empty());
    }

    // One phase open at a time; the journey starts at the first, and Start again returns.
    assert_eq!(fresh.progress().open_phase, Phase::Prepare);
    let open = example.reduce(Action::OpenPhase(Phase::Troubleshoot));
    assert_eq!(open.progress().open_phase, Phase::Troubleshoot);
    assert_eq!(
        open.reduce(Action::Reset).progress().open_phase,
        Phase::Prepare
    );
    assert_eq!(
        Phase::ALL.map(Phase::title),
        [
            "Prepare and send the request",
            "Configure after iManage confirms",
            "If sign-in fails"
        ]
    );
}

#[test]
fn the_error_summary_names_each_field_in_the_forms_order() {
    use imanage_connect::widget::messages::error_summary;
    let typed = State::default().reduce(Action::PasteIntoRow {
        id: 0,
        text: "https://acme.clioweb.com\njane@acme.example.com".into(),
    });
    let second = typed.answers().rows[1].id;
    let report = analyze(&typed.to_request(None));
    assert!(
        error_summary(&typed, &report).is_empty(),
        "not before the reader asks"
    );

    let asked = typed.reduce(Action::AskForRequest);
    let report = analyze(&asked.to_request(None));
    let items = error_summary(&asked, &report);
    assert_eq!(items[0].0, FieldKey::RowUrl(second), "{items:?}");
    assert!(items[0].1.starts_with("Environment 2: "), "{items:?}");
    assert!(items.contains(&(
        FieldKey::CustomerId,
        "Enter your iManage Customer ID.".to_owned()
    )));

    // Nothing is listed once the request is ready.
    let ready = asked
        .reduce(Action::LoadExample)
        .reduce(Action::AskForRequest);
    let report = analyze(&ready.to_request(None));
    assert!(error_summary(&ready, &report).is_empty());

    // An empty form lists the environments at the first row.
    let empty = State::default().reduce(Action::AskForRequest);
    let report = analyze(&empty.to_request(None));
    let items = error_summary(&empty, &report);
    assert_eq!(
        items[..2],
        [
            (
                FieldKey::RowUrl(0),
                "Enter the address of at least one Clio Operate environment.".to_owned()
            ),
            (
                FieldKey::CustomerId,
                "Enter your iManage Customer ID.".to_owned()
            ),
        ],
        "in the order of the page"
    );
    // Every item comes in the order of the form, the rows as they stand.
    let order: Vec<u8> = items.iter().map(|(field, _)| field.order()).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "{items:?}");
}

mod check_your_answers {
    use imanage_connect::core::{analyze, Report};
    use imanage_connect::widget::check::{check_rows, Answer, CheckRow};
    use imanage_connect::widget::field::FieldKey;
    use imanage_connect::widget::state::{Action, Answers, State};

    fn report(state: &State) -> Report {
        analyze(&state.to_request(None))
    }

    fn set(state: State, field: FieldKey, text: &str) -> State {
        state.reduce(Action::SetText {
            field,
            text: text.into(),
        })
    }

    #[test]
    fn an_empty_form_says_what_is_missing_and_where_to_change_it() {
        let state = set(State::default(), FieldKey::ImanageUrl, "");
        let first_row = state.answers().first_row_id();
        let report = report(&state);
        let rows = check_rows(state.answers(), &report);
        let table: Vec<(&str, Answer, FieldKey, &str)> = rows
            .iter()
            .map(|r| (r.question, r.answer.clone(), r.change, r.change_what))
            .collect();
        assert_eq!(
            table,
            vec![
                (
                    "iManage Customer ID",
                    Answer::Missing("Not entered yet"),
                    FieldKey::CustomerId,
                    "iManage Customer ID"
                ),
                (
                    "Redirect URIs",
                    Answer::Missing("None yet"),
                    FieldKey::RowUrl(first_row),
                    "environments"
                ),
                (
                    "iManage URL",
                    Answer::Missing("Not entered yet"),
                    FieldKey::ImanageUrl,
                    "iManage URL"
                ),
                (
                    "Clio Operate version",
                    Answer::NotGiven("Not entered (recommended)"),
                    FieldKey::Version,
                    "Clio Operate version"
                ),
                (
                    "Firm and contact",
                    Answer::NotGiven("Not given (optional)"),
                    FieldKey::FirmName,
                    "firm and contact"
                ),
            ]
        );
        assert!(rows.iter().all(CheckRow::missing));
    }

    #[test]
    fn an_answer_with_an_error_says_so_in_its_row() {
        let example = State::default().reduce(Action::LoadExample);
        let example_report = report(&example);
        assert!(check_rows(example.answers(), &example_report)
            .iter()
            .all(|row| !row.problem));
        // (field, text, the row that says so)
        let cases: &[(FieldKey, &str, usize)] = &[
            (FieldKey::ImanageUrl, "https://cloudimanage.co", 2),
            (FieldKey::Version, "seven", 3),
            (FieldKey::RowUrl(0), "https://acme .example.com", 1),
        ];
        for &(field, text, index) in cases {
            let state = set(example.clone(), field, text);
            let report = report(&state);
            let rows = check_rows(state.answers(), &report);
            let flagged: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].problem).collect();
            assert_eq!(flagged, [index], "{field:?} {text:?}");
        }
    }

    #[test]
    fn the_example_answers_every_row() {
        let state = State::default().reduce(Action::LoadExample);
        let report = report(&state);
        let rows = check_rows(state.answers(), &report);
        assert_eq!(rows.len(), 5);
        for row in &rows {
            assert!(!row.missing(), "{row:?}");
        }
        let Answer::RedirectUris(uris) = &rows[1].answer else {
            panic!("{:?}", rows[1]);
        };
        assert_eq!(uris.len(), Answers::example().rows.len());
        for uri in uris {
            assert!(
                uri.uri.starts_with("https://") && uri.uri.ends_with("/externalServices/replyFrom"),
                "{uri:?}"
            );
            assert!(!uri.label.is_empty());
        }
    }

    #[test]
    fn each_answer_is_the_readers_own_words_trimmed() {
        let cases: &[(FieldKey, &str, usize, &str)] = &[
            (FieldKey::CustomerId, " 1764 ", 0, "1764"),
            (FieldKey::FirmName, "  Firm LLP ", 4, "Firm LLP"),
            (FieldKey::ContactName, "Ann Lee", 4, "Ann Lee"),
            (
                FieldKey::ContactEmail,
                "ann@firm.example ",
                4,
                "ann@firm.example",
            ),
        ];
        for &(field, text, index, expected) in cases {
            let state = set(State::default(), field, text);
            let report = report(&state);
            let rows = check_rows(state.answers(), &report);
            assert_eq!(
                rows[index].answer,
                Answer::Text(expected.into()),
                "{field:?} {text:?}"
            );
        }
        let all = [
            (FieldKey::FirmName, "Firm LLP"),
            (FieldKey::ContactName, "Ann Lee"),
            (FieldKey::ContactEmail, "ann@firm.example"),
        ]
        .into_iter()
        .fold(State::default(), |s, (f, t)| set(s, f, t));
        assert_eq!(
            check_rows(all.answers(), &report(&all))[4].answer,
            Answer::Text("Firm LLP, Ann Lee, ann@firm.example".into())
        );
    }

    #[test]
    fn a_pasted_list_gives_one_redirect_uri_per_address_and_change_goes_to_the_first_row() {
        let state = State::default().reduce(Action::PasteIntoRow {
            id: 0,
            text: "https://a.clio-operate.example\nhttps://b.clio-operate.example".into(),
        });
        let report = report(&state);
        let rows = check_rows(state.answers(), &report);
        let Answer::RedirectUris(uris) = &rows[1].answer else {
            panic!("{:?}", rows[1]);
        };
        let got: Vec<&str> = uris.iter().map(|u| u.uri.as_str()).collect();
        assert_eq!(
            got,
            [
                "https://a.clio-operate.example/externalServices/replyFrom",
                "https://b.clio-operate.example/externalServices/replyFrom"
            ]
        );
        assert_eq!(
            rows[1].change,
            FieldKey::RowUrl(state.answers().first_row_id())
        );
    }
}

/// What the reader reads about an environment's address names the field as its label
/// does ("Address"), never by another name.
#[test]
fn messages_about_an_environment_use_the_words_of_its_label() {
    use imanage_connect::core::{analyze, Field};
    assert_eq!(FieldKey::RowUrl(0).label(), "Address");
    assert_eq!(Field::Environment.label(), FieldKey::RowUrl(0).label());
    let inputs = [
        "www.acme.clioweb.com",
        "http://acme.clioweb.com",
        "https://acme.clioweb.com:8443",
        "https://acme.clioweb.com/admin/oauth",
        "https://ACME.clioweb.com.",
        "acme.clioweb.com:443",
        "jane@acme.clioweb.com",
        "https://user@acme.clioweb.com",
        "https://192.168.0.1",
        "https://acme_uat.clioweb.com",
        "https://*.clioweb.com",
        "ftp://acme.clioweb.com",
        "https://acme.clioweb.com\\admin",
        "https://",
        "mailto:jane@acme.example",
    ];
    for input in inputs {
        let state = State::default().reduce(Action::SetText {
            field: FieldKey::RowUrl(0),
            text: input.into(),
        });
        let report = analyze(&state.to_request(None));
        let mut said: Vec<String> = report
            .environments
            .entries
            .iter()
            .flat_map(|e| &e.findings)
            .flat_map(|f| [f.message.clone(), f.fix.clone()])
            .collect();
        assert!(!said.is_empty(), "{input}: a finding is expected");
        if let Err(blockers) = report.support_request.sendable_text() {
            said.extend(blockers);
        }
        for sentence in said {
            assert!(
                !sentence.to_lowercase().contains("environment url"),
                "{input}: {sentence}"
            );
        }
    }
}

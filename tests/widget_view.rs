//! The view model: what each section shows for a given state and report, decided without
//! a browser (the shell only renders these slices).
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::diagnosis::ConnectionChoice;
use imanage_connect::core::{analyze, ConfigPath, Report, Role, Timestamp};
use imanage_connect::widget::field::FieldKey;
use imanage_connect::widget::phases::Phase;
use imanage_connect::widget::state::{Action, Setup, State};
use imanage_connect::widget::view::diagnosis::{DiagnosisView, Outcome, Tone};
use imanage_connect::widget::view::environments::{
    role_from_value, role_value, EnvironmentsView, ROLE_OPTIONS,
};
use imanage_connect::widget::view::path::{path_intro, PathParts, PathPointer, PathView};
use imanage_connect::widget::view::request::{Recipient, RequestView};
use imanage_connect::widget::view::{ErrorSummaryView, ImanageView};

fn report(state: &State) -> Report {
    analyze(&state.to_request(None))
}

fn report_at(state: &State, now: &str) -> Report {
    analyze(&state.to_request(Some(Timestamp::parse_iso(now).unwrap())))
}

fn set(state: State, field: FieldKey, text: &str) -> State {
    state.reduce(Action::SetText {
        field,
        text: text.into(),
    })
}

fn paste(state: State, text: &str) -> State {
    let id = state.answers().first_row_id();
    state.reduce(Action::PasteIntoRow {
        id,
        text: text.into(),
    })
}

fn first_row(state: State, url: &str) -> State {
    let id = state.answers().first_row_id();
    set(state, FieldKey::RowUrl(id), url)
}

mod environments {
    use super::*;

    #[test]
    fn each_row_is_named_by_its_number_and_role_chosen_or_suggested() {
        // (address, chosen role, shown role, suggested, name)
        type Case = (&'static str, Option<Role>, Option<Role>, bool, &'static str);
        let cases: &[Case] = &[
            ("", None, None, false, "environment 1"),
            (
                "https://acme.example.com",
                None,
                Some(Role::Production),
                true,
                "environment 1 (Production)",
            ),
            (
                "https://acme-uat.example.com",
                None,
                Some(Role::Uat),
                true,
                "environment 1 (UAT)",
            ),
            (
                "https://acme-uat.example.com",
                Some(Role::Training),
                Some(Role::Training),
                false,
                "environment 1 (Training)",
            ),
        ];
        for (url, chosen, shown, suggested, name) in cases {
            // The first row starts as production; these start from no role.
            let state = first_row(State::default(), url);
            let id = state.answers().first_row_id();
            let state = state.reduce(Action::SetRowRole {
                id,
                role: chosen.clone(),
            });
            let view = EnvironmentsView::new(&state, &report(&state));
            let row = &view.rows[0];
            assert_eq!(row.number, 1);
            assert_eq!(&row.role, shown, "{url}");
            assert_eq!(row.suggested, *suggested, "{url}");
            assert_eq!(row.name, *name, "{url}");
            assert_eq!(row.url, *url);
        }
    }

    #[test]
    fn an_address_is_marked_only_once_its_messages_show() {
        let state = first_row(State::default(), "http://acme.example.com/");
        let id = state.answers().first_row_id();
        let before = EnvironmentsView::new(&state, &report(&state));
        assert!(!before.rows[0].invalid && !before.rows[0].described);
        assert!(before.rows[0].entries[0].findings.is_empty());
        // The redirect URI shows at once: it is what the reader came for.
        assert_eq!(
            before.rows[0].entries[0].redirect_uri.as_deref(),
            Some("https://acme.example.com/externalServices/replyFrom")
        );

        let state = state.reduce(Action::Reveal(FieldKey::RowUrl(id)));
        let after = EnvironmentsView::new(&state, &report(&state));
        assert!(after.rows[0].described);
        assert!(!after.rows[0].entries[0].findings.is_empty());

        let broken = first_row(State::default(), "https://acme .example.com")
            .reduce(Action::Reveal(FieldKey::RowUrl(id)));
        let view = EnvironmentsView::new(&broken, &report(&broken));
        assert!(view.rows[0].invalid);
        assert_eq!(view.rows[0].entries[0].redirect_uri, None);
    }

    #[test]
    fn with_no_environment_the_first_row_says_so_once_the_reader_asks() {
        let state = State::default();
        let view = EnvironmentsView::new(&state, &report(&state));
        assert_eq!(view.rows[0].missing, None);
        let state = state.reduce(Action::AskForRequest);
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(view.rows[0].missing.is_some());
        assert!(view.rows[0].invalid && view.rows[0].described);
    }

    #[test]
    fn a_row_can_be_removed_unless_it_is_the_only_empty_one() {
        let cases: &[(&[&str], &[bool])] = &[
            (&[""], &[false]),
            (&["https://a.example.com"], &[true]),
            (&["https://a.example.com", ""], &[true, true]),
        ];
        for (urls, removable) in cases {
            let mut state = State::default();
            for (index, url) in urls.iter().enumerate() {
                if index > 0 {
                    state = state.reduce(Action::AddRow);
                }
                let id = state.answers().rows[index].id;
                state = set(state, FieldKey::RowUrl(id), url);
            }
            let view = EnvironmentsView::new(&state, &report(&state));
            let got: Vec<bool> = view.rows.iter().map(|r| r.removable).collect();
            assert_eq!(&got, removable, "{urls:?}");
        }
    }

    #[test]
    fn one_box_with_several_addresses_shows_each_as_read() {
        let state = State::default();
        let id = state.answers().first_row_id();
        let state = set(
            state,
            FieldKey::RowUrl(id),
            "https://a.example.com https://a-uat.example.com",
        );
        let view = EnvironmentsView::new(&state, &report(&state));
        let entries = &view.rows[0].entries;
        if entries.len() > 1 {
            assert!(entries.iter().all(|e| e.cleaned.is_some()), "{entries:?}");
        }
        let single = first_row(State::default(), "https://a.example.com");
        let view = EnvironmentsView::new(&single, &report(&single));
        assert_eq!(view.rows[0].entries[0].cleaned, None);
    }

    #[test]
    fn copy_all_says_how_many_it_copied() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "https://a.example.com",
                1,
                "1 redirect URI copied, one per line.",
            ),
            (
                "https://a.example.com\nhttps://a-uat.example.com",
                2,
                "2 redirect URIs copied, one per line.",
            ),
            (
                "https://a.example.com\nhttps://A.example.com/",
                1,
                "1 redirect URI copied, one per line.",
            ),
        ];
        for (text, n, said) in cases {
            let state = paste(State::default(), text);
            let view = EnvironmentsView::new(&state, &report(&state));
            assert_eq!(view.all_uris.len(), *n, "{text}");
            assert_eq!(view.all_copied_message(), *said);
        }
    }

    #[test]
    fn the_lists_own_findings_wait_until_a_row_shows_its_messages() {
        let state = first_row(State::default(), "https://acme-uat.example.com");
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(view.findings.is_empty());
        let id = state.answers().first_row_id();
        let state = state.reduce(Action::Reveal(FieldKey::RowUrl(id)));
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(!view.findings.is_empty(), "no production is worth a word");
    }

    #[test]
    fn a_rows_own_version_opens_when_it_holds_something() {
        let state = first_row(State::default(), "https://acme-uat.example.com");
        let id = state.answers().first_row_id();
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(!view.rows[0].version.open);
        assert_eq!(view.rows[0].version.decision, None);

        let state = set(state, FieldKey::RowVersion(id), "7.10");
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(view.rows[0].version.open);
        assert!(view.rows[0].version.decision.is_some());

        let state = set(state, FieldKey::RowVersion(id), "seven")
            .reduce(Action::Reveal(FieldKey::RowVersion(id)));
        let view = EnvironmentsView::new(&state, &report(&state));
        assert!(view.rows[0].version.invalid(), "{:?}", view.rows[0].version);
    }

    #[test]
    fn the_role_select_round_trips_every_option() {
        for (value, _) in ROLE_OPTIONS {
            let role = role_from_value(value).unwrap();
            assert_eq!(role_value(&role), value);
        }
        assert_eq!(role_from_value(""), None);
        assert_eq!(role_value(&Role::Other("Staging".into())), "other");
    }
}

#[test]
fn the_imanage_section_says_what_kind_of_address_it_is() {
    let cases: &[(&str, Option<&str>)] = &[
        ("", None),
        (
            "https://cloudimanage.com",
            Some("This is the standard iManage Cloud address."),
        ),
        (
            "https://acme.cloudimanage.com",
            Some("This is your firm's own (vanity) address, with the name \u{201C}acme\u{201D}."),
        ),
        ("https://imanage.example.com", None),
    ];
    for (url, note) in cases {
        let state = set(State::default(), FieldKey::ImanageUrl, url);
        let view = ImanageView::new(&state, &report(&state));
        assert_eq!(view.kind_note.as_deref(), *note, "{url}");
        assert_eq!(view.url.value, *url);
        assert!(view.url.messages.is_empty(), "quiet until revealed: {url}");
    }
    let state = set(State::default(), FieldKey::CustomerId, "abc")
        .reduce(Action::Reveal(FieldKey::CustomerId));
    let view = ImanageView::new(&state, &report(&state));
    assert!(!view.customer_id.messages.is_empty());
    let state = state.reduce(Action::AskForRequest);
    let state = set(state, FieldKey::CustomerId, "");
    let view = ImanageView::new(&state, &report(&state));
    assert!(view.customer_id.messages.invalid(), "{view:?}");
}

#[test]
fn the_error_summary_counts_each_ask() {
    let state = State::default();
    assert_eq!(
        ErrorSummaryView::new(&state, &report(&state)),
        ErrorSummaryView::default()
    );
    let state = state.reduce(Action::AskForRequest);
    let first = ErrorSummaryView::new(&state, &report(&state));
    assert_eq!(first.attempts, 1);
    assert!(!first.items.is_empty());
    let state = state.reduce(Action::AskForRequest);
    let second = ErrorSummaryView::new(&state, &report(&state));
    assert_eq!(second.attempts, 2);
    assert_ne!(first, second, "asking again brings the summary back");
}

mod path {
    use super::*;

    #[test]
    fn each_part_shows_what_it_owns() {
        let decided = set(
            first_row(State::default(), "https://acme.example.com"),
            FieldKey::Version,
            "7.11.0",
        );
        let empty = State::default();
        // (state, parts, version field, pointer, card)
        type Case<'a> = (&'a State, PathParts, bool, Option<PathPointer>, bool);
        let cases: &[Case] = &[
            (
                &decided,
                PathParts::Version,
                true,
                Some(PathPointer::ConfigureUnder(Phase::Configure)),
                false,
            ),
            (&decided, PathParts::Configuration, false, None, true),
            (&decided, PathParts::Whole, true, None, true),
            (
                &empty,
                PathParts::Configuration,
                false,
                Some(PathPointer::EnterUnder(Phase::Prepare)),
                false,
            ),
            (&empty, PathParts::Whole, true, None, false),
        ];
        for (state, parts, field, pointer, card) in cases {
            let view = PathView::new(state, &report(state), *parts);
            assert_eq!(view.version.is_some(), *field, "{parts:?}");
            assert_eq!(view.pointer, *pointer, "{parts:?}");
            assert_eq!(view.card.is_some(), *card, "{parts:?}");
        }
    }

    #[test]
    fn the_card_gives_each_environment_its_values_and_copies_only_exact_addresses() {
        let state = set(
            set(
                paste(
                    State::default(),
                    "https://acme.example.com\nhttps://acme-uat.example.com",
                ),
                FieldKey::Version,
                "7.10",
            ),
            FieldKey::ImanageUrl,
            "https://acme.cloudimanage.com",
        );
        let view = PathView::new(&state, &report(&state), PathParts::Configuration);
        let card = view.card.expect("a decided path has a card");
        assert_eq!(card.path, Some(ConfigPath::Hosted));
        assert_eq!(card.environments.len(), 2);
        for env in &card.environments {
            assert!(env.open, "few environments start open");
            assert!(env.origin.starts_with("https://"));
            assert!(env.linked_services_page.ends_with("/admin/oauth"));
            for value in &env.values {
                assert_eq!(
                    value.copyable,
                    value.value.starts_with("https://")
                        && value.source == imanage_connect::core::configuration::ValueSource::Enter,
                    "{value:?}"
                );
            }
            assert!(env.values.iter().any(|v| v.copyable), "{env:?}");
        }
        let many = paste(
            set(State::default(), FieldKey::Version, "7.11"),
            "https://a.example.com\nhttps://b.example.com\nhttps://c.example.com\nhttps://d.example.com",
        );
        let view = PathView::new(&many, &report(&many), PathParts::Configuration);
        assert!(view.card.unwrap().environments.iter().all(|e| !e.open));
    }

    #[test]
    fn what_follows_the_configuration_shows_with_it() {
        let state = set(
            first_row(State::default(), "https://acme.example.com"),
            FieldKey::Version,
            "7.11.2",
        );
        let view = PathView::new(&state, &report(&state), PathParts::Configuration);
        assert_eq!(view.then.len(), 2);
        assert!(view.then[0].starts_with("Link a fall-back iManage account"));
        assert!(view.then[1].starts_with("Test in Document Administration > Template Explorer"));
        let version = PathView::new(&state, &report(&state), PathParts::Version);
        assert!(
            version.then.is_empty(),
            "while preparing, it is under What happens next"
        );
    }

    #[test]
    fn the_intro_never_repeats_the_first_step() {
        for version in ["7.10", "7.11.0"] {
            let state = set(
                first_row(State::default(), "https://acme.example.com"),
                FieldKey::Version,
                version,
            );
            let view = PathView::new(&state, &report(&state), PathParts::Configuration);
            let card = view.card.unwrap();
            let intro = path_intro(card.path.unwrap());
            for step in &card.steps {
                for sentence in intro.split(". ") {
                    let sentence = sentence.trim_end_matches('.');
                    assert!(
                        !step.contains(sentence),
                        "{version}: the intro's {sentence:?} repeats the step {step:?}"
                    );
                }
            }
            assert!(!intro.contains("Client Secret") || version == "7.11.0");
        }
    }
}

mod request {
    use super::*;

    #[test]
    fn sent_is_offered_once_delivered_and_ticked_when_the_reader_says_so() {
        let state = State::default().reduce(Action::LoadExample);
        let view = RequestView::new(&state, &report(&state));
        assert!(view.ready);
        assert_eq!(view.sent, None);
        let state = state.reduce(Action::MarkDelivered);
        assert_eq!(RequestView::new(&state, &report(&state)).sent, Some(false));
        let state = state.reduce(Action::SetSent {
            sent: true,
            at: Timestamp::from_millis(0),
        });
        assert_eq!(RequestView::new(&state, &report(&state)).sent, Some(true));
    }

    #[test]
    fn the_recipient_is_the_pages_support_address_or_says_it_was_refused() {
        let cases: &[(&str, Recipient)] = &[
            ("", Recipient::Unset),
            (
                "support@clio.example",
                Recipient::Address("support@clio.example".into()),
            ),
            (
                "a@x.example,b@y.example",
                Recipient::Refused("a@x.example,b@y.example".into()),
            ),
            (
                "mailto:support@clio.example",
                Recipient::Refused("mailto:support@clio.example".into()),
            ),
        ];
        for (address, recipient) in cases {
            let state =
                State::new(Setup::default()).reduce(Action::SetSupportEmail((*address).into()));
            let view = RequestView::new(&state, &report(&state));
            assert_eq!(&view.recipient, recipient, "{address}");
        }
    }

    #[test]
    fn the_message_and_the_answers_follow_the_form() {
        let empty = State::default();
        let view = RequestView::new(&empty, &report(&empty));
        assert!(!view.ready);
        assert!(view.check_rows.iter().any(|r| r.missing()));
        let state = empty.reduce(Action::LoadExample);
        let view = RequestView::new(&state, &report(&state));
        assert!(view.check_rows.iter().all(|r| !r.missing()));
        assert!(view.message.text().contains("/externalServices/replyFrom"));
        assert!(!view.keep_draft);
        let kept = state.reduce(Action::SetKeepDraft(true));
        assert!(RequestView::new(&kept, &report(&kept)).keep_draft);
    }
}

mod diagnosis {
    use super::*;

    fn with_environments() -> State {
        set(
            paste(
                State::default(),
                "https://acme.example.com\nhttps://acme-uat.example.com",
            ),
            FieldKey::CustomerId,
            "1764",
        )
    }

    #[test]
    fn without_environments_it_asks_for_them_first() {
        let state = State::default();
        assert_eq!(
            DiagnosisView::new(&state, &report(&state)).outcome,
            Outcome::NeedsEnvironments
        );
    }

    #[test]
    fn each_environment_is_checked_against_the_confirmation() {
        let state = set(
            with_environments(),
            FieldKey::Registered,
            "https://acme.example.com/externalServices/replyFrom\nhttps://acme-uat.example.com/externalServices/replyFrom/",
        );
        let view = DiagnosisView::new(&state, &report(&state));
        let Outcome::Verdict(verdict) = &view.outcome else {
            panic!("{:?}", view.outcome);
        };
        assert!(!verdict.causes.is_empty());
        let tones: Vec<Tone> = verdict.checks.iter().map(|c| c.tone).collect();
        assert_eq!(tones, [Tone::Ok, Tone::Problem]);
        assert_eq!(verdict.checks[0].registered, "Registered exactly");
        assert!(verdict.checks[1]
            .registered
            .starts_with("Registered with a difference: "));
        assert!(
            verdict.correction.is_some(),
            "a near miss asks Support to correct it"
        );
    }

    #[test]
    fn the_window_says_less_than_an_hour_in_its_last_hour() {
        // (submitted, now, expected start of the window line)
        let cases: &[(&str, &str, &str)] = &[
            (
                "2026-11-28T10:00",
                "2026-11-30T09:30:00Z",
                "48 hours from the date entered pass on ",
            ),
            (
                "2026-11-25T10:00",
                "2026-11-30T09:30:00Z",
                "The 48 hours from the date entered ended on ",
            ),
        ];
        for (submitted, now, start) in cases {
            let state = set(
                set(
                    with_environments(),
                    FieldKey::Registered,
                    "https://acme.example.com/externalServices/replyFrom",
                ),
                FieldKey::SubmittedAt,
                submitted,
            );
            let view = DiagnosisView::new(&state, &report_at(&state, now));
            let Outcome::Verdict(verdict) = &view.outcome else {
                panic!("{:?}", view.outcome);
            };
            let window = verdict.window.as_deref().unwrap();
            assert!(window.starts_with(start), "{window}");
            assert!(window.contains("Clio Operate Support submitted the request"));
            if start.starts_with("48") {
                assert!(window.contains("less than an hour from now"), "{window}");
            }
        }
    }

    #[test]
    fn the_fields_findings_wait_until_each_field_shows_them() {
        let state = set(with_environments(), FieldKey::SubmittedAt, "not a date");
        let view = DiagnosisView::new(&state, &report(&state));
        assert!(view.submitted.findings.is_empty());
        let state = state.reduce(Action::Reveal(FieldKey::SubmittedAt));
        let view = DiagnosisView::new(&state, &report(&state));
        assert_eq!(view.submitted.value, "not a date");
        assert!(view.registered.findings.is_empty());
        let state = state.reduce(Action::SetConnection(Some(ConnectionChoice::SharedoTest)));
        let view = DiagnosisView::new(&state, &report(&state));
        assert_eq!(view.connection, Some(ConnectionChoice::SharedoTest));
    }
}

mod sent_time {
    use super::*;
    use imanage_connect::widget::state::{FocusTarget, Setup};

    fn sent_at(offset: i32, at: &str) -> State {
        State::new(Setup {
            utc_offset_minutes: offset,
            ..Setup::default()
        })
        .reduce(Action::LoadExample)
        .reduce(Action::MarkDelivered)
        .reduce(Action::SetSent {
            sent: true,
            at: Timestamp::parse_iso(at).unwrap(),
        })
    }

    #[test]
    fn the_diagnosis_offers_the_time_the_request_was_marked_sent_until_it_is_used() {
        // (UTC offset, marked sent at, the date filled in)
        let cases: &[(i32, &str, &str)] = &[
            (0, "2026-11-28T10:30:00Z", "2026-11-28T10:30"),
            (-300, "2026-11-28T10:30:00Z", "2026-11-28T05:30"),
            (330, "2026-11-28T20:00:00Z", "2026-11-29T01:30"),
        ];
        for (offset, at, filled) in cases {
            let state = sent_at(*offset, at);
            let view = DiagnosisView::new(&state, &report(&state));
            let offer = view.sent_time_offer.expect("offered once sent");
            assert!(
                offer.starts_with("Use the time you marked the request sent: "),
                "{offer}"
            );

            let state = state.reduce(Action::UseSentTime);
            assert_eq!(state.answers().submitted_at, *filled, "{offset} {at}");
            let focus = state.progress().focus.map(|f| f.target);
            assert_eq!(focus, Some(FocusTarget::Field(FieldKey::SubmittedAt)));
            let view = DiagnosisView::new(&state, &report(&state));
            assert_eq!(view.sent_time_offer, None, "used: no longer offered");

            let state = set(state, FieldKey::SubmittedAt, "2026-11-29T09:00");
            let view = DiagnosisView::new(&state, &report(&state));
            assert!(
                view.sent_time_offer.is_some(),
                "another date: offered again"
            );
        }
    }

    #[test]
    fn nothing_is_offered_before_the_reader_says_it_was_sent() {
        let state = State::default()
            .reduce(Action::LoadExample)
            .reduce(Action::MarkDelivered);
        assert_eq!(
            DiagnosisView::new(&state, &report(&state)).sent_time_offer,
            None
        );
        let unticked = sent_at(0, "2026-11-28T10:30:00Z").reduce(Action::SetSent {
            sent: false,
            at: Timestamp::parse_iso("2026-11-28T11:00:00Z").unwrap(),
        });
        assert_eq!(
            DiagnosisView::new(&unticked, &report(&unticked)).sent_time_offer,
            None
        );
        let used = unticked.clone().reduce(Action::UseSentTime);
        assert_eq!(used.answers(), unticked.answers());
    }
}

#[test]
fn a_one_click_fix_says_what_it_did_and_what_the_field_now_holds() {
    use imanage_connect::core::FixAction;
    use imanage_connect::widget::status::fix_applied;
    let replace = |text: &str| FixAction::ReplaceText {
        label: "Remove the port".into(),
        text: text.into(),
    };
    let long = format!("https://{}.example.com", "a".repeat(200));
    let cases: Vec<(FixAction, &str, String)> = vec![
        (
            replace("https://acme.example.com"),
            "for environment 1 (Production)",
            "Done: Remove the port for environment 1 (Production). It now reads https://acme.example.com".into(),
        ),
        (
            FixAction::RemoveRow {
                label: "Remove this row".into(),
                row: 1,
            },
            "for environment 2",
            "Done: Remove this row for environment 2.".into(),
        ),
        (
            FixAction::SplitRow {
                label: "Put each address on its own row".into(),
                row: 0,
            },
            "",
            "Done: Put each address on its own row.".into(),
        ),
        (
            replace(&long),
            "for the iManage URL",
            format!(
                "Done: Remove the port for the iManage URL. It now reads {}\u{2026}",
                &long[..120]
            ),
        ),
    ];
    for (action, context, said) in cases {
        assert_eq!(fix_applied(&action, context), said);
    }
}

#[test]
fn a_button_that_goes_once_used_hands_focus_on() {
    use imanage_connect::widget::state::FocusTarget;
    let typed = first_row(State::default(), "https://acme.example.com");
    let first = FieldKey::RowUrl(typed.answers().first_row_id());
    // (the state, the action, where focus goes)
    let cases: Vec<(State, Action, Option<FocusTarget>)> = vec![
        (
            typed.clone().reduce(Action::LoadExample),
            Action::UndoExample,
            Some(FocusTarget::Field(first)),
        ),
        (
            typed.clone().reduce(Action::Reset),
            Action::UndoReset,
            Some(FocusTarget::Field(first)),
        ),
        (
            typed.clone().reduce(Action::SetKeepDraft(true)),
            Action::SetKeepDraft(false),
            Some(FocusTarget::KeepDraft),
        ),
        // The answers come back in a closed phase: focus goes to the open phase's button.
        (
            typed
                .clone()
                .reduce(Action::OpenPhase(Phase::Configure))
                .reduce(Action::Reset),
            Action::UndoReset,
            Some(FocusTarget::Phase(Phase::Configure)),
        ),
        // Nothing to undo: nothing moves.
        (typed.clone(), Action::UndoReset, None),
        // Ticking the box keeps focus where it is: on the box.
        (typed.clone(), Action::SetKeepDraft(true), None),
        (typed.clone(), Action::Reset, None),
    ];
    for (state, action, target) in cases {
        let before = state.progress().focus;
        let after = state.reduce(action.clone());
        let focus = after.progress().focus;
        match target {
            Some(target) => {
                assert_eq!(focus.map(|f| f.target), Some(target), "{action:?}");
                assert_ne!(focus, before, "{action:?}: a new request");
            }
            None => assert_eq!(
                focus.map(|f| f.target),
                before.map(|f| f.target),
                "{action:?}"
            ),
        }
    }
}

#[test]
fn undo_says_nothing_an_earlier_action_said() {
    let pasted = paste(
        State::default(),
        "https://a.example.com\nhttps://a-uat.example.com",
    );
    assert!(pasted.progress().announcement.is_some());
    let undone = pasted.reduce(Action::Reset).reduce(Action::UndoReset);
    assert_eq!(undone.answers().rows.len(), 2, "the pasted rows are back");
    assert_eq!(undone.progress().announcement, None);
}

#[test]
fn while_troubleshooting_the_pause_summary_says_the_most_likely_cause() {
    use imanage_connect::widget::status::summary_to_announce;
    let state = set(
        paste(
            State::default(),
            "https://acme.example.com\nhttps://acme-uat.example.com",
        ),
        FieldKey::Registered,
        "https://acme.example.com/externalServices/replyFrom",
    );
    let report = report(&state);
    let title = &report.diagnosis.as_ref().unwrap().causes[0].title;
    let preparing = summary_to_announce(&state, &report).unwrap();
    assert!(!preparing.contains("Most likely cause"), "{preparing}");
    let troubleshooting = state.reduce(Action::OpenPhase(Phase::Troubleshoot));
    let said = summary_to_announce(&troubleshooting, &report).unwrap();
    assert_eq!(
        said,
        format!("Most likely cause: {title}."),
        "the verdict, not the counts"
    );
}

#[test]
fn each_form_wide_action_says_what_it_did() {
    use imanage_connect::widget::status::said_after;
    use imanage_connect::widget::view::NoticesView;
    let typed = first_row(State::default(), "https://acme.example.com");
    let example = typed.clone().reduce(Action::LoadExample);
    let reset = typed.clone().reduce(Action::Reset);
    // (state before, action, what is said starts with, the notices after)
    let cases: Vec<(State, Action, Option<&str>, NoticesView)> = vec![
        (
            typed.clone(),
            Action::LoadExample,
            Some("Example details filled in. They are fictitious. Your answers were replaced"),
            NoticesView {
                example_undo: true,
                ..NoticesView::default()
            },
        ),
        (
            State::default(),
            Action::LoadExample,
            Some("Example details filled in. They are fictitious."),
            NoticesView::default(),
        ),
        (
            example,
            Action::UndoExample,
            Some("Your answers are back."),
            NoticesView::default(),
        ),
        (
            typed.clone(),
            Action::Reset,
            Some("Everything was cleared"),
            NoticesView {
                reset: imanage_connect::widget::status::reset_notice(&reset),
                ..NoticesView::default()
            },
        ),
        (
            reset.clone(),
            Action::UndoReset,
            Some("Your answers are back"),
            NoticesView::default(),
        ),
        (
            typed.clone().reduce(Action::SetKeepDraft(true)),
            Action::SetKeepDraft(false),
            Some("Your answers are no longer kept on this device."),
            NoticesView::default(),
        ),
        (typed.clone(), Action::AddRow, None, NoticesView::default()),
    ];
    for (before, action, said, notices) in cases {
        let after = before.reduce(action.clone());
        let got = said_after(&action, &after);
        match said {
            Some(start) => assert!(
                got.as_deref().is_some_and(|g| g.starts_with(start)),
                "{action:?}: {got:?}"
            ),
            None => assert_eq!(got, None, "{action:?}"),
        }
        assert_eq!(NoticesView::new(&after), notices, "{action:?}");
    }
}

#[test]
fn a_redirect_uri_added_after_sending_is_flagged_until_it_is_sent_too() {
    let sent = |state: State, at: &str| {
        state.reduce(Action::MarkDelivered).reduce(Action::SetSent {
            sent: true,
            at: Timestamp::parse_iso(at).unwrap(),
        })
    };
    let state = sent(
        State::default().reduce(Action::LoadExample),
        "2026-11-28T10:30:00Z",
    );
    assert_eq!(state.progress().sent_uris.len(), 3);
    let view = RequestView::new(&state, &report(&state));
    assert!(view.added_since_sent.is_empty());

    // A DR environment remembered afterwards.
    let added = state.reduce(Action::AddRow);
    let id = added.answers().rows.last().unwrap().id;
    let added = set(
        added,
        FieldKey::RowUrl(id),
        "https://acme-dr.clio-operate.example",
    );
    let view = RequestView::new(&added, &report(&added));
    assert_eq!(
        view.added_since_sent,
        ["https://acme-dr.clio-operate.example/externalServices/replyFrom"]
    );
    assert!(view.added_since_sent_text().starts_with(
        "Since you marked the request sent, you added 1 redirect URI that was not in it."
    ));
    let said =
        imanage_connect::widget::status::summary_to_announce(&added, &report(&added)).unwrap();
    assert!(
        said.ends_with(" 1 redirect URI added since the request was sent: send it to Support too."),
        "{said}"
    );

    // Withdrawn and sent again: what is sent now includes it.
    let again = sent(
        added.reduce(Action::SetSent {
            sent: false,
            at: Timestamp::from_millis(0),
        }),
        "2026-11-29T10:30:00Z",
    );
    assert!(RequestView::new(&again, &report(&again))
        .added_since_sent
        .is_empty());
    // A removed environment is not flagged: an extra registration does no harm.
    let removed = state_without_last_row(again);
    assert!(RequestView::new(&removed, &report(&removed))
        .added_since_sent
        .is_empty());
}

fn state_without_last_row(state: State) -> State {
    let id = state.answers().rows.last().unwrap().id;
    state.reduce(Action::RemoveRow { id })
}

#[test]
fn addresses_inside_sentences_are_set_apart_to_break_only_after_a_slash_a_dot_or_a_hyphen() {
    use imanage_connect::widget::text::{prose_pieces, Piece};
    use Piece::{Address as A, Words as W};
    let cases: &[(&str, &[Piece])] = &[
        ("Nothing to do.", &[W("Nothing to do.")]),
        (
            "Environment: https://acme.example.com/externalServices/replyFrom was sent.",
            &[
                W("Environment: "),
                A("https://acme.example.com/externalServices/replyFrom"),
                W(" was sent."),
            ],
        ),
        (
            "Use https://cloudimanage.com.",
            &[W("Use "), A("https://cloudimanage.com"), W(".")],
        ),
        (
            "(at http://a.example.com/x), then https://b.example.com",
            &[
                W("(at "),
                A("http://a.example.com/x"),
                W("), then "),
                A("https://b.example.com"),
            ],
        ),
        (
            "\u{201C}https://a.example.com\u{201D} is it",
            &[
                W("\u{201C}"),
                A("https://a.example.com"),
                W("\u{201D} is it"),
            ],
        ),
        ("https://", &[A("https://")]),
    ];
    for (text, pieces) in cases {
        assert_eq!(prose_pieces(text), *pieces, "{text}");
        let joined: String = prose_pieces(text)
            .iter()
            .map(|p| match p {
                W(t) | A(t) => *t,
            })
            .collect();
        assert_eq!(joined, *text, "nothing is lost");
    }
}

#[test]
fn a_form_opened_from_a_link_says_so_as_it_starts() {
    use imanage_connect::widget::codec::decode;
    use imanage_connect::widget::status::{on_start, FROM_LINK};
    assert_eq!(on_start(&State::default()), None);
    let opened = State::default().reduce(Action::OpenLink(
        decode("#imanage-helper?customer=1764").unwrap(),
    ));
    assert_eq!(on_start(&opened).as_deref(), Some(FROM_LINK));
}

#[test]
fn the_pause_summary_says_the_configuration_the_version_decides() {
    use imanage_connect::widget::status::summary;
    let cases: &[(&str, &str)] = &[
        ("", "1 redirect URI ready."),
        ("7.10", "1 redirect URI ready. Hosted iManage workaround."),
        ("7.11.2", "1 redirect URI ready. Standard configuration."),
    ];
    for (version, said) in cases {
        let state = set(
            first_row(State::default(), "https://acme.example.com"),
            FieldKey::Version,
            version,
        );
        let report = report(&state);
        let got = summary(&report);
        assert!(got.starts_with("1 redirect URI ready"), "{got}");
        // Only the counts (no warning about the address here) and the decision.
        assert_eq!(got.replace(" 1 warning to check.", ""), *said, "{version}");
    }
}

#[test]
fn once_the_request_went_out_the_examples_undo_is_gone() {
    let typed = first_row(State::default(), "https://acme.example.com");
    let example = typed.reduce(Action::LoadExample);
    assert!(example.progress().before_example.is_some());
    let delivered = example.clone().reduce(Action::MarkDelivered);
    assert!(delivered.progress().before_example.is_none());
    let sent = example.reduce(Action::SetSent {
        sent: true,
        at: Timestamp::from_millis(0),
    });
    assert!(sent.progress().before_example.is_none());
}

#[test]
fn forgetting_from_the_restored_notice_keeps_focus_near_the_top() {
    use imanage_connect::widget::state::FocusTarget;
    use imanage_connect::widget::status::said_after;
    let kept =
        first_row(State::default(), "https://acme.example.com").reduce(Action::SetKeepDraft(true));
    let first = FieldKey::RowUrl(kept.answers().first_row_id());
    let forgotten = kept.clone().reduce(Action::ForgetRestored);
    assert!(!forgotten.progress().keep_draft);
    assert_eq!(
        forgotten.progress().focus.map(|f| f.target),
        Some(FocusTarget::Field(first))
    );
    assert_eq!(
        said_after(&Action::ForgetRestored, &forgotten).as_deref(),
        Some("Your answers are no longer kept on this device.")
    );
    // The same as the checkbox apart from focus.
    let unticked = kept.reduce(Action::SetKeepDraft(false));
    assert_eq!(unticked.answers(), forgotten.answers());
    assert_eq!(
        unticked.progress().focus.map(|f| f.target),
        Some(FocusTarget::KeepDraft)
    );
}

#[test]
fn nothing_explains_it_is_what_to_do_if_no_cause_is_it_once_a_cause_was_found() {
    let state = set(
        paste(State::default(), "https://acme.example.com"),
        FieldKey::SubmittedAt,
        "2026-12-05T10:00",
    );
    let report = report_at(&state, "2026-11-30T10:00:00Z");
    let kinds: Vec<_> = report
        .diagnosis
        .as_ref()
        .unwrap()
        .causes
        .iter()
        .map(|c| c.kind)
        .collect();
    let view = DiagnosisView::new(&state, &report);
    let Outcome::Verdict(verdict) = &view.outcome else {
        panic!("{:?}", view.outcome);
    };
    use imanage_connect::core::diagnosis::CauseKind;
    if kinds.len() > 1 && kinds.last() == Some(&CauseKind::NoCauseFound) {
        assert!(verdict
            .causes
            .iter()
            .all(|c| c.kind != CauseKind::NoCauseFound));
        let if_none = verdict.if_none.as_ref().unwrap();
        assert!(if_none.action.starts_with("Contact Clio Operate Support"));
        assert!(
            !if_none
                .evidence
                .iter()
                .any(|l| l.starts_with("Nothing entered here")),
            "{if_none:?}"
        );
    } else {
        panic!("the case should find a cause and then nothing else: {kinds:?}");
    }
    // Nothing found at all: it is the verdict itself.
    let nothing =
        paste(State::default(), "https://acme.example.com").reduce(Action::SetConnection(Some(
            imanage_connect::core::diagnosis::ConnectionChoice::SharedoProduction,
        )));
    let nothing = set(nothing, FieldKey::SubmittedAt, "2026-11-20T10:00");
    let report = report_at(&nothing, "2026-11-30T10:00:00Z");
    let view = DiagnosisView::new(&nothing, &report);
    if let Outcome::Verdict(verdict) = &view.outcome {
        assert_eq!(
            verdict.if_none.is_some(),
            verdict.causes[0].kind != CauseKind::NoCauseFound
        );
    }
}

#[test]
fn a_sign_in_from_an_environment_added_after_sending_is_the_first_cause() {
    use imanage_connect::core::diagnosis::CauseKind;
    let sent = paste(
        State::default(),
        "Production: https://acme.clioweb.com\nUAT: https://acme-uat.clioweb.com",
    )
    .reduce(Action::MarkDelivered)
    .reduce(Action::SetSent {
        sent: true,
        at: Timestamp::parse_iso("2026-11-27T10:00:00Z").unwrap(),
    });
    let added = sent.reduce(Action::AddRow);
    let id = added.answers().rows.last().unwrap().id;
    let added = set(
        added,
        FieldKey::RowUrl(id),
        "https://acme-training.clioweb.com",
    );
    let failing = set(
        added.clone(),
        FieldKey::Failing,
        "https://cloudimanage.com/auth/oauth2/authorize?client_id=x&redirect_uri=https%3A%2F%2Facme-training.clioweb.com%2FexternalServices%2FreplyFrom",
    )
    .reduce(Action::UseSentTime);
    let report = report_at(&failing, "2026-11-30T10:00:00Z");
    let view = DiagnosisView::new(&failing, &report);
    let Outcome::Verdict(verdict) = &view.outcome else {
        panic!("{:?}", view.outcome);
    };
    assert_eq!(verdict.causes[0].kind, CauseKind::UnknownEnvironment);
    assert!(verdict.causes[0].evidence[0]
        .contains("https://acme-training.clioweb.com/externalServices/replyFrom was added after"));
    let said = imanage_connect::widget::status::summary_to_announce(
        &failing.reduce(Action::OpenPhase(Phase::Troubleshoot)),
        &report,
    )
    .unwrap();
    assert!(said.starts_with("Most likely cause: The sign-in came from an environment that was not in the request you sent"), "{said}");

    // From an environment that was in the request: the rule book's causes, unchanged.
    let from_sent = set(
        added,
        FieldKey::Failing,
        "https://cloudimanage.com/auth/oauth2/authorize?client_id=x&redirect_uri=https%3A%2F%2Facme-uat.clioweb.com%2FexternalServices%2FreplyFrom",
    );
    let report = report_at(&from_sent, "2026-11-30T10:00:00Z");
    let view = DiagnosisView::new(&from_sent, &report);
    if let Outcome::Verdict(verdict) = &view.outcome {
        assert_ne!(verdict.causes[0].kind, CauseKind::UnknownEnvironment);
    }
}

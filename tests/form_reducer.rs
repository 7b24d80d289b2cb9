//! The form reducer: every reader action, natively.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::{analyze, FixAction, Role};
use imanage_connect::widget::field::FieldKey;
use imanage_connect::widget::prefill::Prefill;
use imanage_connect::widget::state::{Action, Answers, Progress, Setup, State};
use imanage_connect::widget::status::{summary, summary_to_announce};

fn urls(state: &State) -> Vec<(Option<Role>, &str)> {
    state
        .answers()
        .rows
        .iter()
        .map(|r| (r.role.clone(), r.url.as_str()))
        .collect()
}

#[test]
fn starts_with_one_production_row_and_the_standard_imanage_url() {
    let state = State::default();
    assert_eq!(urls(&state), [(Some(Role::Production), "")]);
    assert_eq!(state.answers().imanage_url, "https://cloudimanage.com");
}

#[test]
fn typing_and_choosing_roles() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(id),
            text: "acme.clioweb.com".into(),
        })
        .reduce(Action::AddRow);
    let second = state.answers().rows[1].id;
    let state = state
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(second),
            text: "acme-uat.clioweb.com".into(),
        })
        .reduce(Action::SetRowRole {
            id: second,
            role: Some(Role::Uat),
        });
    assert_eq!(
        urls(&state),
        [
            (Some(Role::Production), "acme.clioweb.com"),
            (Some(Role::Uat), "acme-uat.clioweb.com")
        ]
    );
    let request = state.to_request(None);
    assert_eq!(request.environments.len(), 2);
    assert_eq!(
        request.imanage_url.as_deref(),
        Some("https://cloudimanage.com")
    );
    assert_eq!(request.customer_id, None);
}

#[test]
fn pasting_a_list_makes_rows_with_suggested_roles() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state.reduce(Action::PasteIntoRow {
        id,
        text: "https://acme.clioweb.com\nhttps://acme-uat.clioweb.com\t\n\"https://acme-training.clioweb.com\"; https://acme-qa.clioweb.com".into(),
    });
    assert_eq!(
        urls(&state),
        [
            (Some(Role::Production), "https://acme.clioweb.com"),
            (Some(Role::Uat), "https://acme-uat.clioweb.com"),
            (
                Some(Role::Training),
                "\"https://acme-training.clioweb.com\""
            ),
            (Some(Role::Test), "https://acme-qa.clioweb.com"),
        ]
    );
    let ids: Vec<u32> = state.answers().rows.iter().map(|r| r.id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "row ids stay unique");
    assert_eq!(
        state.answers().rows[0].id,
        id,
        "the pasted-into row keeps its id"
    );
}

#[test]
fn pasting_one_address_only_sets_the_text() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state.reduce(Action::PasteIntoRow {
        id,
        text: " https://acme.clioweb.com ".into(),
    });
    assert_eq!(
        urls(&state),
        [(Some(Role::Production), " https://acme.clioweb.com ")]
    );
}

#[test]
fn removing_the_last_row_leaves_an_empty_one() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state.reduce(Action::RemoveRow { id });
    assert_eq!(urls(&state), [(Some(Role::Production), "")]);
    assert_ne!(state.answers().rows[0].id, id);
}

#[test]
fn one_click_fixes_change_only_their_field() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(id),
            text: "http://acme.clioweb.com/admin/oauth".into(),
        })
        .reduce(Action::SetText {
            field: FieldKey::CustomerId,
            text: "1764".into(),
        });
    let report = analyze(&state.to_request(None));
    let fix = report.environments.entries[0]
        .findings
        .iter()
        .find_map(|f| f.action.clone().filter(|a| a.label() == "Remove the path"))
        .unwrap();
    let state = state.reduce(Action::ApplyFix {
        target: FieldKey::RowUrl(id),
        action: fix,
    });
    assert_eq!(state.answers().rows[0].url, "https://acme.clioweb.com");
    assert_eq!(state.answers().customer_id, "1764");

    let state = state.reduce(Action::ApplyFix {
        target: FieldKey::ImanageUrl,
        action: FixAction::ReplaceText {
            label: "Use https://cloudimanage.com".into(),
            text: "https://cloudimanage.com".into(),
        },
    });
    assert_eq!(state.answers().imanage_url, "https://cloudimanage.com");
}

#[test]
fn remove_and_split_fixes_address_rows_by_position() {
    let state = State::default();
    let id = state.answers().rows[0].id;
    let state = state
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(id),
            text: "a.clioweb.com, a-uat.clioweb.com".into(),
        })
        .reduce(Action::AddRow);
    let state = state.reduce(Action::ApplyFix {
        target: FieldKey::RowUrl(id),
        action: FixAction::SplitRow {
            label: String::new(),
            row: 0,
        },
    });
    assert_eq!(state.answers().rows.len(), 3);
    assert_eq!(state.answers().rows[1].url, "a-uat.clioweb.com");
    let second = state.answers().rows[1].id;
    let state = state.reduce(Action::ApplyFix {
        target: FieldKey::RowUrl(second),
        action: FixAction::RemoveRow {
            label: String::new(),
            row: 1,
        },
    });
    assert_eq!(state.answers().rows.len(), 2);
    assert_eq!(state.answers().rows[0].url, "a.clioweb.com");
}

fn with_support(address: &str) -> State {
    State::new(Setup {
        support_email: address.into(),
        utc_offset_minutes: -300,
    })
}

#[test]
fn example_and_reset_keep_the_host_setup() {
    let state = with_support("support@operate.example");
    let loaded = state.reduce(Action::LoadExample);
    assert_eq!(loaded.setup().support_email, "support@operate.example");
    assert_eq!(loaded.setup().utc_offset_minutes, -300);
    assert_eq!(loaded.answers(), &Answers::example());
    let report = analyze(&loaded.to_request(None));
    assert!(
        report.support_request.ready,
        "the example is complete: {:?}",
        report.support_request.blockers
    );
    assert_eq!(
        report.counts.errors + report.counts.warnings,
        0,
        "the example is clean"
    );

    let asked = loaded
        .reduce(Action::AskForRequest)
        .reduce(Action::AskForRequest);
    assert!(asked.asked_for_request());
    assert_eq!(asked.progress().request_attempts, 2);
    let asked = asked.reduce(Action::MarkDelivered);
    assert!(asked.progress().request_delivered);
    let reset = asked.clone().reduce(Action::Reset);
    assert_eq!(reset.answers(), &Answers::default());
    assert_eq!(
        reset.setup(),
        with_support("support@operate.example").setup()
    );
    assert!(!reset.asked_for_request());
    assert!(!reset.progress().request_delivered);
    // Start again can be undone; the host's setup stays either way.
    // Undo also hands focus to the first answer it brought back.
    let undone = reset.reduce(Action::UndoReset);
    assert_eq!(undone.answers(), asked.answers());
    assert_eq!(undone.setup(), asked.setup());
    let without_focus = |state: &State| Progress {
        focus: None,
        ..state.progress().clone()
    };
    assert_eq!(without_focus(&undone), without_focus(&asked));
}

#[test]
fn the_example_starts_a_new_request_but_keeps_the_draft_choice() {
    let state = State::default()
        .reduce(Action::SetKeepDraft(true))
        .reduce(Action::AskForRequest)
        .reduce(Action::MarkDelivered)
        .reduce(Action::LoadExample);
    assert!(state.progress().keep_draft);
    assert!(!state.asked_for_request());
    assert!(!state.progress().request_delivered);
    let reset = state.reduce(Action::Reset);
    assert!(
        !reset.progress().keep_draft,
        "Start again forgets the draft"
    );
}

#[test]
fn only_the_readers_own_changes_count_as_edits() {
    // Whatever the page, a link or the browser set up, an untouched form is untouched.
    let untouched = [
        State::default(),
        with_support("support@operate.example"),
        State::new(Setup {
            utc_offset_minutes: 330,
            ..Setup::default()
        }),
        State::default().reduce(Action::Prefill(Prefill {
            version: Some("7.10".into()),
            ..Prefill::default()
        })),
        State::default()
            .reduce(Action::SetSupportEmail("a@b.example".into()))
            .reduce(Action::SetKeepDraft(true))
            .reduce(Action::AskForRequest),
    ];
    for state in &untouched {
        assert!(!state.progress().edited, "{state:?}");
    }
    let first = State::default().answers().first_row_id();
    let edits = [
        Action::SetText {
            field: FieldKey::CustomerId,
            text: "1".into(),
        },
        Action::SetText {
            field: FieldKey::RowUrl(first),
            text: "a.example".into(),
        },
        Action::SetRowRole {
            id: first,
            role: Some(Role::Uat),
        },
        Action::AddRow,
        Action::RemoveRow { id: first },
        Action::PasteIntoRow {
            id: first,
            text: "a.example b.example".into(),
        },
        Action::SetConnection(None),
        Action::LoadExample,
    ];
    for action in edits {
        let state = State::default().reduce(action.clone());
        assert!(state.progress().edited, "{action:?}");
        assert!(!state.reduce(Action::Reset).progress().edited);
    }
}

#[test]
fn a_prefill_sets_only_what_it_names() {
    let state = State::default()
        .reduce(Action::SetText {
            field: FieldKey::CustomerId,
            text: "1764".into(),
        })
        .reduce(Action::Prefill(Prefill {
            version: Some("7.11.2".into()),
            rows: Some(vec![]),
            ..Prefill::default()
        }));
    assert_eq!(state.answers().version, "7.11.2");
    assert_eq!(state.answers().customer_id, "1764");
    assert_eq!(
        urls(&state),
        [(Some(Role::Production), "")],
        "an empty list leaves a row"
    );
}

#[test]
fn every_field_has_one_name_and_label() {
    let fields = [
        (FieldKey::RowUrl(7), "row-7-url", "Address"),
        (
            FieldKey::RowVersion(7),
            "row-7-version",
            "Version, if different",
        ),
        (FieldKey::ImanageUrl, "imanage-url", "iManage URL"),
        (FieldKey::CustomerId, "customer-id", "iManage Customer ID"),
        (FieldKey::Version, "version", "Clio Operate version"),
        (FieldKey::FirmName, "firm-name", "Firm name"),
        (FieldKey::ContactName, "contact-name", "Your name"),
        (
            FieldKey::ContactEmail,
            "contact-email",
            "Your e-mail address",
        ),
        (
            FieldKey::Registered,
            "diagnosis-registered",
            "Redirect URIs iManage confirmed",
        ),
        (
            FieldKey::Failing,
            "diagnosis-failing",
            "The address in the browser when the error appeared",
        ),
        (
            FieldKey::SubmittedAt,
            "diagnosis-submitted",
            "When Clio Operate Support submitted the request to iManage",
        ),
    ];
    for (field, name, label) in fields {
        assert_eq!(field.name(), name);
        assert_eq!(field.label(), label);
    }
}

#[test]
fn findings_point_at_their_field() {
    use imanage_connect::core::Field;
    let cases = [
        (Field::Environment, Some(4), FieldKey::RowUrl(4)),
        (Field::Environment, None, FieldKey::RowUrl(0)),
        (Field::Environments, None, FieldKey::RowUrl(0)),
        (Field::Version, Some(4), FieldKey::RowVersion(4)),
        (Field::Version, None, FieldKey::Version),
        (Field::ImanageUrl, None, FieldKey::ImanageUrl),
        (Field::CustomerId, None, FieldKey::CustomerId),
        (Field::ContactEmail, None, FieldKey::ContactEmail),
        (Field::Registered, None, FieldKey::Registered),
        (Field::Failing, None, FieldKey::Failing),
        (Field::SubmittedAt, None, FieldKey::SubmittedAt),
    ];
    for (field, row, expected) in cases {
        assert_eq!(
            FieldKey::from_finding(field, row, 0),
            expected,
            "{field:?} {row:?}"
        );
    }
}

#[test]
fn actions_on_unknown_rows_change_nothing() {
    let state = State::default();
    let same = state.clone().reduce(Action::SetText {
        field: FieldKey::RowUrl(999),
        text: "x".into(),
    });
    assert_eq!(same.answers(), state.answers());
    let same = state.clone().reduce(Action::RemoveRow { id: 999 });
    assert_eq!(same.answers(), state.answers());
    let same = state.clone().reduce(Action::ApplyFix {
        target: FieldKey::CustomerId,
        action: FixAction::RemoveRow {
            label: String::new(),
            row: 0,
        },
    });
    assert_eq!(
        same.answers(),
        state.answers(),
        "removing applies to rows only"
    );
}

#[test]
fn a_huge_paste_keeps_the_first_thousand_rows() {
    use imanage_connect::widget::state::MAX_ROWS;
    let state = State::default();
    let id = state.answers().rows[0].id;
    let text: String = (0..10_000)
        .map(|i| format!("https://env{i}.example.com\n"))
        .collect();
    let state = state.reduce(Action::PasteIntoRow { id, text });
    assert_eq!(state.answers().rows.len(), MAX_ROWS);
    assert_eq!(
        state.answers().rows[MAX_ROWS - 1].url,
        format!("https://env{}.example.com", MAX_ROWS - 1)
    );
    let state = state.reduce(Action::AddRow);
    assert_eq!(
        state.answers().rows.len(),
        MAX_ROWS,
        "no row beyond the limit"
    );
}

#[test]
fn the_status_summary_waits_for_the_readers_first_change_in_every_time_zone() {
    // An untouched form says nothing whatever the browser's zone; once the reader types,
    // the summary counts what is ready and what needs fixing.
    for offset in [-300, 0, 330, 840] {
        let state = State::new(Setup {
            utc_offset_minutes: offset,
            ..Setup::default()
        });
        let report = analyze(&state.to_request(None));
        assert_eq!(summary_to_announce(&state, &report), None, "UTC{offset:+}");
        let typed = state.reduce(Action::SetText {
            field: FieldKey::RowUrl(0),
            text: "https://acme.clioweb.com, acme-uat".into(),
        });
        let report = analyze(&typed.to_request(None));
        assert!(summary_to_announce(&typed, &report).is_some());
    }
    let cases = [
        ("", "0 redirect URIs ready."),
        ("https://acme.clioweb.com", "1 redirect URI ready."),
        (
            "http://acme.clioweb.com",
            "1 redirect URI ready, 1 warning to check.",
        ),
        (
            "https://acme.clioweb.com\nhttps://acme-uat.clioweb.com",
            "2 redirect URIs ready.",
        ),
        (
            "https://acme.clioweb.com\nftp://x",
            "1 redirect URI ready, 1 problem to fix.",
        ),
    ];
    for (urls, expected) in cases {
        let state = State::default().reduce(Action::PasteIntoRow {
            id: 0,
            text: urls.into(),
        });
        let report = analyze(&state.to_request(None));
        assert_eq!(summary(&report), expected, "{urls}");
    }
}

#[test]
fn focus_follows_the_control_an_action_took_away() {
    use imanage_connect::widget::state::FocusTarget;
    let focus = |state: &State| state.progress().focus.map(|f| f.target);
    let three = State::default()
        .reduce(Action::PasteIntoRow {
            id: 0,
            text: "a.example\nb.example\nc.example".into(),
        })
        .reduce(Action::SetText {
            field: FieldKey::ImanageUrl,
            text: "http://cloudimanage.com".into(),
        });
    assert_eq!(
        focus(&three),
        None,
        "typing and pasting keep focus where it is"
    );
    let ids: Vec<u32> = three.answers().rows.iter().map(|r| r.id).collect();

    let removed_middle = three.clone().reduce(Action::RemoveRow { id: ids[1] });
    assert_eq!(
        focus(&removed_middle),
        Some(FocusTarget::Field(FieldKey::RowUrl(ids[2])))
    );
    let removed_last = three.clone().reduce(Action::RemoveRow { id: ids[2] });
    assert_eq!(focus(&removed_last), Some(FocusTarget::AddEnvironment));

    // Removing the only row leaves a fresh one, which takes focus.
    let only = State::default().reduce(Action::SetText {
        field: FieldKey::RowUrl(0),
        text: "x".into(),
    });
    let fresh = only.reduce(Action::RemoveRow { id: 0 });
    let fresh_id = fresh.answers().rows[0].id;
    assert_eq!(
        focus(&fresh),
        Some(FocusTarget::Field(FieldKey::RowUrl(fresh_id)))
    );

    let added = three.clone().reduce(Action::AddRow);
    let new_id = added.answers().rows.last().unwrap().id;
    assert_eq!(
        focus(&added),
        Some(FocusTarget::Field(FieldKey::RowUrl(new_id)))
    );

    let fixed = three.clone().reduce(Action::ApplyFix {
        target: FieldKey::ImanageUrl,
        action: FixAction::ReplaceText {
            label: String::new(),
            text: "https://cloudimanage.com".into(),
        },
    });
    assert_eq!(
        focus(&fixed),
        Some(FocusTarget::Field(FieldKey::ImanageUrl))
    );
    let removed_by_fix = three.clone().reduce(Action::ApplyFix {
        target: FieldKey::RowUrl(ids[0]),
        action: FixAction::RemoveRow {
            label: String::new(),
            row: 0,
        },
    });
    assert_eq!(
        focus(&removed_by_fix),
        Some(FocusTarget::Field(FieldKey::RowUrl(ids[1])))
    );

    // The same target asked for twice is two requests.
    let twice = fixed.clone().reduce(Action::ApplyFix {
        target: FieldKey::ImanageUrl,
        action: FixAction::ReplaceText {
            label: String::new(),
            text: "https://cloudimanage.com".into(),
        },
    });
    assert_ne!(twice.progress().focus, fixed.progress().focus);
    // Every field a focus request names exists once the action is applied.
    for state in [&removed_middle, &fresh, &added, &fixed, &removed_by_fix] {
        if let Some(FocusTarget::Field(FieldKey::RowUrl(id))) = focus(state) {
            assert!(state.answers().rows.iter().any(|r| r.id == id));
        }
    }
}

#[test]
fn the_example_never_loses_typed_answers_without_a_way_back() {
    use imanage_connect::widget::status::example_loaded;
    // On an untouched form the example simply fills in; nothing to bring back.
    let fresh = State::default();
    let loaded = fresh.reduce(Action::LoadExample);
    assert!(loaded.progress().before_example.is_none());
    assert_eq!(
        example_loaded(&loaded),
        "Example details filled in. They are fictitious."
    );
    let again = loaded.reduce(Action::LoadExample);
    assert!(
        !example_loaded(&again).contains("Undo"),
        "nothing of the reader's was replaced"
    );

    let typed = State::default().reduce(Action::SetText {
        field: FieldKey::CustomerId,
        text: "9999".into(),
    });
    let loaded = typed.clone().reduce(Action::LoadExample);
    assert!(example_loaded(&loaded).contains("choose Undo"));
    assert_eq!(loaded.answers(), &Answers::example());
    // Loading it twice keeps the reader's answers, not the first example's.
    let twice = loaded.clone().reduce(Action::LoadExample);
    let undone = twice.reduce(Action::UndoExample);
    assert_eq!(undone.answers(), typed.answers());
    assert!(undone.progress().before_example.is_none());

    // Once the reader changes the example, the answers are theirs: no Undo.
    let changed = loaded.clone().reduce(Action::SetText {
        field: FieldKey::Version,
        text: "7.12".into(),
    });
    assert!(changed.progress().before_example.is_none());
    let same = changed.clone().reduce(Action::UndoExample);
    assert_eq!(same.answers(), changed.answers());
    // Start again forgets it too.
    assert!(loaded
        .reduce(Action::Reset)
        .progress()
        .before_example
        .is_none());
}

/// `n` addresses, one a line.
fn address_list(n: usize) -> String {
    (0..n)
        .map(|i| format!("https://firm{i}.clio-operate.example"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pasted_list_says_what_it_added() {
    use imanage_connect::widget::state::{is_pasted_list, MAX_ROWS};
    let said = |state: &State| state.progress().announcement.as_ref().map(|a| a.text());
    // (rows already in the form, addresses pasted, rows after, what the status region says)
    let cases: &[(usize, usize, usize, Option<String>)] = &[
        (1, 1, 1, None),
        (
            1,
            2,
            2,
            Some("2 environments added from the pasted list. Check the role of each.".into()),
        ),
        (
            3,
            5,
            7,
            Some("5 environments added from the pasted list. Check the role of each.".into()),
        ),
        (
            1,
            MAX_ROWS,
            MAX_ROWS,
            Some(format!(
                "{MAX_ROWS} environments added from the pasted list. Check the role of each."
            )),
        ),
        (
            1,
            MAX_ROWS + 5,
            MAX_ROWS,
            Some(format!(
                "Only the first {MAX_ROWS} of {} pasted addresses were added: a form holds at most {MAX_ROWS} environments.",
                MAX_ROWS + 5
            )),
        ),
        (
            10,
            2_000,
            MAX_ROWS,
            Some(format!(
                "Only the first 991 of 2000 pasted addresses were added: a form holds at most {MAX_ROWS} environments."
            )),
        ),
    ];
    for (before, pasted, after, expected) in cases {
        let mut state = State::default();
        for _ in 1..*before {
            state = state.reduce(Action::AddRow);
        }
        let text = address_list(*pasted);
        assert_eq!(is_pasted_list(&text), *pasted > 1, "{pasted}");
        let state = state.reduce(Action::PasteIntoRow { id: 0, text });
        assert_eq!(state.answers().rows.len(), *after, "{before} + {pasted}");
        assert_eq!(said(&state), *expected, "{before} + {pasted}");
    }
}

#[test]
fn the_same_paste_twice_is_announced_twice_and_typing_says_nothing_new() {
    let list = address_list(2);
    let once = State::default().reduce(Action::PasteIntoRow {
        id: 0,
        text: list.clone(),
    });
    let first = once
        .progress()
        .announcement
        .clone()
        .expect("a list is announced");
    let typed = once.reduce(Action::SetText {
        field: FieldKey::CustomerId,
        text: "1764".into(),
    });
    assert_eq!(typed.progress().announcement, Some(first.clone()));
    let twice = typed.reduce(Action::PasteIntoRow { id: 0, text: list });
    let second = twice.progress().announcement.clone().unwrap();
    assert_eq!(second.text(), first.text());
    assert_ne!(second, first, "a repeated paste is a new announcement");
}

#[test]
fn text_that_is_not_a_list_pastes_as_itself() {
    use imanage_connect::widget::state::is_pasted_list;
    for text in [
        "",
        "https://acme.clioweb.com",
        "  https://acme.clioweb.com  ",
        "acme",
        "https://acme .example.com",
        "https://ac-me.exa\tmple.com",
        "a.example,\n\n",
    ] {
        assert!(!is_pasted_list(text), "{text:?}");
    }
    for text in [
        "a.example\nb.example",
        "a.example, b.example",
        "a.example;b.example",
        // Two whole addresses, whatever separates them, are two entries.
        "https://a.example https://b.example",
        "prod is https://a.example and uat is https://b.example",
        "a.example\r\n\r\nb.example\r\n",
    ] {
        assert!(is_pasted_list(text), "{text:?}");
    }
}

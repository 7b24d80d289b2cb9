//! The form reducer: every reader action, natively.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::form::{example, FixTarget, FormAction, FormState, TextField};
use imanage_connect::core::{analyze, FixAction, Role};

fn urls(state: &FormState) -> Vec<(Option<Role>, &str)> {
    state
        .rows
        .iter()
        .map(|r| (r.role.clone(), r.url.as_str()))
        .collect()
}

#[test]
fn starts_with_one_production_row_and_the_standard_imanage_url() {
    let state = FormState::default();
    assert_eq!(urls(&state), [(Some(Role::Production), "")]);
    assert_eq!(state.imanage_url, "https://cloudimanage.com");
}

#[test]
fn typing_and_choosing_roles() {
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state
        .reduce(FormAction::SetRowUrl {
            id,
            url: "acme.clioweb.com".into(),
        })
        .reduce(FormAction::AddRow);
    let second = state.rows[1].id;
    let state = state
        .reduce(FormAction::SetRowUrl {
            id: second,
            url: "acme-uat.clioweb.com".into(),
        })
        .reduce(FormAction::SetRowRole {
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
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state.reduce(FormAction::PasteIntoRow {
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
    let ids: Vec<u32> = state.rows.iter().map(|r| r.id).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "row ids stay unique");
    assert_eq!(state.rows[0].id, id, "the pasted-into row keeps its id");
}

#[test]
fn pasting_one_address_only_sets_the_text() {
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state.reduce(FormAction::PasteIntoRow {
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
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state.reduce(FormAction::RemoveRow { id });
    assert_eq!(urls(&state), [(Some(Role::Production), "")]);
    assert_ne!(state.rows[0].id, id);
}

#[test]
fn one_click_fixes_change_only_their_field() {
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state
        .reduce(FormAction::SetRowUrl {
            id,
            url: "http://acme.clioweb.com/admin/oauth".into(),
        })
        .reduce(FormAction::SetText {
            field: TextField::CustomerId,
            text: "1764".into(),
        });
    let report = analyze(&state.to_request(None));
    let fix = report.environments.entries[0]
        .findings
        .iter()
        .find_map(|f| f.action.clone().filter(|a| a.label() == "Remove the path"))
        .unwrap();
    let state = state.reduce(FormAction::ApplyFix {
        target: FixTarget::Row(id),
        action: fix,
    });
    assert_eq!(state.rows[0].url, "https://acme.clioweb.com");
    assert_eq!(state.customer_id, "1764");

    let state = state.reduce(FormAction::ApplyFix {
        target: FixTarget::ImanageUrl,
        action: FixAction::ReplaceText {
            label: "Use https://cloudimanage.com".into(),
            text: "https://cloudimanage.com".into(),
        },
    });
    assert_eq!(state.imanage_url, "https://cloudimanage.com");
}

#[test]
fn remove_and_split_fixes_address_rows_by_position() {
    let state = FormState::default();
    let id = state.rows[0].id;
    let state = state
        .reduce(FormAction::SetRowUrl {
            id,
            url: "a.clioweb.com, a-uat.clioweb.com".into(),
        })
        .reduce(FormAction::AddRow);
    let state = state.reduce(FormAction::ApplyFix {
        target: FixTarget::Row(id),
        action: FixAction::SplitRow {
            label: String::new(),
            row: 0,
        },
    });
    assert_eq!(state.rows.len(), 3);
    assert_eq!(state.rows[1].url, "a-uat.clioweb.com");
    let second = state.rows[1].id;
    let state = state.reduce(FormAction::ApplyFix {
        target: FixTarget::Row(second),
        action: FixAction::RemoveRow {
            label: String::new(),
            row: 1,
        },
    });
    assert_eq!(state.rows.len(), 2);
    assert_eq!(state.rows[0].url, "a.clioweb.com");
}

#[test]
fn example_and_reset_keep_the_configured_support_address() {
    let state = FormState::with_support_email("support@operate.example");
    let loaded = state.reduce(FormAction::LoadExample);
    assert_eq!(loaded.support_email, "support@operate.example");
    assert_eq!(loaded.rows.len(), 3);
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
        .reduce(FormAction::AskForRequest)
        .reduce(FormAction::AskForRequest);
    assert!(asked.asked_for_request());
    assert_eq!(asked.request_attempts, 2);
    let asked = asked.reduce(FormAction::MarkDelivered);
    assert!(asked.request_delivered);
    let reset = asked.reduce(FormAction::Reset);
    assert_eq!(
        reset,
        FormState::with_support_email("support@operate.example")
    );
    assert_eq!(example().support_email, "");
}

#[test]
fn actions_on_unknown_rows_change_nothing() {
    let state = FormState::default();
    let same = state.clone().reduce(FormAction::SetRowUrl {
        id: 999,
        url: "x".into(),
    });
    assert_eq!(same, state);
    let same = state.clone().reduce(FormAction::RemoveRow { id: 999 });
    assert_eq!(same, state);
}

#[test]
fn a_huge_paste_keeps_the_first_thousand_rows() {
    use imanage_connect::core::form::MAX_ROWS;
    let state = FormState::default();
    let id = state.rows[0].id;
    let text: String = (0..10_000)
        .map(|i| format!("https://env{i}.example.com\n"))
        .collect();
    let state = state.reduce(FormAction::PasteIntoRow { id, text });
    assert_eq!(state.rows.len(), MAX_ROWS);
    assert_eq!(
        state.rows[MAX_ROWS - 1].url,
        format!("https://env{}.example.com", MAX_ROWS - 1)
    );
    let state = state.reduce(FormAction::AddRow);
    assert_eq!(state.rows.len(), MAX_ROWS, "no row beyond the limit");
}

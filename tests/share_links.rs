//! Answers as a URL fragment and a draft: round trips, the allow-list, and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::widget::codec::{decode, encode, FRAGMENT_PREFIX};
use imanage_connect::widget::field::FieldKey;
use imanage_connect::widget::state::{Action, Answers, Setup, State};
use proptest::prelude::*;

/// A fresh form with the answers a fragment gives.
fn restore(fragment: &str) -> Option<State> {
    decode(fragment).map(|prefill| State::default().reduce(Action::Prefill(prefill)))
}

#[test]
fn the_example_round_trips() {
    let original = Answers::example();
    let fragment = encode(&original);
    assert!(fragment.starts_with(FRAGMENT_PREFIX));
    assert!(fragment.is_ascii() && !fragment.contains(['#', ' ', '\n']));
    let restored = restore(&format!("#{fragment}")).unwrap();
    let restored = restored.answers();
    let rows = |s: &Answers| {
        s.rows
            .iter()
            .map(|r| (r.role.clone(), r.url.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(restored), rows(&original));
    for field in [
        FieldKey::ImanageUrl,
        FieldKey::CustomerId,
        FieldKey::Version,
        FieldKey::FirmName,
        FieldKey::ContactName,
        FieldKey::ContactEmail,
    ] {
        assert_eq!(restored.text(field), original.text(field), "{field:?}");
    }
}

#[test]
fn awkward_text_round_trips() {
    let state = State::default()
        .reduce(Action::SetText {
            field: FieldKey::RowUrl(0),
            text: "https://a.example/?x=1&y=2#z".into(),
        })
        .reduce(Action::SetText {
            field: FieldKey::FirmName,
            text: "Smith & Söhne = \u{201C}LLP\u{201D}; 100%".into(),
        });
    let restored = restore(&encode(state.answers())).unwrap();
    assert_eq!(
        restored.answers().rows[0].url,
        "https://a.example/?x=1&y=2#z"
    );
    assert_eq!(
        restored.answers().firm_name,
        "Smith & Söhne = \u{201C}LLP\u{201D}; 100%"
    );
}

#[test]
fn diagnosis_pastes_and_settings_are_never_shared() {
    let state = State::new(Setup {
        support_email: "help@support-desk.invalid".into(),
        utc_offset_minutes: 0,
    })
    .reduce(Action::LoadExample)
    .reduce(Action::SetText {
        field: FieldKey::Registered,
        text: "secret confirmation e-mail".into(),
    });
    let fragment = encode(state.answers());
    assert!(!fragment.contains("secret"));
    assert!(!fragment.contains("support-desk"));
}

#[test]
fn other_fragments_and_unknown_keys_are_ignored() {
    assert!(decode("#section-2").is_none());
    assert!(decode("").is_none());
    let restored =
        restore("#imanage-helper?customer=1764&supportEmail=evil%40x.example&registered=x&bogus")
            .unwrap();
    assert_eq!(restored.answers().customer_id, "1764");
    assert_eq!(restored.setup().support_email, "");
    assert_eq!(restored.answers().registered, "");
    let long = format!("#imanage-helper?customer={}", "9".repeat(20_000));
    assert!(decode(&long).is_none());
}

proptest! {
    #[test]
    fn any_fragment_is_safe(fragment in ".{0,300}") {
        let _ = decode(&fragment);
        let _ = decode(&format!("imanage-helper?{fragment}"));
    }

    #[test]
    fn any_answers_round_trip(url in ".{1,60}", firm in ".{0,60}", customer in ".{0,20}") {
        prop_assume!(!url.trim().is_empty());
        let state = State::default()
            .reduce(Action::SetText { field: FieldKey::RowUrl(0), text: url.clone() })
            .reduce(Action::SetText { field: FieldKey::FirmName, text: firm.clone() })
            .reduce(Action::SetText { field: FieldKey::CustomerId, text: customer.clone() });
        let restored = restore(&encode(state.answers())).unwrap();
        prop_assert_eq!(&restored.answers().rows[0].url, &url);
        prop_assert_eq!(&restored.answers().firm_name, &firm);
        prop_assert_eq!(&restored.answers().customer_id, &customer);
    }
}

#[test]
fn a_link_keeps_the_pages_own_hash_route() {
    use imanage_connect::widget::codec::link_fragment;
    let answers = Answers::example();
    let ours = encode(&answers);
    assert_eq!(link_fragment("", &answers), ours);
    assert_eq!(link_fragment("#", &answers), ours);
    assert_eq!(
        link_fragment("#/kb/imanage", &answers),
        format!("/kb/imanage&{ours}")
    );
    // A link made again replaces the widget's part and keeps the route.
    let again = link_fragment(
        &format!("#/kb/imanage&{ours}"),
        &State::default().answers().clone(),
    );
    assert_eq!(
        again,
        format!("/kb/imanage&{}", encode(State::default().answers()))
    );
    let replaced = link_fragment(&format!("#{ours}"), &answers);
    assert_eq!(replaced, ours);
    // Either way the answers read back, and a route alone gives none.
    let restored = restore(&format!("#/kb/imanage&{ours}")).unwrap();
    assert_eq!(restored.answers().customer_id, "1764");
    assert!(decode("#/kb/imanage").is_none());
    assert!(decode("#/kb/imanage?x=1").is_none());
}

#[test]
fn a_remembered_draft_expires_after_thirty_days() {
    use imanage_connect::core::Timestamp;
    use imanage_connect::widget::codec::{decode_draft, draft_key, encode_draft, DRAFT_DAYS};
    let saved = Timestamp::parse_iso("2026-11-30T10:00:00Z").unwrap();
    let draft = encode_draft(&Answers::example(), saved);
    let day = 86_400_000;
    let at = |ms: i64| Timestamp::from_millis(saved.millis() + ms);
    for (after, kept) in [
        (0, true),
        (day, true),
        (DRAFT_DAYS * day - 1, true),
        (DRAFT_DAYS * day, false),
        (365 * day, false),
    ] {
        let prefill = decode_draft(&draft, at(after));
        assert_eq!(prefill.is_some(), kept, "{after} ms after saving");
        if let Some(prefill) = prefill {
            assert_eq!(prefill.customer_id.as_deref(), Some("1764"));
        }
    }
    // Anything else in storage is not a draft.
    for text in [
        "",
        "imanage-helper?customer=1",
        "v1;x;imanage-helper?customer=1",
        "v0;9999999999999;imanage-helper?",
    ] {
        assert!(decode_draft(text, saved).is_none(), "{text}");
    }
    // One draft per placeholder and page.
    assert_ne!(
        draft_key("imanage-helper:draft:imh1", "/kb/a"),
        draft_key("imanage-helper:draft:imh1", "/kb/b")
    );
}

#[test]
fn a_link_that_fills_the_form_says_so_until_start_again() {
    let opened = State::default().reduce(Action::OpenLink(
        decode("#imanage-helper?env=production%3Dhttps%3A%2F%2Fstranger.example").unwrap(),
    ));
    assert!(opened.progress().from_link);
    assert_eq!(opened.answers().rows[0].url, "https://stranger.example");
    assert!(
        !opened.progress().edited,
        "a link is not the reader's change"
    );
    assert!(!opened.clone().reduce(Action::Reset).progress().from_link);
    let empty = State::default().reduce(Action::OpenLink(decode("#imanage-helper?").unwrap()));
    assert!(!empty.progress().from_link, "an empty link fills nothing");
}

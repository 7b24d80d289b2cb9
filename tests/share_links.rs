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

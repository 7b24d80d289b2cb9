//! Answers as a URL fragment and a draft: round trips, the allow-list, and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::form::{example, FormAction, FormState, TextField};
use imanage_connect::core::share::{decode_into, encode, FRAGMENT_PREFIX};
use proptest::prelude::*;

#[test]
fn the_example_round_trips() {
    let original = example();
    let fragment = encode(&original);
    assert!(fragment.starts_with(FRAGMENT_PREFIX));
    assert!(fragment.is_ascii() && !fragment.contains(['#', ' ', '\n']));
    let restored = decode_into(&format!("#{fragment}"), FormState::default()).unwrap();
    let rows = |s: &FormState| {
        s.rows
            .iter()
            .map(|r| (r.role.clone(), r.url.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&restored), rows(&original));
    for field in [
        TextField::ImanageUrl,
        TextField::CustomerId,
        TextField::Version,
        TextField::FirmName,
        TextField::ContactName,
        TextField::ContactEmail,
    ] {
        assert_eq!(restored.text(field), original.text(field), "{field:?}");
    }
}

#[test]
fn awkward_text_round_trips() {
    let state = FormState::default()
        .reduce(FormAction::SetRowUrl {
            id: 0,
            url: "https://a.example/?x=1&y=2#z".into(),
        })
        .reduce(FormAction::SetText {
            field: TextField::FirmName,
            text: "Smith & Söhne = \u{201C}LLP\u{201D}; 100%".into(),
        });
    let restored = decode_into(&encode(&state), FormState::default()).unwrap();
    assert_eq!(restored.rows[0].url, "https://a.example/?x=1&y=2#z");
    assert_eq!(
        restored.firm_name,
        "Smith & Söhne = \u{201C}LLP\u{201D}; 100%"
    );
}

#[test]
fn diagnosis_pastes_and_settings_are_never_shared() {
    let mut state = example();
    state.registered = "secret confirmation e-mail".into();
    state.support_email = "help@support-desk.invalid".into();
    let fragment = encode(&state);
    assert!(!fragment.contains("secret"));
    assert!(!fragment.contains("support-desk"));
}

#[test]
fn other_fragments_and_unknown_keys_are_ignored() {
    assert!(decode_into("#section-2", FormState::default()).is_none());
    assert!(decode_into("", FormState::default()).is_none());
    let restored = decode_into(
        "#imanage-helper?customer=1764&supportEmail=evil%40x.example&registered=x&bogus",
        FormState::default(),
    )
    .unwrap();
    assert_eq!(restored.customer_id, "1764");
    assert_eq!(restored.support_email, "");
    assert_eq!(restored.registered, "");
    let long = format!("#imanage-helper?customer={}", "9".repeat(20_000));
    assert!(decode_into(&long, FormState::default()).is_none());
}

proptest! {
    #[test]
    fn any_fragment_is_safe(fragment in ".{0,300}") {
        let _ = decode_into(&fragment, FormState::default());
        let _ = decode_into(&format!("imanage-helper?{fragment}"), FormState::default());
    }

    #[test]
    fn any_answers_round_trip(url in ".{1,60}", firm in ".{0,60}", customer in ".{0,20}") {
        prop_assume!(!url.trim().is_empty());
        let state = FormState::default()
            .reduce(FormAction::SetRowUrl { id: 0, url: url.clone() })
            .reduce(FormAction::SetText { field: TextField::FirmName, text: firm.clone() })
            .reduce(FormAction::SetText { field: TextField::CustomerId, text: customer.clone() });
        let restored = decode_into(&encode(&state), FormState::default()).unwrap();
        prop_assert_eq!(&restored.rows[0].url, &url);
        prop_assert_eq!(restored.firm_name, firm);
        prop_assert_eq!(restored.customer_id, customer);
    }
}

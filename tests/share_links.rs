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
    let draft = encode_draft(&State::default().reduce(Action::LoadExample), saved);
    let day = 86_400_000;
    let at = |ms: i64| Timestamp::from_millis(saved.millis() + ms);
    for (after, kept) in [
        (0, true),
        (day, true),
        (DRAFT_DAYS * day - 1, true),
        (DRAFT_DAYS * day, false),
        (365 * day, false),
    ] {
        let restored = decode_draft(&draft, at(after));
        assert_eq!(restored.is_some(), kept, "{after} ms after saving");
        if let Some(restored) = restored {
            assert_eq!(restored.prefill.customer_id.as_deref(), Some("1764"));
        }
    }
    // Anything else in storage is not a draft.
    for text in [
        "",
        "imanage-helper?customer=1",
        "v1;x;imanage-helper?customer=1",
        "v0;9999999999999;imanage-helper?",
        "v2;9999999999999;imanage-helper?customer=1",
        "v3;9999999999999;phase=prepare&sent=0;imanage-helper?",
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

mod remembered_progress {
    use imanage_connect::core::Timestamp;
    use imanage_connect::widget::codec::{
        decode, decode_draft, encode, encode_draft, link_fragment, Draft, SavedProgress,
    };
    use imanage_connect::widget::phases::Phase;
    use imanage_connect::widget::state::{Action, State};

    fn saved() -> Timestamp {
        Timestamp::parse_iso("2026-11-30T10:00:00Z").unwrap()
    }

    fn example() -> State {
        State::default()
            .reduce(Action::LoadExample)
            .reduce(Action::SetKeepDraft(true))
    }

    /// The state a reader returning two days later finds.
    fn returned(state: &State) -> State {
        let two_days = Timestamp::from_millis(saved().millis() + 2 * 86_400_000);
        decode_draft(&encode_draft(state, saved()), two_days)
            .expect("kept for 30 days")
            .restore(State::default())
    }

    #[test]
    fn a_returning_reader_finds_the_request_sent_and_the_phase_they_had_open() {
        for sent in [false, true] {
            for phase in Phase::ALL {
                let state = example()
                    .reduce(Action::SetSent {
                        sent,
                        at: imanage_connect::core::Timestamp::from_millis(0),
                    })
                    .reduce(Action::OpenPhase(phase));
                let back = returned(&state);
                assert!(back.answers().same_as(state.answers()), "{sent} {phase:?}");
                assert_eq!(back.progress().request_sent, sent, "{phase:?}");
                assert_eq!(back.progress().open_phase, phase, "{sent}");
                assert!(back.progress().keep_draft);
                assert!(!back.progress().edited, "a draft is not a change");
            }
        }
    }

    #[test]
    fn progress_is_written_in_words_and_anything_unknown_reads_as_not_started() {
        let at = saved();
        let cases: &[(&str, bool, Phase)] = &[
            ("phase=configure&sent=1", true, Phase::Configure),
            ("sent=1&phase=troubleshoot", true, Phase::Troubleshoot),
            ("phase=prepare&sent=0", false, Phase::Prepare),
            ("phase=elsewhere&sent=yes", false, Phase::Prepare),
            ("", false, Phase::Prepare),
            ("garbage", false, Phase::Prepare),
        ];
        for &(progress, request_sent, open_phase) in cases {
            let text = format!("v2;9999999999999;{progress};imanage-helper?customer=1764");
            let draft = decode_draft(&text, at).expect(progress);
            assert_eq!(
                draft.progress,
                SavedProgress {
                    request_sent,
                    open_phase,
                    sent_at: None,
                    sent_uris: Vec::new(),
                },
                "{progress}"
            );
            assert_eq!(draft.prefill.customer_id.as_deref(), Some("1764"));
        }
        let state = example()
            .reduce(Action::SetSent {
                sent: true,
                at: Timestamp::parse_iso("2026-11-28T10:30:00Z").unwrap(),
            })
            .reduce(Action::OpenPhase(Phase::Configure));
        let written = encode_draft(&state, at);
        assert!(
            written.contains(";phase=configure&sent=1&sent_at=2026-11-28T10:30:00Z&sent_uris=https%3A%2F%2Facme.clio-operate.example%2FexternalServices%2FreplyFrom%20"),
            "{written}"
        );
        // What was sent reads back, one redirect URI each, in the order of the request.
        let back = decode_draft(&written, at).unwrap();
        assert_eq!(back.progress.sent_uris.len(), 3);
        assert!(back.progress.sent_uris[1].starts_with("https://acme-uat."));
    }

    #[test]
    fn a_draft_written_before_progress_was_kept_still_gives_its_answers() {
        let text = "v1;9999999999999;imanage-helper?customer=1764";
        assert_eq!(
            decode_draft(text, saved()),
            Some(Draft {
                prefill: decode("#imanage-helper?customer=1764").unwrap(),
                progress: SavedProgress::default(),
                saved_at: Timestamp::from_millis(9_999_999_999_999 - 30 * 86_400_000),
            })
        );
    }

    #[test]
    fn a_link_never_carries_progress() {
        let sent = example()
            .reduce(Action::SetSent {
                sent: true,
                at: imanage_connect::core::Timestamp::from_millis(0),
            })
            .reduce(Action::OpenPhase(Phase::Configure));
        assert_eq!(encode(sent.answers()), encode(example().answers()));
        let link = link_fragment("", sent.answers());
        assert!(!link.contains("sent") && !link.contains("phase"), "{link}");
        let opened = State::default().reduce(Action::OpenLink(decode(&link).unwrap()));
        assert!(!opened.progress().request_sent);
        assert_eq!(opened.progress().open_phase, Phase::Prepare);
    }

    #[test]
    fn a_link_to_other_answers_starts_their_request_afresh() {
        let mine = returned(
            &example()
                .reduce(Action::SetSent {
                    sent: true,
                    at: imanage_connect::core::Timestamp::from_millis(0),
                })
                .reduce(Action::OpenPhase(Phase::Configure)),
        );
        // The reader's own answers through a link: the progress still applies.
        let same = mine
            .clone()
            .reduce(Action::OpenLink(decode(&encode(mine.answers())).unwrap()));
        assert!(same.progress().request_sent);
        assert_eq!(same.progress().open_phase, Phase::Configure);
        // A colleague's answers: not sent by this reader.
        let other = mine.reduce(Action::OpenLink(
            decode("#imanage-helper?customer=9999").unwrap(),
        ));
        assert_eq!(other.answers().customer_id, "9999");
        assert!(!other.progress().request_sent);
        assert_eq!(other.progress().open_phase, Phase::Prepare);
    }
}

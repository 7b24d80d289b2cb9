//! Coming back days later: Start again and its Undo, the address kept in step with the
//! answers, the tab's own address told from a link, a link beside a remembered draft, the
//! restore said with its date, and the time the request was marked sent.

use imanage_connect::core::{analyze, Timestamp};
use imanage_connect::widget::codec::{
    address_fragment, decode, decode_draft, device_write, encode, encode_draft, is_own_address,
    DeviceWrite, SavedProgress, StoredDraft, DRAFT_DAYS,
};
use imanage_connect::widget::field::FieldKey;
use imanage_connect::widget::phases::Phase;
use imanage_connect::widget::state::{
    Action, AddressAnswers, AddressMode, Answers, Progress, Setup, State,
};
use imanage_connect::widget::status;

/// A state's answers, setup and progress, but not where focus was asked to go (an Undo
/// hands focus to what it brought back).
fn but_focus(state: &State) -> (Answers, Setup, Progress) {
    let progress = Progress {
        focus: None,
        ..state.progress().clone()
    };
    (state.answers().clone(), state.setup().clone(), progress)
}

const DAY: i64 = 86_400_000;

fn at(iso: &str) -> Timestamp {
    Timestamp::parse_iso(iso).unwrap()
}

fn saved() -> Timestamp {
    at("2026-11-28T15:30:00Z")
}

fn later() -> Timestamp {
    Timestamp::from_millis(saved().millis() + 2 * DAY)
}

fn in_zone(offset: i32) -> State {
    State::new(Setup {
        utc_offset_minutes: offset,
        ..Setup::default()
    })
}

fn set(state: State, field: FieldKey, text: &str) -> State {
    state.reduce(Action::SetText {
        field,
        text: text.into(),
    })
}

fn sent(state: State, when: Timestamp) -> State {
    state.reduce(Action::SetSent {
        sent: true,
        at: when,
    })
}

/// The example, remembered on the device, the request sent and the configuration open.
fn remembered() -> State {
    sent(
        State::default()
            .reduce(Action::LoadExample)
            .reduce(Action::SetKeepDraft(true)),
        saved(),
    )
    .reduce(Action::OpenPhase(Phase::Configure))
}

/// What the device holds once `state` was written at `when`.
fn stored(state: &State, when: Timestamp) -> StoredDraft {
    StoredDraft::read(encode_draft(state, when), later()).expect("not expired")
}

fn link(fragment: &str) -> Option<AddressAnswers> {
    Some(AddressAnswers {
        prefill: decode(fragment).unwrap(),
        own: false,
    })
}

mod start_again {
    use super::*;

    /// States with something to lose, and what Start again must bring back.
    fn cases() -> Vec<(&'static str, State)> {
        let typed = set(State::default(), FieldKey::CustomerId, "4242");
        let link_beside_draft = State::default().start(
            Some(stored(&remembered(), saved())),
            link("#imanage-helper?customer=9999"),
        );
        vec![
            ("typed answers", typed.clone()),
            ("the example, remembered and sent", remembered()),
            (
                "the request delivered only",
                typed.clone().reduce(Action::MarkDelivered),
            ),
            (
                "an empty form remembered",
                State::default().reduce(Action::SetKeepDraft(true)),
            ),
            (
                "a link's answers from elsewhere",
                State::default().start(None, link("#imanage-helper?customer=1")),
            ),
            ("a link beside a remembered draft", link_beside_draft),
            (
                "answers kept in the address",
                typed.clone().reduce(Action::FollowInAddress),
            ),
            (
                "restored from the device",
                State::default().start(Some(stored(&remembered(), saved())), None),
            ),
        ]
    }

    #[test]
    fn start_again_clears_everything_and_undo_brings_it_all_back() {
        for (name, before) in cases() {
            let device = encode_draft(&before, saved());
            let reset = before.clone().reduce(Action::Reset);
            assert!(reset.answers().same_as(&Answers::default()), "{name}");
            let p = reset.progress();
            assert!(
                !p.keep_draft && !p.request_sent && p.sent_at.is_none(),
                "{name}"
            );
            assert!(
                !p.from_link && p.set_aside.is_none() && p.restored_from.is_none(),
                "{name}"
            );
            assert_eq!(
                p.address,
                AddressMode::Clear,
                "{name}: the answers leave the address"
            );
            assert!(
                status::reset_notice(&reset).is_some(),
                "{name}: Undo is offered"
            );
            assert_eq!(
                device_write(&reset, later(), Some(&device)),
                Some(DeviceWrite::Remove),
                "{name}: nothing stays on the device"
            );

            let undone = reset.reduce(Action::UndoReset);
            assert_eq!(
                but_focus(&undone),
                but_focus(&before),
                "{name}: Undo brings back answers and progress"
            );
            assert!(status::reset_notice(&undone).is_none(), "{name}");
            // The device's copy comes back with them.
            let p = before.progress();
            match device_write(&undone, later(), None) {
                Some(DeviceWrite::Write(text)) if p.keep_draft => {
                    let back = decode_draft(&text, later()).unwrap();
                    assert_eq!(back.progress, SavedProgress::of(p), "{name}");
                    let restored = in_zone(0).restore_draft(back);
                    assert!(restored.answers().same_as(before.answers()), "{name}");
                }
                Some(DeviceWrite::Write(text)) if p.set_aside.is_some() => {
                    assert_eq!(
                        &text,
                        &p.set_aside.as_ref().unwrap().stored.text,
                        "{name}: as it was"
                    );
                }
                None if !p.keep_draft && p.set_aside.is_none() => {}
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_notice_and_the_status_say_what_was_cleared() {
        let typed = set(State::default(), FieldKey::CustomerId, "4242").reduce(Action::Reset);
        assert_eq!(
            status::reset_notice(&typed),
            Some("Everything was cleared.")
        );
        assert_eq!(
            status::reset_done(&typed),
            "Everything was cleared. Choose Undo to bring it all back."
        );
        assert_eq!(
            status::reset_undone(&typed.reduce(Action::UndoReset)),
            "Your answers are back."
        );
        let kept = remembered().reduce(Action::Reset);
        assert_eq!(
            status::reset_notice(&kept),
            Some("Everything was cleared, including your answers remembered on this device.")
        );
        assert_eq!(
            status::reset_undone(&kept.reduce(Action::UndoReset)),
            "Your answers are back, and remembered on this device again."
        );
        let empty = State::default().reduce(Action::Reset);
        assert_eq!(status::reset_notice(&empty), None, "nothing to bring back");
        assert_eq!(status::reset_done(&empty), "Everything was cleared.");
    }

    #[test]
    fn undo_lasts_until_the_reader_changes_anything() {
        let reset = remembered().reduce(Action::Reset);
        // A second Start again on the empty form keeps the first one's Undo.
        let twice = reset.clone().reduce(Action::Reset);
        assert_eq!(
            but_focus(&twice.clone().reduce(Action::UndoReset)),
            but_focus(&remembered())
        );
        // The example is not a change of the reader's: Undo brings back their answers.
        let example = reset.clone().reduce(Action::LoadExample);
        assert_eq!(
            but_focus(&example.clone().reduce(Action::UndoReset)),
            but_focus(&remembered())
        );
        // What they do is.
        for action in [
            Action::SetText {
                field: FieldKey::FirmName,
                text: "Mine".into(),
            },
            Action::AddRow,
            Action::SetConnection(None),
        ] {
            let changed = reset.clone().reduce(action.clone());
            assert!(changed.progress().before_reset.is_none(), "{action:?}");
            assert_eq!(
                changed.clone().reduce(Action::UndoReset),
                changed,
                "{action:?}"
            );
        }
    }
}

mod address {
    use super::*;

    #[test]
    fn the_address_follows_every_change_once_the_answers_are_in_it() {
        let typed = set(State::default(), FieldKey::CustomerId, "4242");
        assert_eq!(address_fragment("", &typed), None, "untouched until asked");
        assert_eq!(
            address_fragment("#/kb/x&imanage-helper?customer=1", &typed),
            None
        );

        let following = typed.reduce(Action::FollowInAddress);
        let cases = [
            (
                "",
                "imanage-helper?imanage=https%3A%2F%2Fcloudimanage.com&customer=4243",
            ),
            (
                "#",
                "imanage-helper?imanage=https%3A%2F%2Fcloudimanage.com&customer=4243",
            ),
            (
                "#/kb/imanage",
                "/kb/imanage&imanage-helper?imanage=https%3A%2F%2Fcloudimanage.com&customer=4243",
            ),
            (
                "#/kb/imanage&imanage-helper?customer=4242",
                "/kb/imanage&imanage-helper?imanage=https%3A%2F%2Fcloudimanage.com&customer=4243",
            ),
            (
                "#imanage-helper?customer=4242",
                "imanage-helper?imanage=https%3A%2F%2Fcloudimanage.com&customer=4243",
            ),
        ];
        let edited = set(following, FieldKey::CustomerId, "4243");
        for (current, wanted) in cases {
            assert_eq!(
                address_fragment(current, &edited).as_deref(),
                Some(wanted),
                "{current}"
            );
            // Once written, nothing more to do until the next change.
            assert_eq!(
                address_fragment(&format!("#{wanted}"), &edited),
                None,
                "{current}"
            );
        }
        // Every kind of change follows: rows, roles, text.
        let more = edited
            .clone()
            .reduce(Action::AddRow)
            .reduce(Action::SetText {
                field: FieldKey::RowUrl(1),
                text: "https://acme-uat.example.com".into(),
            });
        let fragment = address_fragment("", &more).unwrap();
        assert_eq!(
            decode(&fragment).unwrap(),
            decode(&encode(more.answers())).unwrap()
        );
        // The example shown over the reader's answers stays out of the address (Undo
        // brings theirs back); once the reader changes it, it is theirs and followed.
        let example = edited.reduce(Action::LoadExample);
        assert_eq!(address_fragment("#/kb", &example), None);
        let adopted = set(example, FieldKey::CustomerId, "1765");
        assert!(address_fragment("", &adopted)
            .unwrap()
            .contains("customer=1765"));
    }

    #[test]
    fn start_again_takes_the_answers_out_and_keeps_the_pages_own_route() {
        let following =
            set(State::default(), FieldKey::CustomerId, "4242").reduce(Action::FollowInAddress);
        let reset = following.clone().reduce(Action::Reset);
        for (current, wanted) in [
            (
                "#/kb/imanage&imanage-helper?customer=4242",
                Some("/kb/imanage"),
            ),
            ("#imanage-helper?customer=4242", Some("")),
            ("#/kb/imanage", None),
            ("", None),
        ] {
            assert_eq!(
                address_fragment(current, &reset).as_deref(),
                wanted,
                "{current}"
            );
        }
        // Undo: the address follows again.
        let undone = reset.reduce(Action::UndoReset);
        assert_eq!(undone.progress().address, AddressMode::Follow);
        assert!(address_fragment("#/kb/imanage", &undone)
            .unwrap()
            .ends_with("customer=4242"));
    }

    #[test]
    fn a_reload_of_the_tabs_own_address_is_not_a_link() {
        let answers = set(State::default(), FieldKey::CustomerId, "4242");
        let written = encode(answers.answers());
        let cases: &[(&str, Option<&str>, bool)] = &[
            (
                "#imanage-helper?customer=4242",
                Some("imanage-helper?customer=4242"),
                true,
            ),
            (
                "#/kb/x&imanage-helper?customer=4242",
                Some("imanage-helper?customer=4242"),
                true,
            ),
            // The browser may write the same answers with other escapes.
            (
                "#imanage-helper?firm=A%20B",
                Some("imanage-helper?firm=A B"),
                true,
            ),
            (
                "#imanage-helper?customer=4243",
                Some("imanage-helper?customer=4242"),
                false,
            ),
            ("#imanage-helper?customer=4242", None, false),
            ("#imanage-helper?customer=4242", Some("garbage"), false),
            ("#/kb/x", Some("imanage-helper?customer=4242"), false),
        ];
        for &(fragment, recorded, own) in cases {
            assert_eq!(
                is_own_address(fragment, recorded),
                own,
                "{fragment} {recorded:?}"
            );
        }
        assert!(is_own_address(&format!("#{written}"), Some(&written)));

        // Own answers reopen without the notice and keep following; a link's say so.
        let prefill = decode(&written).unwrap();
        let own = State::default().start(
            None,
            Some(AddressAnswers {
                prefill: prefill.clone(),
                own: true,
            }),
        );
        assert!(!own.progress().from_link);
        assert_eq!(own.progress().address, AddressMode::Follow);
        assert_eq!(own.answers().customer_id, "4242");
        let foreign = State::default().start(
            None,
            Some(AddressAnswers {
                prefill,
                own: false,
            }),
        );
        assert!(foreign.progress().from_link);
        assert_eq!(foreign.progress().address, AddressMode::Untouched);
        assert!(status::FROM_LINK.contains("link or a bookmark"));
        assert!(status::FROM_LINK.contains("check every address"));
    }
}

mod link_and_draft {
    use super::*;

    #[test]
    fn a_link_never_overwrites_the_remembered_draft() {
        let mine = remembered();
        let device = stored(&mine, saved());
        // Other answers: the link's show, and the draft stays exactly as it was.
        let opened = in_zone(-300).start(
            Some(device.clone()),
            link("#imanage-helper?customer=9999&firm=Stranger"),
        );
        assert_eq!(opened.answers().customer_id, "9999");
        assert_eq!(opened.answers().firm_name, "Stranger");
        assert!(
            opened.answers().rows[0].url.is_empty(),
            "nothing of the draft is mixed in"
        );
        assert!(opened.progress().from_link);
        assert!(!opened.progress().keep_draft && !opened.progress().request_sent);
        assert!(opened.progress().restored_from.is_none());
        assert_eq!(
            status::saved_draft_offer(&opened).as_deref(),
            Some("Use my answers saved on this device on 28 November 2026 at 10:30 instead")
        );
        // Whatever the reader does with the link's answers, the device keeps its draft.
        let edited = set(opened.clone(), FieldKey::CustomerId, "9998")
            .reduce(Action::AddRow)
            .reduce(Action::SetSent {
                sent: true,
                at: later(),
            });
        for state in [&opened, &edited] {
            assert_eq!(device_write(state, later(), Some(&device.text)), None);
            assert_eq!(
                device_write(state, later(), None),
                Some(DeviceWrite::Write(device.text.clone())),
                "written back as it was if it went missing"
            );
        }

        // The reader chooses the draft: exactly its answers and progress.
        let chosen = edited.reduce(Action::UseSavedDraft);
        assert!(chosen.answers().same_as(mine.answers()));
        assert!(chosen.progress().request_sent);
        assert_eq!(chosen.sent_at(), Some(saved()));
        assert_eq!(chosen.progress().open_phase, Phase::Configure);
        assert!(chosen.progress().keep_draft && !chosen.progress().from_link);
        assert_eq!(
            chosen.progress().address,
            AddressMode::Clear,
            "the link leaves the address"
        );
        assert_eq!(
            status::restored(&chosen).as_deref(),
            Some("Your answers from 28 November 2026 at 10:30 were restored from this device.")
        );
        assert_eq!(
            device_write(&chosen, later(), Some(&device.text)),
            None,
            "still as it was"
        );

        // Or keeps the link's answers on the device instead, or forgets the draft.
        let keep = opened.clone().reduce(Action::SetKeepDraft(true));
        assert!(keep.progress().set_aside.is_none());
        let Some(DeviceWrite::Write(text)) = device_write(&keep, later(), Some(&device.text))
        else {
            panic!("the reader's choice is written");
        };
        assert!(
            decode_draft(&text, later())
                .unwrap()
                .prefill
                .customer_id
                .as_deref()
                == Some("9999")
        );
        let forget = opened.reduce(Action::SetKeepDraft(false));
        assert_eq!(
            device_write(&forget, later(), Some(&device.text)),
            Some(DeviceWrite::Remove)
        );
    }

    #[test]
    fn a_link_to_the_saved_answers_keeps_the_saved_progress() {
        let mine = remembered();
        let device = stored(&mine, saved());
        for own in [false, true] {
            let address = AddressAnswers {
                prefill: decode(&encode(mine.answers())).unwrap(),
                own,
            };
            let opened = State::default().start(Some(device.clone()), Some(address));
            assert!(opened.answers().same_as(mine.answers()), "{own}");
            assert!(opened.progress().request_sent, "{own}");
            assert_eq!(opened.sent_at(), Some(saved()), "{own}");
            assert_eq!(opened.progress().open_phase, Phase::Configure, "{own}");
            assert!(
                opened.progress().keep_draft && !opened.progress().from_link,
                "{own}"
            );
            assert!(opened.progress().set_aside.is_none(), "{own}");
            assert_eq!(
                opened.progress().address,
                if own {
                    AddressMode::Follow
                } else {
                    AddressMode::Untouched
                }
            );
            assert_eq!(
                device_write(&opened, later(), Some(&device.text)),
                None,
                "{own}"
            );
        }
    }

    #[test]
    fn where_the_form_starts() {
        let device = Some(stored(&remembered(), saved()));
        let other = || link("#imanage-helper?customer=9999");
        // (draft, address, customer shown, from the link notice, draft set aside, restored)
        let cases = [
            (None, None, "", false, false, false),
            (device.clone(), None, "1764", false, false, true),
            (None, other(), "9999", true, false, false),
            (device.clone(), other(), "9999", true, true, false),
            // An address with nothing of the widget's in it is no link.
            (
                device.clone(),
                link("#imanage-helper?"),
                "1764",
                false,
                false,
                true,
            ),
        ];
        for (i, (draft, address, customer, from_link, aside, restored)) in
            cases.into_iter().enumerate()
        {
            let state = State::default().start(draft, address);
            assert_eq!(state.answers().customer_id, customer, "case {i}");
            assert_eq!(state.progress().from_link, from_link, "case {i}");
            assert_eq!(state.progress().set_aside.is_some(), aside, "case {i}");
            assert_eq!(
                state.progress().restored_from.is_some(),
                restored,
                "case {i}"
            );
            assert!(!state.progress().edited, "case {i}: nothing the reader did");
        }
    }
}

mod restored {
    use super::*;

    #[test]
    fn a_restore_says_when_the_answers_were_saved_in_the_readers_zone() {
        // (saved at, the reader's offset, what is said)
        let cases = [
            ("2026-11-28T15:30:00Z", -300, "28 November 2026 at 10:30"),
            ("2026-11-28T05:00:00Z", 330, "28 November 2026 at 10:30"),
            ("2026-11-28T10:30:00Z", 0, "28 November 2026 at 10:30"),
            ("2026-11-29T02:00:00Z", -300, "28 November 2026 at 21:00"),
            ("2026-11-28T20:00:00Z", 540, "29 November 2026 at 05:00"),
            ("2026-03-01T00:15:00Z", -60, "28 February 2026 at 23:15"),
            ("2024-03-01T00:15:00Z", -60, "29 February 2024 at 23:15"),
        ];
        for (when, offset, said) in cases {
            let state = set(in_zone(offset), FieldKey::CustomerId, "4242")
                .reduce(Action::SetKeepDraft(true));
            let text = encode_draft(&state, at(when));
            let device =
                StoredDraft::read(text, Timestamp::from_millis(at(when).millis() + DAY)).unwrap();
            assert_eq!(device.draft.saved_at, at(when));
            let back = in_zone(offset).start(Some(device), None);
            assert_eq!(
                status::restored(&back),
                Some(format!(
                    "Your answers from {said} were restored from this device."
                )),
                "{when} {offset}"
            );
            // Said until the reader changes anything or forgets them.
            assert!(status::restored(&set(back.clone(), FieldKey::FirmName, "x")).is_none());
            assert!(status::restored(&back.reduce(Action::SetKeepDraft(false))).is_none());
        }
        assert_eq!(
            status::restored(&State::default()),
            None,
            "an empty start says nothing"
        );
    }

    #[test]
    fn the_draft_keeps_the_time_of_the_last_change() {
        let state = remembered();
        let text = encode_draft(&state, saved());
        // Nothing changed: the draft is left, with its time.
        assert_eq!(device_write(&state, later(), Some(&text)), None);
        assert_eq!(
            device_write(
                &state.clone().reduce(Action::Reveal(FieldKey::FirmName)),
                later(),
                Some(&text)
            ),
            None
        );
        // A change is written at its time.
        let changed = set(state.clone(), FieldKey::FirmName, "Other LLP");
        let Some(DeviceWrite::Write(new)) = device_write(&changed, later(), Some(&text)) else {
            panic!("a change is written");
        };
        assert_eq!(decode_draft(&new, later()).unwrap().saved_at, later());
        // An expired, foreign or older draft is replaced; nothing kept, nothing written.
        let expired = encode_draft(
            &state,
            Timestamp::from_millis(later().millis() - DRAFT_DAYS * DAY),
        );
        let old = text.replacen("v2;", "v1;", 1);
        for stored in [expired.as_str(), "garbage", old.as_str()] {
            assert!(
                matches!(
                    device_write(&state, later(), Some(stored)),
                    Some(DeviceWrite::Write(_))
                ),
                "{stored}"
            );
        }
        let none = State::default();
        assert_eq!(device_write(&none, later(), None), None);
        assert_eq!(
            device_write(&none, later(), Some(&text)),
            Some(DeviceWrite::Remove)
        );
    }
}

mod sent_time {
    use super::*;

    #[test]
    fn the_time_the_request_was_marked_sent_is_kept_and_forgotten_when_withdrawn() {
        let first = at("2026-11-28T15:30:00Z");
        let state = sent(State::default(), first);
        assert_eq!(state.sent_at(), Some(first));
        // Ticked again (a second device event): the first time stays.
        assert_eq!(sent(state.clone(), later()).sent_at(), Some(first));
        let withdrawn = state.reduce(Action::SetSent {
            sent: false,
            at: later(),
        });
        assert_eq!(withdrawn.sent_at(), None);
        assert_eq!(sent(withdrawn, later()).sent_at(), Some(later()));
        assert_eq!(status::sent(true), "Marked as sent.");
        assert_eq!(status::sent(false), "No longer marked as sent.");
        assert_eq!(
            status::keep_draft(true),
            "Your answers will be kept on this device for 30 days."
        );
        assert_eq!(
            status::keep_draft(false),
            "Your answers are no longer kept on this device."
        );
        assert!(status::in_address(true).contains("and it follows your changes"));
    }

    #[test]
    fn the_draft_keeps_the_sent_time_and_older_drafts_still_load() {
        let at_sent = at("2026-11-28T15:30:00Z");
        let state = sent(remembered(), at_sent);
        let back = StoredDraft::read(encode_draft(&state, later()), later()).unwrap();
        assert_eq!(
            back.draft.progress.sent_at,
            Some(saved()),
            "the first time, kept"
        );
        assert_eq!(
            State::default().start(Some(back), None).sent_at(),
            Some(saved())
        );

        // Drafts already on readers' devices, and odd ones.
        let cases: &[(&str, bool, Option<&str>)] = &[
            ("v1;9999999999999;imanage-helper?customer=1764", false, None),
            ("v2;9999999999999;phase=configure&sent=1;imanage-helper?customer=1764", true, None),
            ("v2;9999999999999;phase=prepare&sent=0;imanage-helper?customer=1764", false, None),
            (
                "v2;9999999999999;phase=prepare&sent=1&sent_at=2026-11-28T15:30:00Z;imanage-helper?customer=1764",
                true,
                Some("2026-11-28T15:30:00Z"),
            ),
            (
                "v2;9999999999999;sent_at=2026-11-28T15:30:00Z&sent=1;imanage-helper?customer=1764",
                true,
                Some("2026-11-28T15:30:00Z"),
            ),
            // A time without "sent" is not a sent request; an unreadable time is unknown.
            ("v2;9999999999999;sent=0&sent_at=2026-11-28T15:30:00Z;imanage-helper?customer=1764", false, None),
            ("v2;9999999999999;sent=1&sent_at=yesterday;imanage-helper?customer=1764", true, None),
            ("v2;9999999999999;sent=1&sent_at=;imanage-helper?customer=1764", true, None),
        ];
        for &(text, request_sent, sent_at) in cases {
            let draft = decode_draft(text, saved()).expect(text);
            assert_eq!(draft.prefill.customer_id.as_deref(), Some("1764"), "{text}");
            assert_eq!(draft.progress.request_sent, request_sent, "{text}");
            assert_eq!(draft.progress.sent_at, sent_at.map(at), "{text}");
            let state = State::default().restore_draft(draft);
            assert_eq!(state.progress().request_sent, request_sent, "{text}");
            // A request sent was delivered: its checkbox stays to be unticked and ticked.
            assert_eq!(state.progress().request_delivered, request_sent, "{text}");
            assert_eq!(state.sent_at(), sent_at.map(at), "{text}");
        }
    }

    #[test]
    fn the_sent_time_fills_the_submission_date_in_the_readers_zone() {
        // (the reader's offset, the datetime-local value)
        let cases = [
            (-300, "2026-11-28T10:30"),
            (330, "2026-11-28T21:00"),
            (0, "2026-11-28T15:30"),
            (-600, "2026-11-28T05:30"),
            (600, "2026-11-29T01:30"),
        ];
        for (offset, local) in cases {
            let offered = sent(in_zone(offset), saved());
            let label = status::sent_time_offer(&offered).unwrap();
            let (date, time) = local.split_once('T').unwrap();
            assert!(label.ends_with(&format!(" at {time}")), "{label}");
            assert!(
                label.contains(&date[8..].trim_start_matches('0').to_string()),
                "{label}"
            );
            let state = offered.reduce(Action::UseSentTime);
            assert_eq!(state.answers().submitted_at, local, "{offset}");
            assert!(state.shows(FieldKey::SubmittedAt), "{offset}");
            assert!(state.progress().edited, "{offset}: the reader's choice");
            // The diagnosis reads it back as the same moment.
            let now = Timestamp::from_millis(saved().millis() + DAY);
            let report = analyze(&state.to_request(Some(now)));
            let window = report
                .diagnosis
                .and_then(|d| d.window)
                .expect("a wait window");
            assert_eq!(window.submitted_at, saved(), "{offset}");
        }
        assert_eq!(
            status::sent_time_offer(&sent(in_zone(-300), saved())).as_deref(),
            Some("Use the time you marked the request sent: 28 November 2026 at 10:30")
        );
        // Nothing to use: nothing offered, and unchanged.
        assert_eq!(status::sent_time_offer(&State::default()), None);
        let typed = set(State::default(), FieldKey::SubmittedAt, "2026-11-27");
        assert_eq!(typed.clone().reduce(Action::UseSentTime), typed);
        let withdrawn = sent(typed.clone(), saved()).reduce(Action::SetSent {
            sent: false,
            at: saved(),
        });
        assert_eq!(
            withdrawn
                .clone()
                .reduce(Action::UseSentTime)
                .answers()
                .submitted_at,
            "2026-11-27"
        );
    }
}

mod example_over_answers {
    use super::*;

    /// The reader's own answers, remembered, sent, followed in the address.
    fn mine() -> State {
        sent(
            set(State::default(), FieldKey::CustomerId, "4242")
                .reduce(Action::SetKeepDraft(true))
                .reduce(Action::FollowInAddress),
            saved(),
        )
        .reduce(Action::OpenPhase(Phase::Configure))
    }

    #[test]
    fn the_example_never_overwrites_what_the_device_and_the_address_hold() {
        let mine = mine();
        let on_device = encode_draft(&mine, saved());
        let example = mine.clone().reduce(Action::LoadExample);
        assert_eq!(device_write(&example, later(), Some(&on_device)), None);
        assert_eq!(device_write(&example, later(), None), None);
        assert_eq!(
            address_fragment("#imanage-helper?customer=4242", &example),
            None
        );
    }

    #[test]
    fn undo_of_the_example_brings_back_answers_and_how_far_the_reader_got() {
        let mine = mine();
        let undone = mine
            .clone()
            .reduce(Action::LoadExample)
            .reduce(Action::UndoExample);
        assert_eq!(undone.answers(), mine.answers());
        assert!(undone.progress().request_sent);
        assert_eq!(undone.sent_at(), Some(saved()));
        assert_eq!(undone.progress().open_phase, Phase::Configure);
        assert!(undone.progress().keep_draft);
        assert_eq!(undone.progress().address, AddressMode::Follow);
        assert_eq!(undone.progress().announcement, None);
    }

    #[test]
    fn a_change_makes_the_example_the_readers_and_it_is_written() {
        let mine = mine();
        let on_device = encode_draft(&mine, saved());
        let adopted = set(
            mine.reduce(Action::LoadExample),
            FieldKey::CustomerId,
            "1765",
        );
        assert!(adopted.progress().before_example.is_none());
        assert!(matches!(
            device_write(&adopted, later(), Some(&on_device)),
            Some(DeviceWrite::Write(_))
        ));
    }
}

//! When a field's messages appear: when the reader leaves the field, or pauses typing in
//! it (and never between the press and release of a click elsewhere). The model records it ([`Action::Reveal`]); this hook only watches the events.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::state::Action;

use super::use_instance;

/// How long a pause in typing must last before the field's messages appear.
const PAUSE_MS: u32 = 1_000;

/// The handlers a field wires: `typed` on each input, `left` on blur.
pub struct Reveal {
    pub typed: Callback<()>,
    pub left: Callback<FocusEvent>,
}

#[hook]
pub fn use_reveal(field: FieldKey) -> Reveal {
    let instance = use_instance();
    let dispatch = instance.dispatch;
    let pointer_down = instance.pointer_down;
    // Dropping the timer cancels it: each keystroke restarts the pause.
    let timer = use_mut_ref(|| None::<Timeout>);
    // A pending timer holds the dispatcher and so the component: it is cancelled when the
    // field goes, or it would keep the unmounted widget alive.
    {
        let timer = timer.clone();
        use_effect_with((), move |()| move || drop(timer.borrow_mut().take()));
    }
    let typed = {
        let dispatch = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |()| {
            let dispatch = dispatch.clone();
            *timer.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || {
                dispatch.emit(Action::Reveal(field))
            }));
        })
    };
    let left = Callback::from(move |event: FocusEvent| {
        // Leaving for a button or link with the pointer: a message appearing now would
        // move the control between the press and the release, and the click would be
        // lost. The pause, if the reader typed, reveals the field after the click instead.
        let to_control = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| matches!(element.tag_name().as_str(), "BUTTON" | "A"));
        if to_control && pointer_down.get() {
            return;
        }
        timer.borrow_mut().take();
        dispatch.emit(Action::Reveal(field));
    });
    Reveal { typed, left }
}

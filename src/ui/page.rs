//! The shell's access to the page around the widget: its address, the device's and the
//! tab's storage, the clock, and the next paint. What to write is the model's decision.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::Timestamp;
use crate::widget::codec;
use crate::widget::state::Answers;

/// Runs `then` after the browser has painted the current frame: the next animation
/// frame, then the task after it.
pub(super) fn after_next_paint(then: impl FnOnce() + 'static) {
    // Shared by the two ways in, so that it runs once whichever is taken.
    let then = Rc::new(std::cell::Cell::new(Some(then)));
    let in_next_task = {
        let then = then.clone();
        move || {
            if let Some(then) = then.take() {
                Timeout::new(0, then).forget();
            }
        }
    };
    let requested = web_sys::window().is_some_and(|window| {
        let callback = Closure::once_into_js(in_next_task.clone());
        window
            .request_animation_frame(callback.unchecked_ref())
            .is_ok()
    });
    if !requested {
        in_next_task();
    }
}

/// The device's local storage, when the browser allows it (sandboxed frames may not).
pub(super) fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session's storage (per tab), when the browser allows it.
pub(super) fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// This page's path, which keys what is stored for it.
pub(super) fn page_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The page's address fragment (with its `#`, or empty).
pub(super) fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the page's fragment without a history entry or a reload; an empty one
/// leaves no `#` behind.
pub(super) fn replace_fragment(fragment: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let href = window.location().href().unwrap_or_default();
    let page = href.split_once('#').map_or(href.as_str(), |(page, _)| page);
    let url = if fragment.is_empty() {
        page.to_owned()
    } else {
        format!("{page}#{fragment}")
    };
    replace_address(&url)
}

/// Puts `url` (this page's address, another fragment) in the address bar without a
/// history entry or a reload; false when the browser refused.
pub(super) fn replace_address(url: &str) -> bool {
    web_sys::window().is_some_and(|window| {
        window.history().is_ok_and(|history| {
            history
                .replace_state_with_url(&JsValue::NULL, "", Some(url))
                .is_ok()
        })
    })
}

/// This page's address with the answers in its fragment. The page's own hash route is
/// kept; the answers follow it.
pub(super) fn share_link(answers: &Answers) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let (page, current) = page.split_once('#').unwrap_or((&page, ""));
    format!("{page}#{}", codec::link_fragment(current, answers))
}

pub(super) fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

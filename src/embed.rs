//! The embedding layer: mounts one widget instance on every placeholder element on the page.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::{App, AppProps};

/// The attribute that marks a placeholder: `<div data-imanage-helper></div>`.
pub const PLACEHOLDER_ATTRIBUTE: &str = "data-imanage-helper";
/// Set on a placeholder once mounted, so including the script twice mounts nothing twice.
const MOUNTED_ATTRIBUTE: &str = "data-imanage-helper-mounted";

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

fn next_instance_id() -> String {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("imh{id}")
    })
}

/// Mounts a widget into `element`, replacing its fallback content.
pub fn mount_element(element: Element) {
    let props = AppProps {
        instance: next_instance_id().into(),
        support_email: element
            .get_attribute("data-support-email")
            .unwrap_or_default()
            .into(),
        initial: None,
    };
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    yew::Renderer::<App>::with_root_and_props(element, props).render();
}

/// Mounts every placeholder on the page that is not mounted yet.
pub fn mount_placeholders() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[{PLACEHOLDER_ATTRIBUTE}]:not([{MOUNTED_ATTRIBUTE}])");
    let Ok(nodes) = document.query_selector_all(&selector) else {
        return;
    };
    for index in 0..nodes.length() {
        if let Some(element) = nodes.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount_element(element);
        }
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    mount_placeholders();
}

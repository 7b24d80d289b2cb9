//! The embedding layer: mounts widget instances (each in its own open shadow root, so
//! host styles and widget styles stay apart) and exposes the JS API that
//! `imanage-helper.js` publishes as `window.imanageHelper`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::core::options::{MountOptions, ATTRIBUTES};
use crate::core::{analyze as analyze_request, WIDGET_VERSION};
use crate::ui::{App, AppProps};

pub mod read;

/// The attribute that marks a placeholder: `<div data-imanage-helper></div>`.
pub const PLACEHOLDER_ATTRIBUTE: &str = "data-imanage-helper";
/// Set on a placeholder while a widget is mounted in it, so mounting is idempotent.
const MOUNTED_ATTRIBUTE: &str = "data-imanage-helper-mounted";
/// Marks the message shown in a placeholder when mounting failed.
const ERROR_ATTRIBUTE: &str = "data-imanage-helper-error";

struct Mounted {
    app: AppHandle<App>,
    element: Element,
    shadow: ShadowRoot,
    props: AppProps,
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static STYLESHEET: RefCell<Option<String>> = const { RefCell::new(None) };
    static WARMED_UP: Cell<bool> = const { Cell::new(false) };
}

/// Once per page, when the browser is next idle, analyses an example form that has both
/// clean and faulty addresses. Browsers compile WebAssembly functions on first use; without
/// this the reader's first keystroke would pay for compiling the whole analysis (tens of
/// milliseconds on a slow laptop). The result is dropped: nothing is shown or sent.
fn warm_up_once() {
    if WARMED_UP.with(|warmed| warmed.replace(true)) {
        return;
    }
    let run = || {
        let mut form = crate::core::form::example();
        form.rows.push(crate::core::form::EnvironmentRow {
            id: u32::MAX,
            role: None,
            url: " http://UAT.example.com:443/externalServices/replyFrom/ ".into(),
            version: String::new(),
        });
        let _ = analyze_request(&form.to_request(None));
    };
    let callback = Closure::once_into_js(run);
    let scheduled = web_sys::window()
        .map(|window| {
            window
                .request_idle_callback(callback.unchecked_ref())
                .is_ok()
        })
        .unwrap_or(false);
    if !scheduled {
        // No requestIdleCallback (Safari): soon after the first paint instead.
        gloo::timers::callback::Timeout::new(200, run).forget();
    }
}

/// Where the loader found `widget.css`; each shadow root links to it.
#[wasm_bindgen]
pub fn configure(stylesheet_url: String) {
    STYLESHEET.with(|s| *s.borrow_mut() = Some(stylesheet_url));
}

/// The widget's version.
#[wasm_bindgen]
pub fn version() -> String {
    WIDGET_VERSION.to_owned()
}

/// The prefix of every id in instance `id`, unique on the page.
fn instance_prefix(id: u32) -> String {
    format!("imh{id}")
}

/// A mounted widget: `update(options)` and `unmount()`.
#[wasm_bindgen]
pub struct WidgetHandle {
    id: u32,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The instance's id prefix (unique on the page).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        instance_prefix(self.id)
    }

    /// Applies new options: prefilled values replace the form's, display options change.
    pub fn update(&self, options: JsValue) -> Result<(), JsError> {
        let options = read_options(options, "update")?;
        MOUNTED.with(|mounted| {
            let mut mounted = mounted.borrow_mut();
            let widget = mounted.get_mut(&self.id).ok_or_else(|| {
                JsError::new("imanageHelper: this widget was unmounted; mount it again.")
            })?;
            widget.props.options = Rc::new(options);
            widget.props.revision += 1;
            widget.app.update(widget.props.clone());
            Ok(())
        })
    }

    /// Removes the widget; the placeholder's own content shows again.
    pub fn unmount(&self) {
        let Some(widget) = MOUNTED.with(|m| m.borrow_mut().remove(&self.id)) else {
            return;
        };
        widget.app.destroy();
        clear(&widget.shadow);
        // A slot shows the placeholder's own (fallback) content again.
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(slot) = document.create_element("slot") {
                let _ = widget.shadow.append_child(&slot);
            }
        }
        let _ = widget.element.remove_attribute(MOUNTED_ATTRIBUTE);
    }
}

fn read_options(options: JsValue, call: &str) -> Result<MountOptions, JsError> {
    read::mount_options(&options).map_err(|e| JsError::new(&format!("imanageHelper.{call}: {e}")))
}

fn clear(root: &ShadowRoot) {
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
}

/// Mounts a widget in `element` with `options` (the same keys as the `data-` attributes,
/// in camelCase). Fails with a message naming a bad key.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<WidgetHandle, JsError> {
    let options = read_options(options, "mount")?;
    mount_with(element, options).map_err(|e| JsError::new(&format!("imanageHelper.mount: {e}")))
}

fn mount_with(element: Element, options: MountOptions) -> Result<WidgetHandle, String> {
    if element.has_attribute(MOUNTED_ATTRIBUTE) {
        return Err(
            "a widget is already mounted in this element; use its handle's update() instead."
                .into(),
        );
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("there is no document.")?;
    let shadow = match element.shadow_root() {
        Some(shadow) => {
            clear(&shadow);
            shadow
        }
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                format!(
                    "a <{}> element cannot hold the widget; use a <div>.",
                    element.tag_name().to_lowercase()
                )
            })?,
    };
    if let Some(href) = STYLESHEET.with(|s| s.borrow().clone()) {
        let link = document
            .create_element("link")
            .map_err(|_| "the stylesheet link could not be created.")?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = shadow.append_child(&link);
    }
    let root = document
        .create_element("div")
        .map_err(|_| "the widget's root could not be created.")?;
    let _ = root.set_attribute("class", "imh-root");
    shadow
        .append_child(&root)
        .map_err(|_| "the widget's root could not be attached.")?;
    for old in element
        .query_selector_all(&format!("[{ERROR_ATTRIBUTE}]"))
        .into_iter()
        .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)))
    {
        if let Some(parent) = old.parent_node() {
            let _ = parent.remove_child(&old);
        }
    }

    let id = NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let prefix = instance_prefix(id);
    // Drafts are per placeholder: by its id when it has one, else by its order.
    let draft_name = match element.id() {
        id if !id.is_empty() => id,
        _ => prefix.clone(),
    };
    let props = AppProps {
        instance: prefix.into(),
        options: Rc::new(options),
        revision: 0,
        initial: None,
        draft_key: format!("imanage-helper:draft:{draft_name}").into(),
        staggered: true,
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props.clone()).render();
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    warm_up_once();
    MOUNTED.with(|m| {
        m.borrow_mut().insert(
            id,
            Mounted {
                app,
                element,
                shadow,
                props,
            },
        );
    });
    Ok(WidgetHandle { id })
}

/// Shows why a placeholder could not be mounted, next to its fallback content.
fn show_error(element: &Element, message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(note) = document.create_element("p") {
        let _ = note.set_attribute(ERROR_ATTRIBUTE, "");
        let _ = note.set_attribute("role", "note");
        note.set_text_content(Some(&format!(
            "The interactive checker could not start here: {message}"
        )));
        let _ = element.append_child(&note);
    }
}

/// Mounts every placeholder on the page that has no widget yet; returns how many were
/// mounted. A placeholder with bad attributes shows why, and keeps its fallback.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let selector = format!("[{PLACEHOLDER_ATTRIBUTE}]:not([{MOUNTED_ATTRIBUTE}])");
    let Ok(nodes) = document.query_selector_all(&selector) else {
        return 0;
    };
    let mut count = 0;
    for index in 0..nodes.length() {
        let Some(element) = nodes.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if matches!(
            element.query_selector(&format!("[{ERROR_ATTRIBUTE}]")),
            Ok(Some(_))
        ) {
            continue;
        }
        match mount_from_attributes(&element) {
            // The widget stays registered in MOUNTED; the page keeps no handle for it.
            Ok(_) => count += 1,
            Err(message) => show_error(&element, &message),
        }
    }
    count
}

/// Mounts a widget configured by `element`'s own `data-` attributes (a placeholder, or
/// the `<imanage-helper>` custom element).
fn mount_from_attributes(element: &Element) -> Result<WidgetHandle, String> {
    let attributes = ATTRIBUTES
        .iter()
        .filter_map(|(name, _)| element.get_attribute(name).map(|value| (*name, value)));
    MountOptions::from_attributes(attributes)
        .and_then(|options| mount_with(element.clone(), options))
}

/// Mounts one placeholder or `<imanage-helper>` element from its attributes; the handle's
/// `unmount()` removes it again. A bad attribute is shown in the element, as `mountAll`
/// does, and also returned as the error.
#[wasm_bindgen(js_name = mountPlaceholder)]
pub fn mount_placeholder(element: Element) -> Result<WidgetHandle, JsError> {
    mount_from_attributes(&element).map_err(|message| {
        show_error(&element, &message);
        JsError::new(&format!("imanageHelper.mountPlaceholder: {message}"))
    })
}

/// Analyses a request (the command-line tool's JSON shape) and returns the report.
#[wasm_bindgen]
pub fn analyze(request: JsValue) -> Result<JsValue, JsError> {
    let request = read::analysis_request(&request)
        .map_err(|e| JsError::new(&format!("imanageHelper.analyze: {e}")))?;
    let report = analyze_request(&request);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer)
        .map_err(|e| JsError::new(&format!("imanageHelper.analyze: {e}")))
}

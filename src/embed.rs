//! The embedding layer: mounts widget instances (each in its own open shadow root, so
//! host styles and widget styles stay apart) and exposes the JS API that
//! `imanage-helper.js` publishes as `window.imanageHelper`.
//!
//! Every exported function takes `JsValue`s and checks them before use, and every JS call
//! that a caller's value could make throw is imported with `catch`: an exception must
//! never unwind through WebAssembly frames (see `read`). Errors are returned, and thrown
//! by the generated glue after the call has left WebAssembly.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::core::{analyze as analyze_request, WIDGET_VERSION};
use crate::ui::AppProps;
use crate::widget::options::{MountOptions, ATTRIBUTES};

pub mod read;
mod slot;

use slot::Host;

/// The attribute that marks a placeholder: `<div data-imanage-helper></div>`.
pub const PLACEHOLDER_ATTRIBUTE: &str = "data-imanage-helper";
/// Set on a placeholder while a widget is mounted in it, so mounting is idempotent.
const MOUNTED_ATTRIBUTE: &str = "data-imanage-helper-mounted";
/// Marks the message shown in a placeholder when mounting failed.
const ERROR_ATTRIBUTE: &str = "data-imanage-helper-error";

struct Mounted {
    id: u32,
    host: Host,
    element: Element,
    shadow: ShadowRoot,
    props: AppProps,
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    /// The mounted widgets (a page has a handful; a list needs no hashing code).
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static WARMED_UP: Cell<bool> = const { Cell::new(false) };
    /// The handles' `update` and `unmount`, made once; each handle binds its instance.
    static HANDLE_METHODS: (Callable, Callable) = (
        Closure::<dyn Fn(JsValue, JsValue) -> Result<(), JsError>>::new(update_widget)
            .into_js_value()
            .unchecked_into(),
        Closure::<dyn Fn(JsValue)>::new(unmount_widget)
            .into_js_value()
            .unchecked_into(),
    );
    /// Watches the document while widgets are mounted, to unmount any whose element left.
    static REMOVAL_OBSERVER: RefCell<Option<web_sys::MutationObserver>> =
        const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// Any value a page passed in.
    type Argument;
    /// `Element.prototype.hasAttribute.call(value, name)`: it throws (caught here) for
    /// anything that is not a real element, such as a Proxy or a look-alike object.
    #[wasm_bindgen(catch, final, method, js_class = "Element", js_name = hasAttribute)]
    fn checked_has_attribute(this: &Argument, name: &str) -> Result<bool, JsValue>;
    /// A function made here.
    type Callable;
    #[wasm_bindgen(method, js_class = "Function", js_name = bind)]
    fn bind_first(this: &Callable, context: &JsValue, first: &JsValue) -> JsValue;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = fromEntries)]
    fn object_from_entries(entries: &js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = freeze)]
    fn freeze(object: &JsValue);
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
        let mut answers = crate::widget::state::Answers::example();
        answers.rows.push(crate::widget::state::EnvironmentRow {
            id: u32::MAX,
            role: None,
            url: " http://UAT.example.com:443/externalServices/replyFrom/ ".into(),
            version: String::new(),
        });
        let _ = analyze_request(&answers.to_request(&Default::default(), None));
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

/// The widget's version.
#[wasm_bindgen]
pub fn version() -> String {
    WIDGET_VERSION.to_owned()
}

/// The prefix of every id in instance `id`, unique on the page.
fn instance_prefix(id: u32) -> String {
    format!("imh{id}")
}

/// A mounted widget as the page sees it: a frozen plain object `{ id, update(options),
/// unmount() }`. Its methods are bound to the instance's number, so they work whatever
/// `this` they are called with, and after `unmount()` they report that plainly.
fn handle(id: u32) -> Result<JsValue, String> {
    let number = JsValue::from(id);
    let entries = HANDLE_METHODS.with(|(update, unmount)| {
        js_sys::Array::of3(
            &js_sys::Array::of2(&"id".into(), &instance_prefix(id).into()),
            &js_sys::Array::of2(
                &"update".into(),
                &update.bind_first(&JsValue::NULL, &number),
            ),
            &js_sys::Array::of2(
                &"unmount".into(),
                &unmount.bind_first(&JsValue::NULL, &number),
            ),
        )
    });
    let handle = object_from_entries(&entries).map_err(|_| "the handle could not be made.")?;
    freeze(&handle);
    Ok(handle)
}

/// `handle.update(options)`: the prefilled values given replace the form's, the display
/// options given change; whatever it does not name stays as it was.
fn update_widget(id: JsValue, options: JsValue) -> Result<(), JsError> {
    let options = read_options(&options, "update")?;
    let id = id.as_f64().unwrap_or(0.0) as u32;
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let widget = mounted.iter_mut().find(|w| w.id == id).ok_or_else(|| {
            JsError::new("imanageHelper.update: this widget was unmounted; mount it again.")
        })?;
        // The widget starts (or restarts) from everything the page has said; the newest
        // update's own values are applied to the form once (the revision), keeping the
        // reader's other answers.
        widget.props.options = Rc::new(widget.props.options.merged_with(&options));
        widget.props.update = Rc::new(options);
        widget.props.revision += 1;
        widget.host.show(widget.props.clone());
        Ok(())
    })
}

/// `handle.unmount()`: removes the widget; the placeholder's own content shows again.
/// Unmounting twice does nothing.
fn unmount_widget(id: JsValue) {
    unmount_instance(id.as_f64().unwrap_or(0.0) as u32);
}

fn unmount_instance(id: u32) {
    let Some(widget) = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let index = mounted.iter().position(|w| w.id == id)?;
        Some(mounted.swap_remove(index))
    }) else {
        return;
    };
    widget.host.release();
    clear(&widget.shadow);
    // A slot shows the placeholder's own (fallback) content again.
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(slot) = document.create_element("slot") {
            let _ = widget.shadow.append_child(&slot);
        }
    }
    let _ = widget.element.remove_attribute(MOUNTED_ATTRIBUTE);
    if MOUNTED.with(|m| m.borrow().is_empty()) {
        if let Some(observer) = REMOVAL_OBSERVER.with(|o| o.borrow_mut().take()) {
            observer.disconnect();
        }
    }
}

/// Unmounts every widget whose element is no longer in the document (a page that removed
/// it without `unmount()`), so nothing keeps its nodes and memory alive.
fn unmount_removed() {
    let removed: Vec<u32> = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .filter(|widget| !widget.element.is_connected())
            .map(|widget| widget.id)
            .collect()
    });
    for id in removed {
        unmount_instance(id);
    }
}

/// Starts watching the document for removed widgets (once, while any is mounted). A
/// widget inside another shadow root is not seen by this observer; it is unmounted on
/// the next `mount` or `mountAll` instead.
fn watch_for_removal(document: &web_sys::Document) {
    if REMOVAL_OBSERVER.with(|o| o.borrow().is_some()) {
        return;
    }
    let callback = Closure::<dyn Fn()>::new(unmount_removed).into_js_value();
    let Ok(observer) = web_sys::MutationObserver::new(callback.unchecked_ref()) else {
        return;
    };
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    if observer.observe_with_options(document, &init).is_ok() {
        REMOVAL_OBSERVER.with(|o| *o.borrow_mut() = Some(observer));
    }
}

fn read_options(options: &JsValue, call: &str) -> Result<MountOptions, JsError> {
    read::mount_options(options).map_err(|e| JsError::new(&format!("imanageHelper.{call}: {e}")))
}

fn clear(root: &ShadowRoot) {
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
}

/// The `element` argument as a real element of this page, or the message saying what it
/// is instead.
fn element_argument(value: &JsValue) -> Result<Element, String> {
    let genuine = value.is_object()
        && value
            .unchecked_ref::<Argument>()
            .checked_has_attribute(MOUNTED_ATTRIBUTE)
            .is_ok();
    match genuine {
        true => Ok(value.clone().unchecked_into()),
        false if value.is_null() => Err("element must be an element of this page, not null (did document.querySelector find nothing?).".into()),
        false if value.is_string() => Err("element must be an element of this page, not a string (pass document.querySelector(…), not the selector).".into()),
        false => Err(format!(
            "element must be an element of this page, such as document.getElementById(…), not {}.",
            read::kind(value)
        )),
    }
}

/// Mounts a widget in `element` with `options` (the same keys as the `data-` attributes,
/// in camelCase) and returns its handle. Fails with a message naming a bad argument or key.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let error = |e: String| JsError::new(&format!("imanageHelper.mount: {e}"));
    let element = element_argument(&element).map_err(error)?;
    let options = read_options(&options, "mount")?;
    unmount_removed();
    mount_with(element, options).and_then(handle).map_err(error)
}

fn mount_with(element: Element, options: MountOptions) -> Result<u32, String> {
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
                    element.tag_name().to_ascii_lowercase()
                )
            })?,
    };
    let mut host = Host::take(&document)?;
    if shadow.append_child(&host.root).is_err() {
        host.release();
        return Err("the widget's root could not be attached.".into());
    }
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
        update: Rc::default(),
        initial: None,
        draft_key: format!("imanage-helper:draft:{draft_name}").into(),
        staggered: true,
    };
    host.show(props.clone());
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    warm_up_once();
    watch_for_removal(&document);
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            id,
            host,
            element,
            shadow,
            props,
        });
    });
    Ok(id)
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
    unmount_removed();
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
fn mount_from_attributes(element: &Element) -> Result<u32, String> {
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
pub fn mount_placeholder(element: JsValue) -> Result<JsValue, JsError> {
    let error = |e: String| JsError::new(&format!("imanageHelper.mountPlaceholder: {e}"));
    let element = element_argument(&element).map_err(error)?;
    unmount_removed();
    mount_from_attributes(&element)
        .inspect_err(|message| show_error(&element, message))
        .and_then(handle)
        .map_err(error)
}

/// Analyses a request (the command-line tool's JSON shape) and returns the report.
#[wasm_bindgen]
pub fn analyze(request: JsValue) -> Result<JsValue, JsError> {
    let request = read::analysis_request(&request)
        .map_err(|e| JsError::new(&format!("imanageHelper.analyze: {e}")))?;
    let report = analyze_request(&request);
    // Written as JSON and parsed by the browser: the same plain object, for far less
    // download than building it field by field from here.
    let failed = |e: &dyn std::fmt::Display| JsError::new(&format!("imanageHelper.analyze: {e}"));
    let json = crate::core::json::to_string(&report).map_err(|e| failed(&e))?;
    js_sys::JSON::parse(&json).map_err(|_| failed(&"the report could not be read as JSON"))
}

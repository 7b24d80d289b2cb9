//! Browser tests: the widget mounted in headless Chromium, driven through real DOM events.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use imanage_connect::ui::{App, AppProps};
use imanage_connect::widget::state::{Action, State};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The state after "Try an example".
fn example() -> State {
    State::default().reduce(Action::LoadExample)
}

/// A freshly mounted widget in its own host element.
struct Widget {
    root: Element,
}

async fn mount() -> Widget {
    mount_with(None).await
}

async fn mount_with(initial: Option<State>) -> Widget {
    mount_props(AppProps {
        initial: initial.map(Rc::new),
        ..AppProps::default()
    })
    .await
}

async fn mount_props(props: AppProps) -> Widget {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    thread_local!(static N: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = N.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let props = AppProps {
        instance: format!("t{n}").into(),
        ..props
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    Widget { root: host }
}

/// Resolves after the browser has run pending tasks (promises, timers of 0 ms).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

impl Widget {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    /// The control whose `<label>` reads `label` (hidden parts included).
    fn field(&self, label: &str) -> Element {
        let label_element = self
            .all("label")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no label {label:?}"));
        let id = label_element.get_attribute("for").unwrap();
        self.one(&format!("#{id}"))
    }

    /// The button or link whose text (hidden parts included) reads `name`.
    fn button(&self, name: &str) -> HtmlElement {
        self.all("button, a")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == name)
            .unwrap_or_else(|| panic!("no button {name:?} among {:?}", self.texts("button")))
            .dyn_into()
            .unwrap()
    }

    /// Types `text` into the field and leaves it (its messages then show).
    async fn type_into(&self, label: &str, text: &str) {
        self.type_only(label, text).await;
        self.leave(label).await;
    }

    /// Types `text` into the field and stays in it.
    async fn type_only(&self, label: &str, text: &str) {
        let input: HtmlInputElement = self.field(label).dyn_into().unwrap();
        input.set_value(text);
        dispatch(&input, "input");
        yew::scheduler::flush().await;
    }

    async fn leave(&self, label: &str) {
        dispatch(&self.field(label), "blur");
        yew::scheduler::flush().await;
    }

    async fn choose(&self, label: &str, value: &str) {
        let select: HtmlSelectElement = self.field(label).dyn_into().unwrap();
        select.set_value(value);
        dispatch(&select, "change");
        yew::scheduler::flush().await;
    }

    /// Opens a phase of the journey from the task list.
    async fn open_phase(&self, name: &str) {
        self.one(&format!("[data-testid=task-{name}]"))
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        yew::scheduler::flush().await;
    }

    async fn click(&self, name: &str) {
        self.button(name).click();
        yew::scheduler::flush().await;
    }

    /// Waits (without a fixed sleep) until `check` holds, or fails after many turns.
    async fn until(&self, what: &str, check: impl Fn(&Widget) -> bool) {
        for _ in 0..200 {
            yew::scheduler::flush().await;
            if check(self) {
                return;
            }
            next_task().await;
        }
        panic!("timed out waiting for {what}");
    }

    fn value(&self, label: &str) -> String {
        self.field(label)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
    }

    fn status(&self) -> String {
        self.text("[role=status]").trim().to_owned()
    }
}

fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Runs a small script in the page (test set-up only: stubbing the clipboard, pasting).
fn js(args: &str, body: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(args, body)
}

fn stub_clipboard(accept: bool) {
    js(
        "accept",
        "window.__copied = null;
         Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
           writeText: (text) => accept
             ? (window.__copied = text, Promise.resolve())
             : Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });",
    )
    .call1(&JsValue::NULL, &JsValue::from_bool(accept))
    .unwrap();
}

fn copied() -> Option<String> {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__copied".into())
        .ok()?
        .as_string()
}

fn active_element() -> Option<Element> {
    gloo::utils::document().active_element()
}

const URI: &str = "https://acme.example.com/externalServices/replyFrom";

#[wasm_bindgen_test]
async fn a_staggered_widget_shows_step_1_first_then_every_step() {
    let widget = mount_props(AppProps {
        staggered: true,
        ..AppProps::default()
    })
    .await;
    let steps = |w: &Widget| w.texts(".imh-step-title").len();
    // Before the first paint: the title and the environments only, and the widget says it
    // is busy.
    assert_eq!(
        widget
            .one("[data-testid=widget]")
            .get_attribute("aria-busy"),
        Some("true".into())
    );
    assert_eq!(
        widget.texts("h4.imh-step-title"),
        ["Your Clio Operate environments"]
    );
    // Typing works at once.
    widget
        .type_into("Address of environment 1", "https://acme.example.com")
        .await;
    assert_eq!(
        widget.text("[data-testid=redirect-uri]"),
        "https://acme.example.com/externalServices/replyFrom"
    );
    widget
        .until("every step", |w| {
            !w.one("[data-testid=widget]").has_attribute("aria-busy") && steps(w) > 5
        })
        .await;
    // The first phase: environments, iManage, version, request, what happens next.
    assert_eq!(widget.texts("h4.imh-step-title").len(), 5);
    // The later steps start from what was typed meanwhile.
    assert!(widget
        .text("[data-testid=preview]")
        .contains("https://acme.example.com/externalServices/replyFrom"));
}

#[wasm_bindgen_test]
async fn typing_an_address_shows_its_redirect_uri_and_findings() {
    let widget = mount().await;
    assert!(widget.texts("[data-testid=redirect-uri]").is_empty());
    widget
        .type_into(
            "Address of environment 1",
            "http://ACME.example.com/admin/oauth",
        )
        .await;
    assert_eq!(widget.texts("[data-testid=redirect-uri]"), [URI]);
    let codes: Vec<String> = widget
        .all("[data-code]")
        .iter()
        .filter_map(|e| e.get_attribute("data-code"))
        .collect();
    assert!(codes.contains(&"http-upgraded".to_owned()), "{codes:?}");
    assert!(codes.contains(&"path-dropped".to_owned()), "{codes:?}");
    // The typed text is kept as typed.
    assert_eq!(
        widget.value("Address of environment 1"),
        "http://ACME.example.com/admin/oauth"
    );
    let input = widget.field("Address of environment 1");
    assert_eq!(
        input.get_attribute("aria-invalid"),
        None,
        "warnings are not errors"
    );
    assert!(input.get_attribute("aria-describedby").is_some());
}

#[wasm_bindgen_test]
async fn an_error_marks_the_field_invalid_and_gives_no_uri() {
    let widget = mount().await;
    widget
        .type_into("Address of environment 1", "https://jane@acme.example.com")
        .await;
    assert!(widget.texts("[data-testid=redirect-uri]").is_empty());
    assert_eq!(
        widget
            .field("Address of environment 1")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(widget.text(".imh-finding-error").starts_with("Error:"));
}

#[wasm_bindgen_test]
async fn pasting_a_list_makes_one_row_per_environment() {
    let widget = mount().await;
    let input = widget.field("Address of environment 1");
    js(
        "input",
        "const data = new DataTransfer();
         data.setData('text', 'https://acme.example.com\\nhttps://acme-uat.example.com; https://acme-train.example.com');
         input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
    )
    .call1(&JsValue::NULL, &input)
    .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(widget.all("[data-testid=environment-row]").len(), 3);
    assert_eq!(
        widget.texts("[data-testid=redirect-uri]"),
        [
            "https://acme.example.com/externalServices/replyFrom",
            "https://acme-uat.example.com/externalServices/replyFrom",
            "https://acme-train.example.com/externalServices/replyFrom",
        ]
    );
    let roles: Vec<String> = widget
        .all("[data-testid=role]")
        .into_iter()
        .map(|s| s.dyn_into::<HtmlSelectElement>().unwrap().value())
        .collect();
    assert_eq!(roles, ["production", "uat", "training"]);
    assert!(
        widget.status().starts_with("3 environments added"),
        "{}",
        widget.status()
    );
}

#[wasm_bindgen_test]
async fn a_one_click_fix_rewrites_the_address() {
    let widget = mount().await;
    widget
        .type_into("Address of environment 1", "http://acme.example.com")
        .await;
    widget
        .click("Use https for environment 1 (Production)")
        .await;
    assert_eq!(
        widget.value("Address of environment 1"),
        "https://acme.example.com"
    );
    assert!(widget.all("[data-code=http-upgraded]").is_empty());
    assert_eq!(
        active_element(),
        Some(widget.field("Address of environment 1")),
        "focus stays on the fixed field, not on <body>"
    );
}

#[wasm_bindgen_test]
async fn rows_can_be_added_named_and_removed() {
    let widget = mount().await;
    widget
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    widget.click("Add environment").await;
    assert_eq!(
        active_element(),
        Some(widget.field("Address of environment 2")),
        "the new row takes focus"
    );
    widget
        .type_into("Address of environment 2", "acme-staging.example.com")
        .await;
    widget.choose("Role of environment 2", "other").await;
    widget.type_into("Name of environment 2", "Staging").await;
    assert_eq!(widget.all("[data-testid=redirect-uri]").len(), 2);
    widget.click("Remove environment 1 (Production)").await;
    assert_eq!(widget.all("[data-testid=environment-row]").len(), 1);
    assert_eq!(
        widget.value("Address of environment 1"),
        "acme-staging.example.com"
    );
    assert_eq!(widget.status(), "Removed environment 1 (Production).");
    assert!(widget.all("[data-code=no-production]").len() == 1);
    assert_eq!(
        active_element(),
        Some(widget.field("Address of environment 1")),
        "focus moves to the row that followed"
    );
    widget.click("Add environment").await;
    widget
        .type_into("Address of environment 2", "acme-uat.example.com")
        .await;
    widget.click("Remove environment 2 (UAT)").await;
    assert_eq!(
        active_element(),
        Some(widget.one("[data-testid=add-environment]")),
        "after the last row, focus moves to Add environment"
    );
}

#[wasm_bindgen_test]
async fn the_path_switches_at_7_11_0() {
    let widget = mount().await;
    assert!(widget
        .text("[data-testid=decision]")
        .starts_with("Enter your Clio Operate version"));
    widget.type_into("Clio Operate version", "7.10").await;
    assert_eq!(
        widget.text("[data-testid=decision]"),
        "7.10 \u{2192} 7.10.0 is below 7.11.0 \u{2192} Hosted iManage workaround"
    );
    widget
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    // What to configure is its own phase.
    assert!(widget.all("[data-testid=path-card]").is_empty());
    widget.open_phase("configure").await;
    let card = widget.text("[data-testid=path-card]");
    assert!(card.contains("Hosted iManage"), "{card}");
    assert!(card.contains("Client Secret"), "{card}");
    assert!(card.contains(URI), "{card}");
    widget.open_phase("prepare").await;
    widget.type_into("Clio Operate version", "7.11.0").await;
    assert_eq!(
        widget.text("[data-testid=decision]"),
        "7.11.0 is 7.11.0 or above \u{2192} Standard configuration"
    );
    widget.open_phase("configure").await;
    let card = widget.text("[data-testid=path-card]");
    assert!(!card.contains("Provided by Clio Operate Support"), "{card}");
    assert!(!card.contains("Hosted iManage"), "{card}");
    assert!(card.contains("Sharedo Production"), "{card}");
    widget.open_phase("prepare").await;
    widget
        .type_into("Clio Operate version", "7.11.0-beta")
        .await;
    assert!(widget
        .text("[data-testid=decision]")
        .ends_with("Hosted iManage workaround"));
}

#[wasm_bindgen_test]
async fn asking_for_the_request_with_errors_shows_the_summary_and_focuses_it() {
    let widget = mount().await;
    stub_clipboard(true);
    widget
        .type_into("Address of environment 1", "jane@acme.example.com")
        .await;
    widget.click("Copy the request").await;
    let summary = widget.one("[data-testid=error-summary]");
    assert!(summary
        .text_content()
        .unwrap()
        .contains("There is a problem"));
    assert_eq!(
        active_element(),
        Some(summary.clone()),
        "focus moves to the summary"
    );
    let links = widget.texts("[data-testid=error-summary] a");
    assert!(
        links.iter().any(|l| l.starts_with("Environment 1:")),
        "{links:?}"
    );
    assert!(
        links.contains(&"Enter your iManage Customer ID.".to_owned()),
        "{links:?}"
    );
    assert_eq!(copied(), None, "nothing is copied while errors remain");
    // Each link moves focus to its field.
    widget.button("Enter your iManage Customer ID.").click();
    assert_eq!(active_element(), Some(widget.field("iManage Customer ID")));
    // Every summary item is also at its field: the empty Customer ID included.
    let customer = widget.field("iManage Customer ID");
    assert_eq!(
        customer.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described = customer.get_attribute("aria-describedby").unwrap();
    let messages = described
        .split(' ')
        .map(|id| widget.text(&format!("#{id}")))
        .collect::<String>();
    assert!(
        messages.contains("Error: Enter your iManage Customer ID."),
        "{messages}"
    );
    // Fixing everything removes the summary.
    widget
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    widget.type_into("iManage Customer ID", "1764").await;
    assert!(widget.all("[data-testid=error-summary]").is_empty());
}

#[wasm_bindgen_test]
async fn copying_a_redirect_uri_keeps_focus_and_announces_it() {
    let widget = mount().await;
    stub_clipboard(true);
    widget
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    let button = widget.button("Copy redirect URI for Production");
    button.focus().unwrap();
    button.click();
    widget
        .until("the copy to finish", |w| {
            w.status() == "Redirect URI for Production copied."
        })
        .await;
    assert_eq!(copied().as_deref(), Some(URI));
    assert_eq!(active_element(), Some(button.into()));
    // The shown URI may break only after / . and - (never inside "externalServices").
    assert_eq!(widget.text("[data-testid=redirect-uri]"), URI);
    let breaks = widget.all("[data-testid=redirect-uri] wbr").len();
    assert_eq!(breaks, URI.matches(['/', '.', '-']).count() + 1);
    // Confirmed for the eyes too, beside the button that copied.
    assert_eq!(
        widget.texts("[data-testid=copy-confirmation]"),
        ["Redirect URI copied"]
    );
}

/// A widget with one address whose `button` was clicked while the clipboard refuses,
/// and the fallback's text area once it shows.
async fn refused_copy(button: &str) -> (Widget, web_sys::HtmlTextAreaElement) {
    let widget = mount().await;
    stub_clipboard(false);
    widget
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    widget.button(button).click();
    widget
        .until("the fallback", |w| {
            !w.all("[data-testid=copy-fallback]").is_empty()
        })
        .await;
    let area = widget
        .one("[data-testid=copy-fallback] textarea")
        .dyn_into()
        .unwrap();
    (widget, area)
}

#[wasm_bindgen_test]
async fn copying_falls_back_to_select_and_copy_when_refused() {
    let (widget, area) = refused_copy("Copy all redirect URIs").await;
    assert_eq!(area.value(), URI);
    assert_eq!(
        active_element(),
        Some(area.clone().into()),
        "the text takes focus"
    );
    assert_eq!(area.selection_start().unwrap(), Some(0));
    assert_eq!(area.selection_end().unwrap(), Some(URI.len() as u32));
    assert!(
        widget.status().starts_with("Copying is blocked here"),
        "{}",
        widget.status()
    );
    assert!(
        widget.all("[data-testid=copy-confirmation]").is_empty(),
        "a refused copy is not confirmed"
    );
}

#[wasm_bindgen_test]
async fn the_share_link_is_made_when_copied_and_shown_when_copying_is_refused() {
    let (_, area) = refused_copy("Copy link to these answers").await;
    let link = area.value();
    // The page's own fragment (here the test runner's) is kept; the answers follow it.
    let page = web_sys::window().unwrap().location().href().unwrap();
    let expected = match page.split_once('#') {
        Some((page, own)) if !own.is_empty() => format!("{page}#{own}&imanage-helper?"),
        Some((page, _)) => format!("{page}#imanage-helper?"),
        None => format!("{page}#imanage-helper?"),
    };
    assert!(link.starts_with(&expected), "{link}");
    assert!(link.contains("acme.example.com"), "{link}");
}

#[wasm_bindgen_test]
async fn a_complete_request_is_copied_exactly() {
    fix_clock("2026-11-28T10:30:00Z");
    let widget = mount_with(Some(example())).await;
    stub_clipboard(true);
    // The clock moves on before the copy: the copied text and the preview keep the time
    // the text was written, even after the form records the delivery.
    fix_clock("2026-11-28T10:31:07Z");
    widget.click("Copy the request").await;
    widget
        .until("the request to be copied", |_| copied().is_some())
        .await;
    let text = copied().unwrap();
    assert!(
        text.starts_with("Subject: iManage Cloud registration request \u{2013} Customer ID 1764\n"),
        "{text}"
    );
    assert!(text
        .lines()
        .any(|l| l == "https://acme-uat.clio-operate.example/externalServices/replyFrom"));
    assert!(
        text.contains("Z, that is 28 November 2026 at 10:30 ("),
        "{text}"
    );
    assert!(widget.all("[data-testid=error-summary]").is_empty());
    // Copying is not sending: the reader is still to send it, until they say so.
    let current = |w: &Widget| w.one("[aria-current=step]").text_content().unwrap();
    let statuses = |w: &Widget| w.texts("[data-testid=process-status]");
    widget
        .until("the confirmation to be offered", |w| {
            !w.all("[data-testid=sent]").is_empty()
        })
        .await;
    assert!(current(&widget).starts_with("Send the registration request"));
    assert_eq!(
        statuses(&widget),
        [
            "Done",
            "To do now",
            "Not yet",
            "Not yet",
            "Not yet",
            "Not yet",
            "Not yet"
        ]
    );
    widget
        .check("I have sent the request to Clio Operate Support")
        .await;
    assert!(current(&widget).starts_with("Support asks iManage"));
    // Support's and iManage's steps are never marked done by the widget.
    assert_eq!(
        statuses(&widget),
        ["Done", "Done", "Waiting", "Not yet", "Not yet", "Not yet", "Not yet"]
    );
    assert_eq!(widget.text("[data-testid=preview]"), text);
    restore_clock();
}

#[wasm_bindgen_test]
async fn try_an_example_and_start_again() {
    let widget = mount().await;
    widget.click("Try an example").await;
    assert_eq!(widget.all("[data-testid=redirect-uri]").len(), 3);
    assert_eq!(widget.value("iManage Customer ID"), "1764");
    widget.click("Start again").await;
    assert_eq!(widget.all("[data-testid=redirect-uri]").len(), 0);
    assert_eq!(widget.value("iManage Customer ID"), "");
    assert_eq!(widget.value("iManage URL"), "https://cloudimanage.com");
    assert_eq!(
        widget.status(),
        "Everything was cleared. Choose Undo to bring it all back."
    );
    widget.click("Undo: bring back my answers").await;
    assert_eq!(widget.value("iManage Customer ID"), "1764");
    assert_eq!(widget.all("[data-testid=redirect-uri]").len(), 3);
    assert_eq!(widget.status(), "Your answers are back.");
}

#[wasm_bindgen_test]
async fn two_instances_share_no_ids() {
    let first = mount().await;
    let second = mount().await;
    let ids = |w: &Widget| -> Vec<String> { w.all("[id]").iter().map(|e| e.id()).collect() };
    let (a, b) = (ids(&first), ids(&second));
    assert!(!a.is_empty());
    assert!(a.iter().all(|id| !b.contains(id)), "shared ids");
    first
        .type_into("Address of environment 1", "acme.example.com")
        .await;
    assert_eq!(
        second.all("[data-testid=redirect-uri]").len(),
        0,
        "no shared state"
    );
}

/// Fixes `Date.now()` for the widget's clock (restored by `restore_clock`).
fn fix_clock(iso: &str) {
    js(
        "iso",
        "window.__realNow = window.__realNow || Date.now; const t = Date.parse(iso); Date.now = () => t;",
    )
    .call1(&JsValue::NULL, &JsValue::from_str(iso))
    .unwrap();
}

fn restore_clock() {
    js("", "if (window.__realNow) { Date.now = window.__realNow; }")
        .call0(&JsValue::NULL)
        .unwrap();
}

impl Widget {
    async fn type_into_area(&self, label: &str, text: &str) {
        let area: web_sys::HtmlTextAreaElement = self.field(label).dyn_into().unwrap();
        area.set_value(text);
        dispatch(&area, "input");
        dispatch(&area, "blur");
        yew::scheduler::flush().await;
    }

    async fn check(&self, label: &str) {
        let input: HtmlInputElement = self.field(label).dyn_into().unwrap();
        input.set_checked(true);
        dispatch(&input, "change");
        yew::scheduler::flush().await;
    }
}

#[wasm_bindgen_test]
async fn diagnosing_a_near_miss_and_the_wrong_connection() {
    let widget = mount_with(Some(example())).await;
    widget.open_phase("troubleshoot").await;
    assert!(
        widget.all("[data-testid=verdict]").is_empty(),
        "no verdict before anything is entered"
    );
    widget
        .type_into_area(
            "Redirect URIs iManage confirmed",
            "Hello,\nWe registered:\n\u{2022} https://acme.clio-operate.example/externalServices/replyFrom/\n\u{2022} <https://acme-uat.clio-operate.example/externalServices/replyFrom>\nRegards",
        )
        .await;
    let verdict = widget.text("[data-testid=verdict]");
    assert!(
        verdict.starts_with("Most likely cause: A registered redirect URI does not exactly match"),
        "{verdict}"
    );
    assert!(verdict.contains("ends with a slash"), "{verdict}");
    let checks = widget.texts("[data-testid=diagnosis-environments] li");
    assert!(
        checks[0].contains("Registered with a difference"),
        "{checks:?}"
    );
    assert!(checks[1].contains("Registered exactly"), "{checks:?}");
    assert!(
        checks[2].contains("Not in the confirmed list"),
        "{checks:?}"
    );
    let follow_up = widget.text("[data-testid=follow-up-preview]");
    assert!(
        follow_up
            .lines()
            .any(|l| l == "https://acme.clio-operate.example/externalServices/replyFrom"),
        "{follow_up}"
    );

    widget.check("Sharedo Test").await;
    let verdict = widget.text("[data-testid=verdict]");
    assert!(
        verdict.starts_with("Most likely cause: The connection setting is Sharedo Test"),
        "{verdict}"
    );
    assert!(verdict.contains("Also check"), "{verdict}");
}

const SUBMITTED: &str = "When Clio Operate Support submitted the request to iManage";

#[wasm_bindgen_test]
async fn the_48_hour_window_uses_the_clock() {
    let widget = mount_with(Some(example())).await;
    widget.open_phase("troubleshoot").await;
    // The date asked for is Support's submission to iManage, and the hint says what a
    // reader who only knows when they wrote to Support should expect.
    let hint = widget.text("[data-testid=diagnosis-submitted-hint]");
    assert!(
        hint.contains("from when Support submitted the request"),
        "{hint}"
    );
    assert!(
        hint.contains("If you only know when you wrote to Support"),
        "{hint}"
    );
    assert!(hint.contains("the wait may run longer"), "{hint}");
    fix_clock("2026-11-28T10:00:00Z");
    widget.type_into(SUBMITTED, "2026-11-27T12:00").await;
    let window = widget.text("[data-testid=diagnosis-window]");
    let verdict = widget.text("[data-testid=verdict]");
    restore_clock();
    // The browser's own offset decides the local time; in UTC it is 48 h from 12:00.
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i64);
    if offset == 0 {
        assert!(
            window.starts_with(
                "48 hours from the date entered pass on Sunday 29 November 2026 at 12:00 (UTC): 26 hours from now."
            ),
            "{window}"
        );
    }
    assert!(
        window.starts_with("48 hours from the date entered pass on"),
        "{window}"
    );
    assert!(
        window.contains("count from when Clio Operate Support submitted the request to iManage"),
        "{window}"
    );
    assert!(window.contains("the wait may run longer"), "{window}");
    assert!(
        verdict.starts_with("Most likely cause: The registration may not have been processed yet"),
        "{verdict}"
    );
    assert!(verdict.contains("may run longer"), "{verdict}");

    // Every URI confirmed exactly: complete, and no wait whatever the date.
    fix_clock("2026-11-28T10:00:00Z");
    widget
        .type_into_area(
            "Redirect URIs iManage confirmed",
            "https://acme.clio-operate.example/externalServices/replyFrom\nhttps://acme-uat.clio-operate.example/externalServices/replyFrom\nhttps://acme-training.clio-operate.example/externalServices/replyFrom",
        )
        .await;
    let verdict = widget.text("[data-testid=verdict]");
    restore_clock();
    assert!(!verdict.contains("not have been processed"), "{verdict}");
    assert!(
        verdict.contains("the registration is complete"),
        "{verdict}"
    );

    fix_clock("2026-12-02T10:00:00Z");
    widget.type_into(SUBMITTED, "2026-11-27T12:00").await;
    widget
        .type_into_area(
            "Redirect URIs iManage confirmed",
            "https://acme.clio-operate.example/externalServices/replyFrom",
        )
        .await;
    let window = widget.text("[data-testid=diagnosis-window]");
    let verdict = widget.text("[data-testid=verdict]");
    restore_clock();
    assert!(
        window.starts_with("The 48 hours from the date entered ended on"),
        "{window}"
    );
    assert!(
        verdict.starts_with("Most likely cause: A redirect URI is not registered"),
        "{verdict}"
    );
}

#[wasm_bindgen_test]
async fn a_sign_in_from_an_environment_not_in_the_list_is_the_first_cause() {
    let widget = mount_with(Some(example())).await;
    widget.open_phase("troubleshoot").await;
    widget
        .type_into_area(
            "Redirect URIs iManage confirmed",
            "https://acme.clio-operate.example/externalServices/replyFrom\nhttps://acme-uat.clio-operate.example/externalServices/replyFrom\nhttps://acme-training.clio-operate.example/externalServices/replyFrom",
        )
        .await;
    widget.check("Sharedo Production").await;
    widget
        .type_into_area(
            "The address in the browser when the error appeared",
            "https://acme.cloudimanage.com/auth/oauth2/authorize?response_type=code&client_id=3f1c&redirect_uri=https%3A%2F%2Facme-dr.clio-operate.example%2FexternalServices%2FreplyFrom&state=x",
        )
        .await;
    let verdict = widget.text("[data-testid=verdict]");
    assert!(
        verdict.starts_with(
            "Most likely cause: The sign-in came from an environment that is not in your list, so it was not registered"
        ),
        "{verdict}"
    );
    let unknown = widget.texts("[data-testid=diagnosis-unknown] li");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].contains("https://acme-dr.clio-operate.example/externalServices/replyFrom"));
    let message = widget.text("[data-testid=follow-up-preview]");
    assert!(message.contains("registration needed"), "{message}");
    assert!(
        message
            .lines()
            .any(|l| l == "https://acme-dr.clio-operate.example/externalServices/replyFrom"),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn an_environment_can_have_its_own_version() {
    // The example runs 7.10 (Hosted iManage); production is upgraded first.
    let widget = mount_with(Some(example())).await;
    widget
        .type_into("Version, if different for environment 1", "7.11.1")
        .await;
    let decision = widget.text("[data-testid=environment-version-decision]");
    assert_eq!(
        decision,
        "7.11.1 is 7.11.0 or above \u{2192} Standard configuration"
    );
    widget.open_phase("configure").await;
    let own = widget.texts("[data-testid=environment-path]");
    assert_eq!(own.len(), 1, "{own:?}");
    assert!(own[0].contains("Standard configuration"), "{own:?}");
    let card = widget.text("[data-testid=path-card]");
    assert!(card.contains("Hosted iManage workaround"), "{card}");
    assert!(card.contains("Connection type"), "{card}");
    assert!(card.contains("iManage Connection"), "{card}");
    widget.open_phase("prepare").await;

    // An unreadable own version is shown on the row and marks it invalid.
    widget
        .type_into("Version, if different for environment 2", "7")
        .await;
    let field = widget.field("Version, if different for environment 2");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn the_steps_say_what_the_article_says() {
    let widget = mount_with(Some(example())).await;
    let process = widget.text("[data-testid=process]");
    assert!(
        process.contains("the service will then display as Linked"),
        "{process}"
    );
    assert!(
        process.contains(
            "browse the iManage workspace configured for Clio Operate document templates"
        ),
        "{process}"
    );
    let hint = widget.text("[id$=customer-id-hint]");
    assert!(hint.contains("not your login or firm name"), "{hint}");
    // Where to find it waits behind a disclosure under the hint.
    let more = widget.text("[id$=customer-id-hint] + details");
    assert!(more.contains("iManage administration portal"), "{more}");
    // The example runs 7.10: the credentials come from Support before configuring.
    widget.open_phase("configure").await;
    let card = widget.text("[data-testid=path-card]");
    let ask = card
        .find("contact Clio Operate Support for the Client ID and Client Secret")
        .unwrap();
    let drop_down = card.find("In the iManage Connection drop-down").unwrap();
    assert!(ask < drop_down, "{card}");
    assert!(
        card.contains("if the form asks for a connection setting"),
        "{card}"
    );
}

#[wasm_bindgen_test]
async fn a_long_correction_opens_no_e_mail_when_copying_is_blocked() {
    // Forty environments whose confirmed URIs each end with a slash: the correction is
    // too long for an e-mail link, whose body would say the message is on the clipboard.
    let urls: Vec<String> = (0..40)
        .map(|i| format!("https://firm{i}.clio-operate.example"))
        .collect();
    let registered: Vec<String> = urls
        .iter()
        .map(|u| format!("{u}/externalServices/replyFrom/"))
        .collect();
    let state = State::default()
        .reduce(Action::PasteIntoRow {
            id: 0,
            text: urls.join("\n"),
        })
        .reduce(Action::SetText {
            field: imanage_connect::widget::field::FieldKey::Registered,
            text: registered.join("\n"),
        });
    let widget = mount_with(Some(state)).await;
    widget.open_phase("troubleshoot").await;
    stub_clipboard(false);
    let page = web_sys::window().unwrap().location().href().unwrap();
    widget.click("Open in e-mail (message for Support)").await;
    widget
        .until("the outcome", |w| {
            w.status().contains("no e-mail was opened")
        })
        .await;
    assert!(
        widget
            .status()
            .starts_with("The message is too long for an e-mail link"),
        "{}",
        widget.status()
    );
    assert_eq!(web_sys::window().unwrap().location().href().unwrap(), page);
    assert_eq!(copied(), None, "nothing was copied");
}

#[wasm_bindgen_test]
async fn a_message_waits_until_the_reader_leaves_the_field_then_follows_each_keystroke() {
    let widget = mount().await;
    let address = "Address of environment 1";
    widget.type_only(address, "ftp://acme.example.com").await;
    assert!(
        widget.all("[data-code]").is_empty(),
        "nothing red while typing"
    );
    assert_eq!(widget.field(address).get_attribute("aria-invalid"), None);
    widget.leave(address).await;
    assert!(!widget
        .all("[data-testid=environment-row] [data-code]")
        .is_empty());
    assert_eq!(
        widget
            .field(address)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // Once shown, the message follows the text as it changes.
    widget.type_only(address, "http://acme.example.com").await;
    assert_eq!(widget.field(address).get_attribute("aria-invalid"), None);
    assert_eq!(widget.all("[data-code=http-upgraded]").len(), 1);
    widget.type_only(address, "https://acme.example.com").await;
    assert!(widget.all("[data-code=http-upgraded]").is_empty());

    // Another field keeps its own pace.
    widget
        .type_only("iManage URL", "https://cloudimanage.co")
        .await;
    assert!(widget
        .all("[data-testid=imanage-url] ~ ul [data-code]")
        .is_empty());
    widget.leave("iManage URL").await;
    assert!(!widget
        .all("[data-testid=imanage-url] ~ ul [data-code]")
        .is_empty());
}

#[wasm_bindgen_test]
async fn try_an_example_on_typed_answers_offers_undo() {
    let widget = mount().await;
    widget.type_into("iManage Customer ID", "9999").await;
    widget.click("Try an example").await;
    assert_eq!(widget.value("iManage Customer ID"), "1764");
    assert!(
        widget.status().contains("choose Undo"),
        "{}",
        widget.status()
    );
    widget.click("Undo: bring back my answers").await;
    assert_eq!(widget.value("iManage Customer ID"), "9999");
    assert_eq!(widget.status(), "Your answers are back.");
    assert!(widget.all("[data-testid=example-notice]").is_empty());
}

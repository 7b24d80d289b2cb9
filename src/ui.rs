//! The yew shell: renders the rule book's report and the widget model, and dispatches the
//! reader's actions to the model's reducer. No rule or decision lives here.

mod clipboard;
mod copy_button;
mod delivery;
mod diagnosis;
mod environment_row;
mod environments;
mod error_summary;
mod findings;
mod imanage;
mod next_steps;
mod path;
mod request;
mod reveal;
mod task_list;
mod text_field;
mod uri;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::{analyze_with, AnalysisCache, AnalysisRequest, Report, Timestamp};
use crate::widget::codec::{DeviceWrite, StoredDraft};
use crate::widget::field::FieldKey;
use crate::widget::options::{MountOptions, Part};
use crate::widget::phases::{self, Phase};
use crate::widget::state::{
    Action, AddressAnswers, AddressMode, Answers, FocusTarget, Setup, State,
};
use crate::widget::view::diagnosis::DiagnosisView;
use crate::widget::view::environments::EnvironmentsView;
use crate::widget::view::path::{PathParts, PathView};
use crate::widget::view::request::RequestView;
use crate::widget::view::{ErrorSummaryView, ImanageView};
use crate::widget::{codec, process, status};

use diagnosis::DiagnosisStep;
use environments::EnvironmentsStep;
use error_summary::ErrorSummary;
use imanage::ImanageStep;
use next_steps::NextSteps;
use path::PathStep;
use request::RequestStep;

pub use copy_button::CopyButton;

/// One widget instance's reducer: the model's [`State`] behind yew's `Reducible`. The
/// state sits in an `Rc` so that every step shares it instead of cloning it per render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form(pub Rc<State>);

impl Reducible for Form {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Revealing a field already shown changes nothing: no render.
        if let Action::Reveal(field) = action {
            if self.0.shows(field) {
                return self;
            }
        }
        let state = Rc::unwrap_or_clone(Rc::unwrap_or_clone(self).0);
        Rc::new(Form(Rc::new(state.reduce(action))))
    }
}

/// What every component of one instance shares: its id prefix, its status region, and
/// its root element (to find fields by id within this instance only).
#[derive(Clone, PartialEq)]
pub struct Instance {
    pub prefix: AttrValue,
    pub announce: Callback<String>,
    pub root: NodeRef,
    pub dispatch: Callback<Action>,
    /// The level of the instance's own heading; sections go below it.
    pub heading_level: u8,
    /// How many heading levels the flow's sections sit below the instance's own heading
    /// (1 in the whole flow, where they sit inside a phase).
    pub nested: u8,
    /// A pointer button is down in this instance (a click is under way).
    pub pointer_down: Rc<std::cell::Cell<bool>>,
}

impl Instance {
    /// The heading tag `depth` levels below a section's level (at most h6): sections
    /// sit one level below the instance's own heading, or two inside a phase.
    pub fn heading(&self, depth: u8) -> String {
        format!("h{}", (self.heading_level + self.nested + depth).min(6))
    }

    /// An id unique to this instance on the page.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// The DOM id of a field's input in this instance.
    pub fn field_id(&self, field: FieldKey) -> String {
        self.id(&field.name())
    }

    /// A link's click handler that moves focus to field `id` instead of navigating.
    pub fn focus_on_click(&self, id: &str) -> Callback<MouseEvent> {
        let instance = self.clone();
        let id = id.to_owned();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            instance.focus(&id);
        })
    }

    /// Moves focus to the element with `id` in this instance, scrolling it into view.
    pub fn focus(&self, id: &str) {
        let Some(root) = self.root.cast::<web_sys::Element>() else {
            return;
        };
        if let Ok(Some(element)) = root.query_selector(&format!("#{id}")) {
            element.scroll_into_view();
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    }
}

/// What the embedding layer gives one instance.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Prefix that makes every id in this instance unique on the page.
    pub instance: AttrValue,
    /// The embedding page's options (prefill, part shown, heading level, Support address).
    #[prop_or_default]
    pub options: Rc<MountOptions>,
    /// The newest `update()`'s own options (`options` holds them merged with the rest).
    #[prop_or_default]
    pub update: Rc<MountOptions>,
    /// Bumped by each `update`, so its options are applied to the form once.
    #[prop_or_default]
    pub revision: u32,
    /// The state to start from before the options are applied (tests).
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// The name of this instance's opt-in draft on the device (the page path is added to
    /// it); empty: no drafts.
    #[prop_or_default]
    pub draft_key: AttrValue,
    /// Render the whole flow in two passes: the title and step 1 at once, the later
    /// steps (mostly below the fold) right after that first paint. The reader can start
    /// on step 1 sooner; nothing else changes.
    #[prop_or_default]
    pub staggered: bool,
}

/// Runs `then` after the browser has painted the current frame: the next animation
/// frame, then the task after it.
fn after_next_paint(then: impl FnOnce() + 'static) {
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
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where this instance's remembered draft is stored: per placeholder and page path;
/// empty when the embedding gives no drafts.
fn draft_key(props: &AppProps) -> String {
    if props.draft_key.is_empty() {
        return String::new();
    }
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    codec::draft_key(&props.draft_key, &path)
}

/// The session's storage (per tab), when the browser allows it.
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// This page's path, which keys what is stored for it.
fn page_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The page's address fragment (with its `#`, or empty).
fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the page's fragment without a history entry or a reload; an empty one
/// leaves no `#` behind.
fn replace_fragment(fragment: &str) -> bool {
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
    window.history().is_ok_and(|history| {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&url))
            .is_ok()
    })
}

/// Where the form starts: the page's options, then the device's draft and the answers
/// in the address, as the model decides between them.
fn starting_state(props: &AppProps) -> State {
    let mut state = match props.initial.as_deref() {
        Some(initial) => initial.clone(),
        None => State::new(Setup {
            // Minutes east of UTC; JavaScript counts them west.
            utc_offset_minutes: -(js_sys::Date::new_0().get_timezone_offset() as i32),
            ..Setup::default()
        }),
    };
    if let Some(address) = &props.options.support_email {
        state = state.reduce(Action::SetSupportEmail(address.clone()));
    }
    state = state.reduce(Action::Prefill(props.options.prefill()));
    let key = draft_key(props);
    let stored = (!key.is_empty())
        .then(|| local_storage().and_then(|s| s.get_item(&key).ok().flatten()))
        .flatten()
        .and_then(|text| StoredDraft::read(text, now()));
    let hash = location_hash();
    let address = codec::decode(&hash).map(|prefill| {
        let recorded = session_storage().and_then(|s| {
            s.get_item(&codec::address_record_key(&page_path()))
                .ok()
                .flatten()
        });
        AddressAnswers {
            prefill,
            own: codec::is_own_address(&hash, recorded.as_deref()),
        }
    });
    state.start(stored, address)
}

/// This page's address with the answers in its fragment. The page's own hash route is
/// kept; the answers follow it.
fn share_link(answers: &Answers) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let (page, current) = page.split_once('#').unwrap_or((&page, ""));
    format!("{page}#{}", codec::link_fragment(current, answers))
}

fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let form = {
        let props = props.clone();
        use_reducer(move || Form(Rc::new(starting_state(&props))))
    };
    // What the analysis read is kept between keystrokes: typing in one row of a long list
    // re-reads that row only.
    let analysis_cache = use_mut_ref(AnalysisCache::default);
    // Analysed again only when what the reader entered changes, not when the form merely
    // records that the request was asked for or delivered: the message's time stamp then
    // stays the one that was copied.
    let report: Rc<Report> = use_memo(form.0.to_request(None), move |request| {
        let request = AnalysisRequest {
            generated_at: Some(now()),
            ..request.clone()
        };
        analyze_with(&request, &mut analysis_cache.borrow_mut())
    });
    let status = use_state(String::new);
    let root = use_node_ref();
    let later_steps_shown = use_state(|| !props.staggered);
    let later = *later_steps_shown;

    let last_status = use_mut_ref(String::new);
    // Read by the summary timer: a message announced after the timer was set (a paste's
    // count, a copy) is newer than the summary it would announce.
    let status_seen = last_status.clone();
    let part = props.options.part();

    // The context every component reads. It is built once per set of display options,
    // with callbacks that never change, so a keystroke re-renders only what it changes.
    let instance = {
        let setter = status.setter();
        let dispatcher = form.dispatcher();
        let root = root.clone();
        let key = (props.instance.clone(), props.options.heading_level(), part);
        use_memo(key, move |(prefix, heading_level, part)| {
            // One polite status region per instance. A repeated message gets a trailing
            // no-break space so that screen readers announce it again.
            let announce = Callback::from(move |message: String| {
                let mut last = last_status.borrow_mut();
                let message = if *last == message {
                    format!("{message}\u{A0}")
                } else {
                    message
                };
                last.clone_from(&message);
                setter.set(message);
            });
            Instance {
                prefix: prefix.clone(),
                announce,
                root,
                dispatch: Callback::from(move |action: Action| dispatcher.dispatch(action)),
                heading_level: *heading_level,
                nested: u8::from(*part == Part::All),
                pointer_down: Rc::default(),
            }
        })
    };
    let announce = instance.announce.clone();
    let dispatch = instance.dispatch.clone();

    // What an action said (a pasted list's count), announced once it is rendered and
    // before the pause summary is set, which then follows it.
    {
        let announce = announce.clone();
        use_effect_with(form.0.progress().announcement.clone(), move |said| {
            if let Some(said) = said {
                announce.emit(said.text());
            }
        });
    }

    // Announce the state of the report once the reader pauses typing.
    let summary_timer = use_mut_ref(|| None::<Timeout>);
    {
        let announce = announce.clone();
        let summary = status::summary_to_announce(&form.0, &report);
        use_effect_with(summary, move |summary| {
            let before = status_seen.borrow().clone();
            *summary_timer.borrow_mut() = summary.clone().map(|summary| {
                Timeout::new(1_200, move || {
                    if *status_seen.borrow() == before {
                        announce.emit(summary);
                    }
                })
            });
        });
    }

    // Focus follows the model's request after an action took the focused control away
    // (a fix, a removal, a new row), once the change is rendered.
    {
        let instance = (*instance).clone();
        use_effect_with(form.0.progress().focus, move |focus| {
            if let Some(request) = focus {
                instance.focus(&match request.target {
                    FocusTarget::Field(field) => instance.field_id(field),
                    FocusTarget::AddEnvironment => instance.id(environments::ADD_ENVIRONMENT),
                    FocusTarget::KeepDraft => instance.id(request::KEEP_DRAFT),
                    FocusTarget::Phase(phase) => instance.id(&task_list::button_name(phase)),
                });
            }
        });
    }

    // The opt-in draft follows every change and expires 30 days after the last;
    // "Forget" and "Start again" remove it, and a draft set aside for a link's answers
    // is left as it was (the model decides which).
    //
    // Once the reader put the answers in the address, it follows their changes, a
    // moment after the last (browsers limit how often an address may be replaced); the
    // tab records what it wrote, so that a reload is not taken for a link from elsewhere.
    let address_timer = use_mut_ref(|| None::<Timeout>);
    {
        let key = draft_key(props);
        use_effect_with(form.0.clone(), move |state| {
            if let Some(storage) = local_storage().filter(|_| !key.is_empty()) {
                let stored = storage.get_item(&key).ok().flatten();
                let _ = match codec::device_write(state, now(), stored.as_deref()) {
                    Some(DeviceWrite::Write(text)) => storage.set_item(&key, &text),
                    Some(DeviceWrite::Remove) => storage.remove_item(&key),
                    None => Ok(()),
                };
            }
            if state.progress().address == AddressMode::Untouched {
                // A pending write (of a state Undo took back) is dropped, unwritten.
                address_timer.borrow_mut().take();
                return;
            }
            let state = state.clone();
            let write = move || {
                let fragment = codec::address_fragment(&location_hash(), &state);
                if fragment.is_some_and(|fragment| !replace_fragment(&fragment)) {
                    return;
                }
                // Recorded even when the address was already in step (the button put the
                // answers there itself).
                if let Some(session) = session_storage() {
                    let key = codec::address_record_key(&page_path());
                    let _ = if state.progress().address == AddressMode::Follow {
                        session.set_item(&key, &codec::encode(state.answers()))
                    } else {
                        session.remove_item(&key)
                    };
                }
            };
            *address_timer.borrow_mut() = Some(Timeout::new(300, write));
        });
    }

    // Once, when the form starts: the later steps follow the first paint, and answers
    // restored from the device are said.
    {
        let announce = announce.clone();
        let restored = status::restored(&form.0);
        let later_steps_shown = later_steps_shown.clone();
        use_effect_with((), move |()| {
            if !*later_steps_shown {
                after_next_paint(move || later_steps_shown.set(true));
            }
            if let Some(restored) = restored {
                announce.emit(restored);
            }
        });
    }

    // Options given again through the API's update() apply to the form once.
    {
        let dispatch = dispatch.clone();
        let options = props.update.clone();
        use_effect_with(props.revision, move |revision| {
            if *revision > 0 {
                if let Some(address) = &options.support_email {
                    dispatch.emit(Action::SetSupportEmail(address.clone()));
                }
                dispatch.emit(Action::Prefill(options.prefill()));
            }
        });
    }
    let title = match part {
        Part::All => "Check your iManage Cloud details",
        Part::RedirectUris => "Work out your redirect URIs",
        Part::Path => "Which configuration applies to your version",
        Part::Diagnosis => "Diagnose an invalid_redirect_uri error",
    };
    // Each section renders its slice of the view model, made only for the sections shown.
    let state = &*form.0;
    let share_link = {
        let state = form.0.clone();
        Callback::from(move |()| share_link(state.answers()))
    };
    let title_id = instance.id("title");
    let open_phase = form.0.progress().open_phase;
    let phase_statuses = Phase::ALL.map(|phase| phases::status(phase, &form.0, &report));
    fn pointer<E: 'static>(flag: &Rc<std::cell::Cell<bool>>, down: bool) -> Callback<E> {
        let flag = flag.clone();
        Callback::from(move |_: E| flag.set(down))
    }
    let flag = &instance.pointer_down;
    let on_example = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        let state = form.0.clone();
        Callback::from(move |_: MouseEvent| {
            let after = (*state).clone().reduce(Action::LoadExample);
            dispatch.emit(Action::LoadExample);
            announce.emit(status::example_loaded(&after));
        })
    };
    let on_undo = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::UndoExample);
            announce.emit(status::EXAMPLE_UNDONE.into());
        })
    };
    let can_undo = form.0.progress().before_example.is_some();
    let on_reset = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        let state = form.0.clone();
        Callback::from(move |_: MouseEvent| {
            let after = (*state).clone().reduce(Action::Reset);
            dispatch.emit(Action::Reset);
            announce.emit(status::reset_done(&after));
        })
    };
    let reset_notice = status::reset_notice(&form.0);
    let on_undo_reset = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        let state = form.0.clone();
        Callback::from(move |_: MouseEvent| {
            let after = (*state).clone().reduce(Action::UndoReset);
            dispatch.emit(Action::UndoReset);
            announce.emit(status::reset_undone(&after).into());
        })
    };
    let restored = status::restored(&form.0).filter(|_| form.0.progress().keep_draft);
    let on_forget = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SetKeepDraft(false));
            announce.emit(status::keep_draft(false).into());
        })
    };
    let saved_offer = status::saved_draft_offer(&form.0);
    let on_use_saved = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        let state = form.0.clone();
        Callback::from(move |_: MouseEvent| {
            let after = (*state).clone().reduce(Action::UseSavedDraft);
            dispatch.emit(Action::UseSavedDraft);
            if let Some(restored) = status::restored(&after) {
                announce.emit(restored);
            }
        })
    };

    html! {
        <ContextProvider<Instance> context={(*instance).clone()}>
            <section class="imh" aria-labelledby={title_id.clone()} ref={root} data-testid="widget"
                onpointerdown={pointer::<PointerEvent>(flag, true)} onpointerup={pointer::<PointerEvent>(flag, false)}
                onpointercancel={pointer::<PointerEvent>(flag, false)} onkeydown={pointer::<KeyboardEvent>(flag, false)}
                aria-busy={(part == Part::All && !later).then_some("true")}>
                <@{format!("h{}", instance.heading_level)} id={title_id} class="imh-title">{ title }</@>
                <p class="imh-privacy">{"Runs in your browser. Nothing you type is sent anywhere."}</p>
                <div class="imh-toolbar">
                    <button type="button" class="imh-button imh-button-small" onclick={on_example}>{"Try an example"}</button>
                    <button type="button" class="imh-button imh-button-small" onclick={on_reset.clone()}>{"Start again"}</button>
                </div>
                if form.0.progress().from_link {
                    { notice("link-notice", status::FROM_LINK.into(), on_reset.clone(), "Start again".into(), " with an empty form") }
                }
                if let Some(label) = saved_offer {
                    { notice("saved-draft-notice", status::SAVED_DRAFT_KEPT.into(), on_use_saved, label.into(), "") }
                }
                if let Some(restored) = restored {
                    { notice("restored-notice", restored.into(), on_forget, "Forget".into(), " my answers on this device") }
                }
                if let Some(cleared) = reset_notice {
                    { notice("reset-notice", cleared.into(), on_undo_reset, "Undo".into(), ": bring back my answers") }
                }
                if can_undo {
                    { notice("example-notice", "The example replaced your answers.".into(), on_undo, "Undo".into(), ": bring back my answers") }
                }
                <div role="status" class="imh-visually-hidden" data-testid="status">{ (*status).clone() }</div>
                if part == Part::All {
                    <task_list::TaskList statuses={phase_statuses} open={open_phase} />
                    <section class="imh-phase" id={instance.id(&task_list::panel_name(open_phase))}
                        aria-labelledby={instance.id("phase-title")} data-testid={format!("phase-{}", open_phase.name())}>
                        // The open task row above already shows the title; the heading names the
                        // section for assistive technology without saying it twice on screen.
                        <@{instance.heading(0)} class="imh-visually-hidden" id={instance.id("phase-title")}>{ open_phase.title() }</@>
                        { match open_phase {
                            Phase::Prepare => html! { <>
                                <ErrorSummary view={ErrorSummaryView::new(state, &report)} />
                                <EnvironmentsStep view={EnvironmentsView::new(state, &report)} />
                                if later {
                                    <ImanageStep view={ImanageView::new(state, &report)} />
                                    <PathStep view={PathView::new(state, &report, PathParts::Version)} />
                                    <RequestStep view={Rc::new(RequestView::new(state, &report))} {share_link} />
                                    <NextSteps statuses={process::statuses(state, &report)} />
                                }
                            </> },
                            Phase::Configure => html! {
                                <PathStep view={PathView::new(state, &report, PathParts::Configuration)} />
                            },
                            Phase::Troubleshoot => html! {
                                <DiagnosisStep view={DiagnosisView::new(state, &report)} />
                            },
                        } }
                    </section>
                } else {
                    if matches!(part, Part::RedirectUris | Part::Diagnosis) {
                        <EnvironmentsStep view={EnvironmentsView::new(state, &report)} />
                    }
                    if part == Part::Path {
                        <PathStep view={PathView::new(state, &report, PathParts::Whole)} />
                    }
                    if part == Part::Diagnosis {
                        <DiagnosisStep view={DiagnosisView::new(state, &report)} />
                    }
                }
            </section>
        </ContextProvider<Instance>>
    }
}

/// A notice above the form: what happened, and the button that acts on it (its label,
/// then words that only assistive technology reads, when the label alone is unclear).
fn notice(
    testid: &'static str,
    text: AttrValue,
    onclick: Callback<MouseEvent>,
    label: AttrValue,
    hidden: &'static str,
) -> Html {
    html! {
        <p class="imh-notice" data-testid={testid}>
            { text }{" "}
            <button type="button" class="imh-button imh-button-small" {onclick}>
                { label }
                if !hidden.is_empty() {
                    <span class="imh-visually-hidden">{ hidden }</span>
                }
            </button>
        </p>
    }
}

/// The instance context; every component is rendered inside [`App`]'s provider.
#[hook]
pub fn use_instance() -> Instance {
    use_context::<Instance>().unwrap_or_else(|| Instance {
        prefix: "imh".into(),
        announce: Callback::noop(),
        root: NodeRef::default(),
        dispatch: Callback::noop(),
        heading_level: 2,
        nested: 0,
        pointer_down: Rc::default(),
    })
}

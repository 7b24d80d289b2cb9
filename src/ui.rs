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
mod instance;
mod next_steps;
mod notices;
mod page;
mod path;
mod request;
mod reveal;
mod task_list;
mod text_field;
mod uri;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::{analyze_with, AnalysisCache, AnalysisRequest, Report};
use crate::widget::codec::{DeviceWrite, StoredDraft};
use crate::widget::options::{MountOptions, Part};
use crate::widget::phases::{self, Phase};
use crate::widget::state::{Action, AddressAnswers, AddressMode, FocusTarget, Setup, State};
use crate::widget::view::diagnosis::DiagnosisView;
use crate::widget::view::environments::EnvironmentsView;
use crate::widget::view::path::{PathParts, PathView};
use crate::widget::view::request::RequestView;
use crate::widget::view::{ErrorSummaryView, ImanageView, NoticesView};
use crate::widget::{codec, process, status};

use diagnosis::DiagnosisStep;
use environments::EnvironmentsStep;
use error_summary::ErrorSummary;
use imanage::ImanageStep;
use next_steps::NextSteps;
use notices::Notices;
use path::PathStep;
use request::RequestStep;

pub use copy_button::CopyButton;
pub use instance::{use_instance, Instance};

use page::{
    after_next_paint, local_storage, location_hash, now, page_path, replace_fragment,
    session_storage, share_link,
};

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
    // restored from the device, or opened from a link, are said.
    {
        let announce = announce.clone();
        let said = status::on_start(&form.0);
        let later_steps_shown = later_steps_shown.clone();
        use_effect_with((), move |()| {
            if !*later_steps_shown {
                after_next_paint(move || later_steps_shown.set(true));
            }
            if let Some(said) = said {
                announce.emit(said);
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
    // A form-wide action (the toolbar's, the notices') is dispatched, and what it did is
    // said: the model works out what to say from the state it leads to.
    let act = {
        let dispatch = dispatch.clone();
        let announce = announce.clone();
        let state = form.0.clone();
        Callback::from(move |action: Action| {
            let said = status::said_after(&action, &(*state).clone().reduce(action.clone()));
            dispatch.emit(action);
            if let Some(said) = said {
                announce.emit(said);
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
                <Notices view={NoticesView::new(state)} {act} />
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

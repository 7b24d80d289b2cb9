//! The Clio Operate version, the configuration path it decides and why, and the exact
//! steps and values for that path in each environment. The whole flow asks for the
//! version while preparing the request, and shows what to configure in its own phase.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::configuration::ValueSource;
use crate::core::{ConfigPath, EnvironmentConfiguration, Report};
use crate::widget::field::FieldKey;
use crate::widget::messages::field_messages;
use crate::widget::phases::Phase;
use crate::widget::state::Action;

use super::copy_button::CopyButton;
use super::text_field::TextField;
use super::use_instance;

/// Which parts a [`PathStep`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathParts {
    /// The version field, the decision and what to configure.
    Whole,
    /// The version field and the decision.
    Version,
    /// The decision and what to configure.
    Configuration,
}

#[derive(Properties, PartialEq, Clone)]
pub struct PathProps {
    pub report: Rc<Report>,
    pub form: Rc<crate::widget::state::State>,
    pub parts: PathParts,
}

#[component]
pub fn PathStep(props: &PathProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("path-heading");
    let title = match props.parts {
        PathParts::Whole => "Your Clio Operate version and what to configure",
        PathParts::Version => "Your Clio Operate version",
        PathParts::Configuration => "What to configure in each environment",
    };
    let field = props.parts != PathParts::Configuration;
    let card = props.parts != PathParts::Version;
    let report = &props.report;
    let plan = &report.configuration;
    // A long list opens one environment at a time.
    let few = plan.environments.len() <= 3;
    let on_version = {
        let dispatch = instance.dispatch.clone();
        Callback::from(move |text: String| {
            dispatch.emit(Action::SetText {
                field: FieldKey::Version,
                text,
            })
        })
    };
    let decision_class = match plan.path {
        ConfigPath::Undecided => "imh-decision imh-decision-undecided",
        _ => "imh-decision",
    };
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ title }</@>
            if field {
                <TextField field={FieldKey::Version}
                    hint={html! { {"For example 7.11.0 or 7.10. It decides which configuration you follow."} }}
                    value={props.form.answers().version.clone()} on_input={on_version}
                    messages={field_messages(&props.form, FieldKey::Version, &report.version.findings, &report.support_request)} />
            }
            <p class={decision_class} data-testid="decision">{ report.version.reason.clone() }</p>
            if !card {
                <p class="imh-hint">{"What to configure in each environment is under "}<strong>{ Phase::Configure.title() }</strong>{"."}</p>
            } else if !field && plan.path == ConfigPath::Undecided && plan.environments.is_empty() {
                <p class="imh-hint">{"Enter your environments and your Clio Operate version under "}<strong>{ Phase::Prepare.title() }</strong>{" to see what to configure."}</p>
            }
            if card && (plan.path != ConfigPath::Undecided || !plan.environments.is_empty()) {
                <div class="imh-card" data-testid="path-card">
                    if plan.path != ConfigPath::Undecided {
                        <@{instance.heading(2)} class="imh-subheading">{ plan.path.title() }{": what to do"}</@>
                        { path_intro(plan.path) }
                        <ol class="imh-steps">
                            { for plan.steps.iter().map(|step| html! { <li>{ step.clone() }</li> }) }
                        </ol>
                    } else {
                        <p class="imh-hint">{"Your Clio Operate version decides the path for the other environments; below are those that have their own version."}</p>
                    }
                    // Keyed by position: typing in a row changes its origin, and the same
                    // box should then update in place rather than be rebuilt.
                    { for (0..plan.environments.len()).map(|index| html! {
                        <EnvironmentValues key={index} report={report.clone()} {index} open={few} />
                    }) }
                    if plan.environments.is_empty() {
                        <p class="imh-hint">{"Add your environments to see the values for each."}</p>
                    }
                </div>
            }
        </section>
    }
}

/// What the path means, before its steps.
fn path_intro(path: ConfigPath) -> Html {
    match path {
        ConfigPath::Hosted => html! {
            <p>{"Below 7.11.0 the standard connection type cannot take your iManage URL, so you use the Hosted iManage connection type instead. It works the same; only the form differs. Before you configure anything, contact Clio Operate Support for the Client ID and Client Secret: you need them even for https://cloudimanage.com."}</p>
        },
        _ => html! {
            <p>{"From 7.11.0 the standard iManage Cloud linked service takes your iManage URL directly, including a vanity URL. No Client ID or Client Secret is needed."}</p>
        },
    }
}

#[derive(Properties, Clone)]
struct EnvironmentValuesProps {
    /// The whole report, shared rather than copied into each environment's box.
    report: Rc<Report>,
    /// Which of the plan's environments this box shows.
    index: usize,
    /// Open at first; with many environments each starts closed.
    open: bool,
}

impl EnvironmentValuesProps {
    fn environment(&self) -> Option<&EnvironmentConfiguration> {
        self.report.configuration.environments.get(self.index)
    }
}

/// Equal when the box would show the same: its own environment's values.
impl PartialEq for EnvironmentValuesProps {
    fn eq(&self, other: &Self) -> bool {
        self.open == other.open && self.environment() == other.environment()
    }
}

/// One environment's linked-service values; re-rendered only when they change.
#[component]
fn EnvironmentValues(props: &EnvironmentValuesProps) -> Html {
    let instance = use_instance();
    let Some(env) = props.environment() else {
        return html! {};
    };
    let name = env
        .role
        .as_ref()
        .map_or("Environment".to_owned(), |r| r.label().to_owned());
    html! {
        <details class="imh-env-values" open={props.open}>
            <summary><@{instance.heading(3)} class="imh-subheading imh-summary-heading">{ format!("{name}: ") }<code>{ env.origin.as_str() }</code></@></summary>
            if let Some(reason) = &env.own_reason {
                <p class="imh-decision" data-testid="environment-path">{"This environment's own version: "}{ reason.clone() }</p>
            }
            if !env.own_steps.is_empty() {
                { path_intro(env.path) }
                <ol class="imh-steps">
                    { for env.own_steps.iter().map(|step| html! { <li>{ step.clone() }</li> }) }
                </ol>
            }
            <p class="imh-hint">{"Manage Linked Services: "}<code>{ env.linked_services_page.clone() }</code></p>
            <dl class="imh-values">
                { for env.values.iter().map(|value| {
                    let class = match value.source {
                        ValueSource::FromSupport | ValueSource::FromFirm => "imh-from-support",
                        ValueSource::Enter => "imh-value-exact",
                        ValueSource::Select => "",
                    };
                    let copy = (value.source == ValueSource::Enter && value.value.starts_with("https://")).then(|| html! {
                        <>{" "}<CopyButton text={value.value.clone()} label="Copy" small=true
                            what={format!("{} for {name}", value.field)}
                            copied_message={format!("{} for {name} copied.", value.field)}
                            confirmation={format!("{} copied", value.field)}
                            testid={format!("copy-value-{}-{}", name.to_ascii_lowercase().replace(' ', "-"), value.field.to_ascii_lowercase().replace(' ', "-"))} /></>
                    });
                    html! {
                        <>
                            <dt>{ value.field.clone() }</dt>
                            <dd><span {class}>{ value.value.clone() }</span>{ for copy }</dd>
                        </>
                    }
                }) }
            </dl>
        </details>
    }
}

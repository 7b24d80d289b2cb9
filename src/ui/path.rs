//! The Clio Operate version, the configuration path it decides and why, and the exact
//! steps and values for that path in each environment. The whole flow asks for the
//! version while preparing the request, and shows what to configure in its own phase.

use yew::prelude::*;

use crate::core::configuration::ValueSource;
use crate::widget::field::FieldKey;
use crate::widget::view::path::{path_intro, PathPointer, PathView, ValuesView};

use super::copy_button::CopyButton;
use super::text_field::{set_text, TextField};
use super::uri::{prose, Uri};
use super::use_instance;

#[derive(Properties, PartialEq)]
pub struct PathProps {
    pub view: PathView,
}

#[component]
pub fn PathStep(props: &PathProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("path-heading");
    let view = &props.view;
    let decision_class = if view.decided {
        "imh-decision"
    } else {
        "imh-decision imh-decision-undecided"
    };
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ view.title }</@>
            if let Some(field) = &view.version {
                <TextField field={FieldKey::Version}
                    hint={html! { {"For example 7.11.0 or 7.10. It decides which configuration you follow."} }}
                    view={field.clone()} on_input={set_text(&instance, FieldKey::Version)} />
            }
            <p class={decision_class} data-testid="decision">{ view.decision.clone() }</p>
            { match view.pointer {
                Some(PathPointer::ConfigureUnder(phase)) => html! {
                    <p class="imh-hint">{"What to configure in each environment is under "}<strong>{ phase.title() }</strong>{"."}</p>
                },
                Some(PathPointer::EnterUnder(phase)) => html! {
                    <p class="imh-hint">{"Enter your environments and your Clio Operate version under "}<strong>{ phase.title() }</strong>{" to see what to configure."}</p>
                },
                None => html! {},
            } }
            if let Some(card) = &view.card {
                <div class="imh-card" data-testid="path-card">
                    if let Some(path) = card.path {
                        <@{instance.heading(2)} class="imh-subheading">{ path.title() }{": what to do"}</@>
                        <p>{ path_intro(path) }</p>
                        { steps(&card.steps) }
                    } else {
                        <p class="imh-hint">{"Your Clio Operate version decides the path for the other environments; below are those that have their own version."}</p>
                    }
                    // Keyed by position: typing in a row changes its origin, and the same
                    // box should then update in place rather than be rebuilt.
                    { for card.environments.iter().enumerate().map(|(index, env)| html! {
                        <EnvironmentValues key={index} view={env.clone()} />
                    }) }
                    if card.environments.is_empty() {
                        <p class="imh-hint">{"Add your environments to see the values for each."}</p>
                    }
                </div>
            }
            if !view.then.is_empty() {
                <@{instance.heading(2)} class="imh-subheading">{"Then, once it is saved"}</@>
                <ol class="imh-steps" data-testid="path-then">
                    { for view.then.iter().map(|step| html! { <li>{ prose(step) }</li> }) }
                </ol>
            }
        </section>
    }
}

fn steps(steps: &[String]) -> Html {
    html! {
        <ol class="imh-steps">
            { for steps.iter().map(|step| html! { <li>{ prose(step) }</li> }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct EnvironmentValuesProps {
    view: ValuesView,
}

/// The test hook's form of a name: "copy-value-production-imanage-url".
fn hook(text: &str) -> String {
    text.to_ascii_lowercase().replace(' ', "-")
}

/// One environment's linked-service values; re-rendered only when they change.
#[component]
fn EnvironmentValues(props: &EnvironmentValuesProps) -> Html {
    let instance = use_instance();
    let env = &props.view;
    let name = &env.name;
    html! {
        <details class="imh-env-values" open={env.open}>
            <summary><@{instance.heading(3)} class="imh-subheading imh-summary-heading">{ format!("{name}: ") }<Uri text={AttrValue::from(env.origin.clone())} /></@></summary>
            if let Some(reason) = &env.own_reason {
                <p class="imh-decision" data-testid="environment-path">{"This environment's own version: "}{ reason.clone() }</p>
            }
            if let Some((path, own_steps)) = &env.own_path {
                <p>{ path_intro(*path) }</p>
                { steps(own_steps) }
            }
            <p class="imh-hint">{"Manage Linked Services: "}<Uri text={AttrValue::from(env.linked_services_page.clone())} /></p>
            <dl class="imh-values">
                { for env.values.iter().map(|value| {
                    let class = match value.source {
                        ValueSource::FromSupport | ValueSource::FromFirm => "imh-from-support",
                        ValueSource::Enter => "imh-value-exact",
                        ValueSource::Select => "",
                    };
                    let copy = value.copyable.then(|| html! {
                        <>{" "}<CopyButton text={value.value.clone()} label="Copy" small=true
                            what={format!("{} for {name}", value.field)}
                            copied_message={format!("{} for {name} copied.", value.field)}
                            confirmation={format!("{} copied", value.field)}
                            testid={format!("copy-value-{}-{}", hook(name), hook(&value.field))} /></>
                    });
                    // An address breaks only after / . or -, never inside a word.
                    let shown = if value.value.starts_with("https://") {
                        html! { <Uri text={AttrValue::from(value.value.clone())} /> }
                    } else {
                        html! { value.value.clone() }
                    };
                    html! {
                        <>
                            <dt>{ value.field.clone() }</dt>
                            <dd><span {class}>{ shown }</span>{ for copy }</dd>
                        </>
                    }
                }) }
            </dl>
        </details>
    }
}

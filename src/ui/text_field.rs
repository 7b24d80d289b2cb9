//! A labelled text input with its hint and findings, wired for assistive technology:
//! `aria-invalid` and `aria-describedby` appear only once there is something to say.

use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::state::Action;
use crate::widget::view::FieldView;

use super::findings::Findings;
use super::reveal::use_reveal;
use super::{use_instance, Instance};

/// The input handler that puts what the reader typed into `field`.
pub fn set_text(instance: &Instance, field: FieldKey) -> Callback<String> {
    let dispatch = instance.dispatch.clone();
    Callback::from(move |text: String| dispatch.emit(Action::SetText { field, text }))
}

#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The field: its id, test hook, label, and where its one-click fixes apply.
    pub field: FieldKey,
    #[prop_or_default]
    pub hint: Option<Html>,
    /// Longer help behind a disclosure under the hint: its summary and its text.
    #[prop_or_default]
    pub more: Option<(AttrValue, AttrValue)>,
    /// What the field holds and what shows under it.
    pub view: FieldView,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub optional: bool,
    #[prop_or_default]
    pub mono: bool,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let instance = use_instance();
    let name = props.field.name();
    let id = instance.id(&name);
    let label = props.field.label();
    let hint_id = format!("{id}-hint");
    let findings_id = format!("{id}-findings");
    let messages = &props.view.messages;
    let invalid = messages.invalid();
    let reveal = use_reveal(props.field);
    let mut described: Vec<&str> = Vec::new();
    if props.hint.is_some() {
        described.push(&hint_id);
    }
    if !messages.is_empty() {
        described.push(&findings_id);
    }
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    let oninput = {
        let on_input = props.on_input.clone();
        let typed = reveal.typed.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
            typed.emit(());
        })
    };
    let mut class = classes!("imh-input");
    if props.mono {
        class.push("imh-input-mono");
    }
    html! {
        <div class="imh-field">
            <label class="imh-label" for={id.clone()}>
                { label }
                if props.optional { {" (optional)"} }
            </label>
            if let Some(hint) = &props.hint {
                <p class="imh-hint" id={hint_id.clone()}>{ hint.clone() }</p>
            }
            if let Some((summary, text)) = &props.more {
                <details class="imh-more">
                    <summary>{ summary }</summary>
                    <p class="imh-hint">{ text }</p>
                </details>
            }
            <input {id} {class} type={props.input_type.clone()} value={props.view.value.clone()} {oninput} onblur={reveal.left}
                spellcheck="false" autocomplete={props.autocomplete.clone()} autocapitalize="off"
                inputmode={props.inputmode.clone()}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={describedby}
                data-testid={name} />
            <Findings findings={messages.findings.clone()} missing={messages.missing.clone().map(AttrValue::from)}
                target={Some(props.field)} id={findings_id}
                context={format!("for the {label}")} />
        </div>
    }
}

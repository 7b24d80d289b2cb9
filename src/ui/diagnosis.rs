//! Step 6: diagnosing `invalid_redirect_uri` after registration — what was confirmed,
//! what the failing sign-in sent, the 48-hour window and the connection setting, the
//! most likely cause with its evidence, and a correction message for Support.

use yew::prelude::*;

use std::rc::Rc;

use crate::core::diagnosis::ConnectionChoice;
use crate::widget::delivery::OutgoingMessage;
use crate::widget::field::FieldKey;
use crate::widget::phases::Phase;
use crate::widget::state::Action;
use crate::widget::status::SENT_TIME_USED;
use crate::widget::view::diagnosis::{
    DiagnosisView, Outcome, PasteView, Tone, VerdictView, CONNECTION_CHOICES,
};

use super::delivery::DeliveryActions;
use super::findings::Findings;
use super::reveal::{use_reveal, Reveal};
use super::uri::{prose, Uri};
use super::{use_instance, Instance};

#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub view: DiagnosisView,
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Ok => "imh-status-ok",
        Tone::Problem => "imh-status-problem",
        Tone::Unknown => "imh-status-unknown",
    }
}

/// A pasted field's findings list, the ids that describe the field (its hint, then the
/// list) and whether an error marks it invalid.
fn field_parts(view: &PasteView, id: &str) -> (Html, String, Option<&'static str>) {
    let mut described = format!("{id}-hint");
    if !view.findings.is_empty() {
        described.push_str(&format!(" {id}-findings"));
    }
    let list =
        html! { <Findings findings={view.findings.clone()} id={format!("{id}-findings")} /> };
    (list, described, view.invalid().then_some("true"))
}

#[component]
pub fn DiagnosisStep(props: &DiagnosisProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("diagnosis-heading");
    let view = &props.view;
    let dispatch = instance.dispatch.clone();
    let reveal_registered = use_reveal(FieldKey::Registered);
    let reveal_failing = use_reveal(FieldKey::Failing);
    let reveal_submitted = use_reveal(FieldKey::SubmittedAt);
    // The diagnosis fields are a date input and two text areas; both report `value`.
    let set_text = |field: FieldKey, reveal: &Reveal| {
        let dispatch = dispatch.clone();
        let typed = reveal.typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.emit(());
            let text = event
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
                .or_else(|| {
                    event
                        .target_dyn_into::<web_sys::HtmlInputElement>()
                        .map(|input| input.value())
                })
                .unwrap_or_default();
            dispatch.emit(Action::SetText { field, text });
        })
    };
    let connection = |choice: ConnectionChoice| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(Action::SetConnection(Some(choice))))
    };
    let use_sent_time = {
        let dispatch = dispatch.clone();
        let announce = instance.announce.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::UseSentTime);
            announce.emit(SENT_TIME_USED.into());
        })
    };
    let registered_id = instance.field_id(FieldKey::Registered);
    let failing_id = instance.field_id(FieldKey::Failing);
    let submitted_id = instance.field_id(FieldKey::SubmittedAt);
    let connection_name = instance.id("diagnosis-connection");
    let (registered_findings, registered_described, _) =
        field_parts(&view.registered, &registered_id);
    let (failing_findings, failing_described, _) = field_parts(&view.failing, &failing_id);
    let (submitted_findings, submitted_described, submitted_invalid) =
        field_parts(&view.submitted, &submitted_id);

    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()} data-testid="diagnosis">
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Signing in fails with invalid_redirect_uri?" }</@>
            <p class="imh-hint">{"Paste what you have; each part is optional. It is compared with the redirect URIs of the environments you entered."}</p>

            <div class="imh-field">
                <label class="imh-label" for={registered_id.clone()}>{ FieldKey::Registered.label() }</label>
                <p class="imh-hint" id={format!("{registered_id}-hint")}>{"Paste the confirmation e-mail or the list. Quotes, bullets and other text around the addresses are fine."}</p>
                <textarea id={registered_id.clone()} class="imh-textarea" rows="4" value={view.registered.value.clone()}
                    oninput={set_text(FieldKey::Registered, &reveal_registered)} onblur={reveal_registered.left.clone()} spellcheck="false" data-testid="diagnosis-registered"
                    aria-describedby={registered_described} />
                { registered_findings }
            </div>
            <div class="imh-field">
                <label class="imh-label" for={failing_id.clone()}>{ FieldKey::Failing.label() }</label>
                <p class="imh-hint" id={format!("{failing_id}-hint")}>{"Copy the whole address from the address bar (it contains redirect_uri=), or the error text."}</p>
                <textarea id={failing_id.clone()} class="imh-textarea" rows="3" value={view.failing.value.clone()}
                    oninput={set_text(FieldKey::Failing, &reveal_failing)} onblur={reveal_failing.left.clone()} spellcheck="false" data-testid="diagnosis-failing"
                    aria-describedby={failing_described} />
                { failing_findings }
            </div>
            <div class="imh-field">
                <label class="imh-label" for={submitted_id.clone()}>{ FieldKey::SubmittedAt.label() }</label>
                <p class="imh-hint" id={format!("{submitted_id}-hint")} data-testid="diagnosis-submitted-hint">{"Your local date and time. iManage needs up to 48 hours from when Support submitted the request; Support's reply to you may say when. If you only know when you wrote to Support, enter that, but the wait may run longer."}</p>
                <input id={submitted_id.clone()} class="imh-input" type="datetime-local" value={view.submitted.value.clone()}
                    oninput={set_text(FieldKey::SubmittedAt, &reveal_submitted)} onblur={reveal_submitted.left.clone()} data-testid="diagnosis-submitted"
                    aria-invalid={submitted_invalid}
                    aria-describedby={submitted_described} />
                if let Some(offer) = &view.sent_time_offer {
                    <button type="button" class="imh-button imh-button-small imh-offer" onclick={use_sent_time} data-testid="use-sent-time">{ offer.clone() }</button>
                }
                { submitted_findings }
            </div>
            <fieldset class="imh-field imh-fieldset">
                <legend class="imh-label">{"Connection setting selected in the linked service"}</legend>
                { for CONNECTION_CHOICES.iter().map(|(choice, label, key)| {
                    let id = format!("{connection_name}-{key}");
                    html! {
                        <div class="imh-radio">
                            <input type="radio" id={id.clone()} name={connection_name.clone()}
                                checked={view.connection == Some(*choice)} onchange={connection(*choice)} />
                            <label for={id}>{ *label }</label>
                        </div>
                    }
                }) }
            </fieldset>

            { match &view.outcome {
                Outcome::Verdict(verdict) => verdict_view(verdict, &instance),
                Outcome::NeedsEnvironments => html! {
                    <p class="imh-hint">{"Enter your environments under "}<strong>{ Phase::Prepare.title() }</strong>{" first."}</p>
                },
                Outcome::Nothing => html! {},
            } }
        </section>
    }
}

fn verdict_view(verdict: &VerdictView, instance: &Instance) -> Html {
    let Some((first, rest)) = verdict.causes.split_first() else {
        return html! {};
    };
    html! {
        <>
            <div class="imh-verdict" data-testid="verdict">
                <@{instance.heading(2)} class="imh-step-title">{"Most likely cause: "}{ prose(&first.title) }</@>
                <ul>{ for first.evidence.iter().map(|e| html! { <li>{ prose(e) }</li> }) }</ul>
                <p><strong>{"What to do: "}</strong>{ prose(&first.action) }</p>
                if !rest.is_empty() {
                    <@{instance.heading(3)} class="imh-subheading">{"Also check"}</@>
                    <ul>
                        { for rest.iter().map(|cause| html! {
                            <li><strong>{ prose(&cause.title) }{". "}</strong>{ prose(&cause.action) }
                                <ul>{ for cause.evidence.iter().map(|e| html! { <li>{ prose(e) }</li> }) }</ul>
                            </li>
                        }) }
                    </ul>
                }
                if let Some(cause) = &verdict.if_none {
                    <p><strong>{"If none of these is it: "}</strong>{ prose(&cause.action) }</p>
                    if !cause.evidence.is_empty() {
                        <ul>{ for cause.evidence.iter().map(|e| html! { <li>{ prose(e) }</li> }) }</ul>
                    }
                }
            </div>
            if !verdict.checks.is_empty() {
                <@{instance.heading(2)} class="imh-step-title">{"Each environment"}</@>
                <ul class="imh-checks" data-testid="diagnosis-environments">
                    { for verdict.checks.iter().map(|check| html! {
                        <li class={tone_class(check.tone)}>
                            <strong>{ check.name.clone() }</strong>{" "}<Uri text={AttrValue::from(check.redirect_uri.clone())} />
                            <span class="imh-check-status">{ prose(&check.registered) }</span>
                            if let Some(sent) = &check.sent {
                                <span class="imh-check-status">{ prose(sent) }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
            if !verdict.unknown.is_empty() {
                <@{instance.heading(2)} class="imh-step-title">{"Not in your list of environments"}</@>
                <ul class="imh-checks" data-testid="diagnosis-unknown">
                    { for verdict.unknown.iter().map(|unknown| html! {
                        <li class={tone_class(if unknown.confirmed { Tone::Unknown } else { Tone::Problem })}>
                            {"The sign-in sent "}<Uri text={AttrValue::from(unknown.found.clone())} />
                            <span class="imh-check-status">{ if unknown.confirmed {
                                "iManage confirmed it, but it is not among the environments you entered."
                            } else {
                                "It is not among the environments you entered, so it was not in the registration request."
                            } }</span>
                        </li>
                    }) }
                </ul>
            }
            if let Some(window) = &verdict.window {
                <p class="imh-hint" data-testid="diagnosis-window">{ prose(window) }</p>
            }
            if let Some(message) = &verdict.correction {
                { correction_view(message, instance) }
            }
        </>
    }
}

fn correction_view(message: &Rc<OutgoingMessage>, instance: &Instance) -> Html {
    let preview_id = instance.id("follow-up-heading");
    html! {
        <>
            <@{instance.heading(2)} class="imh-step-title" id={preview_id.clone()}>{"Message for Clio Operate Support"}</@>
            <DeliveryActions message={message.clone()} what="(message for Support)" testid="follow-up" />
            <pre class="imh-preview" tabindex="0" aria-labelledby={preview_id} data-testid="follow-up-preview">{ message.text() }</pre>
        </>
    }
}

//! Step 6: diagnosing `invalid_redirect_uri` after registration — what was confirmed,
//! what the failing sign-in sent, the 48-hour window and the connection setting, the
//! most likely cause with its evidence, and a correction message for Support.

use yew::prelude::*;

use crate::core::diagnosis::{ConnectionChoice, DiagnosisReport, Match, WINDOW_CAVEAT};
use crate::widget::delivery::OutgoingMessage;
use crate::widget::field::FieldKey;
use crate::widget::state::Action;

use super::delivery::DeliveryActions;
use super::findings::Findings;
use super::reveal::{use_reveal, Reveal};
use super::uri::Uri;
use super::{use_instance, StepProps};

fn status_text(status: &Match) -> (String, &'static str) {
    match status {
        Match::Exact => ("Registered exactly".into(), "imh-status-ok"),
        Match::NearMiss { found, differences } => (
            format!(
                "Registered with a difference: {found} ({})",
                differences
                    .iter()
                    .map(|d| d.describe())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            "imh-status-problem",
        ),
        Match::Missing => ("Not in the confirmed list".into(), "imh-status-problem"),
        Match::Unknown => (
            "Not checked: paste the confirmed list".into(),
            "imh-status-unknown",
        ),
    }
}

#[component]
pub fn DiagnosisStep(props: &StepProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("diagnosis-heading");
    let form = props.form.answers();
    let report: Option<&DiagnosisReport> = props.report.diagnosis.as_ref();
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
    let state = &*props.form;
    let findings_for = |field: crate::core::Field| -> Vec<crate::core::Finding> {
        let key = FieldKey::from_finding(field, None, 0);
        report
            .filter(|_| state.shows(key))
            .map(|r| {
                r.findings
                    .iter()
                    .filter(|f| f.field == field)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    let registered_id = instance.field_id(FieldKey::Registered);
    let failing_id = instance.field_id(FieldKey::Failing);
    let submitted_id = instance.field_id(FieldKey::SubmittedAt);
    let connection_name = instance.id("diagnosis-connection");
    let choices = [
        (
            ConnectionChoice::SharedoProduction,
            "Sharedo Production",
            "production",
        ),
        (ConnectionChoice::SharedoTest, "Sharedo Test", "test"),
        (ConnectionChoice::NotSure, "I am not sure", "not-sure"),
    ];
    // Each field's findings, filtered once: the list under the field, the ids that
    // describe the field (its hint, then the list) and whether an error marks it invalid.
    let field_parts = |field: crate::core::Field, id: &str| {
        let findings = findings_for(field);
        let mut described = format!("{id}-hint");
        if !findings.is_empty() {
            described.push_str(&format!(" {id}-findings"));
        }
        let invalid = findings.iter().any(|f| f.is_error()).then_some("true");
        let list = html! { <Findings {findings} id={format!("{id}-findings")} /> };
        (list, described, invalid)
    };
    use crate::core::Field as F;
    let (registered_findings, registered_described, _) = field_parts(F::Registered, &registered_id);
    let (failing_findings, failing_described, _) = field_parts(F::Failing, &failing_id);
    let (submitted_findings, submitted_described, submitted_invalid) =
        field_parts(F::SubmittedAt, &submitted_id);

    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()} data-testid="diagnosis">
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Signing in fails with invalid_redirect_uri?" }</@>
            <p class="imh-hint">{"Paste what you have; each part is optional. It is compared with the redirect URIs of the environments you entered."}</p>

            <div class="imh-field">
                <label class="imh-label" for={registered_id.clone()}>{ FieldKey::Registered.label() }</label>
                <p class="imh-hint" id={format!("{registered_id}-hint")}>{"Paste the confirmation e-mail or the list. Quotes, bullets and other text around the addresses are fine."}</p>
                <textarea id={registered_id.clone()} class="imh-textarea" rows="4" value={form.registered.clone()}
                    oninput={set_text(FieldKey::Registered, &reveal_registered)} onblur={reveal_registered.left.clone()} spellcheck="false" data-testid="diagnosis-registered"
                    aria-describedby={registered_described} />
                { registered_findings }
            </div>
            <div class="imh-field">
                <label class="imh-label" for={failing_id.clone()}>{ FieldKey::Failing.label() }</label>
                <p class="imh-hint" id={format!("{failing_id}-hint")}>{"Copy the whole address from the address bar (it contains redirect_uri=), or the error text."}</p>
                <textarea id={failing_id.clone()} class="imh-textarea" rows="3" value={form.failing.clone()}
                    oninput={set_text(FieldKey::Failing, &reveal_failing)} onblur={reveal_failing.left.clone()} spellcheck="false" data-testid="diagnosis-failing"
                    aria-describedby={failing_described} />
                { failing_findings }
            </div>
            <div class="imh-field">
                <label class="imh-label" for={submitted_id.clone()}>{ FieldKey::SubmittedAt.label() }</label>
                <p class="imh-hint" id={format!("{submitted_id}-hint")} data-testid="diagnosis-submitted-hint">{"Your local date and time. iManage needs up to 48 hours from when Support submitted the request; Support's reply to you may say when. If you only know when you wrote to Support, enter that, but the wait may run longer."}</p>
                <input id={submitted_id.clone()} class="imh-input" type="datetime-local" value={form.submitted_at.clone()}
                    oninput={set_text(FieldKey::SubmittedAt, &reveal_submitted)} onblur={reveal_submitted.left.clone()} data-testid="diagnosis-submitted"
                    aria-invalid={submitted_invalid}
                    aria-describedby={submitted_described} />
                { submitted_findings }
            </div>
            <fieldset class="imh-field imh-fieldset">
                <legend class="imh-label">{"Connection setting selected in the linked service"}</legend>
                { for choices.iter().map(|(choice, label, key)| {
                    let id = format!("{connection_name}-{key}");
                    html! {
                        <div class="imh-radio">
                            <input type="radio" id={id.clone()} name={connection_name.clone()}
                                checked={form.connection == Some(*choice)} onchange={connection(*choice)} />
                            <label for={id}>{ *label }</label>
                        </div>
                    }
                }) }
            </fieldset>

            if let Some(report) = report {
                { verdict(report, &instance) }
                if !report.environments.is_empty() {
                    <@{instance.heading(2)} class="imh-step-title">{"Each environment"}</@>
                    <ul class="imh-checks" data-testid="diagnosis-environments">
                        { for report.environments.iter().map(|check| {
                            let name = check.role.as_ref().map_or("Environment".to_owned(), |r| r.label().to_owned());
                            let (registered, class) = status_text(&check.registered);
                            html! {
                                <li class={class}>
                                    <strong>{ name }</strong>{" "}<Uri text={AttrValue::from(check.redirect_uri.as_str().to_owned())} />
                                    <span class="imh-check-status">{ registered }</span>
                                    if let Some(sent) = &check.sent {
                                        <span class="imh-check-status">{ match sent {
                                            Match::Exact => "The failing sign-in sent exactly this URI.".to_owned(),
                                            other => format!("The failing sign-in sent: {}", status_text(other).0.trim_start_matches("Registered with a difference: ")),
                                        } }</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
                if !report.unknown_environments.is_empty() {
                    <@{instance.heading(2)} class="imh-step-title">{"Not in your list of environments"}</@>
                    <ul class="imh-checks" data-testid="diagnosis-unknown">
                        { for report.unknown_environments.iter().map(|unknown| html! {
                            <li class={if unknown.confirmed { "imh-status-unknown" } else { "imh-status-problem" }}>
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
                if let Some(window) = &report.window {
                    <p class="imh-hint" data-testid="diagnosis-window">
                        if window.passed {
                            { format!("The 48 hours from the date entered ended on {}. ", window.wait_until_local) }
                        } else {
                            { format!("48 hours from the date entered pass on {}: {} from now. ", window.wait_until_local, crate::widget::status::count(window.hours_left.max(0) as usize, "hour", "hours")) }
                        }
                        { WINDOW_CAVEAT }
                    </p>
                }
                if let Some(follow_up) = &report.follow_up {
                    { follow_up_view(follow_up, &instance) }
                }
            } else if props.report.environments.registrations.is_empty() {
                <p class="imh-hint">{"Enter your environments under "}<strong>{ crate::widget::phases::Phase::Prepare.title() }</strong>{" first."}</p>
            }
        </section>
    }
}

fn verdict(report: &DiagnosisReport, instance: &super::Instance) -> Html {
    let Some((first, rest)) = report.causes.split_first() else {
        return html! {};
    };
    html! {
        <div class="imh-verdict" data-testid="verdict">
            <@{instance.heading(2)} class="imh-step-title">{"Most likely cause: "}{ first.title.clone() }</@>
            <ul>{ for first.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
            <p><strong>{"What to do: "}</strong>{ first.action.clone() }</p>
            if !rest.is_empty() {
                <@{instance.heading(3)}>{"Also check"}</@>
                <ul>
                    { for rest.iter().map(|cause| html! {
                        <li><strong>{ cause.title.clone() }{". "}</strong>{ cause.action.clone() }
                            <ul>{ for cause.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

fn follow_up_view(
    follow_up: &crate::core::diagnosis::FollowUp,
    instance: &super::Instance,
) -> Html {
    let message = std::rc::Rc::new(OutgoingMessage::correction(follow_up));
    let preview_id = instance.id("follow-up-heading");
    html! {
        <>
            <@{instance.heading(2)} class="imh-step-title" id={preview_id.clone()}>{"Message for Clio Operate Support"}</@>
            <DeliveryActions message={message.clone()} what="(message for Support)" testid="follow-up" />
            <pre class="imh-preview" tabindex="0" aria-labelledby={preview_id} data-testid="follow-up-preview">{ message.text() }</pre>
        </>
    }
}

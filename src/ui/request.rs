//! Step 4: the reader's contact details, "Check your answers", and the support request
//! delivered by copy (primary), e-mail link or text download.

use yew::prelude::*;

use crate::core::support_request::{support_recipient, SupportRecipient};
use crate::core::Finding;
use crate::widget::check::{check_rows, Answer, CheckRow};
use crate::widget::codec;
use crate::widget::delivery::OutgoingMessage;
use crate::widget::field::FieldKey;
use crate::widget::messages::field_messages;
use crate::widget::state::{Action, Answers};

use super::copy_button::CopyButton;
use super::delivery::DeliveryActions;
use super::text_field::TextField;
use super::uri::Uri;
use super::{use_instance, Instance, StepProps};

/// This page's address with the answers in its fragment.
/// The page's own hash route is kept; the answers follow it.
fn share_link(answers: &Answers) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let (page, current) = page.split_once('#').unwrap_or((&page, ""));
    format!("{page}#{}", codec::link_fragment(current, answers))
}

/// Puts the answers in this page's address without reloading it, so that a bookmark
/// brings them back; false when the browser refused.
fn put_in_address(answers: &Answers) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let link = share_link(answers);
    window.history().is_ok_and(|history| {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link))
            .is_ok()
    })
}

/// One "Check your answers" row: the question, the answer (or why there is none), and
/// a Change link to the field.
fn summary_row(instance: &Instance, row: &CheckRow) -> Html {
    let answer = match &row.answer {
        Answer::Text(text) => html! { text.clone() },
        Answer::Missing(words) => html! { <span class="imh-missing">{ *words }</span> },
        Answer::RedirectUris(uris) => html! {
            <ul class="imh-findings">
                { for uris.iter().enumerate().map(|(index, u)| html! {
                    <RedirectUriItem key={index} label={AttrValue::from(u.label.to_owned())}
                        uri={AttrValue::from(u.uri.to_owned())} />
                }) }
            </ul>
        },
    };
    let id = instance.field_id(row.change);
    html! {
        <div class="imh-summary-row">
            <dt>{ row.question }</dt>
            <dd>{ answer }</dd>
            <dd class="imh-summary-change">
                <a href={format!("#{id}")} onclick={instance.focus_on_click(&id)}>{"Change"}<span class="imh-visually-hidden">{format!(" {}", row.change_what)}</span></a>
            </dd>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RedirectUriItemProps {
    label: AttrValue,
    uri: AttrValue,
}

/// One redirect URI in "Check your answers"; a keystroke in one row of a long list
/// re-renders that item only.
#[component]
fn RedirectUriItem(props: &RedirectUriItemProps) -> Html {
    html! {
        <li>{ &props.label }{": "}<Uri text={props.uri.clone()} /></li>
    }
}

#[component]
pub fn RequestStep(props: &StepProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("request-heading");
    let report = &props.report;
    let request = &report.support_request;
    let form = props.form.answers();
    let progress = props.form.progress();
    let keep_draft = progress.keep_draft;
    let support_email = &props.form.setup().support_email;
    let set = |field: FieldKey| {
        let dispatch = instance.dispatch.clone();
        Callback::from(move |text: String| dispatch.emit(Action::SetText { field, text }))
    };
    let message = use_memo(request.clone(), OutgoingMessage::request);
    let text = message.text();
    let ready = request.ready;
    let dispatch = instance.dispatch.clone();

    // Copying, e-mailing or downloading first asks for the request: while something
    // blocks it, the error summary takes over instead.
    let before = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            dispatch.emit(Action::AskForRequest);
            ready
        })
    };
    let delivered = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(Action::MarkDelivered))
    };

    // Copying is not sending: the tracker moves on only when the reader says so.
    let on_sent = {
        let dispatch = dispatch.clone();
        let announce = instance.announce.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let at = crate::core::Timestamp::from_millis(js_sys::Date::now() as i64);
            dispatch.emit(Action::SetSent {
                sent: input.checked(),
                at,
            });
            announce.emit(crate::widget::status::sent(input.checked()).into());
        })
    };
    let on_bookmark = {
        let state = props.form.clone();
        let announce = instance.announce.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let done = put_in_address(state.answers());
            if done {
                dispatch.emit(Action::FollowInAddress);
            }
            announce.emit(crate::widget::status::in_address(done).into());
        })
    };
    let on_forget = {
        let dispatch = dispatch.clone();
        let announce = instance.announce.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SetKeepDraft(false));
            announce.emit("Your answers are no longer kept on this device.".into());
        })
    };
    let on_keep_draft = {
        let dispatch = dispatch.clone();
        let announce = instance.announce.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetKeepDraft(input.checked()));
            announce.emit(crate::widget::status::keep_draft(input.checked()).into());
        })
    };
    let share_link_when_copied = {
        let state = props.form.clone();
        Callback::from(move |()| share_link(state.answers()))
    };
    let contact_findings: Vec<Finding> = report.contact_findings.clone();
    let rows = check_rows(form, report);
    let support = support_recipient(support_email);

    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Ask Clio Operate Support to register you" }</@>
            <p class="imh-hint">{"Support passes your details to iManage. Your name and e-mail help Support reply; they are optional."}</p>
            <TextField field={FieldKey::FirmName} optional=true autocomplete={AttrValue::Static("organization")}
                value={form.firm_name.clone()} on_input={set(FieldKey::FirmName)} />
            <TextField field={FieldKey::ContactName} optional=true autocomplete={AttrValue::Static("name")}
                value={form.contact_name.clone()} on_input={set(FieldKey::ContactName)} />
            <TextField field={FieldKey::ContactEmail} optional=true input_type={AttrValue::Static("email")}
                autocomplete={AttrValue::Static("email")}
                value={form.contact_email.clone()} on_input={set(FieldKey::ContactEmail)} messages={field_messages(&props.form, FieldKey::ContactEmail, &contact_findings, request)} />

            <@{instance.heading(2)} class="imh-step-title">{"Check your answers"}</@>
            <dl class="imh-summary-list" data-testid="check-answers">
                { for rows.iter().map(|row| summary_row(&instance, row)) }
            </dl>

            <DeliveryActions message={message.clone()} {before} on_delivered={delivered} testid="request" />
            if progress.request_delivered || progress.request_sent {
                <div class="imh-checkbox" data-testid="sent">
                    <input type="checkbox" id={instance.id("sent")} checked={progress.request_sent} onchange={on_sent} />
                    <label for={instance.id("sent")}>{"I have sent the request to Clio Operate Support"}</label>
                </div>
            }
            <p class="imh-hint" data-testid="support-recipient">
                { match support {
                    SupportRecipient::Unset => html! {
                        {"Send it to Clio Operate Support the way you normally contact them."}
                    },
                    SupportRecipient::Address(address) => html! {
                        <>{"The e-mail goes to "}<code>{ address.to_owned() }</code>{"."}</>
                    },
                    SupportRecipient::Refused(given) => html! {
                        <>
                            {"This page gives the Support address "}<code>{ given.to_owned() }</code>
                            {", which is not a plain e-mail address, so it was refused: the e-mail has no recipient. "}
                            {"Add Clio Operate Support's address yourself."}
                        </>
                    },
                } }
            </p>
            <div class="imh-share" data-testid="come-back">
                <@{instance.heading(2)} class="imh-step-title">{"Come back to this later"}</@>
                <p class="imh-hint">{"iManage confirms a day or two after Support sends the request. To find your answers again then, bookmark them or keep a link."}</p>
                <div class="imh-actions">
                    <button type="button" class="imh-button" onclick={on_bookmark} data-testid="bookmark">{"Put my answers in this page's address"}</button>
                    <CopyButton text_when_copied={share_link_when_copied} label="Copy link to these answers"
                        copied_message="Link copied. It contains your firm's details: share it only with people who may see them."
                        confirmation="Link copied" testid="copy-share-link" />
                </div>
                <p class="imh-hint">
                    {"The address and the link contain your firm's details (addresses, Customer ID, contact). Share them only with people who may see them. "}
                    {"The details sit after the # in the link, so opening it sends them to no server."}
                </p>
                <div class="imh-checkbox">
                    <input type="checkbox" id={instance.id("keep-draft")} checked={keep_draft} onchange={on_keep_draft} />
                    <label for={instance.id("keep-draft")}>{"Remember my answers on this device for 30 days"}</label>
                </div>
                if keep_draft {
                    <p class="imh-hint" data-testid="remembered">
                        {"Your answers are kept in this browser on this device until you choose Forget or Start again, or for 30 days after your last change. "}
                        <button type="button" class="imh-button imh-button-small" onclick={on_forget}>{"Forget"}<span class="imh-visually-hidden">{" my answers on this device"}</span></button>
                    </p>
                }
            </div>
            <@{instance.heading(2)} class="imh-step-title" id={instance.id("preview-heading")}>{"The message"}</@>
            <pre class="imh-preview" tabindex="0" aria-labelledby={instance.id("preview-heading")} data-testid="preview">{ text }</pre>
        </section>
    }
}

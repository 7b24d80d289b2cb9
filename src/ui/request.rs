//! Step 4: the reader's contact details, "Check your answers", and the support request
//! delivered by copy (primary), e-mail link or text download.

use yew::prelude::*;

use std::rc::Rc;

use crate::widget::check::{Answer, CheckRow};
use crate::widget::field::FieldKey;
use crate::widget::state::Action;
use crate::widget::view::request::{Recipient, RequestView};

use super::copy_button::CopyButton;
use super::delivery::DeliveryActions;
use super::page::replace_address;
use super::text_field::{set_text, TextField};
use super::uri::Uri;
use super::{use_instance, Instance};

/// The name of the "Remember my answers" checkbox's id, which takes focus after Forget.
pub const KEEP_DRAFT: &str = "keep-draft";

/// One "Check your answers" row: the question, the answer (or why there is none), and
/// a Change link to the field.
fn summary_row(instance: &Instance, row: &CheckRow) -> Html {
    let answer = match &row.answer {
        Answer::Text(text) => html! { text.clone() },
        Answer::Missing(words) => html! { <span class="imh-missing">{ *words }</span> },
        Answer::NotGiven(words) => html! { <span class="imh-not-given">{ *words }</span> },
        Answer::RedirectUris(uris) => html! {
            <ul class="imh-findings">
                { for uris.iter().enumerate().map(|(index, u)| html! {
                    <RedirectUriItem key={index} label={AttrValue::from(u.label.clone())}
                        uri={AttrValue::from(u.uri.clone())} />
                }) }
            </ul>
        },
    };
    let id = instance.field_id(row.change);
    html! {
        <div class="imh-summary-row">
            <dt>{ row.question }</dt>
            <dd>
                { answer }
                if row.problem {
                    <span class="imh-missing imh-problem">{" Has a problem to fix, shown at the field."}</span>
                }
            </dd>
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

#[derive(Properties, PartialEq)]
pub struct RequestProps {
    pub view: Rc<RequestView>,
    /// Makes the link to these answers (this page's address with them after the #), when
    /// asked: encoding the whole form on every keystroke would be wasted.
    pub share_link: Callback<(), String>,
}

#[component]
pub fn RequestStep(props: &RequestProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("request-heading");
    let view = &props.view;
    let text = view.message.text();
    let ready = view.ready;
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
        let share_link = props.share_link.clone();
        let announce = instance.announce.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let done = replace_address(&share_link.emit(()));
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
            announce.emit(crate::widget::status::keep_draft(false).into());
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

    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Ask Clio Operate Support to register you" }</@>
            <p class="imh-hint">{"Support passes your details to iManage. Your name and e-mail help Support reply; they are optional."}</p>
            <TextField field={FieldKey::FirmName} optional=true autocomplete={AttrValue::Static("organization")}
                view={view.firm_name.clone()} on_input={set_text(&instance, FieldKey::FirmName)} />
            <TextField field={FieldKey::ContactName} optional=true autocomplete={AttrValue::Static("name")}
                view={view.contact_name.clone()} on_input={set_text(&instance, FieldKey::ContactName)} />
            <TextField field={FieldKey::ContactEmail} optional=true input_type={AttrValue::Static("email")}
                autocomplete={AttrValue::Static("email")}
                view={view.contact_email.clone()} on_input={set_text(&instance, FieldKey::ContactEmail)} />

            <@{instance.heading(2)} class="imh-step-title">{"Check your answers"}</@>
            <dl class="imh-summary-list" data-testid="check-answers">
                { for view.check_rows.iter().map(|row| summary_row(&instance, row)) }
            </dl>

            // Where the message goes is said before the buttons that send it.
            <p class="imh-hint" data-testid="support-recipient">
                { match &view.recipient {
                    Recipient::Unset => html! {
                        {"Send it to Clio Operate Support the way you normally contact them."}
                    },
                    Recipient::Address(address) => html! {
                        <>{"The e-mail goes to "}<code>{ address.clone() }</code>{"."}</>
                    },
                    Recipient::Refused(given) => html! {
                        <>
                            {"This page gives the Support address "}<code>{ given.clone() }</code>
                            {", which is not a plain e-mail address, so it was refused: the e-mail has no recipient. "}
                            {"Add Clio Operate Support's address yourself."}
                        </>
                    },
                } }
            </p>
            <DeliveryActions message={view.message.clone()} {before} on_delivered={delivered} testid="request" />
            if let Some(sent) = view.sent {
                <div class="imh-checkbox" data-testid="sent">
                    <input type="checkbox" id={instance.id("sent")} checked={sent} onchange={on_sent} />
                    <label for={instance.id("sent")}>{"I have sent the request to Clio Operate Support"}</label>
                </div>
            }
            if !view.added_since_sent.is_empty() {
                <div class="imh-notice imh-notice-warning" data-testid="added-since-sent">
                    <p>{ view.added_since_sent_text() }</p>
                    <ul class="imh-findings">
                        { for view.added_since_sent.iter().map(|uri| html! { <li><Uri text={AttrValue::from(uri.clone())} /></li> }) }
                    </ul>
                </div>
            }
            <div class="imh-share" data-testid="come-back">
                <@{instance.heading(2)} class="imh-step-title">{"Come back to this later"}</@>
                <p class="imh-hint">{"iManage confirms a day or two after Support sends the request. To find your answers again then, bookmark them or keep a link."}</p>
                <div class="imh-actions">
                    <button type="button" class="imh-button" onclick={on_bookmark} data-testid="bookmark">{"Put my answers in this page's address"}</button>
                    <CopyButton text_when_copied={props.share_link.clone()} label="Copy link to these answers"
                        copied_message="Link copied. It contains your firm's details: share it only with people who may see them."
                        confirmation="Link copied" testid="copy-share-link" />
                </div>
                <p class="imh-hint">
                    {"The address and the link contain your firm's details (addresses, Customer ID, contact). Share them only with people who may see them. "}
                    {"The details sit after the # in the link, so opening it sends them to no server. "}
                    {"The address and the link keep your answers; only Remember my answers on this device also keeps that you sent the request, and when."}
                </p>
                <div class="imh-checkbox">
                    <input type="checkbox" id={instance.id(KEEP_DRAFT)} checked={view.keep_draft} onchange={on_keep_draft} />
                    <label for={instance.id(KEEP_DRAFT)}>{"Remember my answers on this device for 30 days"}</label>
                </div>
                if view.keep_draft {
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

//! The delivery actions for a message to Support (copy, e-mail link, text file), one
//! component for the registration request and the correction message alike. What each
//! action says is the model's ([`OutgoingMessage`]); this only wires it to the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::widget::delivery::{EmailPlan, OutgoingMessage};

use super::clipboard::copy_text;
use super::copy_button::CopyButton;
use super::use_instance;

#[derive(Properties, PartialEq, Clone)]
pub struct DeliveryProps {
    pub message: Rc<OutgoingMessage>,
    /// Runs before any delivery; false cancels it (e.g. errors remain).
    #[prop_or_default]
    pub before: Option<Callback<(), bool>>,
    /// Told when the message was copied, opened in e-mail or downloaded.
    #[prop_or_default]
    pub on_delivered: Callback<()>,
    /// Completes the accessible names when a page has two messages: "(message for Support)".
    #[prop_or_default]
    pub what: AttrValue,
    /// The test hooks' suffix: `copy-{it}`, `email-{it}`, `download-{it}`.
    pub testid: AttrValue,
}

#[component]
pub fn DeliveryActions(props: &DeliveryProps) -> Html {
    let instance = use_instance();
    let message = props.message.clone();
    let proceed = {
        let before = props.before.clone();
        move |event: &MouseEvent| {
            let go = before.as_ref().is_none_or(|before| before.emit(()));
            if !go {
                event.prevent_default();
            }
            go
        }
    };
    let on_email = {
        let message = message.clone();
        let proceed = proceed.clone();
        let announce = instance.announce.clone();
        let delivered = props.on_delivered.clone();
        Callback::from(move |event: MouseEvent| {
            if !proceed(&event) {
                return;
            }
            match message.email_plan() {
                EmailPlan::Open => {
                    delivered.emit(());
                    if let Some(said) = message.email_outcome(true) {
                        announce.emit(said);
                    }
                }
                EmailPlan::CopyThenOpen => {
                    // The link's body says the message is on the clipboard, so it opens
                    // only once the copy succeeded.
                    event.prevent_default();
                    let copying = copy_text(&message.text());
                    let message = message.clone();
                    let announce = announce.clone();
                    let delivered = delivered.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let copied = copying.await.is_ok();
                        if copied {
                            if let Some(window) = web_sys::window() {
                                let _ = window.location().set_href(&message.mailto);
                            }
                            delivered.emit(());
                        }
                        if let Some(outcome) = message.email_outcome(copied) {
                            announce.emit(outcome);
                        }
                    });
                }
            }
        })
    };
    let on_download = {
        let message = message.clone();
        let announce = instance.announce.clone();
        let delivered = props.on_delivered.clone();
        Callback::from(move |event: MouseEvent| {
            if !proceed(&event) {
                return;
            }
            // The file is encoded only when asked for, not on every keystroke; the link
            // follows its href after this handler.
            let anchor: web_sys::Element = event.target_unchecked_into();
            if let Ok(Some(anchor)) = anchor.closest("a") {
                let _ = anchor.set_attribute("href", &message.download_href());
            }
            delivered.emit(());
            announce.emit(message.downloaded());
        })
    };
    let hidden = (!props.what.is_empty()).then(|| {
        html! { <span class="imh-visually-hidden">{" "}{ &props.what }</span> }
    });
    let testid = &props.testid;
    html! {
        <div class="imh-actions">
            <CopyButton text={AttrValue::from(message.text())} label={message.copy_label()} primary=true
                copied_message={AttrValue::from(message.copied())}
                confirmation={message.confirmation()}
                before_copy={props.before.clone()} on_delivered={props.on_delivered.clone()}
                testid={format!("copy-{testid}")} />
            <a class="imh-button" href={message.mailto.clone()} onclick={on_email} data-testid={format!("email-{testid}")}>
                {"Open in e-mail"}{ hidden.clone() }
            </a>
            <a class="imh-button" href="#" download={message.file_name.clone()} onclick={on_download}
                data-testid={format!("download-{testid}")}>
                {"Download as a text file"}{ hidden }
            </a>
        </div>
    }
}

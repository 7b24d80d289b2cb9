//! A copy button named for what it copies, with a select-and-copy fallback when the
//! clipboard is unavailable or refused. Focus stays on the button after a copy, and a
//! copy that happened is confirmed beside the button for a few seconds.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::clipboard::copy_text;
use super::use_instance;

#[derive(Properties, PartialEq, Clone)]
pub struct CopyButtonProps {
    /// The text to copy.
    #[prop_or_default]
    pub text: AttrValue,
    /// Makes the text at the moment of copying instead, for text that is costly to keep
    /// up to date on every keystroke (a share link encodes the whole form).
    #[prop_or_default]
    pub text_when_copied: Option<Callback<(), String>>,
    /// Visible button text, e.g. "Copy".
    pub label: AttrValue,
    /// Completes the accessible name, visually hidden: "redirect URI for UAT".
    #[prop_or_default]
    pub what: AttrValue,
    /// What the status region says after a copy, e.g. "Redirect URI for UAT copied."
    pub copied_message: AttrValue,
    /// What shows beside the button after a copy, e.g. "Redirect URI copied".
    pub confirmation: AttrValue,
    #[prop_or_default]
    pub primary: bool,
    #[prop_or_default]
    pub small: bool,
    /// Runs before copying; returning false cancels the copy (e.g. errors remain).
    #[prop_or_default]
    pub before_copy: Option<Callback<(), bool>>,
    /// Told when the text was copied or shown for copying by hand.
    #[prop_or_default]
    pub on_delivered: Callback<()>,
    #[prop_or_default]
    pub testid: AttrValue,
}

/// How long a copy stays confirmed beside its button.
const CONFIRMATION_MS: u32 = 5_000;

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let instance = use_instance();
    let fallback = use_state(|| false);
    // Text made when copied is shown in the fallback as it was when the copy was refused;
    // other text is shown as it is now.
    let fallback_text = use_state(String::new);
    let shown_text: AttrValue = if props.text_when_copied.is_some() {
        (*fallback_text).clone().into()
    } else {
        props.text.clone()
    };
    let fallback_ref = use_node_ref();
    let button_ref = use_node_ref();
    // Each refused copy opens the fallback anew; only then does it take focus (never on
    // a later edit of the text it shows, which would pull the reader out of a field).
    let refusals = use_state(|| 0u32);
    // The visible confirmation, and the timer that takes it away again (dropping a
    // timer cancels it, so a second copy restarts the time).
    let confirmed = use_state(|| false);
    let confirmation_timer = use_mut_ref(|| None::<Timeout>);
    // Cancelled with the button, so that a pending timer cannot keep it alive.
    {
        let timer = confirmation_timer.clone();
        use_effect_with((), move |()| move || drop(timer.borrow_mut().take()));
    }

    // "Copied" stands for the text as it was: once the text changes, it goes.
    {
        let confirmed = confirmed.clone();
        let timer = confirmation_timer.clone();
        let shown = *confirmed;
        use_effect_with(props.text.clone(), move |_| {
            if shown {
                timer.borrow_mut().take();
                confirmed.set(false);
            }
        });
    }

    // In the fallback, select the text so Ctrl+C / Cmd+C copies it at once.
    {
        let fallback_ref = fallback_ref.clone();
        use_effect_with((*fallback, *refusals), move |(shown, _)| {
            if *shown {
                if let Some(area) = fallback_ref.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
            }
        });
    }

    let onclick = {
        let props = props.clone();
        let fallback = fallback.clone();
        let fallback_text = fallback_text.clone();
        let refusals = refusals.clone();
        let announce = instance.announce.clone();
        let confirmed = confirmed.clone();
        let confirmation_timer = confirmation_timer.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(before) = &props.before_copy {
                if !before.emit(()) {
                    return;
                }
            }
            let text = match &props.text_when_copied {
                Some(make) => make.emit(()),
                None => props.text.to_string(),
            };
            let copying = copy_text(&text);
            let fallback = fallback.clone();
            let fallback_text = fallback_text.clone();
            let refusals = refusals.clone();
            let announce = announce.clone();
            let message = props.copied_message.to_string();
            let delivered = props.on_delivered.clone();
            let confirmed = confirmed.clone();
            let confirmation_timer = confirmation_timer.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match copying.await {
                    Ok(()) => {
                        fallback.set(false);
                        announce.emit(message);
                        confirmed.set(true);
                        let confirmed = confirmed.clone();
                        *confirmation_timer.borrow_mut() =
                            Some(Timeout::new(CONFIRMATION_MS, move || confirmed.set(false)));
                    }
                    Err(()) => {
                        confirmed.set(false);
                        fallback_text.set(text);
                        fallback.set(true);
                        refusals.set(refusals.wrapping_add(1));
                        announce.emit(
                            "Copying is blocked here. The text is selected below: press Control and C, or Command and C on a Mac, to copy it."
                                .into(),
                        );
                    }
                }
                delivered.emit(());
            });
        })
    };
    // Done gives focus back to the button the fallback came from.
    let on_close = {
        let fallback = fallback.clone();
        let button_ref = button_ref.clone();
        Callback::from(move |_: MouseEvent| {
            fallback.set(false);
            if let Some(button) = button_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };

    let mut class = classes!("imh-button");
    if props.primary {
        class.push("imh-button-primary");
    }
    if props.small {
        class.push("imh-button-small");
    }
    let fallback_id = instance.id(&format!("copy-fallback-{}", props.testid));
    html! {
        <>
            <button type="button" {class} {onclick} ref={button_ref} data-testid={props.testid.clone()}>
                { &props.label }
                if !props.what.is_empty() {
                    <span class="imh-visually-hidden">{" "}{ &props.what }</span>
                }
            </button>
            // Said by the status region already; this is for the eyes.
            if *confirmed {
                <span class="imh-copied" aria-hidden="true" data-testid="copy-confirmation">{ &props.confirmation }</span>
            }
            if *fallback {
                <div class="imh-copy-fallback" data-testid="copy-fallback">
                    <label class="imh-label" for={fallback_id.clone()}>
                        {"Copy this text: it is selected, so press Control and C (Command and C on a Mac)."}
                    </label>
                    <textarea id={fallback_id} class="imh-textarea" readonly=true rows="4"
                        ref={fallback_ref} value={shown_text} />
                    <button type="button" class="imh-button imh-button-small" onclick={on_close}>{"Done"}</button>
                </div>
            }
        </>
    }
}

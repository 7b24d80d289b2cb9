//! The toolbar ("Try an example", "Start again") and the notices above the form, each
//! with the one button that acts on it (Undo, Start again, Forget, the saved answers).

use yew::prelude::*;

use crate::widget::state::Action;
use crate::widget::status;
use crate::widget::view::NoticesView;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub view: NoticesView,
    /// Dispatches a form-wide action and announces what it did.
    pub act: Callback<Action>,
}

/// A notice: what happened, and the button that acts on it (its label, then words that
/// only assistive technology reads, when the label alone is unclear).
fn notice(
    testid: &'static str,
    text: AttrValue,
    onclick: Callback<MouseEvent>,
    label: AttrValue,
    hidden: &'static str,
) -> Html {
    html! {
        <p class="imh-notice" data-testid={testid}>
            { text }{" "}
            <button type="button" class="imh-button imh-button-small" {onclick}>
                { label }
                if !hidden.is_empty() {
                    <span class="imh-visually-hidden">{ hidden }</span>
                }
            </button>
        </p>
    }
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let on = |action: Action| {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(action.clone()))
    };
    let view = &props.view;
    html! {
        <>
            <div class="imh-toolbar">
                <button type="button" class="imh-button imh-button-small" onclick={on(Action::LoadExample)}>{"Try an example"}</button>
                <button type="button" class="imh-button imh-button-small" onclick={on(Action::Reset)}>{"Start again"}</button>
            </div>
            if view.from_link {
                { notice("link-notice", status::FROM_LINK.into(), on(Action::Reset), "Start again".into(), " with an empty form") }
            }
            if let Some(label) = &view.saved_offer {
                { notice("saved-draft-notice", status::SAVED_DRAFT_KEPT.into(), on(Action::UseSavedDraft), label.clone().into(), "") }
            }
            if let Some(restored) = &view.restored {
                { notice("restored-notice", restored.clone().into(), on(Action::ForgetRestored), "Forget".into(), " my answers on this device") }
            }
            if let Some(cleared) = view.reset {
                { notice("reset-notice", cleared.into(), on(Action::UndoReset), "Undo".into(), ": bring back my answers") }
            }
            if view.example_undo {
                { notice("example-notice", "The example replaced your answers.".into(), on(Action::UndoExample), "Undo".into(), ": bring back my answers") }
            }
        </>
    }
}

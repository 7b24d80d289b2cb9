//! The GOV.UK-style error summary: shown when the reader asks for the support request
//! while something blocks it; takes focus, and links to each field.

use yew::prelude::*;

use crate::widget::view::ErrorSummaryView;

use super::use_instance;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub view: ErrorSummaryView,
}

#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let instance = use_instance();
    let summary_ref = use_node_ref();
    let view = &props.view;
    let shown = !view.items.is_empty();

    // Each new request for the support request moves focus here, and only that: not the
    // summary coming back while the reader edits a field (focus would leave the field
    // mid-word), nor the summary shown again when its phase is opened.
    let asks_seen = use_mut_ref(|| view.attempts);
    {
        let summary_ref = summary_ref.clone();
        use_effect_with(view.attempts, move |attempts| {
            let new_ask = *asks_seen.borrow() != *attempts;
            *asks_seen.borrow_mut() = *attempts;
            if new_ask && shown {
                if let Some(element) = summary_ref.cast::<web_sys::HtmlElement>() {
                    element.scroll_into_view();
                    let _ = element.focus();
                }
            }
        });
    }
    if !shown {
        return html! {};
    }

    let items = view
        .items
        .iter()
        .map(|(field, message)| (instance.field_id(*field), message));
    let title_id = instance.id("error-summary-title");
    html! {
        <div class="imh-error-summary" ref={summary_ref} tabindex="-1" role="alert"
            aria-labelledby={title_id.clone()} data-testid="error-summary">
            <@{instance.heading(1)} class="imh-error-summary-title" id={title_id}>{"There is a problem"}</@>
            <p>{"Fix these before you send the request:"}</p>
            <ul>
                { for items.map(|(id, message)| html! {
                    <li><a href={format!("#{id}")} onclick={instance.focus_on_click(&id)}>{ message.clone() }</a></li>
                }) }
            </ul>
        </div>
    }
}

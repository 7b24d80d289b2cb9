//! Step 1: the environment rows, "Add environment", "Copy all redirect URIs", and the
//! findings about the list as a whole.

use yew::prelude::*;

use crate::widget::state::Action;
use crate::widget::view::environments::EnvironmentsView;

use super::copy_button::CopyButton;
use super::environment_row::EnvironmentRowView;
use super::findings::Findings;
use super::use_instance;

/// The name of the "Add environment" button's id, which takes focus when no row follows
/// a removed one.
pub const ADD_ENVIRONMENT: &str = "add-environment";

#[derive(Properties, PartialEq)]
pub struct EnvironmentsProps {
    pub view: EnvironmentsView,
}

#[component]
pub fn EnvironmentsStep(props: &EnvironmentsProps) -> Html {
    let instance = use_instance();
    let view = &props.view;
    let heading_id = instance.id("environments-heading");
    // The new row's address takes focus: the model asks for it.
    let on_add = {
        let dispatch = instance.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddRow))
    };
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Your Clio Operate environments" }</@>
            <p class="imh-hint">
                {"Enter the address of every environment that will connect to iManage: production, UAT, training and test. "}
                {"You can paste a whole list into one box, one address per line or separated by commas."}
            </p>
            <ol class="imh-rows" id={instance.id("environments")} tabindex="-1" data-testid="environment-rows">
                { for view.rows.iter().map(|row| html! {
                    <EnvironmentRowView key={row.id} row={row.clone()} />
                }) }
            </ol>
            // What the last paste left out stays in view, not only in the status region.
            if let Some(left_out) = &view.left_out {
                <p class="imh-hint" data-testid="paste-left-out">{ left_out.clone() }</p>
            }
            <div class="imh-actions">
                <button type="button" class="imh-button" id={instance.id(ADD_ENVIRONMENT)} onclick={on_add} data-testid="add-environment">{"Add environment"}</button>
                if !view.all_uris.is_empty() {
                    <CopyButton text={view.all_uris.join("\n")} label="Copy all redirect URIs"
                        copied_message={view.all_copied_message()}
                        confirmation="Redirect URIs copied" testid="copy-all-uris" />
                }
            </div>
            <Findings findings={view.findings.clone()} id={instance.id("environments-findings")} />
        </section>
    }
}

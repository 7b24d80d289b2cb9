//! Step 1: the environment rows, "Add environment", "Copy all redirect URIs", and the
//! findings about the list as a whole.

use yew::prelude::*;

use crate::core::form::FormAction;

use super::copy_button::CopyButton;
use super::environment_row::EnvironmentRowView;
use super::findings::Findings;
use super::{use_instance, StepProps};

#[component]
pub fn EnvironmentsStep(props: &StepProps) -> Html {
    let instance = use_instance();
    let report = &props.report.environments;
    let heading_id = instance.id("environments-heading");
    let all_uris: Vec<&str> = report
        .registrations
        .iter()
        .map(|r| r.redirect_uri.as_str())
        .collect();
    let on_add = {
        let dispatch = instance.dispatch.clone();
        let focus = instance.clone();
        let next_id = props.form.next_row_id();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(FormAction::AddRow);
            // The new row's address field takes focus once rendered.
            let focus = focus.clone();
            let id = focus.id(&format!("row-{next_id}-url"));
            gloo::timers::callback::Timeout::new(0, move || focus.focus(&id)).forget();
        })
    };
    let rows = props.form.rows.len();
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <h3 class="imh-step-title" id={heading_id}>{"1. Your Clio Operate environments"}</h3>
            <p class="imh-hint">
                {"Enter the address of every environment that will connect to iManage: production, UAT, training and test. "}
                {"You can paste a whole list into one box, one address per line or separated by commas."}
            </p>
            <ol class="imh-rows" id={instance.id("environments")} tabindex="-1" data-testid="environment-rows">
                { for props.form.rows.iter().enumerate().map(|(index, row)| {
                    let entries = report.entries.iter().filter(|e| e.row == index).cloned().collect::<Vec<_>>();
                    html! { <EnvironmentRowView key={row.id} {index} row={row.clone()} {entries} removable={rows > 1 || !row.url.is_empty()} /> }
                }) }
            </ol>
            <div class="imh-actions">
                <button type="button" class="imh-button" onclick={on_add} data-testid="add-environment">{"Add environment"}</button>
                if !all_uris.is_empty() {
                    <CopyButton text={all_uris.join("\n")} label="Copy all redirect URIs"
                        copied_message={format!("{} redirect URI{} copied, one per line.", all_uris.len(), if all_uris.len() == 1 { "" } else { "s" })}
                        testid="copy-all-uris" />
                }
            </div>
            <Findings findings={report.findings.clone()} id={instance.id("environments-findings")} />
        </section>
    }
}

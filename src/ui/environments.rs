//! Step 1: the environment rows, "Add environment", "Copy all redirect URIs", and the
//! findings about the list as a whole.

use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::messages::field_messages;
use crate::widget::state::Action;

use super::copy_button::CopyButton;
use super::environment_row::EnvironmentRowView;
use super::findings::Findings;
use super::{use_instance, StepProps};

/// The name of the "Add environment" button's id, which takes focus when no row follows
/// a removed one.
pub const ADD_ENVIRONMENT: &str = "add-environment";

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
    // The new row's address takes focus: the model asks for it.
    let on_add = {
        let dispatch = instance.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddRow))
    };
    let rows = props.form.answers().rows.len();
    let state = &*props.form;
    let request = &props.report.support_request;
    // Where each row's entries start and end in the report, found in one pass (a pasted
    // list can make a thousand rows); entries come in row order.
    let mut ranges: Vec<std::ops::Range<usize>> = vec![0..0; rows];
    for (position, entry) in report.entries.iter().enumerate() {
        if let Some(range) = ranges.get_mut(entry.row) {
            if range.start == range.end {
                *range = position..position;
            }
            range.end = position + 1;
        }
    }
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "Your Clio Operate environments" }</@>
            <p class="imh-hint">
                {"Enter the address of every environment that will connect to iManage: production, UAT, training and test. "}
                {"You can paste a whole list into one box, one address per line or separated by commas."}
            </p>
            <ol class="imh-rows" id={instance.id("environments")} tabindex="-1" data-testid="environment-rows">
                { for props.form.answers().rows.iter().zip(ranges).enumerate().map(|(index, (row, entries))| {
                    let url = FieldKey::RowUrl(row.id);
                    let missing = (index == 0)
                        .then(|| field_messages(state, url, &[], request).missing.map(AttrValue::from))
                        .flatten();
                    html! { <EnvironmentRowView key={row.id} {index} row={row.clone()} report={props.report.clone()} {entries}
                        removable={rows > 1 || !row.url.is_empty()}
                        shown={state.shows(url)} version_shown={state.shows(FieldKey::RowVersion(row.id))} {missing} /> }
                }) }
            </ol>
            // What the last paste left out stays in view, not only in the status region.
            if let Some(left_out) = state.progress().announcement.as_ref().and_then(|a| a.left_out_text()) {
                <p class="imh-hint" data-testid="paste-left-out">{ left_out }</p>
            }
            <div class="imh-actions">
                <button type="button" class="imh-button" id={instance.id(ADD_ENVIRONMENT)} onclick={on_add} data-testid="add-environment">{"Add environment"}</button>
                if !all_uris.is_empty() {
                    <CopyButton text={all_uris.join("\n")} label="Copy all redirect URIs"
                        copied_message={format!("{} redirect URI{} copied, one per line.", all_uris.len(), if all_uris.len() == 1 { "" } else { "s" })}
                        confirmation="Redirect URIs copied" testid="copy-all-uris" />
                }
            </div>
            <Findings findings={if state.shows_environments() { report.findings.clone() } else { Vec::new() }}
                id={instance.id("environments-findings")} />
        </section>
    }
}

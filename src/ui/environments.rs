//! Step 1: the environment rows, "Add environment", "Copy all redirect URIs", and the
//! findings about the list as a whole.

use yew::prelude::*;

use crate::widget::field::FieldKey;
use crate::widget::state::Action;

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
    // A new row's address field takes focus once it is rendered.
    let pending_focus = use_state(|| None::<u32>);
    {
        let pending_focus = pending_focus.clone();
        let instance = instance.clone();
        let row_ids: Vec<u32> = props.form.answers().rows.iter().map(|r| r.id).collect();
        use_effect_with((*pending_focus, row_ids), move |(pending, rows)| {
            if let Some(id) = pending.filter(|id| rows.contains(id)) {
                instance.focus(&instance.field_id(FieldKey::RowUrl(id)));
                pending_focus.set(None);
            }
        });
    }
    let on_add = {
        let dispatch = instance.dispatch.clone();
        let next_id = props.form.answers().next_row_id();
        let pending_focus = pending_focus.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::AddRow);
            pending_focus.set(Some(next_id));
        })
    };
    let rows = props.form.answers().rows.len();
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
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ instance.step_title(1, "Your Clio Operate environments") }</@>
            <p class="imh-hint">
                {"Enter the address of every environment that will connect to iManage: production, UAT, training and test. "}
                {"You can paste a whole list into one box, one address per line or separated by commas."}
            </p>
            <ol class="imh-rows" id={instance.id("environments")} tabindex="-1" data-testid="environment-rows">
                { for props.form.answers().rows.iter().zip(ranges).enumerate().map(|(index, (row, entries))| {
                    html! { <EnvironmentRowView key={row.id} {index} row={row.clone()} report={props.report.clone()} {entries} removable={rows > 1 || !row.url.is_empty()} total_rows={rows} /> }
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

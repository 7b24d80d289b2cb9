//! Step 5: the seven-step process with who does each step and its status in words, as
//! the model works it out from what the reader has done.

use yew::prelude::*;

use crate::widget::process::{current, StepStatus, PROCESS};

use super::use_instance;

#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    /// Each step's status, as the model works it out ([`crate::widget::process::statuses`]):
    /// only a change of status renders the list again, not every keystroke.
    pub statuses: [StepStatus; 7],
}

#[component]
pub fn NextSteps(props: &NextStepsProps) -> Html {
    let instance = use_instance();
    let heading_id = instance.id("next-heading");
    let statuses = props.statuses;
    let current = current(&statuses);
    html! {
        <section class="imh-step" aria-labelledby={heading_id.clone()}>
            <@{instance.heading(1)} class="imh-step-title" id={heading_id}>{ "What happens next" }</@>
            <ol class="imh-process" data-testid="process">
                { for PROCESS.iter().zip(statuses).enumerate().map(|(index, ((what, who), status))| {
                    let class = match status {
                        StepStatus::Done => "imh-process-done",
                        _ if Some(index) == current => "imh-process-current",
                        _ => "",
                    };
                    let tag = match status {
                        StepStatus::Done => "imh-tag imh-tag-done",
                        StepStatus::ToDo | StepStatus::Waiting => "imh-tag imh-tag-current",
                        StepStatus::NotYet => "imh-tag",
                    };
                    html! {
                        <li {class} aria-current={(Some(index) == current).then_some("step")}>
                            { *what }
                            <span class="imh-who">
                                <strong class={tag} data-testid="process-status">{ status.label() }</strong>
                                { format!("Who: {}", who.label()) }
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <p class="imh-hint">{"Still seeing invalid_redirect_uri 48 hours after Support submitted the request to iManage? Check that each registered redirect URI matches the one above exactly, and that the connection setting is Sharedo Production. Then contact Clio Operate Support."}</p>
        </section>
    }
}

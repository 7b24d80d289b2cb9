//! The journey's three phases at the top of the whole flow, GOV.UK task-list style: each
//! with its status in words (worked out by the model), one open at a time.

use yew::prelude::*;

use crate::widget::phases::{Phase, PhaseStatus};
use crate::widget::state::Action;

use super::use_instance;

#[derive(Properties, PartialEq, Clone)]
pub struct TaskListProps {
    /// Each phase's status, in [`Phase::ALL`] order.
    pub statuses: [PhaseStatus; 3],
    pub open: Phase,
}

/// The DOM id (within the instance) of a phase's task button.
pub fn button_name(phase: Phase) -> String {
    format!("task-{}", phase.name())
}

/// The DOM id (within the instance) of a phase's panel.
pub fn panel_name(phase: Phase) -> String {
    format!("phase-{}", phase.name())
}

#[component]
pub fn TaskList(props: &TaskListProps) -> Html {
    let instance = use_instance();
    html! {
        <ol class="imh-tasks" data-testid="tasks">
            { for Phase::ALL.into_iter().zip(props.statuses).map(|(phase, status)| {
                let open = phase == props.open;
                let onclick = {
                    let dispatch = instance.dispatch.clone();
                    Callback::from(move |_: MouseEvent| dispatch.emit(Action::OpenPhase(phase)))
                };
                let tag = match status {
                    PhaseStatus::Sent | PhaseStatus::ReadyToSend => "imh-tag imh-tag-done",
                    PhaseStatus::InProgress | PhaseStatus::Next => "imh-tag imh-tag-current",
                    _ => "imh-tag",
                };
                html! {
                    <li class={classes!("imh-task", open.then_some("imh-task-open"))}>
                        <button type="button" class="imh-task-button" {onclick} id={instance.id(&button_name(phase))}
                            aria-expanded={if open { "true" } else { "false" }}
                            aria-controls={instance.id(&panel_name(phase))}
                            data-testid={format!("task-{}", phase.name())}>
                            <span class="imh-task-title">{ phase.title() }</span>
                            <strong class={tag} data-testid="task-status">{ status.label() }</strong>
                        </button>
                    </li>
                }
            }) }
        </ol>
    }
}

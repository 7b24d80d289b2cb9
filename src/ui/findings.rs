//! A list of findings, each with its severity in words, the fix, and a one-click fix
//! button where the core offers one.

use yew::prelude::*;

use crate::core::{Finding, Severity};
use crate::widget::field::FieldKey;
use crate::widget::state::Action;
use crate::widget::status::fix_applied;

use super::uri::prose;
use super::use_instance;

#[derive(Properties, PartialEq, Clone)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    /// A required answer that is missing, shown as the first error.
    #[prop_or_default]
    pub missing: Option<AttrValue>,
    /// Where a one-click fix applies; without one, no fix buttons are offered.
    #[prop_or_default]
    pub target: Option<FieldKey>,
    /// Completes fix buttons' accessible names, e.g. "for environment 2".
    #[prop_or_default]
    pub context: AttrValue,
    /// The list's id, for the field's `aria-describedby`.
    pub id: AttrValue,
}

fn kind(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("Error", "imh-finding imh-finding-error"),
        Severity::Warning => ("Check", "imh-finding imh-finding-warning"),
        Severity::Info => ("Note", "imh-finding imh-finding-info"),
    }
}

#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let instance = use_instance();
    if props.findings.is_empty() && props.missing.is_none() {
        return html! {};
    }
    // Errors first, then warnings, then notes: the order of what matters. (Three passes
    // over a short list keep a general sort out of the download.)
    let findings = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|severity| {
            props
                .findings
                .iter()
                .filter(move |f| f.severity == severity)
        });
    html! {
        <ul class="imh-findings" id={props.id.clone()}>
            if let Some(missing) = &props.missing {
                <li class="imh-finding imh-finding-error" data-code="missing">
                    <span class="imh-finding-kind">{"Error:"}</span>{" "}{ missing }
                </li>
            }
            { for findings.map(|finding| {
                let (word, class) = kind(finding.severity);
                let action = finding.action.clone().zip(props.target).map(|(action, target)| {
                    let dispatch = instance.dispatch.clone();
                    let announce = instance.announce.clone();
                    let label = action.label().to_owned();
                    let said = fix_applied(&action, &props.context);
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.emit(Action::ApplyFix { target, action: action.clone() });
                        announce.emit(said.clone());
                    });
                    html! {
                        <button type="button" class="imh-button imh-button-small" {onclick}
                            data-testid="fix">
                            { label }
                            if !props.context.is_empty() {
                                <span class="imh-visually-hidden">{" "}{ &props.context }</span>
                            }
                        </button>
                    }
                });
                html! {
                    <li {class} data-code={finding.code.as_str()}>
                        <span class="imh-finding-kind">{ word }{":"}</span>{" "}
                        { prose(&finding.message) }
                        <span class="imh-finding-fix">{ prose(&finding.fix) }</span>
                        { for action }
                    </li>
                }
            }) }
        </ul>
    }
}

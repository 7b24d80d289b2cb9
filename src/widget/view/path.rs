//! What the version and configuration section shows: the version field, the path it
//! decides and why, and each environment's linked-service values.

use crate::core::configuration::ValueSource;
use crate::core::{ConfigPath, EnvironmentConfiguration, Report};

use super::FieldView;
use crate::widget::field::FieldKey;
use crate::widget::phases::Phase;
use crate::widget::process::PROCESS;
use crate::widget::state::State;

/// Which parts of the section show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathParts {
    /// The version field, the decision and what to configure (the section alone).
    Whole,
    /// The version field and the decision (while preparing the request).
    Version,
    /// The decision and what to configure (once iManage confirms).
    Configuration,
}

/// A line that sends the reader to another phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPointer {
    /// What to configure is in that phase.
    ConfigureUnder(Phase),
    /// Nothing to configure yet: the answers it needs are entered in that phase.
    EnterUnder(Phase),
}

/// The section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathView {
    pub title: &'static str,
    /// The version field, when this part asks for it.
    pub version: Option<FieldView>,
    /// The decision and its reason.
    pub decision: String,
    pub decided: bool,
    pub pointer: Option<PathPointer>,
    /// The card with what to do, when there is something to show.
    pub card: Option<CardView>,
    /// What follows the configuration (the article's last steps: link the fall-back
    /// account, then test), shown with the card.
    pub then: Vec<&'static str>,
}

/// What to do on the decided path, and each environment's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardView {
    /// The path's title, intro and steps; none while only some environments have their own.
    pub path: Option<ConfigPath>,
    pub steps: Vec<String>,
    pub environments: Vec<ValuesView>,
}

/// One environment's box of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuesView {
    /// "Production", or "Environment" without a role.
    pub name: String,
    pub origin: String,
    /// Open at first; with more than three environments each starts closed.
    pub open: bool,
    /// The decision of the environment's own version, when it has one.
    pub own_reason: Option<String>,
    /// The environment's own path and steps, when they are not the plan's.
    pub own_path: Option<(ConfigPath, Vec<String>)>,
    pub linked_services_page: String,
    pub values: Vec<ValueView>,
}

/// One field of the linked-service form and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueView {
    pub field: String,
    pub value: String,
    pub source: ValueSource,
    /// An exact address to type: offered with a copy button.
    pub copyable: bool,
}

/// What the path means, shown before its steps.
pub fn path_intro(path: ConfigPath) -> &'static str {
    match path {
        ConfigPath::Hosted => "Below 7.11.0 the standard connection type cannot take your iManage URL, so you use the Hosted iManage connection type instead. It works the same; only the form differs.",
        _ => "From 7.11.0 the standard iManage Cloud linked service takes your iManage URL directly, including a vanity URL. No Client ID or Client Secret is needed.",
    }
}

impl PathView {
    pub fn new(state: &State, report: &Report, parts: PathParts) -> Self {
        let plan = &report.configuration;
        let with_field = parts != PathParts::Configuration;
        let with_card = parts != PathParts::Version;
        let decided = plan.path != ConfigPath::Undecided;
        let pointer = if !with_card {
            Some(PathPointer::ConfigureUnder(Phase::Configure))
        } else if !with_field && !decided && plan.environments.is_empty() {
            Some(PathPointer::EnterUnder(Phase::Prepare))
        } else {
            None
        };
        let few = plan.environments.len() <= 3;
        let card = (with_card && (decided || !plan.environments.is_empty())).then(|| CardView {
            path: decided.then_some(plan.path),
            steps: plan.steps.clone(),
            environments: plan
                .environments
                .iter()
                .map(|env| ValuesView::new(env, few))
                .collect(),
        });
        PathView {
            title: match parts {
                PathParts::Whole => "Your Clio Operate version and what to configure",
                PathParts::Version => "Your Clio Operate version",
                PathParts::Configuration => "What to configure in each environment",
            },
            version: with_field.then(|| {
                FieldView::new(state, report, FieldKey::Version, &report.version.findings)
            }),
            decision: report.version.reason.clone(),
            decided,
            pointer,
            then: if card.as_ref().is_some_and(|c| c.path.is_some()) {
                PROCESS[PROCESS.len() - 2..]
                    .iter()
                    .map(|(step, _)| *step)
                    .collect()
            } else {
                Vec::new()
            },
            card,
        }
    }
}

impl ValuesView {
    fn new(env: &EnvironmentConfiguration, open: bool) -> Self {
        ValuesView {
            name: env
                .role
                .as_ref()
                .map_or("Environment".to_owned(), |r| r.label().to_owned()),
            origin: env.origin.as_str().to_owned(),
            open,
            own_reason: env.own_reason.clone(),
            own_path: (!env.own_steps.is_empty()).then(|| (env.path, env.own_steps.clone())),
            linked_services_page: env.linked_services_page.clone(),
            values: env
                .values
                .iter()
                .map(|value| ValueView {
                    field: value.field.clone(),
                    value: value.value.clone(),
                    source: value.source,
                    copyable: value.source == ValueSource::Enter
                        && value.value.starts_with("https://"),
                })
                .collect(),
        }
    }
}

//! What the reader enters in Manage Linked Services, per environment, for the chosen path.

use serde::{Deserialize, Serialize};

use super::environment::EnvironmentsReport;
use super::role::Role;
use super::uri::Origin;
use super::version::ConfigPath;

/// The connection setting every customer environment uses, test and training included.
pub const CONNECTION_SETTING: &str = "Sharedo Production";
/// The setting that must never be chosen: it is for Clio Operate's internal use.
pub const INTERNAL_CONNECTION_SETTING: &str = "Sharedo Test";
/// The linked service to add.
pub const SERVICE_NAME: &str = "iManage \u{2014} Work";
/// Where linked services are configured.
pub const MENU_PATH: &str = "Admin > Integrations > Manage Linked Services";
pub const MENU_URL_PATH: &str = "/admin/oauth";

/// Where a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueSource {
    /// Choose this option in a drop-down.
    Select,
    /// Type or paste this exact text.
    Enter,
    /// Clio Operate Support provides it; the widget never asks for or shows it.
    FromSupport,
    /// The firm knows it (for example its iManage database).
    FromFirm,
}

/// One field in the linked service form and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigurationValue {
    pub field: String,
    pub value: String,
    pub source: ValueSource,
}

/// The linked service settings for one environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentConfiguration {
    pub role: Option<Role>,
    pub origin: Origin,
    /// `https://<environment>/admin/oauth`.
    pub linked_services_page: String,
    /// This environment's path: its own version's when it has one, else the plan's.
    pub path: ConfigPath,
    /// The decision and its reason, when the environment's own version made it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub own_reason: Option<String>,
    /// The steps for this environment when its path is not the plan's.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub own_steps: Vec<String>,
    pub values: Vec<ConfigurationValue>,
}

/// The steps and values for the chosen path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigurationPlan {
    /// The path of the version field; an environment with its own version may differ.
    pub path: ConfigPath,
    /// The steps in order, each one sentence; empty while the path is undecided.
    pub steps: Vec<String>,
    /// One entry per environment whose path is decided.
    pub environments: Vec<EnvironmentConfiguration>,
}

/// What the iManage URL field takes when no checked URL is known yet.
const IMANAGE_PLACEHOLDER: &str = "Your iManage URL (https://cloudimanage.com or your firm's own)";

/// The steps for `path`, in the order the article gives them.
pub fn steps_for(path: ConfigPath, imanage_value: &str) -> Vec<String> {
    let open = [
        format!("In each environment, open {MENU_PATH} (or go to {MENU_URL_PATH})."),
        format!("Add a linked service and choose {SERVICE_NAME}, or edit the iManage service you already have."),
    ];
    let wait = "Wait until iManage has confirmed the registration.".to_owned();
    let save = "Save the linked service.".to_owned();
    match path {
        ConfigPath::Standard => {
            let mut steps = vec![wait];
            steps.extend(open);
            steps.push(format!("Choose {CONNECTION_SETTING} as the connection type, even for UAT, training and test environments. Never choose {INTERNAL_CONNECTION_SETTING}: it is for Clio Operate's internal use."));
            steps.push(format!("Enter {imanage_value} in the iManage URL field."));
            steps.push(save);
            steps
        }
        ConfigPath::Hosted => {
            // Support provides the credentials before anything is configured.
            let mut steps = vec![
                "Before you configure anything, contact Clio Operate Support for the Client ID and Client Secret; below 7.11.0 you need them even for https://cloudimanage.com.".to_owned(),
                wait,
            ];
            steps.extend(open);
            steps.push("In the iManage Connection drop-down, choose Hosted iManage.".into());
            steps.push("Fill in the iManage URL, Client ID, Client Secret, Preferred Database and Redirect URL fields as shown for each environment.".into());
            steps.push(format!("Every customer environment uses the {CONNECTION_SETTING} connection setting, never {INTERNAL_CONNECTION_SETTING}; if the form asks for a connection setting, choose {CONNECTION_SETTING}."));
            steps.push(save);
            steps
        }
        ConfigPath::Undecided => Vec::new(),
    }
}

/// The values to enter for one environment on `path`.
fn values_for(
    path: ConfigPath,
    imanage_value: &str,
    imanage_known: bool,
    redirect_uri: &str,
) -> Vec<ConfigurationValue> {
    let select = |field: &str, value: &str| ConfigurationValue {
        field: field.into(),
        value: value.into(),
        source: ValueSource::Select,
    };
    let url = ConfigurationValue {
        field: "iManage URL".into(),
        value: imanage_value.into(),
        source: if imanage_known {
            ValueSource::Enter
        } else {
            ValueSource::FromFirm
        },
    };
    let mut values = vec![select("Linked service", SERVICE_NAME)];
    match path {
        ConfigPath::Standard => {
            values.push(select("Connection type", CONNECTION_SETTING));
            values.push(url);
        }
        _ => {
            values.push(select("iManage Connection", "Hosted iManage"));
            values.push(url);
            for field in ["Client ID", "Client Secret"] {
                values.push(ConfigurationValue {
                    field: field.into(),
                    value: "Provided by Clio Operate Support".into(),
                    source: ValueSource::FromSupport,
                });
            }
            values.push(ConfigurationValue {
                field: "Preferred Database".into(),
                value: "The iManage database your firm uses".into(),
                source: ValueSource::FromFirm,
            });
            values.push(ConfigurationValue {
                field: "Redirect URL".into(),
                value: redirect_uri.into(),
                source: ValueSource::Enter,
            });
            // Where this setting sits on the Hosted iManage form is not described, so
            // it is given as a condition, not as a field that surely exists.
            values.push(select(
                "Connection setting (if the form asks)",
                CONNECTION_SETTING,
            ));
        }
    }
    values
}

/// Builds the plan. `imanage_url` is the checked iManage URL, when there is one.
pub fn plan_configuration(
    path: ConfigPath,
    environments: &EnvironmentsReport,
    imanage_url: Option<&str>,
) -> ConfigurationPlan {
    let imanage_value = imanage_url.unwrap_or(IMANAGE_PLACEHOLDER);
    let steps = steps_for(path, imanage_value);
    let environments = environments
        .entries
        .iter()
        .filter(|e| e.duplicate_of.is_none())
        .filter_map(|entry| {
            let origin = entry.origin.clone()?;
            let redirect_uri = entry.redirect_uri.clone()?;
            let own_path = entry.own_path();
            let env_path = own_path.unwrap_or(path);
            if env_path == ConfigPath::Undecided {
                return None;
            }
            Some(EnvironmentConfiguration {
                role: entry.role.clone(),
                linked_services_page: origin.linked_services_page(),
                origin,
                path: env_path,
                own_reason: own_path
                    .and(entry.version.as_ref())
                    .map(|v| v.reason.clone()),
                own_steps: if env_path == path {
                    Vec::new()
                } else {
                    steps_for(env_path, imanage_value)
                },
                values: values_for(
                    env_path,
                    imanage_value,
                    imanage_url.is_some(),
                    redirect_uri.as_str(),
                ),
            })
        })
        .collect();
    ConfigurationPlan {
        path,
        steps,
        environments,
    }
}

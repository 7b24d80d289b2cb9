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
    pub values: Vec<ConfigurationValue>,
}

/// The steps and values for the chosen path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigurationPlan {
    pub path: ConfigPath,
    /// The steps in order, each one sentence.
    pub steps: Vec<String>,
    /// One entry per environment with a redirect URI; empty while the path is undecided.
    pub environments: Vec<EnvironmentConfiguration>,
}

/// Builds the plan. `imanage_url` is the checked iManage URL, when there is one.
pub fn plan_configuration(
    path: ConfigPath,
    environments: &EnvironmentsReport,
    imanage_url: Option<&str>,
) -> ConfigurationPlan {
    let imanage_value =
        imanage_url.unwrap_or("Your iManage URL (https://cloudimanage.com or your firm's own)");
    let mut steps = vec![
        "Wait until iManage has confirmed the registration.".to_owned(),
        format!("In each environment, open {MENU_PATH} (or go to {MENU_URL_PATH})."),
        format!("Add a linked service and choose {SERVICE_NAME}, or edit the iManage service you already have."),
        format!("Choose {CONNECTION_SETTING} as the connection setting, even for UAT, training and test environments. Never choose {INTERNAL_CONNECTION_SETTING}: it is for Clio Operate's internal use."),
    ];
    match path {
        ConfigPath::Standard => {
            steps.push(format!("Enter {imanage_value} in the iManage URL field."));
        }
        ConfigPath::Hosted => {
            steps.push(
                "Ask Clio Operate Support for the Client ID and Client Secret before you start."
                    .into(),
            );
            steps.push("In the iManage Connection drop-down, choose Hosted iManage.".into());
            steps.push("Fill in the iManage URL, Client ID, Client Secret, Preferred Database and Redirect URL fields as shown for each environment.".into());
        }
        ConfigPath::Undecided => {
            return ConfigurationPlan {
                path,
                steps: Vec::new(),
                environments: Vec::new(),
            }
        }
    }
    steps.push("Save the linked service.".into());

    let select = |field: &str, value: &str| ConfigurationValue {
        field: field.into(),
        value: value.into(),
        source: ValueSource::Select,
    };
    let environments = environments
        .entries
        .iter()
        .filter(|e| e.duplicate_of.is_none())
        .filter_map(|entry| {
            let origin = entry.origin.clone()?;
            let redirect_uri = entry.redirect_uri.clone()?;
            let mut values = vec![
                select("Linked service", SERVICE_NAME),
                select("Connection setting", CONNECTION_SETTING),
            ];
            let url = ConfigurationValue {
                field: "iManage URL".into(),
                value: imanage_value.into(),
                source: if imanage_url.is_some() {
                    ValueSource::Enter
                } else {
                    ValueSource::FromFirm
                },
            };
            match path {
                ConfigPath::Standard => values.push(url),
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
                        value: redirect_uri.as_str().into(),
                        source: ValueSource::Enter,
                    });
                }
            }
            Some(EnvironmentConfiguration {
                role: entry.role.clone(),
                linked_services_page: origin.linked_services_page(),
                origin,
                values,
            })
        })
        .collect();
    ConfigurationPlan {
        path,
        steps,
        environments,
    }
}

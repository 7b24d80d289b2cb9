//! Options an embedding page gives one widget instance (as `data-` attributes or to the JS
//! API's `mount`), checked with messages that name the bad key. They become a [`Prefill`]
//! of the answers and the Support address of the host's setup.

use serde::{Deserialize, Serialize};

use crate::core::environment::EnvironmentInput;
use crate::core::role::Role;
use crate::core::text::split_entries;

use super::prefill::Prefill;
use super::state::MAX_ROWS;

/// Which part of the widget an instance shows, so an article can place each part beside
/// its step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The whole flow.
    #[default]
    All,
    /// Only the environment rows and their redirect URIs.
    RedirectUris,
    /// Only the version and the configuration path.
    Path,
    /// Only the environments and the `invalid_redirect_uri` diagnosis.
    Diagnosis,
}

impl Part {
    pub const NAMES: &'static str = "all, redirect-uris, path or diagnosis";

    pub fn parse(text: &str) -> Option<Part> {
        match text.trim() {
            "" | "all" => Some(Part::All),
            "redirect-uris" => Some(Part::RedirectUris),
            "path" => Some(Part::Path),
            "diagnosis" => Some(Part::Diagnosis),
            _ => None,
        }
    }
}

/// Prefilled environments: a text list (`Production=https://a.example, UAT=https://b…`
/// or plain addresses) or rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EnvironmentsOption {
    Text(String),
    Rows(Vec<EnvironmentInput>),
}

/// Everything an embedding page may set. Unknown keys are refused by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MountOptions {
    pub environments: Option<EnvironmentsOption>,
    pub imanage_url: Option<String>,
    pub customer_id: Option<String>,
    pub version: Option<String>,
    /// The Clio Operate Support address for e-mail links; there is no default.
    pub support_email: Option<String>,
    pub show: Option<Part>,
    /// The level of the widget's own heading (1–6); its sections go one level below.
    pub heading_level: Option<u8>,
}

/// The keys `mount` and `update` accept (checked by name, because the browser
/// deserialiser only looks up the keys it knows).
pub const OPTION_KEYS: &[&str] = &[
    "environments",
    "imanageUrl",
    "customerId",
    "version",
    "supportEmail",
    "show",
    "headingLevel",
];

/// The keys of one environment row.
pub const ENVIRONMENT_KEYS: &[&str] = &["role", "url", "version"];

/// The keys `analyze` accepts at the top level, and in `diagnosis`.
pub const REQUEST_KEYS: &[&str] = &[
    "environments",
    "imanageUrl",
    "customerId",
    "version",
    "firmName",
    "contactName",
    "contactEmail",
    "supportEmail",
    "generatedAt",
    "diagnosis",
];
pub const DIAGNOSIS_KEYS: &[&str] = &[
    "registered",
    "failing",
    "submittedAt",
    "connection",
    "utcOffsetMinutes",
];

/// The error for an unknown key, naming it and the keys there are.
pub fn unknown_key_message(key: &str, allowed: &[&str]) -> String {
    format!(
        "unknown key \u{201C}{key}\u{201D}; the keys are {}.",
        allowed.join(", ")
    )
}

/// The `data-` attributes read from a placeholder, and the option each sets.
pub const ATTRIBUTES: &[(&str, &str)] = &[
    ("data-environments", "environments"),
    ("data-imanage-url", "imanageUrl"),
    ("data-customer-id", "customerId"),
    ("data-version", "version"),
    ("data-support-email", "supportEmail"),
    ("data-show", "show"),
    ("data-heading-level", "headingLevel"),
];

/// The most environments one call or placeholder may give: what a form holds. More would
/// be cut silently, so they are refused instead.
pub const MAX_ENVIRONMENTS: usize = MAX_ROWS;

/// The most characters (UTF-16 code units, as JavaScript counts them) of text one call or
/// placeholder may give, summed over every value. A thousand long addresses fit; a
/// pasted file that would block the page for seconds does not.
pub const MAX_CHARACTERS: usize = 100_000;

/// The error for input over [`MAX_CHARACTERS`]; `what` names the argument.
pub fn too_much_text_message(what: &str) -> String {
    format!("more than {MAX_CHARACTERS} characters of text in {what}; a widget takes at most {MAX_CHARACTERS}.")
}

/// Refuses more than [`MAX_ENVIRONMENTS`] environments; `key` names where they came from.
pub fn check_environment_count(key: &str, count: usize) -> Result<(), String> {
    if count > MAX_ENVIRONMENTS {
        Err(format!(
            "{key} lists {count} environments; a widget takes at most {MAX_ENVIRONMENTS}."
        ))
    } else {
        Ok(())
    }
}

/// How many environments a request's rows give: each row's `url` may hold a pasted list,
/// and an empty row still counts as one.
pub fn environment_count(rows: &[EnvironmentInput]) -> usize {
    rows.iter()
        .map(|row| split_entries(&row.url).len().max(1))
        .sum()
}

/// The `headingLevel` option as a heading level (1–6), or the message saying so.
pub fn check_heading_level(level: i64) -> Result<u8, String> {
    u8::try_from(level)
        .ok()
        .filter(|level| (1..=6).contains(level))
        .ok_or_else(|| format!("headingLevel is {level}; it takes a number from 1 to 6."))
}

impl MountOptions {
    /// Everything the page has said so far: these options, with whatever `newer` names
    /// replacing them (what `update()` leaves out stays as it was).
    pub fn merged_with(&self, newer: &MountOptions) -> MountOptions {
        let newer = newer.clone();
        MountOptions {
            environments: newer.environments.or_else(|| self.environments.clone()),
            imanage_url: newer.imanage_url.or_else(|| self.imanage_url.clone()),
            customer_id: newer.customer_id.or_else(|| self.customer_id.clone()),
            version: newer.version.or_else(|| self.version.clone()),
            support_email: newer.support_email.or_else(|| self.support_email.clone()),
            show: newer.show.or(self.show),
            heading_level: newer.heading_level.or(self.heading_level),
        }
    }

    /// Reads options from a placeholder's attributes (`name`, `value` pairs); the error
    /// names the attribute and says what it accepts.
    pub fn from_attributes<'a>(
        attributes: impl IntoIterator<Item = (&'a str, String)>,
    ) -> Result<Self, String> {
        let mut options = MountOptions::default();
        let mut characters = 0;
        for (name, value) in attributes {
            characters += value.encode_utf16().count();
            if characters > MAX_CHARACTERS {
                return Err(too_much_text_message("the data- attributes"));
            }
            match name {
                "data-environments" => options.environments = Some(EnvironmentsOption::Text(value)),
                "data-imanage-url" => options.imanage_url = Some(value),
                "data-customer-id" => options.customer_id = Some(value),
                "data-version" => options.version = Some(value),
                "data-support-email" => options.support_email = Some(value),
                "data-show" => {
                    options.show = Some(Part::parse(&value).ok_or_else(|| {
                        format!(
                            "data-show is \u{201C}{value}\u{201D}; it takes {}.",
                            Part::NAMES
                        )
                    })?)
                }
                "data-heading-level" => {
                    // Out of range or not a number, the message names the attribute.
                    let level = value
                        .trim()
                        .parse()
                        .ok()
                        .and_then(|level| check_heading_level(level).ok());
                    options.heading_level = Some(level.ok_or_else(|| {
                        format!("data-heading-level is \u{201C}{value}\u{201D}; it takes a number from 1 to 6.")
                    })?)
                }
                _ => {}
            }
        }
        if let Some(EnvironmentsOption::Text(text)) = &options.environments {
            check_environment_count("data-environments", split_entries(text).len())?;
        }
        options.validate()?;
        Ok(options)
    }

    /// Checks values serde cannot: the heading level's range and how many environments
    /// a text list gives.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(level) = self.heading_level {
            check_heading_level(level.into())?;
        }
        match &self.environments {
            Some(EnvironmentsOption::Text(text)) => {
                check_environment_count("environments", split_entries(text).len())
            }
            Some(EnvironmentsOption::Rows(rows)) => {
                check_environment_count("environments", rows.len())
            }
            None => Ok(()),
        }
    }

    pub fn part(&self) -> Part {
        self.show.unwrap_or_default()
    }

    pub fn heading_level(&self) -> u8 {
        self.heading_level.unwrap_or(2)
    }

    /// The answers these options fill in.
    pub fn prefill(&self) -> Prefill {
        Prefill {
            rows: self.environment_rows(),
            imanage_url: self.imanage_url.clone(),
            customer_id: self.customer_id.clone(),
            version: self.version.clone(),
            ..Prefill::default()
        }
    }

    /// The environment rows these options prefill, if any.
    pub fn environment_rows(&self) -> Option<Vec<EnvironmentInput>> {
        match self.environments.as_ref()? {
            EnvironmentsOption::Rows(rows) => Some(rows.clone()),
            EnvironmentsOption::Text(text) => Some(
                split_entries(text)
                    .into_iter()
                    .map(|entry| match entry.split_once('=') {
                        // "Role=address"; a '=' inside an address (a query) has a / or . before it.
                        Some((role, url))
                            if !role.contains(['/', '.', ':']) && !role.trim().is_empty() =>
                        {
                            EnvironmentInput {
                                role: Some(Role::parse(role)),
                                url: url.trim().to_owned(),
                                version: None,
                            }
                        }
                        _ => EnvironmentInput {
                            role: None,
                            url: entry.trim().to_owned(),
                            version: None,
                        },
                    })
                    .collect(),
            ),
        }
    }
}

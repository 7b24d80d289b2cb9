//! Environment roles (Production, UAT…) and the role suggested from a host name.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What an environment is for. Serialised as a plain string: `"production"`, `"uat"`,
/// `"training"`, `"test"`, or any other text, which names an "Other" environment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Role {
    Production,
    Uat,
    Training,
    Test,
    /// Any other environment, with the reader's name for it ("Staging").
    Other(String),
}

impl Role {
    /// The roles offered in a drop-down, in order.
    pub const NAMED: [Role; 4] = [Role::Production, Role::Uat, Role::Training, Role::Test];

    /// The stable key used in serialisation and in form values.
    pub fn key(&self) -> &str {
        match self {
            Role::Production => "production",
            Role::Uat => "uat",
            Role::Training => "training",
            Role::Test => "test",
            Role::Other(name) => name,
        }
    }

    /// The name shown to the reader and written in the support request.
    pub fn label(&self) -> &str {
        match self {
            Role::Production => "Production",
            Role::Uat => "UAT",
            Role::Training => "Training",
            Role::Test => "Test",
            Role::Other(name) if name.trim().is_empty() => "Other",
            Role::Other(name) => name.trim(),
        }
    }

    pub fn parse(text: &str) -> Role {
        match text.trim().to_ascii_lowercase().as_str() {
            "production" | "prod" | "live" => Role::Production,
            "uat" => Role::Uat,
            "training" | "train" => Role::Training,
            "test" | "testing" => Role::Test,
            _ => Role::Other(text.trim().to_owned()),
        }
    }
}

impl From<String> for Role {
    fn from(text: String) -> Self {
        Role::parse(&text)
    }
}

impl From<Role> for String {
    fn from(role: Role) -> Self {
        role.key().to_owned()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Words in a host name that say what an environment is for, and the role each names.
const ROLE_WORDS: &[(&str, &str)] = &[
    ("uat", "uat"),
    ("training", "training"),
    ("train", "training"),
    ("test", "test"),
    ("tst", "test"),
    ("qa", "test"),
    ("staging", "Staging"),
    ("stage", "Staging"),
    ("stg", "Staging"),
    ("dev", "Development"),
    ("development", "Development"),
    ("sandbox", "Sandbox"),
    ("prod", "production"),
    ("production", "production"),
    ("live", "production"),
];

/// Suggests a role from the labels in front of the registrable domain
/// (`acme-uat` in `acme-uat.clioweb.com`). A word counts when it is a whole part of the
/// label (`acme-uat`, `uat2`) or ends it (`acmeuat`), so `devon-law` is not development.
pub fn role_from_host(host: &str) -> Option<Role> {
    let labels: Vec<&str> = host.split('.').collect();
    let leading = &labels[..labels.len().saturating_sub(2)];
    for label in leading {
        for word in label.split(|c: char| !c.is_ascii_alphanumeric()) {
            let word = word.trim_end_matches(|c: char| c.is_ascii_digit());
            for (key, role) in ROLE_WORDS {
                if word == *key || (word.len() > key.len() + 2 && word.ends_with(key)) {
                    return Some(Role::parse(role));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_roles_from_host_names() {
        let cases: &[(&str, Option<Role>)] = &[
            ("acme.clioweb.com", None),
            ("acme-uat.clioweb.com", Some(Role::Uat)),
            ("acmeuat.clioweb.com", Some(Role::Uat)),
            ("uat.acme.clioweb.com", Some(Role::Uat)),
            ("acme-uat2.clioweb.com", Some(Role::Uat)),
            ("acme-train.clioweb.com", Some(Role::Training)),
            ("acme-training.clioweb.com", Some(Role::Training)),
            ("acme-test.clioweb.com", Some(Role::Test)),
            ("acme-qa.clioweb.com", Some(Role::Test)),
            (
                "acme-dev.clioweb.com",
                Some(Role::Other("Development".into())),
            ),
            (
                "acme-staging.clioweb.com",
                Some(Role::Other("Staging".into())),
            ),
            ("devon-law.clioweb.com", None),
            ("testament.clioweb.com", None),
            ("acme-prod.clioweb.com", Some(Role::Production)),
            ("uat.com", None),
            ("clioweb.com", None),
        ];
        for (host, expected) in cases {
            assert_eq!(role_from_host(host), *expected, "{host}");
        }
    }

    #[test]
    fn roles_round_trip_through_strings() {
        for role in Role::NAMED {
            assert_eq!(Role::from(String::from(role.clone())), role);
        }
        assert_eq!(Role::parse("Staging"), Role::Other("Staging".into()));
        assert_eq!(Role::parse(" PROD "), Role::Production);
        assert_eq!(Role::Other("  ".into()).label(), "Other");
    }
}

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

    /// One of the roles offered in the drop-down, not an "Other" name.
    pub fn is_named(&self) -> bool {
        !matches!(self, Role::Other(_))
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

/// Words in a label that name no environment (`URL:`, `Clio Operate site -`): a label of
/// only these is noted, not kept as a role's name.
const GENERIC_WORDS: &[&str] = &[
    "address",
    "addresses",
    "also",
    "and",
    "app",
    "application",
    "clio",
    "env",
    "environment",
    "environments",
    "here",
    "host",
    "instance",
    "is",
    "link",
    "login",
    "main",
    "new",
    "old",
    "operate",
    "or",
    "our",
    "server",
    "sharedo",
    "site",
    "the",
    "url",
    "urls",
    "web",
    "website",
];

/// Words of a greeting, a request or a sentence (`Hi Sam,`, `Please use`, `the old one`):
/// a label with one is prose, not a name.
const PROSE_WORDS: &[&str] = &[
    "a", "an", "are", "dear", "hello", "hey", "hi", "is", "it", "my", "our", "please", "regards",
    "see", "thank", "thanks", "that", "the", "this", "use", "was", "we",
];

/// The longest label kept as an "Other" role's name; a longer one is only noted.
const MAX_OTHER_NAME: usize = 24;

/// The role a label typed before an address names (`Production`, `UAT (new)`, `Live
/// site`), from the same words as [`role_from_host`]; otherwise a short plain label
/// (`Disaster recovery`) kept as an "Other" role's name. A long or punctuated label
/// (`Here are our environments`, `Jo Bloggs 10:32`) names nothing.
pub fn role_from_label(label: &str) -> Option<Role> {
    let words: Vec<String> = label
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    for word in &words {
        let word = word.trim_end_matches(|c: char| c.is_ascii_digit());
        if let Some((_, role)) = ROLE_WORDS.iter().find(|(key, _)| word == *key) {
            return Some(Role::parse(role));
        }
    }
    let name = label.trim();
    let plain = name
        .chars()
        .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && name
            .chars()
            .any(|c| !c.is_ascii() || c.is_ascii_alphabetic())
        && name.chars().count() <= MAX_OTHER_NAME
        && words.len() <= 3;
    let generic = words.iter().all(|w| GENERIC_WORDS.contains(&w.as_str()))
        || words.iter().any(|w| PROSE_WORDS.contains(&w.as_str()));
    (plain && !generic).then(|| Role::Other(name.to_owned()))
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
    fn reads_roles_from_labels() {
        let cases: &[(&str, Option<Role>)] = &[
            ("Production", Some(Role::Production)),
            ("PROD", Some(Role::Production)),
            ("Live site", Some(Role::Production)),
            ("UAT", Some(Role::Uat)),
            ("UAT2", Some(Role::Uat)),
            ("Training (new)", Some(Role::Training)),
            ("Test", Some(Role::Test)),
            ("QA", Some(Role::Test)),
            ("Staging", Some(Role::Other("Staging".into()))),
            ("Dev", Some(Role::Other("Development".into()))),
            ("Sandbox", Some(Role::Other("Sandbox".into()))),
            ("The UAT one is", Some(Role::Uat)),
            (
                "Disaster recovery",
                Some(Role::Other("Disaster recovery".into())),
            ),
            ("URL", None),
            ("Hi Sam", None),
            ("Clio Operate site", None),
            ("Here are our environments", None),
            ("Jo Bloggs 10:32", None),
            ("Please use this one for anything at all", None),
            ("", None),
        ];
        for (label, expected) in cases {
            assert_eq!(role_from_label(label), *expected, "{label:?}");
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

//! The canonical strings the reader registers: an environment's origin and its redirect URI.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::address::ReadAddress;

/// The redirect path Clio Operate uses, in its exact case.
pub const REDIRECT_PATH: &str = "/externalServices/replyFrom";

/// Redirect URIs longer than this are refused by Microsoft Entra ID, and are a sign of a
/// pasted junk host.
pub const MAX_REDIRECT_URI_LENGTH: usize = 256;

/// `https://` + lower-case ASCII host (no trailing dot) + `:port` only when not 443.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Origin(String);

impl Origin {
    pub(crate) fn from_address(address: &ReadAddress) -> Self {
        Origin(address.origin())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host without scheme or port.
    pub fn host(&self) -> &str {
        let rest = self.0.trim_start_matches("https://");
        rest.split(':').next().unwrap_or(rest)
    }

    /// The redirect URI to register for this environment.
    pub fn redirect_uri(&self) -> RedirectUri {
        RedirectUri(format!("{}{REDIRECT_PATH}", self.0))
    }

    /// The Manage Linked Services page of this environment.
    pub fn linked_services_page(&self) -> String {
        format!("{}/admin/oauth", self.0)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The exact string to register with iManage for one environment: its origin followed by
/// `/externalServices/replyFrom`, with no query, fragment or trailing slash. OAuth servers
/// compare it byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RedirectUri(String);

impl RedirectUri {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RedirectUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

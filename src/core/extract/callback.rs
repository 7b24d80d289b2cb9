//! The callback URL: `…/externalServices/replyFrom?code=…&state=…` or `?error=…`. It is
//! iManage's answer sent back to Clio Operate, not a different redirect URI; the part
//! before `?` is the redirect URI and the query says how the sign-in went.

use serde::{Deserialize, Serialize};

use super::decode::decode_repeatedly;
use crate::core::text::{excerpt, QUOTE_LENGTH};

/// What iManage's answer carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallbackAnswer {
    /// The answer carries an authorisation code: iManage accepted this redirect URI.
    pub code: bool,
    /// The OAuth `error` code, e.g. `access_denied`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    /// The `error_description`, decoded.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error_description: Option<String>,
}

/// Keys that make a query an OAuth answer rather than part of an address.
const ANSWER_KEYS: &[&str] = &[
    "code",
    "error",
    "error_description",
    "state",
    "session_state",
    "error_uri",
];

/// Reads the query (and fragment) after a redirect path; `None` when it is not an answer.
pub fn read_answer(query_and_fragment: &str) -> Option<CallbackAnswer> {
    let pairs: Vec<(String, String)> = query_and_fragment
        .split(['?', '#', '&'])
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (!key.is_empty()).then(|| (key.to_ascii_lowercase(), value.to_owned()))
        })
        .collect();
    if pairs.is_empty() || !pairs.iter().any(|(k, _)| ANSWER_KEYS.contains(&k.as_str())) {
        return None;
    }
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| excerpt(decode_repeatedly(v).0.trim(), QUOTE_LENGTH * 2))
            .filter(|v| !v.is_empty())
    };
    Some(CallbackAnswer {
        code: value("code").is_some(),
        error: value("error"),
        error_description: value("error_description"),
    })
}

/// The OAuth error code in plain words.
pub fn error_in_words(error: &str) -> String {
    let words = match error.to_ascii_lowercase().as_str() {
        "invalid_redirect_uri" | "redirect_uri_mismatch" => {
            "the redirect URI is not registered, or does not exactly match the registered one"
        }
        "access_denied" => "the sign-in was cancelled, or the account was refused access",
        "invalid_client" | "unauthorized_client" => {
            "iManage did not accept the application's Client ID or Client Secret"
        }
        "invalid_request" => "iManage could not read the sign-in request",
        "invalid_scope" => "the sign-in asked for access iManage does not allow",
        "unsupported_response_type" => "iManage does not allow this kind of sign-in",
        "server_error" => "iManage had an internal error",
        "temporarily_unavailable" => "iManage was busy or briefly unavailable",
        "login_required" | "interaction_required" | "consent_required" => {
            "iManage needs the person to sign in again"
        }
        _ => return format!("iManage answered with the error {}", excerpt(error, 40)),
    };
    words.to_owned()
}

//! What the request section shows: the contact fields, "Check your answers", the message
//! for Support and how it is delivered, whether the reader has sent it, and the ways to
//! come back to the answers later.

use std::rc::Rc;

use crate::core::support_request::{support_recipient, SupportRecipient};
use crate::core::Report;

use super::FieldView;
use crate::widget::check::{check_rows, CheckRow};
use crate::widget::delivery::OutgoingMessage;
use crate::widget::field::FieldKey;
use crate::widget::state::State;

/// Where the e-mail goes, as the page set it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// The page gives no Support address: the reader sends it the usual way.
    Unset,
    Address(String),
    /// The page's address is not a plain e-mail address, so it was refused.
    Refused(String),
}

/// The section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestView {
    pub firm_name: FieldView,
    pub contact_name: FieldView,
    pub contact_email: FieldView,
    pub check_rows: Vec<CheckRow>,
    pub message: Rc<OutgoingMessage>,
    /// Nothing blocks the request: delivering it goes ahead.
    pub ready: bool,
    /// "I have sent the request": offered once the request was delivered, and ticked
    /// when the reader said so.
    pub sent: Option<bool>,
    pub recipient: Recipient,
    /// The reader chose to keep the answers on this device.
    pub keep_draft: bool,
    /// Redirect URIs added since the reader marked the request sent: Support has not
    /// been asked to register them.
    pub added_since_sent: Vec<String>,
}

impl RequestView {
    /// What the warning about URIs added since sending says before listing them.
    pub fn added_since_sent_text(&self) -> String {
        let n = self.added_since_sent.len();
        format!(
            "Since you marked the request sent, you added {} that {} not in it. Send Clio Operate Support the {} too: copy the request again (it lists every redirect URI) and say what was added.",
            crate::widget::status::count(n, "redirect URI", "redirect URIs"),
            if n == 1 { "was" } else { "were" },
            if n == 1 { "addition" } else { "additions" },
        )
    }

    pub fn new(state: &State, report: &Report) -> Self {
        let progress = state.progress();
        let field = |key: FieldKey, findings: &[crate::core::Finding]| {
            FieldView::new(state, report, key, findings)
        };
        let request = &report.support_request;
        RequestView {
            firm_name: field(FieldKey::FirmName, &[]),
            contact_name: field(FieldKey::ContactName, &[]),
            contact_email: field(FieldKey::ContactEmail, &report.contact_findings),
            check_rows: check_rows(state.answers(), report),
            message: Rc::new(OutgoingMessage::request(request)),
            ready: request.ready,
            sent: (progress.request_delivered || progress.request_sent)
                .then_some(progress.request_sent),
            recipient: match support_recipient(&state.setup().support_email) {
                SupportRecipient::Unset => Recipient::Unset,
                SupportRecipient::Address(address) => Recipient::Address(address.to_owned()),
                SupportRecipient::Refused(given) => Recipient::Refused(given.to_owned()),
            },
            keep_draft: progress.keep_draft,
            added_since_sent: added_since_sent(state, report),
        }
    }
}

/// The redirect URIs added since the reader marked the request sent (none while it is
/// not marked sent, or when what was sent is not known).
pub fn added_since_sent(state: &State, report: &Report) -> Vec<String> {
    let progress = state.progress();
    if !progress.request_sent || progress.sent_uris.is_empty() {
        return Vec::new();
    }
    report
        .environments
        .registrations
        .iter()
        .map(|r| r.redirect_uri.as_str())
        .filter(|uri| !progress.sent_uris.iter().any(|sent| sent == uri))
        .map(str::to_owned)
        .collect()
}

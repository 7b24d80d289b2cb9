//! The view model: what each section of the screen shows, computed from the session
//! state and the rule book's report. The shell renders these slices and decides nothing;
//! each slice compares equal when its section would look the same, so a keystroke
//! re-renders only the sections it changes.

pub mod diagnosis;
pub mod environments;
pub mod path;
pub mod request;

use crate::core::{Finding, ImanageKind, Report};

use super::field::FieldKey;
use super::messages::{error_summary, field_messages, FieldMessages};
use super::state::State;

/// A text field: what it holds and what shows under it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldView {
    pub value: String,
    pub messages: FieldMessages,
}

impl FieldView {
    /// Field `field` of `state`, with the rule book's `findings` about it.
    pub fn new(state: &State, report: &Report, field: FieldKey, findings: &[Finding]) -> Self {
        FieldView {
            value: state.answers().text(field).to_owned(),
            messages: field_messages(state, field, findings, &report.support_request),
        }
    }
}

/// The error summary: empty until the reader asks for the request while something
/// blocks it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorSummaryView {
    /// Each item's field (the link's target) and what to fix, in the order of the form.
    pub items: Vec<(FieldKey, String)>,
    /// How many times the reader asked: each ask brings the summary to the reader again.
    pub attempts: u32,
}

impl ErrorSummaryView {
    pub fn new(state: &State, report: &Report) -> Self {
        ErrorSummaryView {
            items: error_summary(state, report),
            attempts: state.progress().request_attempts,
        }
    }
}

/// The iManage section: the iManage URL, what kind of address it is, and the Customer ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImanageView {
    pub url: FieldView,
    /// Says whether the address is the standard one or the firm's own (vanity) one.
    pub kind_note: Option<String>,
    pub customer_id: FieldView,
}

impl ImanageView {
    pub fn new(state: &State, report: &Report) -> Self {
        let url_findings = report.imanage.as_ref().map_or(&[][..], |r| &r.findings);
        let id_findings = report.customer_id.as_ref().map_or(&[][..], |r| &r.findings);
        let kind_note = match report.imanage.as_ref().and_then(|r| r.kind.as_ref()) {
            Some(ImanageKind::Standard) => {
                Some("This is the standard iManage Cloud address.".to_owned())
            }
            Some(ImanageKind::Vanity { subdomain }) => Some(format!(
                "This is your firm's own (vanity) address, with the name \u{201C}{subdomain}\u{201D}."
            )),
            _ => None,
        };
        ImanageView {
            url: FieldView::new(state, report, FieldKey::ImanageUrl, url_findings),
            kind_note,
            customer_id: FieldView::new(state, report, FieldKey::CustomerId, id_findings),
        }
    }
}

/// The notices above the form, each with the one button that acts on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticesView {
    /// The answers came from a link or bookmark: check them, or start again.
    pub from_link: bool,
    /// A link's answers are shown over a draft kept on the device: the button's label.
    pub saved_offer: Option<String>,
    /// The answers were restored from the device, and when.
    pub restored: Option<String>,
    /// Start again cleared something that Undo can bring back.
    pub reset: Option<&'static str>,
    /// The example replaced the reader's answers, which Undo can bring back.
    pub example_undo: bool,
}

impl NoticesView {
    pub fn new(state: &State) -> Self {
        use super::status;
        let progress = state.progress();
        NoticesView {
            from_link: progress.from_link,
            saved_offer: status::saved_draft_offer(state),
            restored: status::restored(state).filter(|_| progress.keep_draft),
            reset: status::reset_notice(state),
            example_undo: progress.before_example.is_some(),
        }
    }
}

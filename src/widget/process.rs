//! The process from request to working integration, and where the reader is in it. The
//! tracker shows only what the reader did: copying is not sending (the reader confirms
//! that the request was sent), and Support's and iManage's steps are never marked done.

use crate::core::Report;

use super::state::State;

/// Who does a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Firm,
    Support,
    Imanage,
}

impl Who {
    pub fn label(self) -> &'static str {
        match self {
            Who::Firm => "Your firm",
            Who::Support => "Clio Operate Support",
            Who::Imanage => "iManage",
        }
    }
}

/// The steps: what happens, and who does it.
pub const PROCESS: [(&str, Who); 7] = [
    ("Gather your iManage Customer ID and the address of every environment.", Who::Firm),
    ("Send the registration request to Clio Operate Support.", Who::Firm),
    ("Support asks iManage to register your Customer ID and redirect URIs.", Who::Support),
    ("Wait for iManage to confirm: allow 24 to 48 hours. Keep any e-mails from support@imanage.com as your record.", Who::Imanage),
    ("In each environment, configure the linked service as shown under Configure after iManage confirms (Admin > Integrations > Manage Linked Services, or /admin/oauth).", Who::Firm),
    ("Link a fall-back iManage account: in Manage Linked Services, choose Link on the iManage service and sign in with iManage credentials in the window that opens; the service will then display as Linked. Clio Operate uses this account for people who have not linked their own account yet.", Who::Firm),
    ("Test in Document Administration > Template Explorer: browse the iManage workspace configured for Clio Operate document templates, create a folder and upload a document. If all three work, the integration is working.", Who::Firm),
];

/// A step's status, said in words (never by colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    /// The reader did it.
    Done,
    /// The reader's step to do now.
    ToDo,
    /// Someone else's step, under way.
    Waiting,
    NotYet,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Done => "Done",
            StepStatus::ToDo => "To do now",
            StepStatus::Waiting => "Waiting",
            StepStatus::NotYet => "Not yet",
        }
    }
}

/// Each step's status: gathering is done once the request is ready; sending once the
/// reader confirmed it; then Support's step is under way. Nothing later is known to the
/// widget, so nothing later is marked.
pub fn statuses(state: &State, report: &Report) -> [StepStatus; 7] {
    let ready = report.support_request.ready;
    let sent = state.progress().request_sent;
    let mut statuses = [StepStatus::NotYet; 7];
    statuses[0] = if ready {
        StepStatus::Done
    } else {
        StepStatus::ToDo
    };
    statuses[1] = match (ready, sent) {
        (_, true) => StepStatus::Done,
        (true, false) => StepStatus::ToDo,
        (false, false) => StepStatus::NotYet,
    };
    if sent {
        statuses[2] = StepStatus::Waiting;
    }
    statuses
}

/// The step the reader is on: the first not done.
pub fn current(statuses: &[StepStatus]) -> Option<usize> {
    statuses.iter().position(|s| *s != StepStatus::Done)
}

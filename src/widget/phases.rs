//! The reader's journey as three phases over days, GOV.UK task-list style: prepare and
//! send the request today; configure when iManage confirms; troubleshoot only if sign-in
//! fails. One phase is open at a time; each has a status in words.

use crate::core::Report;

use super::state::State;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Phase {
    /// Environments, iManage, version, contact, check your answers, send.
    #[default]
    Prepare,
    /// The configuration path with each environment's values.
    Configure,
    /// The `invalid_redirect_uri` diagnosis.
    Troubleshoot,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Prepare, Phase::Configure, Phase::Troubleshoot];

    pub fn title(self) -> &'static str {
        match self {
            Phase::Prepare => "Prepare and send the request",
            Phase::Configure => "Configure after iManage confirms",
            Phase::Troubleshoot => "If sign-in fails",
        }
    }

    /// The phase's name in DOM ids and test hooks.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Prepare => "prepare",
            Phase::Configure => "configure",
            Phase::Troubleshoot => "troubleshoot",
        }
    }
}

/// A phase's status, said in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseStatus {
    NotStarted,
    InProgress,
    /// Everything needed is there; the request is not sent yet.
    ReadyToSend,
    Sent,
    /// Configuring waits for iManage's confirmation (it can still be opened and read).
    AfterConfirmation,
    /// The reader sent the request: configuring comes next, once iManage confirms.
    Next,
    /// Troubleshooting is only for a failing sign-in.
    OnlyIfNeeded,
}

impl PhaseStatus {
    pub fn label(self) -> &'static str {
        match self {
            PhaseStatus::NotStarted => "Not yet started",
            PhaseStatus::InProgress => "In progress",
            PhaseStatus::ReadyToSend => "Ready to send",
            PhaseStatus::Sent => "Sent",
            PhaseStatus::AfterConfirmation => "Cannot start yet",
            PhaseStatus::Next => "Next, once iManage confirms",
            PhaseStatus::OnlyIfNeeded => "Only if needed",
        }
    }
}

/// The status of `phase`, from what the reader has done and what the report says.
pub fn status(phase: Phase, state: &State, report: &Report) -> PhaseStatus {
    let progress = state.progress();
    match phase {
        Phase::Prepare if progress.request_sent => PhaseStatus::Sent,
        Phase::Prepare if report.support_request.ready => PhaseStatus::ReadyToSend,
        Phase::Prepare if progress.edited => PhaseStatus::InProgress,
        Phase::Prepare => PhaseStatus::NotStarted,
        Phase::Configure if progress.request_sent => PhaseStatus::Next,
        Phase::Configure => PhaseStatus::AfterConfirmation,
        Phase::Troubleshoot => {
            let answers = state.answers();
            let started = !(answers.registered.trim().is_empty()
                && answers.failing.trim().is_empty()
                && answers.submitted_at.trim().is_empty()
                && answers.connection.is_none());
            if started {
                PhaseStatus::InProgress
            } else {
                PhaseStatus::OnlyIfNeeded
            }
        }
    }
}

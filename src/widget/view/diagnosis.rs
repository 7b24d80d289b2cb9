//! What the diagnosis section shows: its three pasted fields and the connection setting,
//! then the verdict, each environment's check, the 48-hour window and the correction
//! message for Support.

use std::rc::Rc;

use crate::core::diagnosis::{
    Cause, CauseKind, ConnectionChoice, DiagnosisReport, Match, UnknownEnvironment, NO_CAUSE_YET,
    WINDOW_CAVEAT,
};
use crate::core::{Field, Finding, Report};

use crate::widget::delivery::OutgoingMessage;
use crate::widget::field::FieldKey;
use crate::widget::state::{datetime_local, State};
use crate::widget::status::sent_time_offer;
use crate::widget::view::request::added_since_sent;

/// The connection setting's choices: the choice, its label and its name in ids.
pub const CONNECTION_CHOICES: [(ConnectionChoice, &str, &str); 3] = [
    (
        ConnectionChoice::SharedoProduction,
        "Sharedo Production",
        "production",
    ),
    (ConnectionChoice::SharedoTest, "Sharedo Test", "test"),
    (ConnectionChoice::NotSure, "I am not sure", "not-sure"),
];

/// A pasted field: what it holds and what the diagnosis says about it (once shown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasteView {
    pub value: String,
    pub findings: Vec<Finding>,
}

impl PasteView {
    pub fn invalid(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// How a check reads: well, a problem, or not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Problem,
    Unknown,
}

/// One environment's redirect URI against the confirmation and the failing sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckView {
    pub name: String,
    pub redirect_uri: String,
    pub registered: String,
    pub tone: Tone,
    /// What the failing sign-in sent, when it belongs to this environment.
    pub sent: Option<String>,
}

/// The findings once there is something to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictView {
    /// The most likely cause first; never empty.
    pub causes: Vec<Cause>,
    /// What to do if none of the causes is it, when a cause was found (the rule book's
    /// "nothing explains it" would otherwise read as contradicting the first cause), with
    /// what was found that rules causes out.
    pub if_none: Option<Cause>,
    pub checks: Vec<CheckView>,
    pub unknown: Vec<UnknownEnvironment>,
    /// Where the 48 hours stand, with the caveat about when they start.
    pub window: Option<String>,
    /// The message for Support, when a registration must be corrected or added.
    pub correction: Option<Rc<OutgoingMessage>>,
}

/// What shows below the fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Verdict(Box<VerdictView>),
    /// No environment is entered, so there is nothing to compare with.
    NeedsEnvironments,
    Nothing,
}

/// The section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosisView {
    pub registered: PasteView,
    pub failing: PasteView,
    pub submitted: PasteView,
    pub connection: Option<ConnectionChoice>,
    /// The offer to start the 48 hours from when the reader marked the request sent,
    /// while the submission date holds another time.
    pub sent_time_offer: Option<String>,
    pub outcome: Outcome,
}

/// A check's status in words.
pub fn match_text(status: &Match) -> (String, Tone) {
    match status {
        Match::Exact => ("Registered exactly".into(), Tone::Ok),
        Match::NearMiss { found, differences } => (
            format!(
                "Registered with a difference: {found} ({})",
                differences
                    .iter()
                    .map(|d| d.describe())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Tone::Problem,
        ),
        Match::Missing => ("Not in the confirmed list".into(), Tone::Problem),
        Match::Unknown => (
            "Not checked: paste the confirmed list".into(),
            Tone::Unknown,
        ),
    }
}

impl DiagnosisView {
    pub fn new(state: &State, report: &Report) -> Self {
        let answers = state.answers();
        let diagnosis = report.diagnosis.as_ref();
        let paste = |key: FieldKey, field: Field| PasteView {
            value: answers.text(key).to_owned(),
            findings: diagnosis
                .filter(|_| state.shows(key))
                .map(|r| {
                    r.findings
                        .iter()
                        .filter(|f| f.field == field)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        };
        let outcome = match diagnosis {
            Some(diagnosis) => {
                Outcome::Verdict(Box::new(VerdictView::new(diagnosis, causes(state, report))))
            }
            None if report.environments.registrations.is_empty() => Outcome::NeedsEnvironments,
            None => Outcome::Nothing,
        };
        DiagnosisView {
            registered: paste(FieldKey::Registered, Field::Registered),
            failing: paste(FieldKey::Failing, Field::Failing),
            submitted: paste(FieldKey::SubmittedAt, Field::SubmittedAt),
            connection: answers.connection,
            sent_time_offer: state
                .sent_at()
                .filter(|at| {
                    answers.submitted_at != datetime_local(*at, state.setup().utc_offset_minutes)
                })
                .and_then(|_| sent_time_offer(state)),
            outcome,
        }
    }
}

impl VerdictView {
    fn new(report: &DiagnosisReport, all_causes: Vec<Cause>) -> Self {
        let checks = report
            .environments
            .iter()
            .map(|check| {
                let (registered, tone) = match_text(&check.registered);
                CheckView {
                    name: check
                        .role
                        .as_ref()
                        .map_or("Environment".to_owned(), |r| r.label().to_owned()),
                    redirect_uri: check.redirect_uri.as_str().to_owned(),
                    registered,
                    tone,
                    sent: check.sent.as_ref().map(|sent| match sent {
                        Match::Exact => "The failing sign-in sent exactly this URI.".to_owned(),
                        other => format!(
                            "The failing sign-in sent: {}",
                            match_text(other)
                                .0
                                .trim_start_matches("Registered with a difference: ")
                        ),
                    }),
                }
            })
            .collect();
        let window = report.window.as_ref().map(|window| {
            let when = if window.passed {
                format!(
                    "The 48 hours from the date entered ended on {}.",
                    window.wait_until_local
                )
            } else {
                format!(
                    "48 hours from the date entered pass on {}: {} from now.",
                    window.wait_until_local,
                    window.time_left()
                )
            };
            format!("{when} {WINDOW_CAVEAT}")
        });
        // "Nothing explains it" after a found cause is what to do if none of them is it.
        let (causes, if_none) = match all_causes.split_first() {
            Some((first, rest)) if first.kind != CauseKind::NoCauseFound => {
                let mut causes = vec![first.clone()];
                let mut if_none = None;
                for cause in rest {
                    if cause.kind == CauseKind::NoCauseFound {
                        let mut cause = cause.clone();
                        cause.evidence.retain(|line| line != NO_CAUSE_YET);
                        if_none = Some(cause);
                    } else {
                        causes.push(cause.clone());
                    }
                }
                (causes, if_none)
            }
            _ => (all_causes.clone(), None),
        };
        VerdictView {
            causes,
            if_none,
            checks,
            unknown: report.unknown_environments.clone(),
            window,
            correction: report
                .follow_up
                .as_ref()
                .map(|f| Rc::new(OutgoingMessage::correction(f))),
        }
    }
}

/// The verdict's causes: the rule book's, after one the widget alone can tell. The
/// failing sign-in came from an environment added after the reader marked the request
/// sent: it was never in the request, so no wait or check by iManage will help (the
/// article's "missing environments will fail").
pub fn causes(state: &State, report: &Report) -> Vec<Cause> {
    let Some(diagnosis) = report.diagnosis.as_ref() else {
        return Vec::new();
    };
    let added = added_since_sent(state, report);
    let unsent: Vec<String> = diagnosis
        .environments
        .iter()
        .filter(|check| check.sent == Some(Match::Exact))
        .filter(|check| added.iter().any(|uri| uri == check.redirect_uri.as_str()))
        .map(|check| {
            format!(
                "{}: {} was added after you marked the request sent, so it was not in it.",
                check.role.as_ref().map_or("Environment", |r| r.label()),
                check.redirect_uri.as_str()
            )
        })
        .collect();
    let mut causes = Vec::with_capacity(diagnosis.causes.len() + 1);
    if !unsent.is_empty() {
        causes.push(Cause {
            kind: CauseKind::UnknownEnvironment,
            title: "The sign-in came from an environment that was not in the request you sent"
                .into(),
            evidence: unsent,
            action: "Ask Clio Operate Support to register it: copy the request again (it lists every redirect URI) and say what was added. Waiting will not help.".into(),
        });
    }
    causes.extend(diagnosis.causes.iter().cloned());
    causes
}

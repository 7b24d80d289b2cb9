//! The verdict a diagnosis table row expects, and the one check that compares it with the
//! report (shared by the tables of hard and of easily misread pastes).

use imanage_connect::core::diagnosis::{CauseKind, DiagnosisReport, Match};

use super::assert_well_formed;

/// What a row expects of the verdict.
pub struct Expected<'a> {
    pub first: CauseKind,
    /// Per environment: against the confirmed list, then against the failing sign-in;
    /// empty: not checked.
    pub statuses: &'a [(&'a str, &'a str)],
    /// Phrases the verdict (causes and the message to Support) must contain.
    pub says: &'a [&'a str],
    /// Phrases it must not contain.
    pub never: &'a [&'a str],
    pub codes: &'a [&'a str],
    pub never_codes: &'a [&'a str],
}

pub fn status(m: &Match) -> String {
    match m {
        Match::Exact => "exact".into(),
        Match::Missing => "missing".into(),
        Match::Unknown => "unknown".into(),
        Match::NearMiss { differences, .. } => format!(
            "near:{}",
            differences
                .iter()
                .map(|d| format!("{d:?}"))
                .collect::<Vec<_>>()
                .join("+")
        ),
    }
}

/// Everything the reader is told: causes, then the message to Support.
pub fn verdict_text(d: &DiagnosisReport) -> String {
    let mut text = String::new();
    for c in &d.causes {
        text.push_str(&c.title);
        text.push('\n');
        for e in &c.evidence {
            text.push_str(e);
            text.push('\n');
        }
        text.push_str(&c.action);
        text.push('\n');
    }
    if let Some(f) = &d.follow_up {
        text.push_str(&f.subject);
        text.push('\n');
        text.push_str(&f.body);
    }
    text
}

/// Checks every row (its name, the diagnosis it gave, what it expects) and fails once,
/// listing every row that differs.
pub fn check_rows<'a>(
    rows: impl IntoIterator<Item = (&'a str, Option<DiagnosisReport>, Expected<'a>)>,
) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, diagnosis, expected) in rows {
        count += 1;
        let Some(d) = diagnosis else {
            failures.push(format!("{name}: no diagnosis"));
            continue;
        };
        let kinds: Vec<CauseKind> = d.causes.iter().map(|c| c.kind).collect();
        if kinds.first() != Some(&expected.first) {
            failures.push(format!(
                "{name}: causes {kinds:?}, want {:?} first",
                expected.first
            ));
        }
        if !expected.statuses.is_empty() {
            let got: Vec<(String, String)> = d
                .environments
                .iter()
                .map(|e| {
                    (
                        status(&e.registered),
                        e.sent.as_ref().map_or("-".into(), status),
                    )
                })
                .collect();
            let want: Vec<(String, String)> = expected
                .statuses
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            if got != want {
                failures.push(format!("{name}: statuses {got:?}, want {want:?}"));
            }
        }
        let text = verdict_text(&d);
        for phrase in expected.says {
            if !text.contains(phrase) {
                failures.push(format!("{name}: verdict lacks {phrase:?}:\n{text}"));
            }
        }
        for phrase in expected.never {
            if text.contains(phrase) {
                failures.push(format!("{name}: verdict says {phrase:?}:\n{text}"));
            }
        }
        let codes: Vec<&str> = d.findings.iter().map(|f| f.code.as_str()).collect();
        for code in expected.codes {
            if !codes.contains(code) {
                failures.push(format!("{name}: findings {codes:?} lack {code}"));
            }
        }
        for code in expected.never_codes {
            if codes.contains(code) {
                failures.push(format!("{name}: findings {codes:?} hold {code}"));
            }
        }
        d.findings.iter().for_each(assert_well_formed);
    }
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

//! Command-line check for Clio Operate Support: reads an analysis request as JSON on
//! standard input and prints the report as JSON.
//!
//! ```sh
//! echo '{"environments":[{"url":"http://ACME.example.com/admin/oauth"}]}' \
//!   | cargo run --quiet --example analyze
//! ```
//!
//! `--text` prints only the support request's text, and refuses while an error blocks
//! it: the blockers go to standard error and the exit code is 1. `--now <ISO 8601>`
//! stamps it (the default is the current time).

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use imanage_connect::core::{analyze, AnalysisRequest, Timestamp};

fn main() -> ExitCode {
    let mut text_only = false;
    let mut now = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--text" => text_only = true,
            "--now" => match args.next().as_deref().and_then(Timestamp::parse_iso) {
                Some(t) => now = Some(t),
                None => return fail("--now needs a date and time such as 2026-11-28T10:30:00Z"),
            },
            "-h" | "--help" => {
                println!("usage: analyze [--text] [--now 2026-11-28T10:30:00Z] < request.json");
                return ExitCode::SUCCESS;
            }
            other => return fail(&format!("unknown argument {other:?}; see --help")),
        }
    }
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        return fail(&format!("could not read standard input: {error}"));
    }
    let mut request: AnalysisRequest = match serde_json::from_str(&input) {
        Ok(request) => request,
        Err(error) => {
            return fail(&format!(
                "the request is not valid JSON of the documented shape: {error}"
            ))
        }
    };
    if request.generated_at.is_none() {
        request.generated_at = Some(now.unwrap_or_else(|| {
            let ms = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64);
            Timestamp::from_millis(ms)
        }));
    }
    let report = analyze(&request);
    if text_only {
        match report.support_request.sendable_text() {
            Ok(text) => println!("{text}"),
            Err(blockers) => {
                eprintln!(
                    "analyze: the support request is not written while {} error{} block{} it:",
                    blockers.len(),
                    if blockers.len() == 1 { "" } else { "s" },
                    if blockers.len() == 1 { "s" } else { "" }
                );
                for blocker in blockers {
                    eprintln!("- {blocker}");
                }
                return ExitCode::from(1);
            }
        }
    } else {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => return fail(&format!("could not write the report: {error}")),
        }
    }
    if report.counts.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("analyze: {message}");
    ExitCode::from(2)
}

//! Promises the core keeps for any input, checked by the fuzz targets and by the native
//! regression tests that replay what the fuzzer once found. Not used by the widget.

use super::diagnosis::{compare, DiagnosisInput};
use super::environment::{analyze_entry, EnvironmentInput};
use super::extract::{extract_uris, UriSource};
use super::role::Role;
use super::support_request::MAILTO_BUDGET;
use super::uri::REDIRECT_PATH;
use super::{analyze, analyze_with, AnalysisCache, AnalysisRequest, Report, Timestamp};

/// Builds a whole request from fuzzer bytes: fields separated by NUL, the first byte
/// choosing roles, the second the connection setting.
pub fn request_from_bytes(data: &[u8]) -> AnalysisRequest {
    let (flags, rest) = data.split_at(data.len().min(2));
    let mut fields = rest
        .split(|b| *b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned());
    let mut next = || fields.next();
    let role_bits = flags.first().copied().unwrap_or(0);
    let environments = next()
        .map(|text| {
            text.split('\u{1}')
                .enumerate()
                .map(|(i, url)| EnvironmentInput {
                    role: match (role_bits >> ((i % 4) * 2)) & 3 {
                        0 => None,
                        1 => Some(Role::Production),
                        2 => Some(Role::Uat),
                        _ => Some(Role::Other(url.chars().take(3).collect())),
                    },
                    url: url.to_owned(),
                    version: None,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut request = AnalysisRequest {
        environments,
        imanage_url: next(),
        customer_id: next(),
        version: next(),
        firm_name: next(),
        contact_email: next(),
        support_email: next(),
        generated_at: Some(Timestamp::from_millis(1_795_861_800_000)),
        ..AnalysisRequest::default()
    };
    let diagnosis = DiagnosisInput {
        registered: next(),
        failing: next(),
        submitted_at: next(),
        connection: None,
        utc_offset_minutes: flags.get(1).map(|b| i32::from(*b as i8) * 10),
    };
    request.diagnosis = Some(diagnosis);
    request
}

/// Whether `uri` is a canonical redirect URI: `https://`, a lower-case DNS host with an
/// optional port, then exactly the redirect path.
pub fn is_canonical_redirect_uri(uri: &str) -> bool {
    let Some(rest) = uri.strip_prefix("https://") else {
        return false;
    };
    let Some(authority) = rest.strip_suffix(REDIRECT_PATH) else {
        return false;
    };
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p != "443"
    });
    let labels: Vec<&str> = host.split('.').collect();
    port_ok
        && host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && !l.starts_with("xn--")
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

/// Checks every promise on a report; the error says which one broke.
pub fn check_report(report: &Report) -> Result<(), String> {
    for entry in &report.environments.entries {
        if entry.has_error() != entry.redirect_uri.is_none() {
            return Err(format!(
                "entry {:?}: an error must mean no URI, and no URI an error",
                entry.input
            ));
        }
        if let Some(uri) = &entry.redirect_uri {
            if !is_canonical_redirect_uri(uri.as_str()) {
                return Err(format!(
                    "entry {:?} gave the non-canonical {uri}",
                    entry.input
                ));
            }
        }
    }
    for finding in report
        .all_findings()
        .chain(report.diagnosis.iter().flat_map(|d| d.findings.iter()))
    {
        if finding.message.trim().is_empty() || finding.fix.trim().is_empty() {
            return Err(format!(
                "finding {:?} has no message or no fix",
                finding.code
            ));
        }
    }
    if let Some(diagnosis) = &report.diagnosis {
        // Always a verdict, never an empty list of causes.
        if diagnosis.causes.is_empty() {
            return Err("a diagnosis without a verdict".into());
        }
        let complete = !diagnosis.environments.is_empty()
            && diagnosis
                .environments
                .iter()
                .all(|e| e.registered == super::diagnosis::Match::Exact);
        if complete
            && diagnosis
                .causes
                .iter()
                .any(|c| c.kind == super::diagnosis::CauseKind::NotRegisteredYet)
        {
            return Err("a wait although iManage confirmed every URI".into());
        }
        // A confirmation received means iManage processed the request: no wait, unless
        // it is dated before the request (it answers an earlier one).
        if !diagnosis.registered_uris.is_empty()
            && !diagnosis.confirmation_predates
            && diagnosis
                .causes
                .iter()
                .any(|c| c.kind == super::diagnosis::CauseKind::NotRegisteredYet)
        {
            return Err("a wait although a confirmation was pasted".into());
        }
        // An address named as no Clio Operate redirect URI is never asked to be registered:
        // the message gives each URI alone on its line, so a line of its own is what counts
        // (a foreign `https://acm` may well be the start of a real `https://acme…`).
        if let Some(follow_up) = &diagnosis.follow_up {
            let named = diagnosis
                .causes
                .iter()
                .filter(|c| c.kind == super::diagnosis::CauseKind::NotARedirectUri)
                .flat_map(|c| c.evidence.iter())
                .filter_map(|line| line.split(" is ").next());
            for found in named {
                if follow_up.body.lines().any(|line| line.trim() == found) {
                    return Err("a foreign address asked to be registered".into());
                }
            }
        }
    }
    let request = &report.support_request;
    if request.mailto.len() > MAILTO_BUDGET || !request.mailto.is_ascii() {
        return Err(format!("mailto of {} characters", request.mailto.len()));
    }
    if let Some(follow_up) = report.diagnosis.as_ref().and_then(|d| d.follow_up.as_ref()) {
        if follow_up.mailto.len() > MAILTO_BUDGET {
            return Err("follow-up mailto too long".into());
        }
    }
    Ok(())
}

/// Runs the whole request → report path on fuzzer bytes.
pub fn check_bytes(data: &[u8]) -> Result<(), String> {
    let request = request_from_bytes(data);
    let report = analyze(&request);
    check_report(&report)?;
    // The widget analyses keystroke after keystroke through an entry cache. Warmed on an
    // earlier state of the form (here: the rows reversed, the last one missing), it must
    // give exactly the report a fresh analysis gives.
    let mut cache = AnalysisCache::default();
    let mut earlier = request.clone();
    earlier.environments.reverse();
    earlier.environments.pop();
    let _ = analyze_with(&earlier, &mut cache);
    if analyze_with(&request, &mut cache) != report {
        return Err("the entry cache changed the report".into());
    }
    Ok(())
}

/// Runs URI extraction and comparison on fuzzer bytes.
pub fn check_extraction(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    let (_, origin, _) = analyze_entry("https://acme.example.com");
    let expected = origin
        .map(|o| o.redirect_uri())
        .ok_or("the reference origin did not parse")?;
    for uri in extract_uris(&text) {
        if uri.uri.trim().is_empty() {
            return Err("an empty URI was extracted".into());
        }
        // Invisible characters pasted are removed and reported, never compared; only a
        // percent-encoded one in a parameter (what a sign-in really sent) stays.
        let encoded =
            matches!(uri.source, UriSource::RedirectParameter { decodings } if decodings > 0);
        if !encoded && uri.uri.chars().any(super::text::is_invisible) {
            return Err(format!("{:?} kept an invisible character", uri.uri));
        }
        let _ = compare(&uri.uri, &expected);
    }
    Ok(())
}

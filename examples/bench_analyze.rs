//! Times the core's `analyze` on pasted lists of 10 to 100,000 lines (run in release:
//! `cargo run --release --example bench_analyze`). Prints JSON: lines -> milliseconds
//! (median of several runs).

use std::time::Instant;

use imanage_connect::core::{analyze, AnalysisRequest, EnvironmentInput};

fn main() {
    let mut results = Vec::new();
    for lines in [10usize, 100, 1_000, 10_000, 100_000] {
        let text: String = (0..lines)
            .map(|i| match i % 4 {
                0 => format!("https://firm-{i}.example.com\n"),
                1 => format!("http://FIRM-{i}.example.com/admin/oauth\n"),
                2 => format!("\"firm-{i}.example.com:8443\"\n"),
                _ => format!(
                    "https://firm-{}.example.com/externalServices/replyFrom/\n",
                    i - 3
                ),
            })
            .collect();
        let request = AnalysisRequest {
            environments: vec![EnvironmentInput {
                role: None,
                url: text,
                version: None,
            }],
            customer_id: Some("1764".into()),
            version: Some("7.10".into()),
            ..AnalysisRequest::default()
        };
        let runs = if lines >= 10_000 { 3 } else { 15 };
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let report = analyze(&request);
                std::hint::black_box(&report);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        results.push(format!("\"{lines}\": {:.3}", times[times.len() / 2]));
    }
    println!("{{{}}}", results.join(", "));
}

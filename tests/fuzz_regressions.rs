//! Replays every input the fuzzer ever broke the core with (tests/fuzz-regressions/,
//! `<target>-<name>`), plus the seed corpus, through the same invariant checks natively.
#![cfg(not(target_arch = "wasm32"))]

use imanage_connect::core::invariants::{check_bytes, check_extraction};

#[test]
fn every_saved_input_keeps_the_promises() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("the regression folder exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let result = if name.starts_with("extract-") {
            check_extraction(&data)
        } else {
            check_bytes(&data)
        };
        assert_eq!(result, Ok(()), "{name}");
        checked += 1;
    }
    assert!(checked > 0, "no saved inputs in {dir}");
}

#[test]
fn the_invariants_catch_a_broken_uri() {
    use imanage_connect::core::invariants::is_canonical_redirect_uri;
    assert!(is_canonical_redirect_uri(
        "https://acme.example.com/externalServices/replyFrom"
    ));
    assert!(is_canonical_redirect_uri(
        "https://acme.example.com:8443/externalServices/replyFrom"
    ));
    for bad in [
        "http://acme.example.com/externalServices/replyFrom",
        "https://acme.example.com/externalServices/replyFrom/",
        "https://ACME.example.com/externalServices/replyFrom",
        "https://acme.example.com:443/externalServices/replyFrom",
        "https://acme/externalServices/replyFrom",
        "https://acme.example.com/externalservices/replyfrom",
        "https://-acme.example.com/externalServices/replyFrom",
        "https://xn--acme.example.com/externalServices/replyFrom",
    ] {
        assert!(!is_canonical_redirect_uri(bad), "{bad}");
    }
}

//! Fuzzes URI extraction from pasted text and the comparison of what it finds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = imanage_connect::core::invariants::check_extraction(data) {
        panic!("{broken}");
    }
});

//! Fuzzes the whole request → report path: no panic, canonical URIs only, no URI beside
//! an error, every finding with a message and a fix, e-mail links within budget.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = imanage_connect::core::invariants::check_bytes(data) {
        panic!("{broken}");
    }
});

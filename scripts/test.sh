#!/usr/bin/env bash
# Installs what is missing, then runs every check: formatting, lints, native tests of the
# core, browser tests in headless Chromium, and end-to-end tests of the release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_rust
setup_node
setup_chromium
cd "$ROOT"

LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT
export CARGO_TERM_COLOR=never

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check
note "clean"

step "Lints (cargo clippy -D warnings, native and wasm32)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
note "clean"

step "Native tests of the core (cargo test)"
cargo test 2>&1 | tee "$LOG/native.txt"

step "Browser tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test web --test api_reading 2>&1 | tee "$LOG/browser.txt"

step "Release build (trunk build --release, wasm-opt)"
trunk build --release 2>&1 | tail -n 5
ls -l dist

step "End-to-end tests of the release build in headless Chromium"
node --test --test-reporter=spec --test-concurrency=1 tests/e2e/ 2>&1 | tee "$LOG/e2e.txt"

step "Fuzzing the core for ${FUZZ_SECONDS:-30}s per target (cargo-fuzz)"
FUZZ_SECONDS="${FUZZ_SECONDS:-30}" bash "$ROOT/scripts/fuzz.sh"

cargo_counts() { # passed failed, summed over every "test result:" line
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
       END { print p + 0, f + 0 }' "$1"
}
read -r native_pass native_fail < <(cargo_counts "$LOG/native.txt")
read -r browser_pass browser_fail < <(cargo_counts "$LOG/browser.txt")
e2e_pass=$(awk '/^ℹ pass / { print $3 }' "$LOG/e2e.txt" | tail -n 1)
e2e_fail=$(awk '/^ℹ fail / { print $3 }' "$LOG/e2e.txt" | tail -n 1)
total_pass=$((native_pass + browser_pass + ${e2e_pass:-0}))
total_fail=$((native_fail + browser_fail + ${e2e_fail:-0}))

step "Summary"
note "native:      $native_pass passed, $native_fail failed"
note "browser:     $browser_pass passed, $browser_fail failed"
note "end-to-end:  ${e2e_pass:-0} passed, ${e2e_fail:-0} failed"
echo "total: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

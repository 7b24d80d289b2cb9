#!/usr/bin/env bash
# Benchmarks: bundle sizes against a minimal yew floor, start-up and keystroke latency in
# headless Chromium, and the core's analyze time; writes BENCHMARKS.md and exits
# non-zero when a timing target is missed. Not part of the test command (timings are
# noisy); the size budget is, in tests/e2e/size-budget.test.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_rust
setup_node
setup_chromium
cd "$ROOT"
exec node scripts/bench.mjs

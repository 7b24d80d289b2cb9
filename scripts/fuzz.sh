#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer, nightly Rust) for a bounded time per target:
# `analyze` (request -> report) and `extract` (URI extraction). Seeds come from the saved
# inputs in tests/fuzz-regressions and the strings in the rule tables. A crash is copied
# into tests/fuzz-regressions (replayed natively from then on) and fails the run.
#   FUZZ_SECONDS=60 bash scripts/fuzz.sh          # default 30 s per target
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-30}"

step "Nightly Rust and cargo-fuzz"
if rustup toolchain list | grep -q '^nightly'; then note "nightly present"; else rustup toolchain install nightly --profile minimal; fi
if cargo fuzz --version >/dev/null 2>&1; then note "cargo-fuzz present"; else cargo install cargo-fuzz --locked; fi

cd "$ROOT"
for target in analyze extract; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Seeds: saved inputs, and every string literal of the rule tables, one file each.
  for file in tests/fuzz-regressions/"$target"-*; do [ -f "$file" ] && cp "$file" "$corpus/"; done
  node scripts/fuzz-seeds.mjs "$corpus" "$target"
  step "Fuzzing $target for ${SECONDS_PER_TARGET}s ($(ls "$corpus" | wc -l) seeds)"
  if ! cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 2>&1 | tail -n 25; then
    for crash in fuzz/artifacts/"$target"/*; do
      [ -f "$crash" ] || continue
      cp "$crash" "tests/fuzz-regressions/$target-$(basename "$crash")"
      note "saved $(basename "$crash") as a regression input"
    done
    echo "fuzz: $target broke an invariant; the input is in tests/fuzz-regressions" >&2
    exit 1
  fi
done
step "Fuzzing done: no invariant broken"

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
  python3 - "$corpus" "$target" <<'PY'
import hashlib, pathlib, re, sys
corpus, target = pathlib.Path(sys.argv[1]), sys.argv[2]
for path in pathlib.Path('tests').glob('*.rs'):
    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text()):
        text = re.sub(r'\\u\{([0-9A-Fa-f]+)\}', lambda m: chr(int(m.group(1), 16)), literal).replace('\\n', '\n').replace('\\\\', '\\')
        data = text.encode('utf-8', 'surrogatepass')
        if target == 'analyze':
            data = b'\x15\x00' + data
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
PY
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

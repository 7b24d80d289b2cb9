#!/usr/bin/env bash
# Installs everything building and testing need, each only when missing; safe to run
# again. Sourced by scripts/serve.sh and scripts/test.sh; needs only Rust and Node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly, or Trunk
# tries to download one.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_rust() {
  step "Rust target wasm32-unknown-unknown"
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "present"
  else
    rustup target add wasm32-unknown-unknown
  fi

  local want
  want="$(wasm_bindgen_version)"
  step "wasm-bindgen CLI $want"
  if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$want" ]; then
    note "present"
  else
    note "installing (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi

  step "Trunk 0.21"
  if command -v trunk >/dev/null && trunk --version | grep -q ' 0\.21\.'; then
    note "present: $(trunk --version)"
  else
    note "installing (about 7 minutes)"
    cargo install trunk --version '~0.21' --locked --force
  fi
}

setup_node() {
  step "Node packages in tests/e2e (wasm-opt, Playwright driver, axe-core)"
  local stamp="$ROOT/tests/e2e/node_modules/.installed-from-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/tests/e2e/package-lock.json"; then
    note "present"
  else
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund)
    cp "$ROOT/tests/e2e/package-lock.json" "$stamp"
  fi
}

setup_chromium() {
  step "Chromium and ChromeDriver (Debian packages)"
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    note "present: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  else
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

#!/usr/bin/env bash
# Builds the widget in release mode and serves the demo page at http://127.0.0.1:8080/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_rust
setup_node
step "Serving the demo page at http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops)"
cd "$ROOT"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"

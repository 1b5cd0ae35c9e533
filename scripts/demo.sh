#!/usr/bin/env bash
# Installs, builds and serves the demo page on 127.0.0.1, printing its URL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" wasm web
exec node "$ROOT/scripts/serve.mjs" "$ROOT/web/dist" "$@"

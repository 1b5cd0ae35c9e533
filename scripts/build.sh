#!/usr/bin/env bash
# Builds what is missing or stale: native (release), WebAssembly into npm/dist, the demo page.
# Usage: scripts/build.sh [native] [wasm] [web] [asan]   (no argument: native wasm web)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm web)

preset() {
  local name=$1
  if [ ! -f "build/$name/build.ninja" ]; then
    cmake --preset "$name" >/dev/null
  fi
  cmake --build --preset "$name"
}

for t in "${targets[@]}"; do
  case "$t" in
    native) preset native-release ;;
    asan) preset native-asan ;;
    fuzz) preset native-asan ;;  # the sanitized build holds the fuzz targets too
    wasm) preset wasm-release && node npm/scripts/build-inline.mjs ;;
    web) (cd web && npx vite build --logLevel warn) ;;
    *) echo "unknown build target: $t" >&2; exit 2 ;;
  esac
done

#!/usr/bin/env bash
# The benchmark suite in one command: installs and builds what it needs (the native timing
# engine, the wasm package, the cmark-gfm wasm floor), then runs bench/run.mjs.
# Usage: bench/run.sh [--smoke] [--samples N] [--no-chromium] [--only REGEX]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn

[ "${GALLEY_SKIP_SETUP:-0}" = 1 ] || scripts/setup.sh >/dev/null
# Only the targets the suite runs, in the preset build folders the test command uses too.
for preset in native-release wasm-release; do
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
done
cmake --build --preset native-release --target galley_bench
cmake --build --preset wasm-release --target galley_wasm galley_cmark_floor
exec node bench/run.mjs "$@"

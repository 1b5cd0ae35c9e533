#!/usr/bin/env bash
# Installs, builds and runs every test suite; prints each runner's own summary and a
# final table. Exits non-zero when any suite fails.
# Usage: scripts/test.sh [suite…]   (default: all; suites: native wasm e2e package asan fuzz xss bench-smoke)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/setup.sh" || exit 1

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(native wasm e2e package asan fuzz xss bench-smoke)

declare -A status
order=()
run() {
  local name=$1
  shift
  order+=("$name")
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    status[$name]="PASS ($((SECONDS - start)) s)"
  else
    status[$name]="FAIL ($((SECONDS - start)) s)"
  fi
}

native_tests() {
  scripts/build.sh native && ctest --preset native-release -j2 --output-on-failure || return 1
  # The counts of the Markdown round trip over cmark-gfm's spec files (ctest hides a passing
  # test's output).
  build/native-release/tests/galley_tests "[spec]" | grep "round trip"
}
wasm_tests() {
  scripts/build.sh wasm && node --test npm/test/
}
package_tests() {
  scripts/build.sh wasm && scripts/pack-smoke.sh && (cd e2e && npx playwright test -c playwright.package.config.js)
}
e2e_tests() {
  scripts/build.sh web && web_reproducible && (cd e2e && npx playwright test --grep-invert @xss)
}
# The demo's production build is reproducible: building it again from the same sources and
# lockfile gives the same files, byte for byte.
web_reproducible() {
  local again
  again=$(mktemp -d)
  if ! (cd web && npx vite build --logLevel error --outDir "$again" --emptyOutDir); then
    rm -rf "$again"
    return 1
  fi
  if diff -r web/dist "$again" >/dev/null; then
    echo "demo build reproducible: $(find "$again" -type f | wc -l) files identical"
    rm -rf "$again"
  else
    echo "demo build differs between two builds:" >&2
    diff -rq web/dist "$again" >&2
    rm -rf "$again"
    return 1
  fi
}
asan_tests() {
  scripts/build.sh asan && ctest --preset native-asan -j2 --output-on-failure
}
fuzz_tests() {
  scripts/fuzz-short.sh -t 60
}
xss_tests() {
  scripts/build.sh wasm web && e2e/xss/fetch-vectors.sh && (cd e2e && npx playwright test --grep @xss)
}
bench_smoke() {
  GALLEY_SKIP_SETUP=1 bench/run.sh --smoke
}

for s in "${suites[@]}"; do
  case "$s" in
    native) run "ctest (native)" native_tests ;;
    wasm) run "node --test (npm package)" wasm_tests ;;
    e2e) run "playwright (demo in Chromium)" e2e_tests ;;
    package) run "package (npm pack, Vite, Chromium)" package_tests ;;
    asan) run "ctest (ASan + UBSan + LSan)" asan_tests ;;
    fuzz) run "libFuzzer (60 s a target)" fuzz_tests ;;
    xss) run "playwright (XSS vectors)" xss_tests ;;
    bench-smoke) run "benchmarks (smoke run)" bench_smoke ;;
    *) echo "unknown suite: $s" >&2; exit 2 ;;
  esac
done

echo
echo "=== summary"
failed=0
for name in "${order[@]}"; do
  printf '  %-34s %s\n' "$name" "${status[$name]}"
  [[ "${status[$name]}" == PASS* ]] || failed=1
done
exit $failed

#!/usr/bin/env bash
# Builds the libFuzzer targets (native-asan preset, which builds the sanitized tests too), makes their seed corpora from the samples,
# tests and fuzz/seeds, and runs each target for a while. Exits non-zero on any crash, leak,
# timeout or broken property; the failing input is left in build/native-asan/artifacts/.
# Usage: scripts/fuzz-short.sh [-t SECONDS] [-k] [target…]   (targets: format options fix; 60 s each)
#   -k  keep going after a crash, leak or hang (libFuzzer's fork mode, one job at a time): for
#       long runs, which then report every failing input instead of stopping at the first
#   -n  do not build first (the targets in build/native-asan are current)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

seconds=60
keep_going=()
build=1
while getopts "t:kn" opt; do
  case "$opt" in
    t) seconds=$OPTARG ;;
    k) keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1) ;;
    n) build=0 ;;
    *) echo "usage: $0 [-t SECONDS] [format|options|fix]…" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(format options fix)

BUILD="$ROOT/build/native-asan"
[ "$build" = 0 ] || scripts/build.sh fuzz || exit 1

# One option prefix per seed file, taken in turn: every prefix is seeded, and a seed corpus of
# one variant per file is read in well under the run's time (the sanitized targets take ~60 ms
# an input on the larger samples).
pick() {
  local n=$1
  shift
  local all=("$@")
  picked=${all[$((n % ${#all[@]}))]}
}

seed_corpus() {
  local target=$1 dir="$BUILD/corpus/$1/seed"
  rm -rf "$dir"
  mkdir -p "$dir"
  [ -d "fuzz/seeds/$target" ] && cp fuzz/seeds/"$target"/* "$dir"/ 2>/dev/null
  # Saved crashes and hangs are seeds too: the fuzzer starts from what once broke it.
  [ -d "tests/reliability/crashes/$target" ] && cp tests/reliability/crashes/"$target"/* "$dir"/ 2>/dev/null
  local n=0 f p
  case "$target" in
    format)
      while IFS= read -r -d '' f; do
        pick "$n" '\001\000' '\045\020' '\020\000' '\264\006'
        { printf "$picked"; cat "$f"; } >"$dir/md-$n"; n=$((n + 1))
      done < <(find tests/samples tests/golden tests/rules -type f \( -name '*.md' -o -name '*.markdown' \) -print0 2>/dev/null)
      while IFS= read -r -d '' f; do
        pick "$n" '\002\000' '\000\004' '\106\011'
        { printf "$picked"; cat "$f"; } >"$dir/txt-$n"; n=$((n + 1))
      done < <(find tests/samples tests/golden tests/rules -type f -name '*.txt' ! -name 'diagnostics.txt' ! -name 'output.txt' ! -name '*.expected.txt' -print0 2>/dev/null)
      while IFS= read -r -d '' f; do
        { printf '\003\000'; cat "$f"; } >"$dir/json-$n"; n=$((n + 1))
      done < <(find tests/golden tests/rules -type f \( -name 'article.json' -o -name 'input.json' \) -print0 2>/dev/null)
      ;;
    fix)
      while IFS= read -r -d '' f; do
        pick "$n" '\000' '\001' '\002'
        { printf "$picked"; cat "$f"; } >"$dir/in-$n"; n=$((n + 1))
      done < <(find tests/samples tests/golden tests/rules -type f \( -name '*.md' -o -name 'input.txt' -o -name 'security-guarantees.txt' \) -print0 2>/dev/null)
      ;;
    options)
      while IFS= read -r -d '' f; do
        cp "$f" "$dir/opt-$n"; n=$((n + 1))
      done < <(find tests/golden tests/rules -type f \( -name 'options.json' -o -name 'config.json' \) -print0 2>/dev/null)
      ;;
  esac
}

dict_of() {
  case "$1" in
    options) echo "$ROOT/fuzz/options.dict" ;;
    *) echo "$ROOT/fuzz/galley.dict" ;;
  esac
}

failed=0
passed=0
for t in "${targets[@]}"; do
  [ -x "$BUILD/fuzz/fuzz_$t" ] || { echo "no such fuzz target: $t" >&2; exit 2; }
  seed_corpus "$t"
  mkdir -p "$BUILD/corpus/$t/work" "$BUILD/artifacts/$t"
  echo "--- fuzz_$t: ${seconds} s"
  # The working corpus grows from run to run; the seed folder is read, never written.
  if ! ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$ROOT/fuzz/ubsan.supp" \
    nice -n "${GALLEY_FUZZ_NICE:-0}" "$BUILD/fuzz/fuzz_$t" "$BUILD/corpus/$t/work" "$BUILD/corpus/$t/seed" \
    -dict="$(dict_of "$t")" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/$t/" "${keep_going[@]}" \
    >"$BUILD/fuzz_$t.log" 2>&1; then
    failed=$((failed + 1))
    echo "fuzz_$t FAILED; the log's end:"
    tail -n 40 "$BUILD/fuzz_$t.log"
    ls "$BUILD/artifacts/$t/"
  else
    passed=$((passed + 1))
  fi
  grep -E '^(#[0-9]+.*DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)' "$BUILD/fuzz_$t.log" | tail -n 5
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# Builds the libFuzzer targets in build-asan/ (clang 14, ASan+UBSan: the sanitized build of
# tools/test.sh --sanitize, which already makes them) and runs each for SECONDS (default 60),
# failing on any crash, leak, timeout or sanitizer report. Runs keep their files in build-fuzz/: new
# inputs that grow coverage in build-fuzz/corpus/NAME across runs; a failing input is saved as
# build-fuzz/artifacts/NAME-crash-… (add it to tests/fuzz/regressions/NAME/ with the fix).
# Usage: tests/fuzz/run.sh [SECONDS] [NAME…]     NAME: parse check load run (default: all four)
# Two targets run at a time (BAOMI_FUZZ_PARALLEL=N to change), so four 60 s runs take two minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(parse check load run)
source "$root/tools/sanitize-flags.sh"
build="$root/build-asan"
work="$root/build-fuzz"
mkdir -p "$work"
cmake -S "$root" -B "$build" "${sanitize_flags[@]}" >/dev/null
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" -j"${BAOMI_FUZZ_JOBS:-2}" --target "${targets[@]}" >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log"; exit 1; }
"$root/tests/fuzz/seeds.sh" "$work"
mkdir -p "$work/artifacts" "$work/logs"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# One fuzz target per core at a time (BAOMI_FUZZ_PARALLEL, default 2): each run is single-threaded.
run_one() {
  local n="$1" dict="$root/tests/fuzz/baomi.dict" max_len=65536
  case "$n" in load | run) dict="$work/snapshot.dict" ;; esac
  case "$n" in run) max_len=8192 ;; esac  # a small snapshot: the whole check of a large one is slow
  mkdir -p "$work/corpus/$n"
  local code=0
  "$build/tests/fuzz/fuzz_$n" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -dict="$dict" -artifact_prefix="$work/artifacts/$n-" \
    "$work/corpus/$n" "$work/seeds/$n" "$root/tests/fuzz/regressions/$n" >"$work/logs/$n.log" 2>&1 || code=$?
  echo "$code" >"$work/logs/$n.status"
}
for n in "${names[@]}"; do
  rm -f "$work/logs/$n.status"
  while [ "$(jobs -rp | wc -l)" -ge "${BAOMI_FUZZ_PARALLEL:-2}" ]; do wait -n || true; done
  run_one "$n" &
done
wait
# Reported in the order named, each with the exit status its run wrote.
status=0
for n in "${names[@]}"; do
  log="$work/logs/$n.log"
  echo "fuzz_$n: ${seconds}s"
  if [ "$(cat "$work/logs/$n.status" 2>/dev/null)" = 0 ]; then
    grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -n 1 || true
    grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  else
    status=1
    echo "fuzz_$n FAILED (log: $log)"
    grep -E -A 30 'ERROR: |runtime error|==ERROR|SUMMARY|Test unit written' "$log" | head -n 60 || tail -n 40 "$log"
  fi
done
exit "$status"

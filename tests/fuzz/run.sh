#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang 14, ASan+UBSan) and runs each for SECONDS
# (default 60), failing on any crash, leak, timeout or sanitizer report. New inputs that grow
# coverage are kept in build-fuzz/corpus/NAME across runs; a failing input is saved as
# build-fuzz/artifacts/NAME-crash-… (add it to tests/fuzz/regressions/NAME/ with the fix).
# Usage: tests/fuzz/run.sh [SECONDS] [NAME…]     NAME: parse check load run (default: all four)
# Two targets run at a time (BAOMI_FUZZ_PARALLEL=N to change), so four 60 s runs take two minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(parse check load run)
build="$root/build-fuzz"
cxx="${BAOMI_FUZZ_CXX:-clang++-14}"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DBAOMI_FUZZ=ON -DBAOMI_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" -j"${BAOMI_FUZZ_JOBS:-2}" --target "${targets[@]}" >"$build/build.log" 2>&1 ||
  { tail -n 40 "$build/build.log"; exit 1; }
"$root/tests/fuzz/seeds.sh" "$build"
mkdir -p "$build/artifacts" "$build/logs"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# One fuzz target per core at a time (BAOMI_FUZZ_PARALLEL, default 2): each run is single-threaded.
run_one() {
  local n="$1" dict="$root/tests/fuzz/baomi.dict" max_len=65536
  case "$n" in load | run) dict="$build/snapshot.dict" ;; esac
  case "$n" in run) max_len=8192 ;; esac  # a small snapshot: the whole check of a large one is slow
  mkdir -p "$build/corpus/$n"
  local code=0
  "$build/tests/fuzz/fuzz_$n" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -dict="$dict" -artifact_prefix="$build/artifacts/$n-" \
    "$build/corpus/$n" "$build/seeds/$n" "$root/tests/fuzz/regressions/$n" >"$build/logs/$n.log" 2>&1 || code=$?
  echo "$code" >"$build/logs/$n.status"
}
for n in "${names[@]}"; do
  rm -f "$build/logs/$n.status"
  while [ "$(jobs -rp | wc -l)" -ge "${BAOMI_FUZZ_PARALLEL:-2}" ]; do wait -n || true; done
  run_one "$n" &
done
wait
# Reported in the order named, each with the exit status its run wrote.
status=0
for n in "${names[@]}"; do
  log="$build/logs/$n.log"
  echo "fuzz_$n: ${seconds}s"
  if [ "$(cat "$build/logs/$n.status" 2>/dev/null)" = 0 ]; then
    grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -n 1 || true
    grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  else
    status=1
    echo "fuzz_$n FAILED (log: $log)"
    grep -E -A 30 'ERROR: |runtime error|==ERROR|SUMMARY|Test unit written' "$log" | head -n 60 || tail -n 40 "$log"
  fi
done
exit "$status"

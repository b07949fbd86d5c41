#!/usr/bin/env bash
# Builds baomi and runs the whole test suite. `--sanitize` builds with ASan+UBSan in build-asan/, with
# clang 14, and the same build also makes the libFuzzer targets that tests/fuzz/run.sh runs: CI
# compiles the sanitized code once for both (docs/testing.md, "CI").
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/sanitize-flags.sh
build=build
flags=()
if ! dpkg -s tao-pegtl-dev libcli11-dev libxlsxwriter-dev pkg-config >/dev/null 2>&1; then .ci/install-deps; fi
if [ "${1:-}" = "--sanitize" ]; then
  build=build-asan
  if ! command -v clang++-14 >/dev/null || ! dpkg -s libfuzzer-14-dev >/dev/null 2>&1; then .ci/install-fuzz-deps; fi
  flags=("${sanitize_flags[@]}")
  # Allocation and free stacks of 4 frames instead of 30: the suite starts the baomi binary hundreds
  # of times, and recording deep stacks for every malloc was about a fifth of its time. A report
  # still names the place; rerun with a larger malloc_context_size to see more.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=4}"
fi
cmake -S . -B "$build" "${flags[@]}" >/dev/null
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure

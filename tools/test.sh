#!/usr/bin/env bash
# Builds baomi and runs the whole test suite. `--sanitize` builds with ASan+UBSan in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
flags=()
if [ "${1:-}" = "--sanitize" ]; then
  build=build-asan
  flags=(-DBAOMI_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
fi
if ! dpkg -s tao-pegtl-dev libcli11-dev libxlsxwriter-dev pkg-config >/dev/null 2>&1; then .ci/install-deps; fi
cmake -S . -B "$build" "${flags[@]}" >/dev/null
cmake --build "$build" -j2
ctest --test-dir "$build" -j2 --output-on-failure

# The configuration of build-asan/, shared by tools/test.sh --sanitize and tests/fuzz/run.sh so that
# both use one build: clang 14 with ASan, UBSan and libstdc++'s assertions (cmake/sanitizers.cmake),
# plus libFuzzer's coverage instrumentation and the fuzz targets (cmake/fuzz.cmake). RelWithDebInfo
# is -O1 with line tables there, and keeps assert() on.
# shellcheck shell=bash
sanitize_flags=(-DCMAKE_CXX_COMPILER="${BAOMI_FUZZ_CXX:-clang++-14}" -DBAOMI_SANITIZE=ON -DBAOMI_FUZZ=ON
                -DCMAKE_BUILD_TYPE=RelWithDebInfo)

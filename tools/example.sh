#!/usr/bin/env bash
# Builds baomi and runs its main job on the shipped rulesets and the example organization.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg -s tao-pegtl-dev libcli11-dev >/dev/null 2>&1; then .ci/install-deps; fi
cmake -S . -B build >/dev/null
cmake --build build -j2 --target baomi
build/tools/baomi fmt --check rulesets
build/tools/baomi lint rulesets

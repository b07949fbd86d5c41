#!/usr/bin/env bash
# Runs one of the node tests of the editor support (CTest entries lsp_client and lsp_grammar):
# installs their npm packages first when missing (.ci/install-node-deps), and exits 77 (CTest's
# SKIP_RETURN_CODE) only when node is not installed.
# Usage: tests/lsp/run.sh client|grammar [BAOMI_BINARY]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null; then
  echo "SKIPPED: node is not installed" >&2
  exit 77
fi
if [ ! -f tests/lsp/node_modules/.package-lock.json ]; then
  # Both node tests may start at once under `ctest -j`: one installs, the other waits for it.
  if command -v flock >/dev/null; then
    flock tests/lsp/.install.lock .ci/install-node-deps
  else
    .ci/install-node-deps
  fi
fi
test=$1
shift
exec node "tests/lsp/$test.test.js" "$@"

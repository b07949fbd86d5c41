#!/usr/bin/env bash
# Lays out every C++ file of the repository with clang-format (.clang-format). `--check` changes
# nothing and fails, listing the files, when any file is not laid out.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$formatter" ]; then
  echo "tools/format.sh: clang-format not found (Debian package clang-format)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--check" ]; then
  bad=()
  for f in "${files[@]}"; do
    if ! "$formatter" --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
  done
  if [ "${#bad[@]}" -gt 0 ]; then
    printf 'not laid out by clang-format (run tools/format.sh):\n' >&2
    printf '  %s\n' "${bad[@]}" >&2
    exit 1
  fi
  echo "${#files[@]} C++ files laid out"
else
  "$formatter" -i "${files[@]}"
fi

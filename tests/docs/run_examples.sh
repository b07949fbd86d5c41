#!/usr/bin/env bash
# Runs every command example the docs mark as runnable, so they cannot drift from the tool.
#
# The marker is a fenced block whose info string is `sh runnable`:
#
#   ```sh runnable
#   baomi check facts/examples/org.json   # exit 1
#   ```
#
# Each line of such a block is one command, run by bash in a scratch folder that holds the
# repository's facts/, rulesets/ and docs/, `export.json`, `last-year.json` and `this-year.json`
# (copies of the example snapshot), with `baomi` (and `build/tools/baomi`) being the binary under
# test. A comment ending in `exit N` gives the expected exit code (default 0); other comments are
# ignored. Usage: run_examples.sh BAOMI_BINARY SOURCE_DIR [FILE…] (default: README.md docs/*.md).
set -uo pipefail
binary=$(readlink -f "$1")
source_dir=$(cd "$2" && pwd)
shift 2
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$source_dir/README.md" "$source_dir"/docs/*.md)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/baomi-doc-examples.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for d in facts rulesets docs tests; do ln -s "$source_dir/$d" "$scratch/$d"; done
for f in export.json last-year.json this-year.json; do cp "$source_dir/facts/examples/org.json" "$scratch/$f"; done
mkdir -p "$scratch/bin" "$scratch/build/tools"
ln -s "$binary" "$scratch/bin/baomi"
ln -s "$binary" "$scratch/build/tools/baomi"

run=0
failed=0
blocks=0
for file in "${files[@]}"; do
  name=${file#"$source_dir"/}
  # file:line<TAB>command for every line of every runnable block.
  while IFS=$'\t' read -r line command; do
    [ "$line" = block ] && { blocks=$((blocks + 1)); continue; }
    expected=0
    if [[ $command == *#* && $command =~ (^|[^[:alnum:]_])exit[[:space:]]+([0-9]+)[[:space:]]*$ ]]; then
      expected=${BASH_REMATCH[2]}
    fi
    run=$((run + 1))
    output=$(cd "$scratch" && PATH="$scratch/bin:$PATH" bash -c "$command" 2>&1 </dev/null)
    code=$?
    if [ "$code" != "$expected" ]; then
      failed=$((failed + 1))
      echo "FAIL $name:$line: exit $code, expected $expected: $command"
      echo "$output" | head -20 | sed 's/^/    /'
    else
      echo "ok   $name:$line: $command"
    fi
  done < <(awk '
    /^```sh runnable[[:space:]]*$/ { inside = 1; print "block\t"; next }
    /^```/ { inside = 0; next }
    inside && $0 !~ /^[[:space:]]*(#|$)/ { print FNR "\t" $0 }
  ' "$file")
done
echo "$run runnable examples in $blocks blocks, $failed failed"
[ "$blocks" -gt 0 ] || { echo "FAIL: no runnable blocks found"; exit 1; }
[ "$failed" = 0 ]

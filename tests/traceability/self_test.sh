#!/usr/bin/env bash
# Checks that check.sh fails on a missing catalogue row, an unknown rule id and an excluded row that
# docs/rules-excluded.md does not list. Usage: self_test.sh REPO
set -u
repo=$(cd "${1:-.}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
catalogues=$repo/../shared/reference
if ! ls "$catalogues"/seed-rules-*.md >/dev/null 2>&1; then
  echo "SKIPPED: no seed catalogues at $catalogues"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs"
ln -s "$repo/rulesets" "$tmp/rulesets"
status=0
expect_failure() {  # NAME PATTERN: check.sh must fail and print PATTERN
  out=$(BAOMI_CATALOGUES="$catalogues" BAOMI_MIN_ENCODED=0 BAOMI_MIN_DECIDED=0 "$here/check.sh" "$tmp" 2>&1)
  if [ $? -eq 0 ] || ! grep -q -- "$2" <<<"$out"; then
    echo "FAIL: $1: expected a failure mentioning '$2', got:"; echo "$out" | tail -5; status=1
  else
    echo "ok: $1"
  fi
}
cp "$repo/docs/rules-excluded.md" "$tmp/docs/"
first=$(grep -m1 -P '^S\d+-\d+\tencoded\t' "$repo/docs/traceability.tsv" | cut -f1)
grep -v "^$first	" "$repo/docs/traceability.tsv" >"$tmp/docs/traceability.tsv"
expect_failure "missing row" "catalogue row $first is missing"
sed "s/^$first\tencoded\t[^\t]*/$first\tencoded\tNOPE-999/" "$repo/docs/traceability.tsv" >"$tmp/docs/traceability.tsv"
expect_failure "unknown rule" "names NOPE-999"
sed "s/^$first\tencoded\t[^\t]*\t/$first\texcluded\t\tsome reason/" "$repo/docs/traceability.tsv" >"$tmp/docs/traceability.tsv"
expect_failure "excluded row not documented" "$first is excluded but not in an Excluded table"
cp "$repo/docs/traceability.tsv" "$tmp/docs/"
out=$(BAOMI_CATALOGUES="$catalogues" BAOMI_MIN_ENCODED=100 "$here/check.sh" "$tmp" 2>&1)
if [ $? -eq 0 ]; then echo "FAIL: the encoded floor is not enforced"; status=1; else echo "ok: floor"; fi
exit $status

#!/usr/bin/env bash
# The HTML report in a real browser (Debian's headless Chromium): the example unit's report and a copy
# whose unit and people are named `<script>alert(1)</script>`.
#   - the hostile names render as text: the DOM after scripts ran holds them escaped, no such element;
#   - the report's own script runs under its Content Security Policy (the filter form is shown) and the
#     console reports no error and no refused load;
#   - nothing is fetched: no src/href with a URL in the file, and the CSP forbids every request;
#   - the print layout renders to PDF with a page for each group;
#   - a screenshot of the summary is kept in OUT_DIR as a test artifact.
# Usage: html_report_test.sh BAOMI OUT_DIR (from the repository root). Exit 77 (skipped) without Chromium.
set -euo pipefail
baomi=$1
out=$2
browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
  echo "SKIPPED: no Chromium found (Debian: apt-get install chromium; .ci/install-deps installs it)"
  exit 77
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Headless Chromium with no network, no updates, a throwaway profile; 60 s at most per run.
run_browser() {
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --disable-dev-shm-usage --enable-logging=stderr --v=0 "$@"
}

report() {  # report SNAPSHOT FILE: the HTML report (exit 1 is expected: the example unit has failures)
  local status=0
  "$baomi" check "$1" --waivers facts/examples/waivers.json --format html -o "$2" || status=$?
  [ "$status" -le 1 ] || fail "baomi check $1 exited $status"
}

report facts/examples/org.json "$out/example.html"
evil='<script>alert(1)</script>'
sed -e "s|某市保密局示范单位|$evil|" -e "s|\"name\": \"王丽娟\"|\"name\": \"$evil\"|" facts/examples/org.json >"$out/xss.json"
grep -q "alert(1)" "$out/xss.json" || fail "the hostile snapshot was not made"
report "$out/xss.json" "$out/xss.html"

for page in example xss; do
  html="$out/$page.html"
  # Nothing is fetched: the policy, and no element that names a URL.
  grep -q "Content-Security-Policy\" content=\"default-src 'none';" "$html" || fail "$page: no CSP default-src 'none'"
  if grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*([a-z]+:)?//" "$html"; then
    fail "$page: an element loads from a URL: $(grep -Eio "(src|href)=[\"']?[^\"' >]*//[^\"' >]*" "$html" | head -3)"
  fi
  run_browser --dump-dom "file://$html" >"$out/$page.dom.html" 2>"$out/$page.console.log" || fail "$page: chromium --dump-dom failed"
  dom="$out/$page.dom.html"
  grep -q '<form id="filters"' "$dom" || fail "$page: the DOM has no filter form"
  grep -q '<form id="filters" hidden' "$dom" && fail "$page: the report's script did not run (the filter form is still hidden)"
  grep -q '显示 [0-9]* / [0-9]* 项' "$dom" || fail "$page: the script did not count the findings"
  if grep -Ei 'CONSOLE.*(error|uncaught|refused)|Refused to (load|connect|execute)' "$out/$page.console.log"; then
    fail "$page: console errors (above)"
  fi
done

# The hostile names are text: escaped in the DOM, never an element.
xss_dom="$out/xss.dom.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$xss_dom" || fail "xss: the hostile name is not shown as text"
if grep -q '<script>alert(1)</script>' "$xss_dom"; then fail "xss: a fact became a script element"; fi
[ "$(grep -c '<script>' "$xss_dom")" -eq 1 ] || fail "xss: more than the report's own script element"

# Print layout: a PDF with at least a page per group (each group starts a new page).
groups=$(grep -o 'class="group"' "$out/example.html" | wc -l)
[ "$groups" -ge 2 ] || fail "example: only $groups groups"
run_browser --no-pdf-header-footer --print-to-pdf="$out/example.pdf" "file://$out/example.html" 2>"$out/pdf.log" ||
  fail "chromium --print-to-pdf failed"
head -c 5 "$out/example.pdf" | grep -q '%PDF-' || fail "example.pdf is not a PDF"
pages=$(grep -a -c '/Type /Page\b' "$out/example.pdf" || true)
[ "$pages" -gt "$groups" ] || fail "example.pdf has $pages pages for $groups groups"

# A screenshot of the summary, kept for people to look at.
run_browser --window-size=1280,1600 --hide-scrollbars --screenshot="$out/summary.png" "file://$out/example.html" \
  2>"$out/screenshot.log" || fail "chromium --screenshot failed"
[ -s "$out/summary.png" ] || fail "no screenshot"

echo "PASS: $groups groups, $pages PDF pages, XSS rendered as text; artifacts in $out"

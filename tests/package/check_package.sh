#!/usr/bin/env bash
# The Debian package (cmake/package.cmake): build it with cpack, check its contents and declared
# dependencies, unpack it into a scratch root and run the installed `baomi` from there (the example
# check, lint of the installed rulesets, the man page, the completions).
# Usage: check_package.sh BUILD_DIR. Exit 77 (skipped) without cpack or dpkg-deb.
set -euo pipefail
build=$(cd "$1" && pwd)
for tool in cpack dpkg-deb objdump; do
  command -v "$tool" >/dev/null || { echo "skipped: no $tool"; exit 77; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/baomi-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/out/baomi_*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for f in ./usr/bin/baomi ./usr/share/man/man1/baomi.1.gz ./usr/share/bash-completion/completions/baomi \
  ./usr/share/zsh/vendor-completions/_baomi ./usr/share/baomi/rulesets/cn/baseline.baomi \
  ./usr/share/baomi/examples/org.json ./usr/share/baomi/examples/waivers.json ./usr/share/doc/baomi/cli.md \
  ./usr/share/doc/baomi/README.md; do
  grep -qx "$f" "$work/contents" || fail "the package has no $f"
done

# Every shared library the binary needs comes from a package the .deb depends on.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
dpkg-deb -x "$deb" "$work/root"
bin="$work/root/usr/bin/baomi"
for lib in $(objdump -p "$bin" | awk '/NEEDED/ {print $2}'); do
  # Every reader consumes its whole input: under pipefail, a reader that stops early (awk's exit,
  # head -1, grep -q) can kill the writer with SIGPIPE and end the script without a message.
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && !found {print $NF; found = 1}')
  [ -n "$path" ] || fail "cannot find $lib"
  pkg=$({ dpkg -S "$(readlink -f "$path")" || dpkg -S "$path" || true; } 2>/dev/null | awk -F: 'NR == 1 {print $1}')
  [ -n "$pkg" ] || fail "no package owns $lib"
  echo "$depends" | tr ',|' '\n\n' | sed 's/(.*//; s/[[:space:]]//g' | grep -xF "$pkg" >/dev/null ||
    fail "$lib comes from $pkg, which Depends does not name"
done

# The installed binary, run from elsewhere than the checkout, on the installed example.
cd "$work"
set +e
"$bin" check "$work/root/usr/share/baomi/examples/org.json" --waivers "$work/root/usr/share/baomi/examples/waivers.json" \
  >"$work/check.txt" 2>&1
code=$?
set -e
[ "$code" = 1 ] || { cat "$work/check.txt"; fail "check on the example exited $code, not 1 (failing findings)"; }
grep -q "不符合" "$work/check.txt" || fail "the check report lists no 不符合 findings"
"$bin" lint "$work/root/usr/share/baomi/rulesets" >/dev/null || fail "lint of the installed rulesets"
"$bin" profiles >"$work/profiles.txt" || fail "profiles exited $?"
grep -q "cn.profiles.s004_1a" "$work/profiles.txt" || fail "profiles does not list cn.profiles.s004_1a"

# The man page is the help of every command; the completions load.
zcat "$work/root/usr/share/man/man1/baomi.1.gz" >"$work/baomi.1"
sed -n 1p "$work/baomi.1" | grep '^\.TH BAOMI 1' >/dev/null || fail "the man page has no .TH header"
for c in check lint fmt test explain diff coverage schema profiles; do
  grep -q "^\.SS \"baomi $c" "$work/baomi.1" || fail "the man page has no section for $c"
done
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$work/baomi.1" 2>/dev/null | grep -c -- "--waivers" >/dev/null || fail "man -l does not render --waivers"
fi
bash -c "source '$work/root/usr/share/bash-completion/completions/baomi'; complete -p baomi" >/dev/null ||
  fail "the bash completion does not register"
if command -v zsh >/dev/null; then zsh -n "$work/root/usr/share/zsh/vendor-completions/_baomi" || fail "zsh -n _baomi"; fi
echo "package OK"

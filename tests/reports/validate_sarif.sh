#!/usr/bin/env bash
# Validates SARIF files as their consumers will: Microsoft's SARIF multitool (npm
# @microsoft/sarif-multitool: schema checks and its SARIF1xxx/2xxx rules) and Ajv against the official
# SARIF 2.1.0 JSON schema that the multitool package ships, because the multitool lets some schema
# violations through (an unknown result `level`, for one).
#
# Usage: tests/reports/validate_sarif.sh TOOLS_DIR FILE...
# The tools are installed into TOOLS_DIR with npm on first use (pinned versions; later runs reuse them).
# Exit status: 0 valid (warnings are printed but allowed), 1 invalid, 2 usage,
# 77 skipped because npm or the registry is unavailable (CTest's SKIP_RETURN_CODE).
set -uo pipefail

multitool_version=5.7.0
ajv_version=8.20.0
ajv_formats_version=3.0.1
skip=77

if [ $# -lt 2 ]; then
  echo "usage: $0 TOOLS_DIR FILE..." >&2
  exit 2
fi
tools=$1
shift

skipped() {
  echo "SKIPPED: $*" >&2
  exit $skip
}

install_tools() {
  local stamp="$tools/.installed-$multitool_version-$ajv_version-$ajv_formats_version"
  [ -f "$stamp" ] && return 0
  command -v npm >/dev/null || skipped "npm is not installed, so the SARIF validators cannot be"
  command -v node >/dev/null || skipped "node is not installed"
  mkdir -p "$tools" || skipped "cannot create $tools"
  echo "installing @microsoft/sarif-multitool@$multitool_version and ajv@$ajv_version into $tools" >&2
  if ! npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$multitool_version" \
    "ajv@$ajv_version" "ajv-formats@$ajv_formats_version" >"$tools/npm.log" 2>&1; then
    cat "$tools/npm.log" >&2
    skipped "npm install failed (is the npm registry reachable?)"
  fi
  touch "$stamp"
}

install_tools
export NODE_PATH="$tools/node_modules"
# The platform's self-contained .NET build; npm may not have run its chmod postinstall.
multitool=$(node -e 'process.stdout.write(require("@microsoft/sarif-multitool"))') || {
  echo "error: no multitool build for this platform in $tools" >&2
  exit 1
}
chmod u+x "$multitool"
schema="$(dirname "$multitool")/sarif-2.1.0.json"
# Without libicu, .NET refuses to start unless told that invariant culture is enough (it is here).
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for file in "$@"; do
  echo "== $file"
  "$multitool" --version 2>&1 | head -n 1
  # The multitool exits 0 even when it reports errors: read its own SARIF log instead.
  rm -f "$work/log.sarif"
  if ! "$multitool" validate --output "$work/log.sarif" "$file" >"$work/console.txt" 2>&1 || [ ! -s "$work/log.sarif" ]; then
    cat "$work/console.txt"
    echo "error: the multitool did not run to completion" >&2
    status=1
    continue
  fi
  grep -E ': (error|warning) ' "$work/console.txt"
  node - "$schema" "$work/log.sarif" "$file" <<'JS' || status=1
const fs = require("fs");
const [schemaPath, logPath, filePath] = process.argv.slice(2);
let failed = false;

const log = JSON.parse(fs.readFileSync(logPath, "utf8"));
const run = log.runs[0];
const errors = (run.results || []).filter((r) => r.level === "error");
const notifications = (run.invocations || []).flatMap((i) => i.toolExecutionNotifications || []).filter((n) => n.level === "error");
console.log(`multitool: ${errors.length} error(s), ${(run.results || []).length - errors.length} warning(s) or note(s)`);
for (const n of notifications) console.log(`multitool failed: ${n.message.text}`);
if (errors.length > 0 || notifications.length > 0) failed = true;

const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let sarif;
try {
  sarif = JSON.parse(fs.readFileSync(filePath, "utf8"));
} catch (e) {
  console.log(`schema: not JSON: ${e.message}`);
  process.exit(1);
}
if (validate(sarif)) {
  console.log("schema: valid against the SARIF 2.1.0 JSON schema");
} else {
  for (const e of validate.errors) console.log(`schema: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
JS
done
[ $status -eq 0 ] && echo "SARIF valid" || echo "SARIF INVALID"
exit $status

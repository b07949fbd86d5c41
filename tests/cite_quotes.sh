#!/usr/bin/env bash
# Verifies every `cite` quote of the shipped rulesets, and of the unit ruleset worked example in
# docs/language.md, against the seed documents (`baomi lint --sources`).
set -u
seeds=../shared/seeds
if [ ! -d "$seeds" ]; then
  echo "SKIPPED: no seed documents at $seeds"
  exit 77
fi
"$1" lint rulesets --sources "$seeds" || exit 1
exec "$1" lint docs/examples/units/jys --sources "$seeds"

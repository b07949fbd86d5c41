#!/usr/bin/env bash
# Verifies every `cite` quote of the shipped rulesets against the seed documents (`baomi lint --sources`).
set -u
seeds=../shared/seeds
if [ ! -d "$seeds" ]; then
  echo "SKIPPED: no seed documents at $seeds"
  exit 77
fi
exec "$1" lint rulesets --sources "$seeds"

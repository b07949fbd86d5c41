#!/usr/bin/env bash
# The layering check fails on a tree that breaks each rule, naming the include chain, and passes on
# one that keeps them. Usage: self_test.sh (from anywhere).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
status=0
expect() {
  if ! grep -qxF -- "$1" <<<"$output"; then
    echo "self-test: missing: $1"
    status=1
  fi
}

output=$("$here/check_layers.sh" "$here/bad-tree")
code=$?
echo "$output"
if [[ $code -ne 1 ]]; then
  echo "self-test: the bad tree should fail (exit 1), got $code"
  status=1
fi
expect "layering: base/ reaches the higher layer engine/: base/text.hpp -> engine/findings.hpp"
expect "layering: dsl/ and facts/ are independent: dsl/source.hpp -> facts/store.hpp"
expect "layering: the evaluator and reports/ do not see the AST: engine/eval/interpreter.hpp -> engine/plan.hpp -> dsl/ast.hpp"
expect "layering: the evaluator and reports/ do not see the AST: reports/text.cpp -> tools/common.hpp -> engine/eval/interpreter.hpp -> engine/plan.hpp -> dsl/ast.hpp"
expect "layering: reports/ reaches the higher layer tools/: reports/text.cpp -> tools/common.hpp"
expect "layering: PEGTL stays in dsl/grammar.hpp, dsl/errors.hpp and dsl/parser.cpp: facts/store.hpp -> facts/internal/sink.hpp -> <pegtl>"
expect "layering: facts/internal/ is private to the loader: dsl/source.hpp -> facts/store.hpp -> facts/internal/sink.hpp"

output=$("$here/check_layers.sh" "$here/good-tree")
code=$?
if [[ $code -ne 0 ]]; then
  echo "$output"
  echo "self-test: the good tree should pass, got $code"
  status=1
fi
exit $status

#!/usr/bin/env bash
# The layering rules (docs/architecture.md, "Layers"), checked on the graph of #include directives:
#   1. base < dsl, facts < engine < reports < tools: no file includes a higher layer, transitively,
#      and dsl/ and facts/ never reach each other (so nothing outside tools/ and tests/ reaches tools/);
#   2. the evaluator (engine/eval/) and reports/ never reach dsl/ast.hpp;
#   3. PEGTL is included only by dsl/grammar.hpp, dsl/errors.hpp, dsl/parser.cpp and
#      tests/dsl/grammar_test.cpp: no other file reaches a <tao/pegtl…> header;
#   4. facts/internal/ (the loader's private headers) is reached only from facts/ and tests/facts/.
# tests/ may include anything else (tests/layering/ holds fake trees for the self-test and is skipped). Each violation is printed with its include chain; exit 1 if any.
# Usage: check_layers.sh [ROOT]  (ROOT: the source tree, default the current folder)
set -euo pipefail
cd "${1:-.}"

declare -A deps=()
files=()
while IFS= read -r -d '' f; do files+=("${f#./}"); done < <(
  find ./base ./dsl ./facts ./engine ./reports ./tools ./tests -type f \
    \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' -o -name '*.cpp.in' \) -not -path './tests/layering/*' -print0 2>/dev/null | sort -z)

# Direct includes: project headers resolved from the root (the include path) or the including file's
# folder; PEGTL headers as the pseudo-file <pegtl>; other system headers ignored.
for f in "${files[@]}"; do
  list=""
  while IFS= read -r target; do
    case "$target" in
      '<tao/pegtl'*) list+=" <pegtl>" ;;
      '<'*) ;;
      *)
        target=${target:1:${#target}-2}
        if [[ -f "$target" ]]; then
          list+=" $target"
        elif [[ -f "${f%/*}/$target" ]]; then
          list+=" $(realpath -m --relative-to=. "${f%/*}/$target")"
        fi
        ;;
    esac
  done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*([<"][^>"]+[>"]).*/\1/p' "$f")
  deps[$f]=$list
done

# Sets `rank` to the layer of $1 (0 base … 4 tools), empty outside the layers.
layer_rank() {
  case "$1" in
    base/*) rank=0 ;; dsl/* | facts/*) rank=1 ;; engine/*) rank=2 ;; reports/*) rank=3 ;; tools/*) rank=4 ;;
    *) rank="" ;;
  esac
}

# Breadth-first search from $1, recording each reached file's parent, so chains are shortest.
declare -A parent=()
reach() {
  parent=()
  parent[$1]=""
  local queue=("$1") head=0 n d
  while ((head < ${#queue[@]})); do
    n=${queue[head]}
    head=$((head + 1))
    for d in ${deps[$n]:-}; do
      [[ -n ${parent[$d]+x} ]] && continue
      parent[$d]=$n
      queue+=("$d")
    done
  done
}
chain() {
  local n=$1 out=$1
  while [[ -n ${parent[$n]} ]]; do
    n=${parent[$n]}
    out="$n -> $out"
  done
  echo "$out"
}

failures=0
violation() {
  echo "layering: $1: $2"
  failures=$((failures + 1))
}

pegtl_allowed=" dsl/grammar.hpp dsl/errors.hpp dsl/parser.cpp tests/dsl/grammar_test.cpp "
for f in "${files[@]}"; do
  reach "$f"
  layer_rank "$f"
  f_rank=$rank
  for g in "${!parent[@]}"; do
    [[ $g == "$f" ]] && continue
    if [[ -n $f_rank && $g != "<pegtl>" ]]; then
      layer_rank "$g"
      grank=$rank
      if [[ -n $grank ]] && ((grank > f_rank)); then
        violation "${f%%/*}/ reaches the higher layer ${g%%/*}/" "$(chain "$g")"
      elif [[ ${f%%/*} != "${g%%/*}" && -n $grank && $grank == "$f_rank" && $f_rank == 1 ]]; then
        violation "dsl/ and facts/ are independent" "$(chain "$g")"
      fi
    fi
    if [[ $g == dsl/ast.hpp && ($f == engine/eval/* || $f == reports/*) ]]; then
      violation "the evaluator and reports/ do not see the AST" "$(chain "$g")"
    fi
    if [[ $g == "<pegtl>" && $pegtl_allowed != *" $f "* ]]; then
      violation "PEGTL stays in dsl/grammar.hpp, dsl/errors.hpp and dsl/parser.cpp" "$(chain "$g")"
    fi
    if [[ $g == facts/internal/* && $f != facts/* && $f != tests/facts/* ]]; then
      violation "facts/internal/ is private to the loader" "$(chain "$g")"
    fi
  done
done

if ((failures > 0)); then
  echo "layering: $failures violation(s) in ${#files[@]} files"
  exit 1
fi
echo "layering: ${#files[@]} files, no violation"

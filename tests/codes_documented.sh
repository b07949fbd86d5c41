#!/usr/bin/env bash
# Every problem code used in the sources is documented in docs/diagnostics.md: as a heading
# (`### E0104 …`) or as the first cell of a table row (`| F0204 | …`). The codes are taken from the
# named tables (dsl/codes.hpp, facts/issue.hpp, engine/waivers.hpp, base/problem.hpp) and from any
# code still written as a string literal in the layers. Usage: codes_documented.sh [ROOT]
set -euo pipefail
cd "${1:-.}"
doc=docs/diagnostics.md
codes=$(grep -rhoE '"[EFVW][0-9]{4}"' base dsl facts engine reports tools --include='*.hpp' --include='*.cpp' \
          | tr -d '"' | sort -u)
missing=0
count=0
for code in $codes; do
  count=$((count + 1))
  if ! grep -qE "^(### ${code}( |$)|\| ${code} \|)" "$doc"; then
    echo "undocumented: ${code} (used in $(grep -rlE "\"${code}\"" base dsl facts engine reports tools | head -3 | tr '\n' ' '))"
    missing=$((missing + 1))
  fi
done
if ((count == 0)); then
  echo "no codes found: is the script run from the source root?"
  exit 1
fi
if ((missing > 0)); then
  echo "$missing of $count codes are missing from $doc"
  exit 1
fi
echo "all $count codes are documented in $doc"

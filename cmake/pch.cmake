# Precompiled headers: the heavy third-party headers (nlohmann/json, fmt, CLI11, Boost.Test) are
# parsed once per target instead of once per source file, which roughly halves a cold build on two
# cores (docs/architecture.md, "Build"). PEGTL is never precompiled: it stays inside dsl/parser.cpp.
option(BAOMI_PCH "Precompile the heavy third-party headers of each target" ON)

set(baomi_pch_common <algorithm> <functional> <map> <memory> <optional> <string> <string_view> <variant> <vector>
                     <fmt/format.h> <nlohmann/json.hpp>)

# baomi_precompile(TARGET [HEADER…]): the common set plus the target's own heavy headers.
function(baomi_precompile target)
  if(BAOMI_PCH)
    target_precompile_headers(${target} PRIVATE ${baomi_pch_common} ${ARGN})
  endif()
endfunction()

// Name and type checking of loaded modules against their schema: every problem, sorted and coded.
#pragma once

#include <optional>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/checked_program.hpp"
#include "engine/modules.hpp"

namespace baomi::engine {

struct check_result {
  std::optional<checked_program> program;    // set when there is no error (warnings allowed)
  std::vector<dsl::diagnostic> diagnostics;  // sorted by file and position
};

/// Checks the modules: schema declarations, params, functions, rules and profiles. Collects all
/// problems rather than stopping at the first.
check_result check(const module_set& modules);

}  // namespace baomi::engine

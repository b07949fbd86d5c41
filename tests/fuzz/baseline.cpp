// Loads the baseline once per fuzz process.
#include "tests/fuzz/baseline.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace baomi::fuzz {

engine::module_set& baseline_modules() {
  static engine::module_set modules = [] {
    auto set = engine::load_modules({std::string(BAOMI_SOURCE_DIR) + "/rulesets/cn"});
    if (set.modules.empty() || !set.diagnostics.empty()) {
      std::fprintf(stderr, "fuzz: cannot load the baseline from %s/rulesets/cn\n", BAOMI_SOURCE_DIR);
      std::abort();
    }
    return set;
  }();
  return modules;
}

const engine::checked_program& baseline_program() {
  static const engine::checked_program program = [] {
    auto checked = engine::check(baseline_modules());
    if (!checked.program) {
      std::fprintf(stderr, "fuzz: the baseline does not check\n");
      std::abort();
    }
    return std::move(*checked.program);
  }();
  return program;
}

}  // namespace baomi::fuzz

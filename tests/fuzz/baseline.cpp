// Loads the baseline once per fuzz process, before the first input (LLVMFuzzerInitialize).
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

// libFuzzer calls this once before the first input: the baseline is parsed and checked here, so its
// few seconds (more on a busy machine) never count against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  baomi::fuzz::baseline_program();
  return 0;
}

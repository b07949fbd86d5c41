// Fuzz target: parse and check any text, as one more module beside the baseline (so that its names
// resolve against the baseline's schema, functions and rules). It must never crash; diagnostics are
// the expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dsl/parser.hpp"
#include "engine/check.hpp"
#include "tests/fuzz/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baomi;
  auto& modules = fuzz::baseline_modules();
  dsl::source_file source("fuzz/extra.baomi", std::string(reinterpret_cast<const char*>(data), size));
  auto parsed = dsl::parse(source);
  if (!parsed.module) return 0;
  std::string name = "fuzz.extra";
  for (const auto& decl : parsed.module->decls) {
    if (const auto* r = std::get_if<dsl::ast::ruleset_decl>(&decl.node)) name = r->module.text;
  }
  modules.modules.push_back({name, std::move(source), std::move(*parsed.module)});
  auto checked = engine::check(modules);
  modules.modules.pop_back();
  return 0;
}

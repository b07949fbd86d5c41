// Fuzz target: parse and check any text, as one more module beside the baseline's schema modules
// (so that its names resolve against the real schema; the rules are left out, for speed). It must
// never crash; diagnostics are the expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dsl/parser.hpp"
#include "engine/check.hpp"
#include "tests/fuzz/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baomi;
  static engine::module_set modules = [] {
    engine::module_set schema;
    for (auto& m : fuzz::baseline_modules().modules) {  // moved out: this process needs no other use
      if (m.name.ends_with("schema")) schema.modules.push_back(std::move(m));
    }
    return schema;
  }();
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

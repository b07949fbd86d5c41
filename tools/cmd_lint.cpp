// `baomi lint PATH…`: parse and type-check rules; every problem with file:line:col and a caret.
#include <fmt/format.h>
#include <memory>

#include "engine/citations.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

command add_lint(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto sources = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("lint", "Check .baomi files: syntax, names, types, rule metadata");
  sub->add_option("paths", *paths, "Files or folders (default: the built-in baseline)");
  sub->add_option("--sources", *sources,
                  "A folder of source documents (ID_*.txt): verify every cite quote against them")
      ->check(CLI::ExistingDirectory);
  return {sub, [=] {
            auto rules = load_rules(*paths);
            if (!sources->empty()) {
              for (auto& d : engine::verify_citations(rules.modules, *sources)) {
                rules.checked.diagnostics.push_back(std::move(d));
                ++rules.errors;
              }
              dsl::sort_and_unique(rules.checked.diagnostics);
            }
            print_diagnostics(rules);
            if (rules.missing_input) return int(exit_usage);
            auto files = rules.modules.modules.size();
            if (rules.errors + rules.warnings > 0) {
              fmt::print(stderr, "{} error{}, {} warning{}\n", rules.errors, rules.errors == 1 ? "" : "s",
                         rules.warnings, rules.warnings == 1 ? "" : "s");
              return int(exit_problems);
            }
            fmt::print("{} file{} checked, {} rule{}, no problems\n", files, files == 1 ? "" : "s",
                       rules.checked.program->rules.size(), rules.checked.program->rules.size() == 1 ? "" : "s");
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

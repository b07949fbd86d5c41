// `baomi schema [--json-schema]`: the fact schema the rules expect, for people and for exporters.
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "facts/schema.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

command add_schema(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("schema", "Print the fact schema of the rules");
  sub->add_option("--rules", *paths, "Rule files or folders (default: the built-in baseline)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--json-schema", *json, "Print a JSON Schema (draft 2020-12) a snapshot can be validated against");
  return {sub, [=] {
            auto rules = load_rules(*paths);
            if (!rules.checked.program) {
              print_diagnostics(rules);
              return int(exit_usage);
            }
            const auto& schema = rules.checked.program->schema;
            if (*json)
              fmt::print("{}\n", facts::to_json_schema(schema).dump(2));
            else
              fmt::print("{}", facts::describe(schema));
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

// `baomi schema [--json-schema]`: the fact schema the rules expect, for people and for exporters.
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "facts/schema.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

command add_schema(CLI::App& app) {
  auto paths = std::make_shared<rules_options>();
  auto json = std::make_shared<bool>(false);
  auto output = std::make_shared<output_options>();
  auto* sub = app.add_subcommand("schema", "Print the fact schema of the rules");
  add_rules_option(sub, *paths);
  sub->add_flag("--json-schema", *json,
                "Print a JSON Schema (draft 2020-12) a snapshot can be validated against (--format json-schema)");
  sub->add_option("--format", output->format, "text or json-schema")->capture_default_str();
  sub->add_option("--output,-o", output->output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] {
            if (output->format != "text" && output->format != "json-schema") {
              complain("error: 未知的格式 `{}`（可用：text、json-schema）\n",
                       "error: unknown format `{}` (text, json-schema)\n", output->format);
              return int(exit_usage);
            }
            auto rules = load_rules(paths->paths, !paths->no_baseline);
            if (!rules.checked.program) {
              print_diagnostics(rules);
              return int(exit_usage);
            }
            const auto& schema = rules.checked.program->schema;
            if (*json || output->format == "json-schema")
              return emit(*output, facts::to_json_schema(schema).dump(2) + "\n");
            return emit(*output, facts::describe(schema));
          }};
}

}  // namespace baomi::tools

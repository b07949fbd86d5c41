// `baomi coverage [PATH…]`: which 自查自评 checklist groups and items have rules, which rules no
// fixture exercises (per outcome), and how many rules cite each source document.
#include <fmt/format.h>
#include <filesystem>
#include <memory>

#include "engine/coverage.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

command add_coverage(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto rules = std::make_shared<rules_options>();
  auto output = std::make_shared<output_options>();
  auto* sub =
      app.add_subcommand("coverage", "Show which checklist items, outcomes and sources the rules and fixtures cover");
  sub->add_option("paths", *paths,
                  "Rule and fixture folders (default: the built-in baseline, with the fixtures of ./rulesets when "
                  "there is one)");
  add_rules_option(sub, *rules, true);
  add_output_options(sub, *output, reports::result_kind::coverage);
  return {sub, [=] {
            auto f = parse_output_format(*output, reports::result_kind::coverage);
            if (!f) return int(exit_usage);
            // Without paths: the built-in rules, and the fixtures beside them in a checkout.
            std::vector<std::string> where = *paths;
            std::error_code ec;
            if (where.empty() && std::filesystem::is_directory("rulesets", ec)) where.push_back("rulesets");
            auto loaded = load_rules(rules->paths.empty() ? *paths : rules->paths, !rules->no_baseline);
            if (!loaded.checked.program) {
              print_diagnostics(loaded);
              return int(exit_usage);
            }
            auto c = engine::measure_coverage(*loaded.checked.program, where);
            return emit(*output, reports::write_report(c, *f, {}));
          }};
}

}  // namespace baomi::tools

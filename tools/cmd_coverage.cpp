// `baomi coverage [PATH…]`: which 自查自评 checklist groups and items have rules, which rules no
// fixture exercises (per outcome), and how many rules cite each source document.
#include <fmt/format.h>
#include <memory>

#include "engine/coverage.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

command add_coverage(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto rules = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>(reports::to_string(reports::format::text));
  auto* sub =
      app.add_subcommand("coverage", "Show which checklist items, outcomes and sources the rules and fixtures cover");
  sub->add_option("paths", *paths, "Rule and fixture folders (default: rulesets)");
  sub->add_option("--rules", *rules, "Rules, when not the .baomi files under the paths")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", *format, reports::format_names(reports::result_kind::coverage, " or "))
      ->capture_default_str();
  return {sub, [=] {
            auto f = reports::parse_format(*format, reports::result_kind::coverage);
            if (!f) {
              fmt::print(stderr, "error: unknown format `{}` ({})\n", *format,
                         reports::format_names(reports::result_kind::coverage));
              return int(exit_usage);
            }
            std::vector<std::string> where = paths->empty() ? std::vector<std::string>{"rulesets"} : *paths;
            auto loaded = load_rules(rules->empty() ? where : *rules);
            if (!loaded.checked.program) {
              print_diagnostics(loaded);
              return int(exit_usage);
            }
            auto c = engine::measure_coverage(*loaded.checked.program, where);
            fmt::print("{}", reports::write_report(c, *f, {}));
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

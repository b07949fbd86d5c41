// `baomi test [PATH…]`: run ruleset fixtures and report each case; JUnit XML for CI.
#include <fmt/format.h>
#include <memory>

#include "engine/fixture.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

int run_test(const std::vector<std::string>& paths, const std::vector<std::string>& rule_paths,
             const output_options& output) {
  auto format = parse_output_format(output, reports::result_kind::test);
  if (!format) return exit_usage;
  auto rules = load_valid_rules(rule_paths.empty() ? paths : rule_paths);
  if (!rules) return exit_usage;
  auto files = engine::find_fixtures(paths);
  if (files.empty()) {
    fmt::print(stderr, "error: no *.fixture.json files under the given paths\n");
    return exit_usage;
  }
  auto suite = engine::run_fixtures(*rules->checked.program, files);
  if (auto code = emit(output, reports::write_report(suite, *format, {})); code != exit_clean) return code;
  return suite.failed() == 0 ? exit_clean : exit_problems;
}

}  // namespace

command add_test(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto rules = std::make_shared<std::vector<std::string>>();
  auto output = std::make_shared<output_options>();
  auto* sub = app.add_subcommand("test", "Run ruleset fixtures (*.fixture.json) and compare the findings");
  sub->add_option("paths", *paths, "Fixture files or folders (their .baomi files are the rules unless --rules)")
      ->required();
  sub->add_option("--rules", *rules, "Rule files or folders (repeatable)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_output_options(sub, *output, reports::result_kind::test);
  return {sub, [=] { return run_test(*paths, *rules, *output); }};
}

}  // namespace baomi::tools

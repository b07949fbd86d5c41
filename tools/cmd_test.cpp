// `baomi test [PATH…]`: run ruleset fixtures and report each case; JUnit XML for CI; `--update`
// writes the actual outcomes into failing fixtures for review.
#include <fmt/format.h>
#include <cstdlib>
#include <memory>

#include "base/source.hpp"
#include "engine/fixture.hpp"
#include "engine/fixture_update.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct test_options {
  std::vector<std::string> paths;
  rules_options rules;
  output_options output;
  bool update = false;
};

std::string describe(const engine::expectation_change& c) {
  auto name = [](const std::optional<engine::outcome>& o) { return o ? engine::to_string(*o) : "?"; };
  if (!c.before && c.after) return fmt::format("  + {} {}: {}", c.rule, c.subject, name(c.after));
  if (!c.after)
    return base::say("  - {} {}: {}（无此结果）", "  - {} {}: {} (no such finding)", c.rule, c.subject, name(c.before));
  return fmt::format("  ~ {} {}: {} → {}", c.rule, c.subject, name(c.before), name(c.after));
}

// Rewrites the expectations of every failing fixture that ran; exit 1 when one could not be
// updated (not a fixture, or it did not run) or still has data problems.
int update_fixtures(const engine::fixture_suite& suite) {
  std::size_t updated = 0;
  std::size_t changes = 0;
  bool left = false;
  for (const auto& c : suite.cases) {
    if (c.problems.empty()) continue;
    if (!c.valid || !c.run) {
      complain("error: {}: 无法更新：{}\n", "error: {}: cannot update: {}\n", c.path,
               c.problems.empty() ? "" : c.problems.front());
      left = true;
      continue;
    }
    auto text = base::source_file::read(c.path);
    std::string error;
    auto update = text ? engine::update_expectations(text->text(), *c.run, error) : std::nullopt;
    if (!update) {
      complain("error: {}: 无法更新：{}\n", "error: {}: cannot update: {}\n", c.path,
               text ? error : std::string(base::pick("无法读取文件", "cannot read the file")));
      left = true;
      continue;
    }
    for (const auto& p : c.problems) {
      // The problems engine::run_fixture writes about the data, in the message language.
      if (p.starts_with(base::pick("数据问题", "data issue")) ||
          p.starts_with(base::pick("豁免问题", "waiver issue")) || p.starts_with("/as_of")) {
        complain("warning: {}: 数据问题不会因更新期望而消失：{}\n",
                 "warning: {}: updating the expectations does not make a data issue go away: {}\n", c.path, p);
        left = true;
      }
    }
    if (update->changes.empty()) continue;
    if (!write_atomically(c.path, update->text)) {
      complain("error: 无法写入 `{}`\n", "error: cannot write `{}`\n", c.path);
      return exit_usage;
    }
    fmt::print("{}", base::say("更新 {}\n", "updated {}\n", c.path));
    for (const auto& change : update->changes) fmt::print("{}\n", describe(change));
    ++updated;
    changes += update->changes.size();
  }
  fmt::print("{}",
             base::say("已更新 {} 个用例的 {} 项期望，请用 git diff 审阅\n",
                       "updated {1} expectations in {0} fixtures; review them with git diff\n", updated, changes));
  return left ? exit_problems : exit_clean;
}

int run_test(const test_options& o) {
  auto format = parse_output_format(o.output, reports::result_kind::test);
  if (!format) return exit_usage;
  if (o.update && std::getenv("CI") != nullptr) {
    complain("error: --update 不在 CI 中运行（环境变量 CI 已设置）：期望须在本地更新并审阅后提交\n",
             "error: --update does not run in CI (the CI variable is set): update the expectations locally, review "
             "them and commit\n");
    return exit_usage;
  }
  auto rules = load_valid_rules(o.rules.paths.empty() ? o.paths : o.rules.paths, !o.rules.no_baseline);
  if (!rules) return exit_usage;
  auto files = engine::find_fixtures(o.paths);
  if (files.empty()) {
    complain("error: 所给路径下没有 *.fixture.json 文件\n", "error: no *.fixture.json files under the given paths\n");
    return exit_usage;
  }
  auto suite = engine::run_fixtures(*rules->checked.program, files);
  if (o.update) return update_fixtures(suite);
  if (auto code = emit(o.output, reports::write_report(suite, *format, {})); code != exit_clean) return code;
  return suite.failed() == 0 ? exit_clean : exit_problems;
}

}  // namespace

command add_test(CLI::App& app) {
  auto o = std::make_shared<test_options>();
  auto* sub = app.add_subcommand("test", "Run ruleset fixtures (*.fixture.json) and compare the findings");
  sub->add_option("paths", o->paths, "Fixture files or folders (their .baomi files are the rules unless --rules)")
      ->required();
  add_rules_option(sub, o->rules, true);
  add_output_options(sub, o->output, reports::result_kind::test);
  sub->add_flag("--update", o->update,
                "Write the actual outcomes into the expectations of failing fixtures, for review (refused when CI "
                "is set)");
  return {sub, [=] { return run_test(*o); }};
}

}  // namespace baomi::tools

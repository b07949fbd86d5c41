// Golden tests of the engine: checker diagnostics for `.baomi` files, and evaluation scenarios
// (rules + fixtures + the exact findings they produce). Adding a case is adding files, no C++.
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/check.hpp"
#include "engine/fixture.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/language.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

std::string render_diagnostics(const engine::module_set& modules, const std::vector<dsl::diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += dsl::render(d, modules.find_source(d.path));
  return out;
}

// One line per finding, then its message, due date and evidence: what a reviewer needs to judge it.
std::string render_findings(const engine::run_result& run) {
  std::string out;
  for (const auto& f : run.findings) {
    out += fmt::format("{} {}/{}{} {} {}", f.rule->id, f.subject.collection, f.subject.key,
                       f.subject.label.empty() ? "" : " 「" + f.subject.label + "」", engine::to_string(f.outcome),
                       engine::to_string(f.severity));
    if (f.due) out += " due " + *f.due;
    if (f.days_left) out += fmt::format(" ({} days left)", *f.days_left);
    out += "\n";
    if (!f.message.empty()) out += "  message: " + f.message + "\n";
    if (!f.waiver_reason.empty()) out += "  waiver: " + f.waiver_reason + "\n";
    for (const auto& e : f.evidence) out += fmt::format("  evidence: {} = {}\n", e.pointer, e.value);
  }
  for (const auto& i : run.issues) out += fmt::format("issue {} {}: {}\n", i.code, i.pointer, i.message);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_golden)

// tests/golden/check-errors/NAME.baomi checks with exactly the diagnostics in NAME.expected (in
// English; a few in Chinese, the default language, under check-errors-zh/).
static void check_diagnostics(const char* folder_name, std::size_t at_least) {
  auto folder = testing::source_root() / "tests/golden" / folder_name;
  auto inputs = testing::files_with_suffix(folder, ".baomi");
  BOOST_TEST(inputs.size() >= at_least);
  for (const auto& input : inputs) {
    BOOST_TEST_CONTEXT(input.filename().string()) {
      auto relative = fs::relative(input, testing::source_root()).generic_string();
      auto modules = engine::load_modules({relative});
      auto checked = engine::check(modules);
      auto all = modules.diagnostics;
      all.insert(all.end(), checked.diagnostics.begin(), checked.diagnostics.end());
      BOOST_TEST(!all.empty());
      BOOST_TEST(
          testing::matches_golden(fs::path(input).replace_extension(".expected"), render_diagnostics(modules, all)));
    }
  }
}

BOOST_AUTO_TEST_CASE(checker_diagnostics) {
  testing::scoped_language english(base::language::en);
  check_diagnostics("check-errors", 20);
}

BOOST_AUTO_TEST_CASE(checker_diagnostics_in_chinese) {
  testing::scoped_language chinese(base::language::zh);
  check_diagnostics("check-errors-zh", 3);
}

// tests/golden/eval/SCENARIO/ holds rules (*.baomi) and fixtures (*.fixture.json); each fixture's
// expectations must hold and its findings must match SCENARIO/NAME.expected exactly.
BOOST_AUTO_TEST_CASE(evaluation_scenarios) {
  auto root = testing::source_root() / "tests/golden/eval";
  std::size_t scenarios = 0;
  for (const auto& folder : testing::subfolders(root)) {
    BOOST_TEST_CONTEXT(folder.filename().string()) {
      auto relative = fs::relative(folder, testing::source_root()).generic_string();
      auto modules = engine::load_modules({relative});
      auto checked = engine::check(modules);
      auto all = modules.diagnostics;
      all.insert(all.end(), checked.diagnostics.begin(), checked.diagnostics.end());
      // Scenario rules are clean: no errors and no warnings.
      BOOST_TEST(all.empty(), render_diagnostics(modules, all));
      if (!checked.program) continue;
      auto fixtures = testing::files_with_suffix(folder, ".fixture.json");
      BOOST_TEST(!fixtures.empty());
      for (const auto& file : fixtures) {
        BOOST_TEST_CONTEXT(file.filename().string()) {
          std::string error;
          auto f = engine::parse_fixture(testing::read_file(file), file.filename().string(), error);
          BOOST_TEST(f.has_value(), error);
          if (!f) continue;
          auto result = engine::run_fixture(*checked.program, *f);
          std::string problems;
          for (const auto& p : result.problems) problems += p + "\n";
          BOOST_TEST(result.passed, problems);
          BOOST_TEST(result.run.has_value());
          if (!result.run) continue;
          auto name = file.filename().string();
          auto expected = folder / (name.substr(0, name.size() - std::string(".fixture.json").size()) + ".expected");
          BOOST_TEST(testing::matches_golden(expected, render_findings(*result.run)));
          ++scenarios;
        }
      }
    }
  }
  BOOST_TEST(scenarios >= 30u);
}

BOOST_AUTO_TEST_SUITE_END()

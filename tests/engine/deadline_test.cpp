// The deadline convention (language.md §6 `due`): "within N days of X" is met on day X+N, so on the
// due day itself a requirement not yet met is still `pending`; it decides from the day after.
#include <boost/test/unit_test.hpp>
#include <map>

#include "engine/check.hpp"
#include "engine/evaluate.hpp"
#include "engine/fixture.hpp"

using namespace baomi;

namespace {

const std::string rules = R"(
source "T" "测试"

entity thing in things key id {
  id: string
  start: date
  done_on: date?
}

rule WITHIN "done within 3 days of start" {
  severity low
  cite "T" "x"
  for t in things
  due t.start + 3d
  require t.done_on is not null and t.done_on <= t.start + 3d
}
)";

/// Runs WITHIN on one thing started on 2025-06-10 (due 2025-06-13) and returns its outcome.
std::string outcome_on(const std::string& as_of, const std::string& done_on) {
  auto modules = engine::load_embedded({{"rulesets/t.baomi", rules}});
  auto checked = engine::check(modules);
  if (!checked.program || !checked.diagnostics.empty() || !modules.diagnostics.empty()) return "check failed";
  engine::fixture f;
  f.path = "t.fixture.json";
  std::string done = done_on.empty() ? "" : R"(, "done_on": ")" + done_on + "\"";
  f.snapshot = R"({"as_of": ")" + as_of + R"(", "things": [{"id": "T1", "start": "2025-06-10")" + done + "}]}";
  auto result = engine::run_fixture(*checked.program, f);
  if (!result.run || result.run->findings.size() != 1) return "no finding";
  return engine::to_string(result.run->findings[0].outcome);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(deadlines)

BOOST_AUTO_TEST_CASE(an_unmet_requirement_is_pending_up_to_and_including_the_due_day) {
  BOOST_TEST(outcome_on("2025-06-12", "") == "pending");
  BOOST_TEST(outcome_on("2025-06-13", "") == "pending");
  BOOST_TEST(outcome_on("2025-06-14", "") == "fail");
}

BOOST_AUTO_TEST_CASE(the_last_allowed_day_meets_the_requirement) {
  BOOST_TEST(outcome_on("2025-06-13", "2025-06-13") == "pass");
  BOOST_TEST(outcome_on("2025-06-20", "2025-06-13") == "pass");
  BOOST_TEST(outcome_on("2025-06-20", "2025-06-14") == "fail");
}

BOOST_AUTO_TEST_SUITE_END()

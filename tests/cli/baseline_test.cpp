// `baomi check --baseline FINDINGS.json`: only findings whose fingerprint the earlier JSON report does not
// list are reported, and only they decide the exit code.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;
namespace fs = std::filesystem;

namespace {

const std::string check = "check facts/examples/org.json --waivers facts/examples/waivers.json ";

fs::path temp(const std::string& name) { return fs::temp_directory_path() / ("baomi-baseline-test-" + name); }

std::set<std::string> rules_with_problems(const nlohmann::json& report) {
  std::set<std::string> out;
  for (const auto& f : report["findings"]) out.insert(f["rule"].get<std::string>());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_baseline)

BOOST_AUTO_TEST_CASE(an_unchanged_run_against_its_own_baseline_is_clean) {
  auto base = temp("all.json");
  BOOST_TEST(run_baomi(check + "--format json -o " + base.string()).code == 1);
  auto r = run_baomi(check + "--format json --baseline " + base.string(), false);
  BOOST_TEST(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["findings"].empty());
  // Text: nothing listed; stderr says how many were left out.
  auto t = run_baomi(check + "--baseline " + base.string());
  BOOST_TEST(t.code == 0);
  BOOST_TEST(t.out.find("：略去已知问题 ") != std::string::npos, t.out);
  fs::remove(base);
}

BOOST_AUTO_TEST_CASE(only_new_findings_are_reported_and_decide_the_exit_code) {
  // The baseline knows DEP-010 only: everything else is new, DEP-010 is gone.
  auto base = temp("dep010.json");
  BOOST_TEST(run_baomi(check + "--rule DEP-010 --format json -o " + base.string()).code == 1);
  auto known = nlohmann::json::parse(testing::read_file(base));
  BOOST_TEST(!known["findings"].empty());
  auto r = run_baomi(check + "--format json --baseline " + base.string(), false);
  BOOST_TEST(r.code == 1);
  auto rules = rules_with_problems(nlohmann::json::parse(r.out));
  BOOST_TEST(!rules.contains("DEP-010"));
  BOOST_TEST(rules.size() > 5u);
  // Only DEP-010 evaluated, against a baseline that lists all of it: exit 0 even with --fail-on info.
  BOOST_TEST(run_baomi(check + "--rule DEP-010 --fail-on info --baseline " + base.string(), false).code == 0);
  fs::remove(base);
}

BOOST_AUTO_TEST_CASE(a_baseline_that_cannot_be_read_is_an_input_error) {
  auto r = run_baomi(check + "--baseline no-such-baseline.json");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.out.find("no-such-baseline.json") != std::string::npos, r.out);
  auto wrong = run_baomi(check + "--baseline facts/examples/waivers.json");
  BOOST_TEST(wrong.code == 2);
  BOOST_TEST(wrong.out.find("不是 baomi.findings JSON 报告") != std::string::npos, wrong.out);
}

BOOST_AUTO_TEST_SUITE_END()

// `--pending-within DURATION`: pending findings due later are counted in the text report, not listed.
BOOST_AUTO_TEST_SUITE(cli_pending_within)

BOOST_AUTO_TEST_CASE(the_horizon_decides_which_pending_findings_are_listed) {
  auto near = run_baomi(check + "--pending-within 90d", false);
  BOOST_TEST(near.code == 1);
  BOOST_TEST(near.out.find("另有 26 项待办期限在 90 天以后") != std::string::npos, near.out);
  BOOST_TEST(near.out.find("还剩 10664 天") == std::string::npos);
  auto far = run_baomi(check + "--pending-within 30y", false);
  BOOST_TEST(far.out.find("还剩 10664 天") != std::string::npos);
  BOOST_TEST(far.out.find("项待办期限在") == std::string::npos);
  // Calendar months count from the evaluation date: 2026-06-30 + 1mo = 2026-07-30, 30 days.
  auto month = run_baomi(check + "--pending-within 1mo", false);
  BOOST_TEST(month.out.find("待办期限在 30 天以后") != std::string::npos, month.out);
  auto bad = run_baomi(check + "--pending-within soon");
  BOOST_TEST(bad.code == 2);
  BOOST_TEST(bad.out.find("--pending-within `soon` 不是时长") != std::string::npos, bad.out);
}

BOOST_AUTO_TEST_SUITE_END()

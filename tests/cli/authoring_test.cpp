// The policy author's and CI's commands: test, explain, diff and coverage, with goldens and the
// threshold-change check of `baomi diff`.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

testing::run_output run(const std::string& args, bool merge = true) { return testing::run_baomi(args, merge); }

fs::path golden(const std::string& name) { return testing::source_root() / "tests/golden/cli" / name; }

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / "baomi-authoring-test";
  fs::create_directories(dir);
  return dir / name;
}

// (rule, subject) -> outcome for every finding of a JSON report made with `--show all`.
std::map<std::pair<std::string, std::string>, std::string> outcomes(const std::string& json_text) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  auto doc = nlohmann::json::parse(json_text);
  for (const auto& f : doc["findings"])
    out[{f["rule"].get<std::string>(), f["subject"]["key"].get<std::string>()}] = f["outcome"];
  return out;
}

bool problem(const std::string& o) { return o == "fail" || o == "unknown" || o == "pending" || o == "waived"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(authoring)

BOOST_AUTO_TEST_CASE(test_command_reports_each_case) {
  auto ok = run("test rulesets/cn/tests/departure --rules rulesets", false);
  BOOST_TEST(ok.code == 0);
  BOOST_TEST(testing::matches_golden(golden("test-departure.txt"), ok.out));
  // A wrong expectation: the case fails, names expected and actual, and shows the evidence.
  auto fixture = scratch("wrong.fixture.json");
  testing::write_file(fixture, R"({"description": "故意写错的期望", "rules": ["DEP-040"],
    "snapshot": {"as_of": "2026-06-30",
      "people": [{"id": "P1", "name": "张三", "grade": "重要", "status": "离岗"}],
      "departures": [{"id": "D1", "person": "P1", "kind": "辞职", "approved_on": "2026-01-05", "left_on": "2026-01-10"}],
      "commitments": []},
    "expect": [{"rule": "DEP-040", "subject": "D1", "outcome": "pass"}]})");
  auto bad = run("--lang en test " + fixture.string() + " --rules rulesets", false);  // Chinese: language_test
  BOOST_TEST(bad.code == 1);
  BOOST_TEST(bad.out.find("FAIL") != std::string::npos, bad.out);
  BOOST_TEST(bad.out.find("DEP-040 D1: expected pass, got fail") != std::string::npos, bad.out);
  BOOST_TEST(bad.out.find("/departures/0/") != std::string::npos, bad.out);
  BOOST_TEST(bad.out.find("0 passed, 1 failed") != std::string::npos, bad.out);
  auto junit = run("--lang en test " + fixture.string() + " --rules rulesets --format junit", false);
  BOOST_TEST(junit.code == 1);
  BOOST_TEST(junit.out.find("<failure message=\"DEP-040 D1: expected pass, got fail") != std::string::npos, junit.out);
}

BOOST_AUTO_TEST_CASE(explain_for_fail_pass_and_not_applicable) {
  const std::pair<const char*, const char*> cases[] = {
      {"TRN-030 P012", "explain-fail.txt"},
      {"DEP-040 LG-2025-03", "explain-pass.txt"},
      {"TRN-010 P001", "explain-not-applicable.txt"},
      {"SCK-030 U-001", "explain-unit.txt"},  // a unit-level rule: its one subject is the unit
  };
  for (const auto& [args, file] : cases) {
    BOOST_TEST_CONTEXT(args) {
      auto r = run(std::string("explain ") + args + " facts/examples/org.json", false);
      BOOST_TEST(r.code == 0);
      BOOST_TEST(testing::matches_golden(golden(file), r.out));
    }
  }
  BOOST_TEST(run("explain NOPE-1 P001 facts/examples/org.json").code == 2);
  auto missing = run("explain TRN-010 NOBODY facts/examples/org.json");
  BOOST_TEST(missing.code == 2);
  BOOST_TEST(missing.out.find("NOBODY") != std::string::npos);
}

// Changing one threshold in a copy of the rules: `baomi diff` reports exactly the findings whose
// problem status or outcome changed, computed here independently from two full reports.
BOOST_AUTO_TEST_CASE(diff_reports_exactly_what_a_threshold_change_changes) {
  auto copy = scratch("rules");
  fs::remove_all(copy);
  fs::copy(testing::source_root() / "rulesets", copy, fs::copy_options::recursive);
  auto training = copy / "cn/training.baomi";
  auto text = testing::read_file(training);
  const std::string from = "param min_trainings_per_year: int = 2";
  BOOST_TEST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "param min_trainings_per_year: int = 5");
  testing::write_file(training, text);

  auto base = outcomes(run("check facts/examples/org.json --rules rulesets --format json --show all", false).out);
  auto head =
      outcomes(run("check facts/examples/org.json --rules " + copy.string() + " --format json --show all", false).out);
  std::set<std::pair<std::string, std::string>> expected;
  for (const auto& [key, before] : base) {
    const auto& after = head.at(key);
    if ((problem(before) || problem(after)) && before != after) expected.insert(key);
  }
  BOOST_TEST(!expected.empty());

  auto d = run("diff --base-rules rulesets --rules " + copy.string() + " facts/examples/org.json --format json", false);
  BOOST_TEST(d.code == 1);
  auto doc = nlohmann::json::parse(d.out);
  std::set<std::pair<std::string, std::string>> reported;
  for (const auto& c : doc["changes"]) {
    reported.insert({c["rule"].get<std::string>(), c["subject"]["key"].get<std::string>()});
    BOOST_TEST(c["rule"].get<std::string>() == "TRN-010");
  }
  BOOST_TEST((reported == expected));
  BOOST_TEST(testing::matches_golden(golden("diff-threshold.json"), d.out));
  // Same rules on both sides: nothing changed, exit 0.
  BOOST_TEST(run("diff --base-rules rulesets --rules rulesets facts/examples/org.json", false).code == 0);
}

BOOST_AUTO_TEST_CASE(diff_of_two_snapshots) {
  auto newer = scratch("org-later.json");
  auto text = testing::read_file(testing::source_root() / "facts/examples/org.json");
  // A year later: as_of moves on, so deadlines pass and yearly requirements come due again.
  const std::string from = "\"as_of\": \"2026-06-30\"";
  BOOST_TEST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "\"as_of\": \"2026-09-30\"");
  testing::write_file(newer, text);
  auto r = run("diff facts/examples/org.json " + newer.string(), false);
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find("新增") != std::string::npos);
  auto j = run("diff facts/examples/org.json " + newer.string() + " --format json", false);
  auto doc = nlohmann::json::parse(j.out);
  BOOST_TEST(doc["format"] == "baomi.diff");
  BOOST_TEST(doc["summary"]["new"].get<int>() + doc["summary"]["resolved"].get<int>() +
                 doc["summary"]["changed"].get<int>() ==
             static_cast<int>(doc["changes"].size()));
  BOOST_TEST(run("diff facts/examples/org.json facts/examples/org.json", false).code == 0);
  BOOST_TEST(run("diff facts/examples/org.json").code == 2);
}

BOOST_AUTO_TEST_CASE(coverage_of_the_shipped_rulesets) {
  auto r = run("coverage rulesets", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(testing::matches_golden(golden("coverage.txt"), r.out));
  auto j = nlohmann::json::parse(run("coverage rulesets --format json", false).out);
  for (const auto& g : j["checklist"]) {
    if (g["area"] == "四(六)" || g["area"] == "四(九)" || g["area"] == "四(四)") BOOST_TEST(!g["rules"].empty());
  }
  for (const auto& rule : j["rules"]) {
    std::set<std::string> seen = rule["outcomes_exercised"];
    BOOST_TEST((seen.count("pass") && seen.count("fail")), rule["rule"]);
  }
}

BOOST_AUTO_TEST_SUITE_END()

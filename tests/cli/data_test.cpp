// Exporter mistakes as a new user meets them (issue "Truthful outcomes"): an enum typo, a date in the
// wrong format, a bool written 是 or "yes", a misspelt collection, a snapshot with nothing in it.
// Each case is a golden of the exit code, stderr and the outcomes of the subject concerned under the
// national baseline (tests/golden/cli/data/NAME.expected): bad data never passes and never exits 0.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

fs::path temp_file(const std::string& name, const std::string& text) {
  auto path = fs::temp_directory_path() / ("baomi-data-test-" + name);
  testing::write_file(path, text);
  return path;
}

// A 涉密人员 in a key department, with the records most rules look for. `person` and `department`
// are spliced in so that each case changes one value.
std::string snapshot(const std::string& person_extra, const std::string& is_key = "true",
                     const std::string& people_key = "people") {
  return R"({"as_of": "2026-06-30", "org": {"name": "测试单位"},
  "departments": [{"id": "D1", "name": "机要室", "is_key": )" +
         is_key + R"(}],
  "posts": [{"id": "S1", "name": "机要员", "department": "D1", "level": "secret"}],
  "assessments": [], "departures": [], "employments": [], "delegations": [], "travels": [],
  ")" + people_key +
         R"(": [{"id": "P1", "name": "张三", "department": "D1", "post": "S1", "status": "active", "onboarded_on": "2020-03-01",
              "vetted_on": "2020-02-01", "trained_on": "2020-02-20", "registered_on": "2020-03-05")" +
         person_extra + R"(}],
  "commitments": [{"id": "C1", "person": "P1", "kind": "pledge", "signed_on": "2020-03-01"}],
  "trainings": []})";
}

// Runs `baomi check` on the snapshot (JSON report to a file, --show all) and renders the exit code,
// stderr and every finding about P1 (rule and outcome, the evidence of unknown ones).
std::string check(const std::string& name, const std::string& text, const std::string& extra = "") {
  auto input = temp_file(name + ".json", text);
  auto report = fs::temp_directory_path() / ("baomi-data-test-" + name + ".report.json");
  fs::remove(report);
  auto r = testing::run_baomi("check " + input.string() + " --format json --show all -o " + report.string() + extra);
  std::string out = "exit " + std::to_string(r.code) + "\n--- stderr\n";
  std::string err = r.out;
  for (auto pos = err.find(input.string()); pos != std::string::npos; pos = err.find(input.string()))
    err.replace(pos, input.string().size(), "SNAPSHOT");
  out += err + "--- report\n";
  auto j = nlohmann::json::parse(testing::read_file(report), nullptr, false);
  if (!j.is_object()) return out + "(no report)\n";
  if (j.contains("not_exported")) out += "not_exported " + j["not_exported"].dump() + "\n";
  for (const auto& f : j["findings"]) {
    if (f["subject"]["key"] != "P1") continue;
    out += f["rule"].get<std::string>() + " " + f["outcome"].get<std::string>() + "\n";
    if (f["outcome"] != "unknown" || !f.contains("evidence")) continue;
    for (const auto& e : f["evidence"]) {
      auto value = e["value"].get<std::string>();
      if (value.find("无效值") != std::string::npos)
        out += "  " + e["pointer"].get<std::string>() + " = " + value + "\n";
    }
  }
  return out;
}

fs::path golden(const std::string& name) {
  return testing::source_root() / "tests/golden/cli/data" / (name + ".expected");
}

// The outcome of one rule for P1 in a rendered check.
std::string outcome_of(const std::string& rendered, const std::string& rule) {
  auto at = rendered.find("\n" + rule + " ");
  if (at == std::string::npos) return "";
  auto start = at + rule.size() + 2;
  return rendered.substr(start, rendered.find('\n', start) - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_data)

BOOST_AUTO_TEST_CASE(an_enum_typo_makes_every_rule_reading_it_unknown) {
  auto out = check("enum", snapshot(R"(, "grade": "重耍")"));
  BOOST_TEST(out.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(out.find("F0206") != std::string::npos);
  BOOST_TEST(outcome_of(out, "PER-010") == "unknown");  // not 未确定涉密等级
  BOOST_TEST(outcome_of(out, "TRN-010") == "unknown");  // not 不适用
  BOOST_TEST(testing::matches_golden(golden("enum-typo"), out));
}

BOOST_AUTO_TEST_CASE(a_date_in_the_wrong_format_is_not_a_missing_date) {
  auto text = snapshot(R"(, "grade": "important")");
  text.replace(text.find("2020-02-20"), 10, "2020/2/20");  // trained_on
  auto out = check("date", text);
  BOOST_TEST(out.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(out.find("F0204") != std::string::npos);
  BOOST_TEST(testing::matches_golden(golden("date-format"), out));
}

BOOST_AUTO_TEST_CASE(bools_read_shi_and_fou_and_nothing_else) {
  auto shi = check("bool-shi", snapshot(R"(, "grade": "important")", R"("是")"));
  auto yes = check("bool-yes", snapshot(R"(, "grade": "important")", R"("yes")"));
  auto truth = check("bool-true", snapshot(R"(, "grade": "important")", "true"));
  // 是 is true: TRN-040 (key departments) applies exactly as with `true`, and the run is clean data.
  BOOST_TEST(shi.rfind("exit 1\n", 0) == 0u);
  BOOST_TEST(outcome_of(shi, "TRN-040") == outcome_of(truth, "TRN-040"));
  BOOST_TEST(outcome_of(shi, "TRN-040") == "fail");
  // "yes" is invalid: TRN-040 is unknown, not skipped, and the exit code says the data is bad.
  BOOST_TEST(yes.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(outcome_of(yes, "TRN-040") == "unknown");
  BOOST_TEST(testing::matches_golden(golden("bool-yes"), yes));
}

BOOST_AUTO_TEST_CASE(a_misspelt_collection_gets_a_did_you_mean_and_is_not_clean) {
  auto out = check("peopel", snapshot("", "true", "peopel"));
  BOOST_TEST(out.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(out.find("是否应为 `people`") != std::string::npos);
  auto listed = out.find("not_exported ");
  BOOST_TEST((listed != std::string::npos && out.find("\"people\"", listed) != std::string::npos));
  BOOST_TEST(testing::matches_golden(golden("misspelt-collection"), out));
}

BOOST_AUTO_TEST_CASE(a_snapshot_with_nothing_in_it_is_not_clean) {
  auto out = check("empty", R"({"as_of": "2026-06-30"})");
  BOOST_TEST(out.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(out.find("F0109") != std::string::npos);
  BOOST_TEST(testing::matches_golden(golden("nothing-exported"), out));
}

// `check --rule` types and checks the fields its rules read (docs/facts-loader.md): a bad value it reads
// is reported and makes its finding unknown and the exit 2; a bad value elsewhere is not its concern,
// and the report says that only those fields were checked.
BOOST_AUTO_TEST_CASE(a_rule_check_reports_the_data_its_rules_read_and_says_so) {
  auto both_bad = snapshot(R"(, "grade": "重耍")");               // PER-010 reads the grade
  both_bad.replace(both_bad.find("2020-03-05"), 10, "2020/3/5");  // registered_on: PER-010 does not
  auto whole = check("rule-whole", both_bad);
  BOOST_TEST(whole.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(whole.find("F0204") != std::string::npos);
  BOOST_TEST(whole.find("F0206") != std::string::npos);
  auto part = check("rule-part", both_bad, " --rule PER-010");
  BOOST_TEST(part.rfind("exit 2\n", 0) == 0u);
  BOOST_TEST(part.find("F0206") != std::string::npos);
  BOOST_TEST(part.find("F0204") == std::string::npos);
  BOOST_TEST(outcome_of(part, "PER-010") == "unknown");

  auto other_bad = snapshot(R"(, "grade": "important")");
  other_bad.replace(other_bad.find("2020-03-05"), 10, "2020/3/5");
  BOOST_TEST(check("rule-whole-2", other_bad).rfind("exit 2\n", 0) == 0u);
  auto clean = check("rule-part-2", other_bad, " --rule PER-010");
  BOOST_TEST(clean.rfind("exit 0\n", 0) == 0u);
  BOOST_TEST(outcome_of(clean, "PER-010") == "pass");
  auto input = temp_file("rule-text.json", other_bad);
  auto text = testing::run_baomi("check " + input.string() + " --rule PER-010", false);
  BOOST_TEST(text.out.find("\n  数据只校验了所选规则读取的字段；不带 --rule 运行可校验全部字段\n") !=
             std::string::npos);
  auto json =
      nlohmann::json::parse(testing::run_baomi("check " + input.string() + " --rule PER-010 --format json", false).out);
  BOOST_TEST(json["data_checked"] == "fields_read");
  BOOST_TEST(json["issues"].empty());
  auto sarif = nlohmann::json::parse(
      testing::run_baomi("check " + input.string() + " --rule PER-010 --format sarif", false).out);
  BOOST_TEST(sarif["runs"][0]["properties"]["data_checked"] == "fields_read");
  auto html = testing::run_baomi("check " + input.string() + " --rule PER-010 --format html", false).out;
  BOOST_TEST(html.find("<p>数据只校验了所选规则读取的字段；不带 --rule 运行可校验全部字段。</p>") != std::string::npos);
  auto all_sarif = nlohmann::json::parse(testing::run_baomi("check " + input.string() + " --format sarif", false).out);
  BOOST_TEST(!all_sarif["runs"][0]["properties"].contains("data_checked"));
  auto all_text = testing::run_baomi("check " + input.string(), false);
  BOOST_TEST(all_text.out.find("只校验了") == std::string::npos);
  BOOST_TEST(all_text.out.find("数据问题 1 项") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fail_on_data_sets_the_threshold) {
  auto bad = snapshot(R"(, "grade": "重耍")");
  BOOST_TEST(check("never", bad, " --fail-on-data never").rfind("exit 1\n", 0) == 0u);  // by the findings alone
  BOOST_TEST(check("warning", bad, " --fail-on-data warning").rfind("exit 2\n", 0) == 0u);
  auto usage = testing::run_baomi("check " + temp_file("x.json", bad).string() + " --fail-on-data sometimes");
  BOOST_TEST(usage.code == 2);
  BOOST_TEST(usage.out.find("--fail-on-data") != std::string::npos);
}

// Data issues appear in every format: a failing JUnit test case of their own, SARIF results.
BOOST_AUTO_TEST_CASE(data_issues_in_junit_and_sarif) {
  auto input = temp_file("formats.json", snapshot(R"(, "grade": "重耍")"));
  auto junit = testing::run_baomi("check " + input.string() + " --format junit", false);
  BOOST_TEST(junit.code == 2);
  BOOST_TEST(junit.out.find("name=\"数据问题\"") != std::string::npos);
  BOOST_TEST(junit.out.find("<failure type=\"data\"") != std::string::npos);
  BOOST_TEST(junit.out.find("F0206") != std::string::npos);
  auto sarif = testing::run_baomi("check " + input.string() + " --format sarif", false);
  auto j = nlohmann::json::parse(sarif.out, nullptr, false);
  BOOST_REQUIRE(j.is_object());
  bool found = false;
  for (const auto& r : j["runs"][0]["results"]) found = found || r["ruleId"] == "F0206";
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_SUITE_END()

// The SARIF report's structure (the full check against the official schema and Microsoft's rules is
// the `sarif_multitool` test, which runs tests/reports/validate_sarif.sh on the golden file).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;
using nlohmann::json;

namespace {

json sarif_of(const engine::run_result& r, reports::report_options o = {}) {
  o.tool_version = "0.1.0";
  return json::parse(reports::write_report(r, reports::format::sarif, o));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_sarif)

BOOST_AUTO_TEST_CASE(log_has_the_required_structure) {
  auto full = testing::samples::full();
  auto log = sarif_of(full);
  BOOST_TEST(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  BOOST_TEST(log["version"] == "2.1.0");
  BOOST_REQUIRE(log["runs"].size() == 1u);
  const auto& run = log["runs"][0];
  BOOST_TEST(run["tool"]["driver"]["name"] == "baomi");
  BOOST_TEST(run["tool"]["driver"]["version"] == "0.1.0");
  const auto& rules = run["tool"]["driver"]["rules"];
  BOOST_REQUIRE(rules.size() == full.rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    BOOST_TEST(rules[i]["id"] == full.rules[i].id);
    BOOST_TEST(rules[i]["shortDescription"]["text"] == full.rules[i].title);
    BOOST_TEST(rules[i]["fullDescription"]["text"].get<std::string>().find(full.rules[i].citations[0].quote) == 0u);
    BOOST_TEST(rules[i]["properties"]["area"] == full.rules[i].area);
  }
}

BOOST_AUTO_TEST_CASE(results_for_fail_unknown_pending_and_waived) {
  auto full = testing::samples::full();
  auto run = sarif_of(full)["runs"][0];
  // Findings first: 3 fail, 1 unknown, 1 pending, 1 waived; then one result per data issue (F codes).
  nlohmann::json results = nlohmann::json::array();
  std::size_t data_results = 0;
  for (const auto& r : run["results"]) {
    if (r.contains("ruleIndex")) {
      results.push_back(r);
    } else {
      BOOST_TEST(r["ruleId"].get<std::string>().starts_with("F"));
      ++data_results;
    }
  }
  BOOST_TEST(results.size() == 6u);
  BOOST_TEST(data_results == std::size_t(std::count_if(full.issues.begin(), full.issues.end(),
                                                       [](const auto& i) { return i.code.starts_with('F'); })));
  for (const auto& r : results) {
    auto index = r["ruleIndex"].get<std::size_t>();
    BOOST_TEST(run["tool"]["driver"]["rules"][index]["id"] == r["ruleId"]);
    BOOST_TEST(!r["message"]["text"].get<std::string>().empty());
    BOOST_TEST(r["partialFingerprints"]["baomi/v1"].get<std::string>().size() == 16u);
    // The primary location is the subject's record in the snapshot; the rule's source is related.
    const auto& location = r["locations"][0];
    BOOST_TEST(location["physicalLocation"]["artifactLocation"]["uri"] == "facts/examples/unit-2026.json");
    BOOST_TEST(location["physicalLocation"]["region"]["startLine"].get<int>() >= 4);
    BOOST_TEST(location["physicalLocation"]["region"]["startColumn"] == 5);
    const auto& related = r["relatedLocations"][0];
    BOOST_TEST(related["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().starts_with("rulesets/cn/"));
    BOOST_TEST(related["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
    BOOST_TEST(related["message"]["text"] == "规则 " + r["ruleId"].get<std::string>() + " 的定义");
    BOOST_TEST(location["logicalLocations"][0]["kind"] == "object");
    BOOST_TEST(location["logicalLocations"][0]["fullyQualifiedName"].get<std::string>().starts_with("/"));
    auto outcome = r["properties"]["outcome"].get<std::string>();
    BOOST_TEST(r.contains("suppressions") == (outcome == "waived"));
    if (outcome == "unknown" || outcome == "pending") BOOST_TEST(r["level"] == "note");
  }
  const auto& waived = results[3];
  BOOST_TEST(waived["suppressions"][0]["kind"] == "external");
  BOOST_TEST(waived["suppressions"][0]["justification"].get<std::string>().find("承诺书原件") == 0u);
}

BOOST_AUTO_TEST_CASE(levels_follow_severity) {
  auto results = sarif_of(testing::samples::full())["runs"][0]["results"];
  BOOST_TEST(results[0]["ruleId"] == "TRN-010");  // medium
  BOOST_TEST(results[0]["level"] == "warning");
  BOOST_TEST(results[1]["ruleId"] == "DEP-010");  // high
  BOOST_TEST(results[1]["level"] == "error");
  BOOST_TEST(results[4]["ruleId"] == "CAR-020");  // critical
  BOOST_TEST(results[4]["level"] == "error");
}

BOOST_AUTO_TEST_CASE(uris_are_percent_encoded) {
  auto run = sarif_of(testing::samples::awkward())["runs"][0];
  const auto& rule_uri = run["results"][1]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  BOOST_TEST(rule_uri == "rulesets/cn/%E7%BD%91%E7%BB%9C%20%E8%AE%BE%E5%A4%87.baomi");
  const auto& data_uri = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  BOOST_TEST(data_uri == "exports/%E5%8D%95%E4%BD%8D%20A%26B/%3C2026%3E.json");
  BOOST_TEST(!run["results"][0].contains("relatedLocations"));  // a rule without a location
}

BOOST_AUTO_TEST_CASE(a_subject_without_a_position_keeps_the_file_without_a_region) {
  auto run = sarif_of(testing::samples::awkward())["runs"][0];
  const auto& physical = run["results"][0]["locations"][0]["physicalLocation"];
  BOOST_TEST(physical["artifactLocation"]["uri"] == "exports/%E5%8D%95%E4%BD%8D%20A%26B/%3C2026%3E.json");
  BOOST_TEST(!physical.contains("region"));
  BOOST_TEST(run["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4 + 6 * 6);
}

BOOST_AUTO_TEST_CASE(without_a_snapshot_path_the_rule_source_is_the_location) {
  auto full = testing::samples::full();
  full.snapshot_path.clear();
  auto r = sarif_of(full)["runs"][0]["results"][0];
  BOOST_TEST(
      r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().starts_with("rulesets/"));
  BOOST_TEST(!r.contains("relatedLocations"));
}

BOOST_AUTO_TEST_CASE(rules_link_to_their_documentation) {
  auto driver = sarif_of(testing::samples::full())["runs"][0]["tool"]["driver"];
  BOOST_TEST(driver["informationUri"] == "https://github.com/baomi/baomi");
  BOOST_TEST(driver["rules"][0]["helpUri"] == "https://github.com/baomi/baomi/blob/main/rulesets/cn/personnel.baomi");
  auto awkward = sarif_of(testing::samples::awkward())["runs"][0]["tool"]["driver"];
  BOOST_TEST(!awkward["rules"][0].contains("helpUri"));  // no source file: nothing to link
}

BOOST_AUTO_TEST_CASE(data_issues_land_on_the_snapshot) {
  auto results = sarif_of(testing::samples::full())["runs"][0]["results"];
  const auto& issue = results.back();
  BOOST_TEST(issue["ruleId"] == "F0103");
  BOOST_TEST(issue["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "facts/examples/unit-2026.json");
  BOOST_TEST(issue["locations"][0]["physicalLocation"]["region"]["startLine"] == 118);
  BOOST_TEST(issue["locations"][0]["physicalLocation"]["region"]["startColumn"] == 22);
  BOOST_TEST(issue["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "/departures/18/approved_on");
}

BOOST_AUTO_TEST_CASE(data_issues_are_notifications) {
  auto invocation = sarif_of(testing::samples::full())["runs"][0]["invocations"][0];
  BOOST_TEST(invocation["executionSuccessful"] == true);
  BOOST_TEST(invocation["toolExecutionNotifications"].size() == 2u);
  BOOST_TEST(invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "F0103");
}

BOOST_AUTO_TEST_SUITE_END()

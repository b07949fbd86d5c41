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
    const auto& location = r["locations"][0];
    BOOST_TEST(location["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().starts_with("rulesets/cn/"));
    BOOST_TEST(location["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
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
  const auto& uri = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  BOOST_TEST(uri == "rulesets/cn/%E7%BD%91%E7%BB%9C%20%E8%AE%BE%E5%A4%87.baomi");
  BOOST_TEST(!run["results"][0]["locations"][0].contains("physicalLocation"));  // a rule without a location
}

BOOST_AUTO_TEST_CASE(data_issues_are_notifications) {
  auto invocation = sarif_of(testing::samples::full())["runs"][0]["invocations"][0];
  BOOST_TEST(invocation["executionSuccessful"] == true);
  BOOST_TEST(invocation["toolExecutionNotifications"].size() == 2u);
  BOOST_TEST(invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "F0103");
}

BOOST_AUTO_TEST_SUITE_END()

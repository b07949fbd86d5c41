// The JUnit report is well-formed XML (parsed with Boost.PropertyTree) and its counts add up.
#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>
#include <map>
#include <sstream>
#include <string>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;
namespace pt = boost::property_tree;

namespace {

pt::ptree parse_junit(const engine::run_result& r) {
  std::istringstream in(reports::write_report(r, reports::format::junit, {}));
  pt::ptree tree;
  pt::read_xml(in, tree);  // throws on malformed XML
  return tree;
}

// Read as text and converted here: ptree's numeric translator trips GCC 12's -Wmaybe-uninitialized
// under the sanitizers.
std::size_t attr(const pt::ptree& node, const std::string& name) {
  return std::stoul(node.get<std::string>("<xmlattr>." + name));
}

struct tally {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t skipped = 0;
};

// Counts the test cases under a suite and checks the suite's own totals.
tally count_suite(const pt::ptree& suite) {
  tally t;
  for (const auto& [name, child] : suite) {
    if (name != "testcase") continue;
    ++t.tests;
    if (child.count("failure") > 0) ++t.failures;
    if (child.count("skipped") > 0) ++t.skipped;
    BOOST_TEST(child.count("failure") + child.count("skipped") <= 1u);
  }
  BOOST_TEST(attr(suite, "tests") == t.tests);
  BOOST_TEST(attr(suite, "failures") == t.failures);
  BOOST_TEST(attr(suite, "skipped") == t.skipped);
  BOOST_TEST(attr(suite, "errors") == 0u);
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_junit)

BOOST_AUTO_TEST_CASE(well_formed_and_counts_match) {
  for (auto make : {testing::samples::full, testing::samples::empty, testing::samples::awkward}) {
    auto result = make();
    auto tree = parse_junit(result);
    const auto& suites = tree.get_child("testsuites");
    tally all;
    for (const auto& [name, suite] : suites) {
      if (name != "testsuite") continue;
      auto t = count_suite(suite);
      all.tests += t.tests;
      all.failures += t.failures;
      all.skipped += t.skipped;
    }
    BOOST_TEST(attr(suites, "tests") == all.tests);
    BOOST_TEST(attr(suites, "failures") == all.failures);
    BOOST_TEST(attr(suites, "skipped") == all.skipped);
    // One test case per rule, and one for the snapshot's data issues (F codes) when there are any.
    bool data =
        std::any_of(result.issues.begin(), result.issues.end(), [](const auto& i) { return i.code.starts_with('F'); });
    BOOST_TEST(all.tests == result.rules.size() + (data ? 1 : 0) + (result.not_exported.empty() ? 0 : 1));
  }
}

BOOST_AUTO_TEST_CASE(verdicts_per_rule) {
  auto tree = parse_junit(testing::samples::full());
  std::map<std::string, std::string> verdict;  // rule id → failure, skipped or passed
  for (const auto& [name, suite] : tree.get_child("testsuites")) {
    if (name != "testsuite") continue;
    for (const auto& [kind, test] : suite) {
      if (kind != "testcase") continue;
      auto id = test.get<std::string>("<xmlattr>.name").substr(0, 7);
      verdict[id] = test.count("failure") ? "failure" : test.count("skipped") ? "skipped" : "passed";
    }
  }
  BOOST_TEST(verdict["DEP-010"] == "failure");  // a fail beside an unknown
  BOOST_TEST(verdict["PER-010"] == "passed");   // waived and pass
  BOOST_TEST(verdict["TRN-010"] == "failure");
  BOOST_TEST(verdict["CAR-020"] == "failure");
  BOOST_TEST(verdict["MTG-030"] == "passed");
}

BOOST_AUTO_TEST_CASE(only_unknown_is_skipped_and_text_is_escaped) {
  auto tree = parse_junit(testing::samples::awkward());
  const auto& suites = tree.get_child("testsuites");
  const auto& first = suites.get_child("testsuite");  // the area outside the checklist comes first
  BOOST_TEST(first.get<std::string>("<xmlattr>.name") == "附加检查：信息化设备专项（本单位自定）");
  const auto& test = first.get_child("testcase");
  BOOST_TEST(test.get<std::string>("<xmlattr>.name") == "X-1 标题含 <尖括号> & \"引号\" 与 'apostrophe'");
  BOOST_TEST(test.count("skipped") == 1u);
  auto out = test.get<std::string>("system-out");
  BOOST_TEST(out.find("设备<1>") != std::string::npos);
  BOOST_TEST(out.find("\\x01") != std::string::npos);  // a control character, made visible
  BOOST_TEST(out.find('\x01') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

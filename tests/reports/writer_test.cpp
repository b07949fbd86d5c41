// The writer interface and the names of the findings model.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "engine/findings.hpp"
#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"
#include "tests/support/language.hpp"

using namespace baomi;

BOOST_AUTO_TEST_SUITE(reports_writer)

BOOST_AUTO_TEST_CASE(format_names_round_trip) {
  for (auto f : {reports::format::text, reports::format::json, reports::format::sarif, reports::format::junit,
                 reports::format::html, reports::format::selfcheck_md, reports::format::selfcheck_html}) {
    BOOST_TEST((reports::parse_format(reports::to_string(f)) == f));
  }
  BOOST_TEST(!reports::parse_format("pdf"));
  BOOST_TEST(!reports::parse_format("HTML"));
  BOOST_TEST(!reports::parse_format("JSON"));
  BOOST_TEST(!reports::parse_format(""));
}

BOOST_AUTO_TEST_CASE(default_lists_what_needs_action) {
  reports::report_options o;
  BOOST_TEST(o.show.size() == 4u);
  BOOST_TEST(!o.color);
}

BOOST_AUTO_TEST_CASE(outcome_and_severity_names) {
  using engine::outcome;
  using engine::severity;
  BOOST_TEST(std::string(engine::to_string(outcome::not_applicable)) == "not_applicable");
  {
    testing::scoped_language chinese(base::language::zh);
    BOOST_TEST(engine::display_name(outcome::unknown) == "证据不足");
    BOOST_TEST(engine::display_name(outcome::waived) == "已豁免");
    BOOST_TEST(engine::display_name(severity::info) == "提示");
  }
  {
    testing::scoped_language english(base::language::en);
    BOOST_TEST(engine::display_name(outcome::unknown) == "insufficient evidence");
    BOOST_TEST(engine::display_name(outcome::fail) == "non-compliant");
    BOOST_TEST(engine::display_name(severity::info) == "info");
  }
  BOOST_TEST(std::string(engine::to_string(severity::critical)) == "critical");
  for (auto s : {severity::info, severity::low, severity::medium, severity::high, severity::critical}) {
    BOOST_TEST((engine::parse_severity(engine::to_string(s)) == s));
  }
  for (auto o :
       {outcome::pass, outcome::fail, outcome::unknown, outcome::not_applicable, outcome::pending, outcome::waived}) {
    BOOST_TEST((engine::parse_outcome(engine::to_string(o)) == o));
  }
  BOOST_TEST(!engine::parse_severity("High"));
  BOOST_TEST(!engine::parse_severity("高"));
  BOOST_TEST(!engine::parse_outcome("n/a"));
}

BOOST_AUTO_TEST_CASE(a_finding_without_rule_is_an_engine_fault) {
  engine::run_result r;
  r.findings.push_back({});
  r.findings.back().outcome = engine::outcome::fail;
  for (auto f : {reports::format::text, reports::format::json, reports::format::sarif, reports::format::junit}) {
    BOOST_CHECK_THROW(reports::write_report(r, f, {}), std::invalid_argument);
  }
}

BOOST_AUTO_TEST_SUITE_END()

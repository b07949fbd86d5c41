// The table of formats: every row's writers produce output for a sample of each kind it supports,
// the others refuse; the CLI's lists come from the table; one XML escaping for both JUnit writers.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "engine/checklist.hpp"
#include "engine/coverage.hpp"
#include "engine/diff.hpp"
#include "engine/evaluate.hpp"
#include "engine/fixture.hpp"
#include "reports/writer.hpp"
#include "reports/xml.hpp"
#include "tests/reports/samples.hpp"
#include "tests/support/language.hpp"

using namespace baomi;

namespace {

constexpr reports::result_kind kinds[] = {reports::result_kind::check, reports::result_kind::explain,
                                          reports::result_kind::diff, reports::result_kind::coverage,
                                          reports::result_kind::test};

engine::fixture_suite sample_suite() {
  engine::fixture_suite suite;
  suite.cases.push_back({"rulesets/ok.fixture.json", "通过的样例", true, {}, std::nullopt});
  suite.cases.push_back(
      {"rulesets/a<&\"'.fixture.json",
       "",
       true,
       {"DEP-040 D1: expected pass, got fail — 名称 <\"引号\"> & 'x'\n      /departures/0/left_on = 2026-01-01",
        "second problem"},
       std::nullopt});
  return suite;
}

engine::explanation sample_explanation(const engine::run_result& run) {
  engine::explanation e;
  e.rule = run.rules.front();
  e.as_of = run.as_of;
  e.result = run.findings.front();
  e.result.rule = &e.rule;
  e.steps.push_back(
      {"require", "d.left_on != null", "true", false, true, {{"/departures/0/left_on", "2026-01-01", ""}}, {}});
  return e;
}

// The output of `f` for the sample of `kind`; throws when the format does not write that kind.
std::string write_sample(reports::format f, reports::result_kind kind) {
  auto run = testing::samples::full();
  switch (kind) {
    case reports::result_kind::check:
      return reports::write_report(run, f, {});
    case reports::result_kind::explain:
      return reports::write_report(sample_explanation(run), f, {});
    case reports::result_kind::diff: {
      auto d = engine::diff_runs(testing::samples::empty(), run);
      return reports::write_report(reports::diff_report{&d, "a → b", "snapshots", true}, f, {});
    }
    case reports::result_kind::coverage: {
      engine::coverage c;
      c.groups.resize(engine::checklist().size());
      c.rule_ids = {"DEP-010"};
      return reports::write_report(c, f, {});
    }
    case reports::result_kind::test:
      return reports::write_report(sample_suite(), f, {});
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_formats)

BOOST_AUTO_TEST_CASE(every_row_writes_what_it_supports_and_refuses_the_rest) {
  for (auto f : reports::all_formats()) {
    BOOST_TEST((reports::parse_format(reports::to_string(f)) == f));
    BOOST_TEST(reports::extension(f).starts_with("."));
    for (auto kind : kinds) {
      BOOST_TEST_CONTEXT(reports::to_string(f) << " kind " << static_cast<int>(kind)) {
        if (reports::supports(f, kind)) {
          BOOST_TEST(!write_sample(f, kind).empty());
          BOOST_TEST((reports::parse_format(reports::to_string(f), kind) == f));
        } else {
          BOOST_CHECK_THROW(write_sample(f, kind), std::invalid_argument);
          BOOST_TEST(!reports::parse_format(reports::to_string(f), kind));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_cli_lists_come_from_the_table) {
  BOOST_TEST(reports::format_names(reports::result_kind::check) ==
             "text, json, sarif, junit, html, selfcheck-md, selfcheck-html, ndjson, xlsx");
  BOOST_TEST(reports::format_names(reports::result_kind::check, " or ") ==
             "text, json, sarif, junit, html, selfcheck-md, selfcheck-html, ndjson or xlsx");
  BOOST_TEST(reports::format_names(reports::result_kind::diff) == "text, json");
  BOOST_TEST(reports::format_names(reports::result_kind::coverage, " or ") == "text or json");
  BOOST_TEST(reports::format_names(reports::result_kind::test, " or ") == "text or junit");
  BOOST_TEST(reports::format_names(reports::result_kind::explain, " or ") == "text");
}

BOOST_AUTO_TEST_CASE(fixture_junit_escapes_like_the_check_junit) {
  auto xml = reports::write_report(sample_suite(), reports::format::junit, {});
  BOOST_TEST(xml.find(R"(<testsuites name="baomi test" tests="2" failures="1">)") != std::string::npos, xml);
  BOOST_TEST(xml.find(R"(<testcase classname="fixtures" name="rulesets/ok.fixture.json"/>)") != std::string::npos, xml);
  BOOST_TEST(
      xml.find(R"(name="rulesets/a&lt;&amp;&quot;')" + reports::xml_text(".fixture.json") + "\"") != std::string::npos,
      xml);
  // The failure message is the first line, escaped as an attribute; the body as character data.
  BOOST_TEST(
      xml.find(
          R"(<failure message="DEP-040 D1: expected pass, got fail — 名称 &lt;&quot;引号&quot;&gt; &amp; 'x'">)") !=
          std::string::npos,
      xml);
  BOOST_TEST(
      xml.find(
          "名称 &lt;\"引号\"&gt; &amp; 'x'\n      /departures/0/left_on = 2026-01-01\nsecond problem\n</failure>") !=
          std::string::npos,
      xml);
  BOOST_TEST(reports::xml_attribute("a\nb\x01") == "a&#10;b\\x01");
  BOOST_TEST(reports::xml_text("a\nb\x01") == "a\nb\\x01");
}

BOOST_AUTO_TEST_CASE(fixture_text_lists_each_case_and_the_totals) {
  auto text = reports::write_report(sample_suite(), reports::format::text, {});
  BOOST_TEST(
      text.starts_with("PASS rulesets/ok.fixture.json  通过的样例\nFAIL rulesets/a<&\"'.fixture.json\n    DEP-040"),
      text);
  BOOST_TEST(text.ends_with("    second problem\n通过 1 个，失败 1 个\n"), text);
  testing::scoped_language english(base::language::en);
  auto en = reports::write_report(sample_suite(), reports::format::text, {});
  BOOST_TEST(en.ends_with("    second problem\n1 passed, 1 failed\n"), en);
}

BOOST_AUTO_TEST_SUITE_END()

// Golden files for every report format over the hand-made run results (tests/golden/reports/).
#include <boost/test/unit_test.hpp>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"
#include "tests/support/golden.hpp"

namespace {

using namespace baomi;

reports::report_options options() {
  reports::report_options o;
  o.tool_version = "0.1.0";  // fixed, so that the goldens do not change with the project version
  return o;
}

void check_all_formats(const engine::run_result& result, const std::string& name,
                       const reports::report_options& opts = options()) {
  for (auto f : {reports::format::text, reports::format::json, reports::format::sarif, reports::format::junit,
                 reports::format::html, reports::format::selfcheck_md, reports::format::selfcheck_html}) {
    auto golden = testing::source_root() / "tests/golden/reports" / (name + std::string(reports::extension(f)));
    BOOST_TEST_CONTEXT(golden.string()) {
      BOOST_TEST(testing::matches_golden(golden, reports::write_report(result, f, opts)));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_golden)

BOOST_AUTO_TEST_CASE(sample) { check_all_formats(testing::samples::full(), "sample"); }

BOOST_AUTO_TEST_CASE(sample_showing_every_outcome) {
  auto opts = options();
  opts.show = {engine::outcome::pass,           engine::outcome::fail,    engine::outcome::unknown,
               engine::outcome::not_applicable, engine::outcome::pending, engine::outcome::waived};
  auto result = testing::samples::full();
  for (auto f : {reports::format::text, reports::format::json}) {
    auto golden = testing::source_root() / "tests/golden/reports" /
                  (std::string("sample-all") + std::string(reports::extension(f)));
    BOOST_TEST(testing::matches_golden(golden, reports::write_report(result, f, opts)));
  }
}

BOOST_AUTO_TEST_CASE(empty) { check_all_formats(testing::samples::empty(), "empty"); }

BOOST_AUTO_TEST_CASE(awkward) { check_all_formats(testing::samples::awkward(), "awkward"); }

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
  for (auto f : {reports::format::text, reports::format::json, reports::format::sarif, reports::format::junit}) {
    BOOST_TEST(reports::write_report(testing::samples::full(), f, options()) ==
               reports::write_report(testing::samples::full(), f, options()));
  }
}

BOOST_AUTO_TEST_SUITE_END()

// The reports for people: the unit's name in every format's header, data problems first in a short
// block, deadlines only where they tell something, and pending findings beyond the horizon counted.
#include <boost/test/unit_test.hpp>
#include <string>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;

namespace {

bool has(const std::string& text, std::string_view what) { return text.find(what) != std::string::npos; }

std::string text_of(const engine::run_result& r, const reports::report_options& o = {}) {
  return reports::write_report(r, reports::format::text, o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_people)

BOOST_AUTO_TEST_CASE(the_unit_is_named_in_every_format) {
  auto r = testing::samples::full();
  r.org_name = "某市<保密局>";
  BOOST_TEST(has(text_of(r), "  单位      某市<保密局>\n"));
  BOOST_TEST(has(reports::write_report(r, reports::format::json, {}), R"("org": {)"));
  BOOST_TEST(has(reports::write_report(r, reports::format::json, {}), R"("name": "某市<保密局>")"));
  BOOST_TEST(has(reports::write_report(r, reports::format::sarif, {}), R"("org": "某市<保密局>")"));
  BOOST_TEST(has(reports::write_report(r, reports::format::junit, {}),
                 R"(<property name="org" value="某市&lt;保密局&gt;"/>)"));
  BOOST_TEST(has(reports::write_report(r, reports::format::html, {}), "<h1>某市&lt;保密局&gt; 保密检查报告</h1>"));
  BOOST_TEST(
      has(reports::write_report(r, reports::format::selfcheck_md, {}), "# 某市\\<保密局\\>保密工作自查自评报告"));
  // Without a name no format invents one.
  BOOST_TEST(!has(text_of(testing::samples::full()), "  单位  "));
  BOOST_TEST(!has(reports::write_report(testing::samples::full(), reports::format::json, {}), R"("org")"));
}

BOOST_AUTO_TEST_CASE(data_problems_come_first_in_a_short_block) {
  auto r = testing::samples::full();
  for (int i = 0; i < 12; ++i) r.issues.push_back({"F0103", "/people/" + std::to_string(i) + "/born", "日期无效"});
  auto text = text_of(r);
  auto issues = text.find("数据问题（14）");
  BOOST_TEST(issues != std::string::npos);
  BOOST_TEST(issues < text.find("检查摘要"));
  BOOST_TEST(has(text, "  另有 4 项未列出（--format json 列出全部）。\n"), text);
  BOOST_TEST(!has(text, "/people/9/born"));
  BOOST_TEST(has(text, "/people/7/born"));
}

BOOST_AUTO_TEST_CASE(deadlines_only_where_they_tell_something) {
  auto r = testing::samples::full();
  // An unknown and a waived finding with a due date: not shown; a failure due in the past: overdue.
  r.findings[4].due = "2031-07-07";  // DEP-010 unknown
  r.findings[5].due = "2025-08-08";  // PER-010 waived
  r.findings[2].due = "2026-03-01";  // DEP-010 fail, no days_left: counted from as_of
  auto text = text_of(r);
  BOOST_TEST(!has(text, "2031-07-07"));
  BOOST_TEST(!has(text, "2025-08-08"));
  BOOST_TEST(has(text, "      期限：2026-03-01（已逾期 30 天）\n"), text);
  BOOST_TEST(has(text, "      期限：2026-01-30（已逾期 60 天）\n"), text);
  BOOST_TEST(has(text, "      期限：2026-04-10（还剩 10 天）\n"), text);
}

BOOST_AUTO_TEST_CASE(pending_beyond_the_horizon_is_counted_not_listed) {
  auto r = testing::samples::full();
  reports::report_options o;
  o.pending_within_days = 5;
  auto text = text_of(r, o);
  BOOST_TEST(!has(text, "C-2026-003"));
  BOOST_TEST(has(text, "另有 1 项待办期限在 5 天以后，未列出（--pending-within 可调整）。"), text);
  // The summary still counts it.
  BOOST_TEST(has(text, "待办 1）"), text);
  o.pending_within_days = 10;
  BOOST_TEST(has(text_of(r, o), "C-2026-003"));
  BOOST_TEST(!has(text_of(r, o), "未列出（--pending-within"));
}

BOOST_AUTO_TEST_SUITE_END()

// The 自查自评 report: every group of 001's checklist with a verdict, items from the rules' 001
// citations, the 问题清单 and 整改台账, and data that cannot add Markdown.
#include <boost/test/unit_test.hpp>
#include <string>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;

namespace {

std::string selfcheck(const engine::run_result& r) {
  return reports::write_report(r, reports::format::selfcheck_md, {});
}

bool has(const std::string& text, std::string_view what) { return text.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_selfcheck)

BOOST_AUTO_TEST_CASE(every_group_has_a_verdict) {
  auto r = testing::samples::full();
  r.org_name = "某单位";
  r.rules[4].citations[0].locator = "第一篇 四(九)1";
  auto md = selfcheck(r);
  BOOST_TEST(md.starts_with("# 某单位保密工作自查自评报告\n"), md);
  BOOST_TEST(has(md, "| 被检查单位 | 某单位 |"));
  // Overview rows: a group without rules, a group with a failure beside a pass, one failing outright.
  BOOST_TEST(has(md, "| 四(一) | 保密工作领导责任制落实情况 | 未检查 | 0 |"), md);
  BOOST_TEST(has(md, "| 四(四) | 涉密人员管理情况 | 部分符合 | 2 |"), md);
  BOOST_TEST(has(md, "| 四(三) | 保密宣传教育培训情况 | 不符合 | 1 |"), md);
  BOOST_TEST(has(md, "| 四(九) | 涉密会议、活动和货物、工程、服务采购等项目管理情况 | 符合 | 1 |"), md);
  for (std::string_view group : {"（一）", "（七）", "（十四）"}) BOOST_TEST(has(md, "### " + std::string(group)));
  // MTG-030 cites 001 四(九) 1、2: item 1 carries it, with 001's wording; other items are unchecked.
  BOOST_TEST(has(md, "#### 第 1 项\n\n> 涉密会议、活动使用符合保密要求的场所"), md);
  BOOST_TEST(has(md, "#### 第 3 项\n\n结论：**未检查**（无规则）"), md);
  // Rules without a 001 item follow their group's items.
  BOOST_TEST(has(md, "#### 本组其他检查（未对应到具体条目）"));
}

BOOST_AUTO_TEST_CASE(problem_list_and_ledger) {
  auto r = testing::samples::full();
  r.departments["/carriers/41"] = "机要室";
  auto md = selfcheck(r);
  // Problems are fail and unknown, numbered in checklist order: 四(三) before 四(四) before 四(六).
  BOOST_TEST(has(md, "| 1 | 四(三) | 不符合 | 中 | people/P-0007 钱七 |"), md);
  BOOST_TEST(has(md, "| 4 | 四(六) | 不符合 | 严重 | carriers/C-2025-117 |"), md);
  BOOST_TEST(!has(md, "| 5 |"));
  BOOST_TEST(has(md, "  - 问题：见问题清单第 2、3 条\n"), md);
  // Ledger: department where known, an overdue deadline as 立即, an unknown as 补充登记后复查.
  BOOST_TEST(has(md, "| 机要室 | 立即按泄密事件报告并组织查处 | 立即（原定 2026-01-30，已逾期 60 天） |  |"), md);
  BOOST_TEST(has(md, "| （待明确） | 按涉密等级重新确定脱密期：核心3-5年、重要2-3年、一般1-2年 | 补充登记后复查 |  |"),
             md);
  // Pending items by deadline; data problems last.
  BOOST_TEST(has(md, "| 2026-04-10 | 还剩 10 天 | carriers/C-2026-003 |"), md);
  BOOST_TEST(has(md, "## 六、数据问题（2）"));
}

BOOST_AUTO_TEST_CASE(data_cannot_add_markdown) {
  auto r = testing::samples::awkward();
  r.org_name = "A|B <script>alert(1)</script> [x](http://e)";
  auto md = selfcheck(r);
  BOOST_TEST(has(md, "# A\\|B \\<script\\>alert(1)\\</script\\> \\[x\\](http://e)保密工作自查自评报告"), md);
  BOOST_TEST(!has(md, "<script>"));
  BOOST_TEST(!has(md, "\x01"));
  BOOST_TEST(!has(md, "\x1b"));
  // The HTML twin: the same text, escaped for HTML; only the report's own markup.
  auto html = reports::write_report(r, reports::format::selfcheck_html, {});
  BOOST_TEST(has(html, "<h1>A|B &lt;script&gt;alert(1)&lt;/script&gt; [x](http://e)保密工作自查自评报告</h1>"), html);
  BOOST_TEST(!has(html, "<script"));
  BOOST_TEST(!has(html, "<a "));
  BOOST_TEST(has(html, "Content-Security-Policy\" content=\"default-src 'none';"));
  BOOST_TEST(has(html, "<tr><td>四(一)</td><td>保密工作领导责任制落实情况</td><td>未检查</td>"), html);
}

BOOST_AUTO_TEST_SUITE_END()

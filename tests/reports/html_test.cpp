// The HTML report: fact text is escaped everywhere it appears, nothing is fetched, every group of the
// checklist is summarised, and the content reads without scripts.
#include <boost/test/unit_test.hpp>
#include <string>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;

namespace {

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A run whose every fact string is markup: a person named <script>alert(1)</script>.
engine::run_result hostile() {
  auto r = testing::samples::full();
  const std::string evil = "<script>alert(1)</script>";
  r.org_name = "\"><img src=x onerror=alert(2)>";
  r.departments[r.findings[0].subject.pointer] = "</option><script>alert(3)</script>";
  for (auto& f : r.findings) {
    f.subject.label = evil;
    f.subject.key = evil;
    f.message = "姓名 " + evil;
    f.remedy = "<a href=\"https://evil.example/\">x</a>";
    for (auto& e : f.evidence) e.value = evil;
  }
  r.issues.push_back({"F0001", "/people/0/<name>", evil});
  return r;
}

// Whether any src= or href= attribute names a URL with a scheme or a network path (std::regex trips
// GCC 12's -Wmaybe-uninitialized under the sanitizers).
bool links_out(const std::string& html) {
  for (std::string_view attr : {"src=", "href="}) {
    for (auto at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
      auto value = html.substr(at + attr.size(), 10);
      if (!value.empty() && (value[0] == '"' || value[0] == '\'')) value.erase(0, 1);
      if (value.starts_with("http") || value.starts_with("//") || value.starts_with("ftp")) return true;
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_html)

BOOST_AUTO_TEST_CASE(fact_text_is_escaped) {
  auto html = reports::write_report(hostile(), reports::format::html, {});
  // The only script element is the report's own, at the end; no fact opens a tag.
  BOOST_TEST(count(html, "<script>") == 1u);
  BOOST_TEST(html.find("<script>alert") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("<a href=\"https") == std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  BOOST_TEST(html.find("data-dept=\"&lt;/option&gt;&lt;script&gt;alert(3)&lt;/script&gt;\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nothing_is_fetched) {
  auto html = reports::write_report(testing::samples::full(), reports::format::html, {});
  BOOST_TEST(html.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  // No element loads anything: no src or href to a URL, no link or external script.
  BOOST_TEST(!links_out(html));
  BOOST_TEST(links_out("<img src=\"https://x/\">"));
  BOOST_TEST(html.find("<link") == std::string::npos);
  BOOST_TEST(html.find("<script src") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(header_summary_and_findings) {
  auto r = testing::samples::full();
  r.org_name = "某市保密局示范单位";
  r.departments[r.findings[2].subject.pointer] = "人事处";
  auto html = reports::write_report(r, reports::format::html, {});
  BOOST_TEST(html.find("<title>某市保密局示范单位 保密检查报告（2026-03-31）</title>") != std::string::npos);
  BOOST_TEST(html.find("<dt>被检查单位</dt><dd>某市保密局示范单位</dd>") != std::string::npos);
  // All fourteen checklist groups are in the summary, with or without rules.
  BOOST_TEST(html.find("四(一) 保密工作领导责任制落实情况") != std::string::npos);
  BOOST_TEST(html.find("四(十四)") != std::string::npos);
  BOOST_TEST(count(html, "未检查（无规则）") == 10u);
  BOOST_TEST(html.find("<h3>按部门</h3>") != std::string::npos);
  BOOST_TEST(html.find("<dt>部门</dt><dd>人事处</dd>") != std::string::npos);
  // A quote is shown in full; a deadline with what it means; evidence with pointer and value.
  BOOST_TEST(html.find("<q>核心涉密人员为3-5年，重要涉密人员为2-3年，一般涉密人员为1-2年</q>") != std::string::npos);
  BOOST_TEST(html.find("<dd>2026-04-10（还剩 10 天）</dd>") != std::string::npos);
  BOOST_TEST(html.find("<code>/carriers/41/missing_since</code> = 2025-12-01") != std::string::npos);
  // Shown by default: fail, unknown, pending, waived; a pass is counted, not listed.
  BOOST_TEST(count(html, "<div class=\"finding\"") == 6u);
  // Without scripts the filter form stays hidden and every finding is visible.
  BOOST_TEST(html.find("<form id=\"filters\" hidden") != std::string::npos);
  BOOST_TEST(html.find("class=\"finding hide\"") == std::string::npos);
  // Print: A4, a page per group.
  BOOST_TEST(html.find("@page{size:A4") != std::string::npos);
  BOOST_TEST(html.find(".group{break-before:page}") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// JUnit XML for CI dashboards: a test suite per checklist area, a test case per rule.
// A rule fails when any subject fails, is skipped when evidence is missing (and none fails), and
// passes otherwise; pending deadlines, waivers and missing evidence are listed in <system-out>.
// Data problems are a failing test case of their own (suite 数据), and collections the snapshot did
// not export a skipped one, so a dashboard never shows broken data as green.
#include <fmt/format.h>

#include <map>
#include <string>

#include "base/language.hpp"
#include "engine/fixture.hpp"

#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"
#include "reports/words.hpp"
#include "reports/xml.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, xml_attribute(value));
}

std::string subject_text(const engine::finding& f) {
  auto text = subject_path(f.subject);
  if (!f.subject.label.empty() && f.subject.label != f.subject.key) text += " " + f.subject.label;
  return text;
}

std::string line_of(const engine::finding& f) {
  auto line = base::say("{}：{}", "{}: {}", subject_text(f), f.message);
  if (f.outcome == outcome::pending && f.due) {
    line += base::say("（期限 {}", " (due {}", *f.due);
    if (f.days_left) line += base::say("，{}", ", {}", days_left_text(*f.days_left));
    line += base::pick("）", ")");
  }
  if (f.outcome == outcome::waived && !f.waiver_reason.empty())
    line += base::say("（豁免理由：{}）", " (waived: {})", f.waiver_reason);
  return line;
}

struct verdict {
  outcome_counts counts;
  std::string failures;  // one line per failing subject
  std::string notes;     // pending, unknown and waived subjects
};

struct suite_totals {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t skipped = 0;
};

class junit_writer {
 public:
  explicit junit_writer(const engine::run_result& result) : m_result(result) {
    for (const auto& f : result.findings) {
      auto& v = m_verdicts[rule_of(f).id];
      v.counts.add(f.outcome);
      if (f.outcome == outcome::fail) v.failures += line_of(f) + "\n";
      if (f.outcome == outcome::pending || f.outcome == outcome::unknown || f.outcome == outcome::waived) {
        v.notes += fmt::format("{} {}\n", engine::display_name(f.outcome), line_of(f));
      }
    }
  }

  std::string write() {
    std::string suites;
    suite_totals all;
    for (const auto& a : summarize(m_result).by_area) {
      suite_totals totals;
      std::string cases;
      for (const auto& rule : m_result.rules) {
        if (rule.area == a.area) cases += test_case(rule, totals);
      }
      if (totals.tests == 0) continue;
      suites +=
          fmt::format("  <testsuite{}{}{}{}{}>\n", attr("name", a.area.empty() ? unclassified() : a.area),
                      attr("tests", std::to_string(totals.tests)), attr("failures", std::to_string(totals.failures)),
                      attr("errors", "0"), attr("skipped", std::to_string(totals.skipped)));
      suites += properties(a.area) + cases + "  </testsuite>\n";
      all.tests += totals.tests;
      all.failures += totals.failures;
      all.skipped += totals.skipped;
    }
    suites += data_suite(all);
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites{}{}{}{}{}>\n{}</testsuites>\n",
                       attr("name", "baomi"), attr("tests", std::to_string(all.tests)),
                       attr("failures", std::to_string(all.failures)), attr("errors", "0"),
                       attr("skipped", std::to_string(all.skipped)), suites);
  }

 private:
  std::string properties(std::string_view area) const {
    std::string out = "    <properties>\n";
    auto property = [&out](std::string_view name, std::string_view value) {
      out += fmt::format("      <property{}{}/>\n", attr("name", name), attr("value", value));
    };
    if (auto title = checklist_title(area); !title.empty()) property("title", title);
    if (!m_result.org_name.empty()) property("org", m_result.org_name);
    property("snapshot", m_result.snapshot_path);
    property("as_of", m_result.as_of);
    if (!m_result.profile.empty()) property("profile", m_result.profile);
    return out + "    </properties>\n";
  }

  // The snapshot's own problems: data issues (a failure) and collections not exported (skipped).
  // Waiver issues (V codes) are not data problems: they stay out of it.
  std::string data_suite(suite_totals& all) const {
    std::string text;
    std::size_t count = 0;
    for (const auto& i : m_result.issues) {
      if (!i.code.starts_with('F')) continue;
      ++count;
      text += fmt::format("[{}] {}{}{}\n", i.code, i.pointer, i.pointer.empty() ? "" : " ", i.message);
    }
    if (count == 0 && m_result.not_exported.empty()) return "";
    suite_totals totals;
    std::string cases;
    if (count > 0) {
      ++totals.tests;
      ++totals.failures;
      cases += fmt::format("    <testcase{}{}>\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                           attr("classname", "baomi.data"), attr("name", base::pick("数据问题", "data issues")),
                           attr("type", "data"), attr("message", base::say("数据问题 {} 项", "{} data issues", count)),
                           xml_text(text));
    }
    if (!m_result.not_exported.empty()) {
      ++totals.tests;
      ++totals.skipped;
      std::string names;
      for (const auto& c : m_result.not_exported) {
        if (!names.empty()) names += list_separator();
        names += c;
      }
      cases += fmt::format(
          "    <testcase{}{}>\n      <skipped{}/>\n    </testcase>\n", attr("classname", "baomi.data"),
          attr("name", base::pick("未导出的集合", "collections not exported")),
          attr("message",
               base::say("快照未导出：{}；读取它们的规则结果为证据不足",
                         "not exported by the snapshot: {}; the rules that read them give insufficient evidence",
                         names)));
    }
    all.tests += totals.tests;
    all.failures += totals.failures;
    all.skipped += totals.skipped;
    return fmt::format("  <testsuite{}{}{}{}{}>\n", attr("name", base::pick("数据", "data")),
                       attr("tests", std::to_string(totals.tests)), attr("failures", std::to_string(totals.failures)),
                       attr("errors", "0"), attr("skipped", std::to_string(totals.skipped))) +
           cases + "  </testsuite>\n";
  }

  std::string test_case(const engine::rule_info& rule, suite_totals& totals) const {
    static const verdict none;
    auto found = m_verdicts.find(rule.id);
    const verdict& v = found == m_verdicts.end() ? none : found->second;
    ++totals.tests;
    std::string body;
    if (v.counts[outcome::fail] > 0) {
      ++totals.failures;
      auto text = v.failures;
      for (const auto& c : rule.citations) text += base::say("依据：{}\n", "Source: {}\n", citation_line(c));
      body += fmt::format("      <failure{}{}>{}</failure>\n", attr("type", "fail"),
                          attr("message", base::say("{} 项不符合", "{} non-compliant", v.counts[outcome::fail])),
                          xml_text(text));
    } else if (v.counts[outcome::unknown] > 0) {
      ++totals.skipped;
      body += fmt::format(
          "      <skipped{}/>\n",
          attr("message", base::say("证据不足 {} 项", "{} with insufficient evidence", v.counts[outcome::unknown])));
    }
    if (!v.notes.empty()) body += fmt::format("      <system-out>{}</system-out>\n", xml_text(v.notes));
    auto head = fmt::format("    <testcase{}{}", attr("classname", rule.module.empty() ? "baomi" : rule.module),
                            attr("name", rule.id + " " + rule.title));
    return body.empty() ? head + "/>\n" : head + ">\n" + body + "    </testcase>\n";
  }

  const engine::run_result& m_result;
  std::map<std::string, verdict> m_verdicts;  // by rule id
};

}  // namespace

std::string write_junit(const engine::run_result& result, const report_options& /*options*/) {
  return junit_writer(result).write();
}

// `baomi test`: one test case per fixture file.
std::string write_junit(const engine::fixture_suite& suite, const report_options& /*options*/) {
  auto failed = suite.failed();
  std::string out =
      fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites{}{}{}>\n", attr("name", "baomi test"),
                  attr("tests", std::to_string(suite.cases.size())), attr("failures", std::to_string(failed)));
  out += fmt::format("  <testsuite{}{}{}>\n", attr("name", "fixtures"),
                     attr("tests", std::to_string(suite.cases.size())), attr("failures", std::to_string(failed)));
  for (const auto& c : suite.cases) {
    out += fmt::format("    <testcase{}{}", attr("classname", "fixtures"), attr("name", c.path));
    if (c.problems.empty()) {
      out += "/>\n";
      continue;
    }
    std::string body;
    for (const auto& p : c.problems) body += p + "\n";
    const auto& first = c.problems.front();
    out += fmt::format(">\n      <failure{}>{}</failure>\n    </testcase>\n",
                       attr("message", first.substr(0, first.find('\n'))), xml_text(body));
  }
  return out + "  </testsuite>\n</testsuites>\n";
}

}  // namespace baomi::reports

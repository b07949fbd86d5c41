// The terminal report: header, counts, findings grouped by checklist area, data issues; 80 columns.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/language.hpp"
#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"
#include "reports/words.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;
using engine::severity;

constexpr std::size_t page_width = 80;
// Where a rule's citations start ("    依据：", "    Source: "), where a finding's fields start
// ("      说明：", "      Evidence: "), where the header's values start ("  评估日期  ", "  Tool version  ")
// and how wide an outcome's label is in the counts: wider in English.
std::size_t field_indent() { return base::message_language() == base::language::en ? 12 : 10; }
std::size_t finding_indent() { return base::message_language() == base::language::en ? 16 : 12; }
std::size_t header_indent() { return base::message_language() == base::language::en ? 16 : 12; }
std::size_t outcome_label_width() { return base::message_language() == base::language::en ? 34 : 26; }
constexpr std::size_t count_width = 9;  // one column of a count table
constexpr std::size_t row_label_width = 20;
constexpr std::size_t issues_listed = 10;  // data problems listed before the rest are counted

// ANSI colours, applied only to short labels after wrapping so that wrapping never sees them.
class painter {
 public:
  explicit painter(bool on) : m_on(on) {}
  std::string operator()(std::string_view text, std::string_view code) const {
    if (!m_on || code.empty()) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

 private:
  bool m_on;
};

std::string_view colour_of(outcome o) {
  switch (o) {
    case outcome::fail:
      return "1;31";
    case outcome::unknown:
      return "33";
    case outcome::pending:
      return "36";
    case outcome::waived:
      return "35";
    case outcome::pass:
      return "32";
    case outcome::not_applicable:
      return "2";
  }
  return {};
}

std::string_view colour_of(severity s) {
  switch (s) {
    case severity::critical:
      return "1;31";
    case severity::high:
      return "31";
    case severity::medium:
      return "33";
    case severity::low:
      return "";
    case severity::info:
      return "2";
  }
  return {};
}

std::string area_heading(std::string_view area) {
  if (area.empty()) return std::string(unclassified());
  auto title = checklist_title(area);
  return title.empty() ? std::string(area) : fmt::format("{} {}", area, title);
}

// "不符合 (fail)"; in English "non-compliant (fail)", but "high", not "high (high)".
std::string named(std::string_view words, std::string_view token) {
  return words == token ? std::string(words) : fmt::format("{} ({})", words, token);
}

// An outcome as the head of a count column: its name, or in English a name that fits the column.
std::string_view column_head(outcome o) {
  if (base::message_language() == base::language::zh) return engine::display_name(o);
  return o == outcome::not_applicable ? "n/a" : engine::to_string(o);
}

// A table row label, cut to fit its column.
std::string row_label(std::string_view text) {
  auto label = one_line(text);
  if (display_width(label) < row_label_width) return label;
  return wrap(label, row_label_width - 4).front() + "...";
}

// Written a piece at a time into the stream: the header and counts, then each finding as it comes.
class text_writer {
 public:
  text_writer(const engine::run_result& result, const engine::finding_source& source, const report_options& options,
              std::ostream& stream)
      : m_result(result),
        m_source(source),
        m_options(options),
        m_stream(stream),
        m_paint(options.color),
        m_summary(summarize(result)) {}

  void write() {
    header();
    not_exported();
    issues();
    counts();
    flush();
    findings();
    flush();
  }

 private:
  void flush() {
    m_stream.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
    m_out.clear();
  }

  void heading(std::string_view text) {
    m_out += '\n';
    m_out += m_paint(text, "1");
    m_out += '\n';
  }

  void field(std::string_view label, std::string_view text, std::size_t indent) {
    append_wrapped(m_out, label, indent, text, page_width);
  }

  void header() {
    m_out += m_paint(base::pick("baomi 保密检查报告", "baomi compliance check report"), "1");
    m_out += '\n';
    m_out += '\n';
    auto indent = header_indent();
    if (!m_result.org_name.empty()) field(base::pick("  单位", "  Organization"), m_result.org_name, indent);
    field(base::pick("  快照", "  Snapshot"), m_result.snapshot_path, indent);
    field(base::pick("  评估日期", "  As of"), m_result.as_of, indent);
    field(base::pick("  配置", "  Profile"),
          m_result.profile.empty() ? base::pick("（未指定）", "(none given)") : m_result.profile, indent);
    if (!m_options.tool_version.empty())
      field(base::pick("  工具版本", "  Tool version"), "baomi " + m_options.tool_version, indent);
  }

  void summary_line() {
    heading(base::pick("检查摘要", "Summary"));
    field("  ",
          base::say("规则 {} 条，检查结果 {} 项（不符合 {}，证据不足 {}，待办 {}），数据问题 {} 项",
                    "{} rules, {} findings ({} non-compliant, {} insufficient evidence, {} pending), {} data issues",
                    m_result.rules.size(), m_summary.all.total(), m_summary.all[outcome::fail],
                    m_summary.all[outcome::unknown], m_summary.all[outcome::pending], m_result.issues.size()),
          2);
    if (m_result.data_checked_as_read)
      field("  ",
            base::pick("数据只校验了所选规则读取的字段；不带 --rule 运行可校验全部字段",
                       "only the fields the selected rules read were checked; run without --rule to check every field"),
            2);
  }

  void counts() {
    summary_line();
    heading(base::pick("按结果统计", "By outcome"));
    auto width = outcome_label_width();
    for (auto o : outcome_order) {
      auto label = named(engine::display_name(o), engine::to_string(o));
      m_out +=
          "  " + m_paint(pad_right(label, width), colour_of(o)) + pad_left(std::to_string(m_summary.all[o]), 8) + '\n';
    }
    m_out += "  " + pad_right(base::pick("合计", "Total"), width) + pad_left(std::to_string(m_summary.all.total()), 8) +
             '\n';

    heading(base::pick("按严重程度统计", "By severity"));
    table_head(base::pick("严重程度", "Severity"));
    for (auto s : severity_order) {
      table_row(m_paint(pad_right(named(engine::display_name(s), engine::to_string(s)), row_label_width), colour_of(s)),
                m_summary.of(s));
    }

    heading(base::pick("按自查项统计", "By checklist item"));
    table_head(base::pick("自查项", "Checklist item"));
    for (const auto& a : m_summary.by_area) {
      table_row(pad_right(row_label(a.area.empty() ? unclassified() : a.area), row_label_width), a.counts);
    }
    if (m_summary.by_area.empty()) m_out += fmt::format("  {}\n", none_listed());
  }

  void table_head(std::string_view label) {
    std::string line = "  " + pad_right(label, row_label_width);
    for (auto o : outcome_order) line += pad_left(column_head(o), count_width);
    m_out += line + '\n';
  }

  void table_row(const std::string& label, const outcome_counts& counts) {
    std::string line = "  " + label;
    for (auto o : outcome_order) line += pad_left(std::to_string(counts[o]), count_width);
    m_out += line + '\n';
  }

  void findings() {
    std::string listed;
    for (auto o : outcome_order) {
      if (!is_shown(m_options, o)) continue;
      listed += listed.empty() ? "" : list_separator();
      listed += engine::display_name(o);
    }
    heading(listed.empty() ? std::string(base::pick("检查发现", "Findings"))
                           : base::say("检查发现（列出：{}）", "Findings (listed: {})", listed));
    bool any = false;
    std::size_t later = 0;  // counted as the findings go by, unless they are all at hand
    const auto* held = m_source.held();
    if (held != nullptr) {
      for (const auto& f : *held) later += beyond_horizon(f) ? 1 : 0;
    }
    for (const auto& a : m_summary.by_area) {
      // The area's rules in the order of their first listed finding, each with its findings.
      bool titled = false;
      const engine::rule_info* current = nullptr;
      m_source.each_listed([&](const engine::rule_info& rule) { return rule.area == a.area; },
                           [&](const engine::finding& f) {
                             if (!is_shown(m_options, f.outcome)) return false;
                             if (!beyond_horizon(f)) return true;
                             if (held == nullptr) ++later;
                             return false;
                           },
                           [&](const engine::finding& f) {
                             if (!titled) {
                               area_title(a.area);
                               titled = any = true;
                             }
                             if (current == nullptr || current->id != rule_of(f).id) {
                               current = f.rule;
                               rule_block(*current);
                             }
                             finding(f);
                             flush();
                           });
    }
    if (!any) m_out += fmt::format("  {}\n", none_listed());
    if (later > 0) {
      m_out += '\n';
      field("  ",
            base::say("另有 {} 项待办期限在 {} 天以后，未列出（--pending-within 可调整）。",
                      "{} more pending findings are due in more than {} days and not listed (--pending-within "
                      "changes this).",
                      later, *m_options.pending_within_days),
            2);
    }
  }

  // A listed `pending` finding due after the horizon: counted, not listed.
  bool beyond_horizon(const engine::finding& f) const {
    return f.outcome == outcome::pending && is_shown(m_options, f.outcome) && m_options.pending_within_days &&
           f.days_left && *f.days_left > *m_options.pending_within_days;
  }

  void area_title(std::string_view area) {
    auto title = wrap(area_heading(area), page_width);
    m_out += '\n';
    for (const auto& line : title) m_out += m_paint(line, "1") + '\n';
    m_out += std::string(display_width(title.back()), '-') + '\n';
  }

  void rule_block(const engine::rule_info& rule) {
    m_out += '\n';
    auto id = one_line(rule.id);
    append_wrapped(m_out, "  " + m_paint(id, "1") + " ", display_width(id) + 3, rule.title, page_width);
    std::string_view label = base::pick("    依据：", "    Source: ");
    for (const auto& c : rule.citations) {
      field(label, citation_source(c), field_indent());
      if (!c.quote.empty()) field("", c.quote, field_indent());
      label = "";
    }
  }

  void finding(const engine::finding& f) {
    auto subject = subject_path(f.subject);
    if (!f.subject.label.empty() && f.subject.label != f.subject.key) subject += " " + f.subject.label;
    auto first = "    " + m_paint(fmt::format("[{}]", engine::display_name(f.outcome)), colour_of(f.outcome)) +
                 m_paint(fmt::format("[{}]", engine::display_name(f.severity)), colour_of(f.severity)) + " ";
    m_out += '\n';
    field(first, subject, display_width(first));
    auto indent = finding_indent();
    if (!f.message.empty()) field(base::pick("      说明：", "      Message: "), f.message, indent);
    if (!f.remedy.empty()) field(base::pick("      整改：", "      Remedy: "), f.remedy, indent);
    // A deadline where it tells the reader something: how long is left, or how long overdue.
    if (f.outcome == outcome::pending && f.due) {
      std::string due = *f.due;
      if (f.days_left) due += base::say("（{}）", " ({})", days_left_text(*f.days_left));
      field(base::pick("      期限：", "      Due: "), due, indent);
    } else if (auto left = days_left_of(f, m_result.as_of); f.outcome == outcome::fail && f.due && left && *left < 0) {
      field(base::pick("      期限：", "      Due: "), base::say("{}（{}）", "{} ({})", *f.due, days_left_text(*left)),
            indent);
    }
    if (f.outcome == outcome::waived || !f.waiver_reason.empty()) {
      field(base::pick("      豁免：", "      Waiver: "),
            f.waiver_reason.empty() ? base::pick("（未说明理由）", "(no reason given)") : f.waiver_reason, indent);
    }
    std::string_view label = base::pick("      证据：", "      Evidence: ");
    for (const auto& e : f.evidence) {
      m_line.assign(e.pointer);
      m_line += " = ";
      m_line += e.value;
      if (!e.role.empty()) {
        m_line += "  (";
        m_line += e.role;
        m_line += ')';
      }
      field(label, m_line, indent);
      label = "";
    }
  }

  // Collections the rules read that the snapshot left out: whatever reads them is unknown.
  void not_exported() {
    if (m_result.not_exported.empty()) return;
    heading(base::say("未导出的集合（{}）", "Collections not exported ({})", m_result.not_exported.size()));
    std::string names;
    for (const auto& c : m_result.not_exported) {
      if (!names.empty()) names += list_separator();
      names += c;
    }
    field("  ",
          names + base::pick("：快照中没有这些集合，读取它们的规则结果为证据不足（空数组 [] 才表示无记录）。",
                             ": the snapshot has none of these collections; the rules that read them give insufficient "
                             "evidence (only an empty array [] means no records)."),
          2);
  }

  // Data problems first, in a short block: the first few, the rest counted; none, no block (the summary
  // line counts them).
  void issues() {
    if (m_result.issues.empty()) return;
    heading(base::say("数据问题（{}）", "Data issues ({})", m_result.issues.size()));
    for (std::size_t i = 0; i < m_result.issues.size() && i < issues_listed; ++i) {
      const auto& issue = m_result.issues[i];
      auto first = fmt::format("  [{}] ", one_line(issue.code));
      field(first, issue.pointer.empty() ? issue.message : issue.pointer + "\n" + issue.message, display_width(first));
    }
    if (m_result.issues.size() > issues_listed) {
      field("  ",
            base::say("另有 {} 项未列出（--format json 列出全部）。",
                      "{} more not listed (--format json lists them all).", m_result.issues.size() - issues_listed),
            2);
    }
  }

  const engine::run_result& m_result;
  const engine::finding_source& m_source;
  const report_options& m_options;
  std::ostream& m_stream;
  painter m_paint;
  summary m_summary;
  std::string m_out;
  std::string m_line;  // an evidence line, reused
};

}  // namespace

void stream_text(const engine::run_result& result, const engine::finding_source& findings,
                 const report_options& options, std::ostream& out) {
  text_writer(result, findings, options, out).write();
}

std::string write_text(const engine::run_result& result, const report_options& options) {
  std::ostringstream out;
  stream_text(result, *engine::held_findings(result), options, out);
  return std::move(out).str();
}

}  // namespace baomi::reports

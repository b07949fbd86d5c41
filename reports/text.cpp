// The terminal report: header, counts, findings grouped by checklist area, data issues; 80 columns.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;
using engine::severity;

constexpr std::size_t page_width = 80;
constexpr std::size_t field_indent = 10;    // "    依据：" — where a rule's citations start
constexpr std::size_t finding_indent = 12;  // "      说明：" — where a finding's fields start
constexpr std::size_t count_width = 9;      // one column of a count table
constexpr std::size_t row_label_width = 20;
constexpr std::size_t header_indent = 12;  // "  评估日期  "
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
  if (area.empty()) return "未分类";
  auto title = checklist_title(area);
  return title.empty() ? std::string(area) : fmt::format("{} {}", area, title);
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
    m_out += m_paint("baomi 保密检查报告", "1");
    m_out += '\n';
    m_out += '\n';
    if (!m_result.org_name.empty()) field("  单位", m_result.org_name, header_indent);
    field("  快照", m_result.snapshot_path, header_indent);
    field("  评估日期", m_result.as_of, header_indent);
    field("  配置", m_result.profile.empty() ? "（未指定）" : m_result.profile, header_indent);
    if (!m_options.tool_version.empty()) field("  工具版本", "baomi " + m_options.tool_version, header_indent);
  }

  void summary_line() {
    heading("检查摘要");
    field("  ",
          fmt::format("规则 {} 条，检查结果 {} 项（不符合 {}，证据不足 {}，待办 {}），数据问题 {} 项",
                      m_result.rules.size(), m_summary.all.total(), m_summary.all[outcome::fail],
                      m_summary.all[outcome::unknown], m_summary.all[outcome::pending], m_result.issues.size()),
          2);
  }

  void counts() {
    summary_line();
    heading("按结果统计");
    for (auto o : outcome_order) {
      auto label = fmt::format("{} ({})", engine::to_chinese(o), engine::to_string(o));
      m_out +=
          "  " + m_paint(pad_right(label, 26), colour_of(o)) + pad_left(std::to_string(m_summary.all[o]), 8) + '\n';
    }
    m_out += "  " + pad_right("合计", 26) + pad_left(std::to_string(m_summary.all.total()), 8) + '\n';

    heading("按严重程度统计");
    table_head("严重程度");
    for (auto s : severity_order) {
      table_row(m_paint(pad_right(fmt::format("{} ({})", engine::to_chinese(s), engine::to_string(s)), row_label_width),
                        colour_of(s)),
                m_summary.of(s));
    }

    heading("按自查项统计");
    table_head("自查项");
    for (const auto& a : m_summary.by_area) {
      table_row(pad_right(row_label(a.area.empty() ? "未分类" : a.area), row_label_width), a.counts);
    }
    if (m_summary.by_area.empty()) m_out += "  （无）\n";
  }

  void table_head(std::string_view label) {
    std::string line = "  " + pad_right(label, row_label_width);
    for (auto o : outcome_order) line += pad_left(engine::to_chinese(o), count_width);
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
      listed += listed.empty() ? "" : "、";
      listed += engine::to_chinese(o);
    }
    heading(listed.empty() ? "检查发现" : fmt::format("检查发现（列出：{}）", listed));
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
    if (!any) m_out += "  （无）\n";
    if (later > 0) {
      m_out += '\n';
      field("  ",
            fmt::format("另有 {} 项待办期限在 {} 天以后，未列出（--pending-within 可调整）。", later,
                        *m_options.pending_within_days),
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
    std::string_view label = "    依据：";
    for (const auto& c : rule.citations) {
      field(label, citation_source(c), field_indent);
      if (!c.quote.empty()) field("", c.quote, field_indent);
      label = "";
    }
  }

  void finding(const engine::finding& f) {
    auto subject = subject_path(f.subject);
    if (!f.subject.label.empty() && f.subject.label != f.subject.key) subject += " " + f.subject.label;
    auto first = "    " + m_paint(fmt::format("[{}]", engine::to_chinese(f.outcome)), colour_of(f.outcome)) +
                 m_paint(fmt::format("[{}]", engine::to_chinese(f.severity)), colour_of(f.severity)) + " ";
    m_out += '\n';
    field(first, subject, display_width(first));
    if (!f.message.empty()) field("      说明：", f.message, finding_indent);
    if (!f.remedy.empty()) field("      整改：", f.remedy, finding_indent);
    // A deadline where it tells the reader something: how long is left, or how long overdue.
    if (f.outcome == outcome::pending && f.due) {
      std::string due = *f.due;
      if (f.days_left) due += fmt::format("（{}）", days_left_text(*f.days_left));
      field("      期限：", due, finding_indent);
    } else if (auto left = days_left_of(f, m_result.as_of); f.outcome == outcome::fail && f.due && left && *left < 0) {
      field("      期限：", fmt::format("{}（{}）", *f.due, days_left_text(*left)), finding_indent);
    }
    if (f.outcome == outcome::waived || !f.waiver_reason.empty()) {
      field("      豁免：", f.waiver_reason.empty() ? "（未说明理由）" : f.waiver_reason, finding_indent);
    }
    std::string_view label = "      证据：";
    for (const auto& e : f.evidence) {
      auto line = fmt::format("{} = {}", e.pointer, e.value);
      if (!e.role.empty()) line += fmt::format("  ({})", e.role);
      field(label, line, finding_indent);
      label = "";
    }
  }

  // Collections the rules read that the snapshot left out: whatever reads them is unknown.
  void not_exported() {
    if (m_result.not_exported.empty()) return;
    heading(fmt::format("未导出的集合（{}）", m_result.not_exported.size()));
    std::string names;
    for (const auto& c : m_result.not_exported) names += (names.empty() ? "" : "、") + c;
    field("  ", names + "：快照中没有这些集合，读取它们的规则结果为证据不足（空数组 [] 才表示无记录）。", 2);
  }

  // Data problems first, in a short block: the first few, the rest counted; none, no block (the summary
  // line counts them).
  void issues() {
    if (m_result.issues.empty()) return;
    heading(fmt::format("数据问题（{}）", m_result.issues.size()));
    for (std::size_t i = 0; i < m_result.issues.size() && i < issues_listed; ++i) {
      const auto& issue = m_result.issues[i];
      auto first = fmt::format("  [{}] ", one_line(issue.code));
      field(first, issue.pointer.empty() ? issue.message : issue.pointer + "\n" + issue.message, display_width(first));
    }
    if (m_result.issues.size() > issues_listed) {
      field("  ", fmt::format("另有 {} 项未列出（--format json 列出全部）。", m_result.issues.size() - issues_listed),
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

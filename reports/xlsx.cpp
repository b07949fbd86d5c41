// The 整改台账 as a spreadsheet (Office Open XML, written with libxlsxwriter): one sheet with the
// problems to rectify (the failing and unknown findings, numbered in checklist order as in the
// 自查自评 report), one with every listed finding. What Chinese inspection teams track rectification in.
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.hpp"
#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;

// A cell holds at most 32,767 characters (UTF-16 units); text is cut well before, on a code point.
constexpr std::size_t max_cell_code_points = 16000;

// Text a cell can hold: invalid UTF-8 as U+FFFD, control characters other than tab and newline as
// visible \xNN (XML 1.0 cannot carry them), cut with `…` when too long.
std::string cell(std::string_view text) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto start = i;
    char32_t c = next_code_point(text, i);
    if (++points > max_cell_code_points) {
      out += "…";
      break;
    }
    if (c < 0x20 && c != '\t' && c != '\n') {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    } else if (c == 0xFFFD || c == 0xFFFE || c == 0xFFFF) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string subject_text(const engine::finding& f) {
  auto s = subject_path(f.subject);
  if (!f.subject.label.empty() && f.subject.label != f.subject.key) s += " " + f.subject.label;
  return s;
}

std::string clauses(const engine::rule_info& rule) {
  std::string out;
  for (const auto& c : rule.citations) {
    if (!out.empty()) out += base::pick("；", "; ");
    out += citation_source(c);
  }
  return out.empty() ? std::string(base::pick("（未引用）", "(none cited)")) : out;
}

std::string evidence_text(const engine::finding& f) {
  std::string out;
  for (const auto& e : f.evidence) {
    out += fmt::format("{}{} = {}", out.empty() ? "" : "\n", e.pointer, e.value);
    if (!e.role.empty()) out += fmt::format("（{}）", e.role);
  }
  return out;
}

// libxlsxwriter writes to a file: a private temporary one, read back and removed.
class temp_file {
 public:
  temp_file() {
    auto pattern = (std::filesystem::temp_directory_path() / "baomi-xlsx-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the xlsx report");
    ::close(fd);
    m_path = name.data();
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
  }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

struct column_spec {
  std::string_view heading;
  double width;
};

class xlsx_writer {
 public:
  xlsx_writer(const engine::run_result& result, const report_options& options, const std::string& path)
      : m_result(result), m_options(options), m_summary(summarize(result)) {
    lxw_workbook_options opts{};
    opts.constant_memory = LXW_TRUE;  // rows go to disk as they are written, so memory stays flat
    m_book = workbook_new_opt(path.c_str(), &opts);
    if (m_book == nullptr) throw std::runtime_error("cannot start the xlsx report");
    m_heading = workbook_add_format(m_book);
    format_set_bold(m_heading);
    format_set_text_wrap(m_heading);
    format_set_align(m_heading, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(m_heading, 0xDDEBF7);
    format_set_border(m_heading, LXW_BORDER_THIN);
    m_wrap = workbook_add_format(m_book);
    format_set_text_wrap(m_wrap);
    format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
  }
  xlsx_writer(const xlsx_writer&) = delete;
  xlsx_writer& operator=(const xlsx_writer&) = delete;
  ~xlsx_writer() {
    if (m_book != nullptr) workbook_close(m_book);
  }

  void write() {
    properties();
    ledger();
    findings();
    auto status = workbook_close(m_book);
    m_book = nullptr;
    if (status != LXW_NO_ERROR)
      throw std::runtime_error(std::string("cannot write the xlsx report: ") + lxw_strerror(status));
  }

 private:
  void properties() {
    m_title = base::say("{}保密工作整改台账", "{} rectification ledger", cell(m_result.org_name));
    m_subject = base::say("数据截至 {}", "data as of {}", m_result.as_of);
    m_comments = base::say("baomi {}；快照 {}{}", "baomi {}; snapshot {}{}", m_options.tool_version,
                           cell(m_result.snapshot_path),
                           m_result.profile.empty() ? "" : base::say("；配置 {}", "; profile {}", m_result.profile));
    lxw_doc_properties props{};
    props.title = m_title.data();  // the C API takes char*; it only reads them
    props.subject = m_subject.data();
    props.comments = m_comments.data();
    // The as_of date (00:00 UTC) as the creation time, so that the same run gives the same bytes.
    if (auto day = days_between("1970-01-01", m_result.as_of)) props.created = static_cast<time_t>(*day) * 86400;
    workbook_set_properties(m_book, &props);
  }

  lxw_worksheet* sheet(const char* name, const std::vector<column_spec>& columns) {
    lxw_worksheet* s = workbook_add_worksheet(m_book, name);
    for (lxw_col_t c = 0; c < columns.size(); ++c) {
      worksheet_set_column(s, c, c, columns[c].width, m_wrap);
      worksheet_write_string(s, 0, c, std::string(columns[c].heading).c_str(), m_heading);
    }
    worksheet_freeze_panes(s, 1, 0);
    return s;
  }

  void text(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, std::string_view value) {
    if (value.empty()) return;
    worksheet_write_string(s, row, col, cell(value).c_str(), m_wrap);
  }

  void number(lxw_worksheet* s, lxw_row_t row, lxw_col_t col, double value) {
    worksheet_write_number(s, row, col, value, m_wrap);
  }

  std::string department(const engine::finding& f) const {
    auto it = m_result.departments.find(f.subject.pointer);
    return it == m_result.departments.end() ? std::string(base::pick("（待明确）", "(to be determined)")) : it->second;
  }

  // The problems: failing and unknown findings, in checklist order (the 自查自评 report's numbering).
  void ledger() {
    using base::pick;
    const std::vector<column_spec> columns{
        {pick("序号", "No."), 6},           {pick("自查项", "Item"), 18},         {pick("对象", "Subject"), 22},
        {pick("问题", "Problem"), 40},      {pick("规则", "Rule"), 10},           {pick("规则名称", "Rule title"), 30},
        {pick("依据条款", "Clauses"), 24},  {pick("责任部门", "Department"), 14}, {pick("整改措施", "Remedy"), 40},
        {pick("整改期限", "Deadline"), 16}, {pick("整改情况", "Status"), 20}};
    auto* s = sheet(pick("整改台账", "Ledger"), columns);
    lxw_row_t row = 0;
    for (const auto& a : m_summary.by_area) {
      for (const auto& f : m_result.findings) {
        const auto& rule = rule_of(f);
        if (rule.area != a.area || (f.outcome != outcome::fail && f.outcome != outcome::unknown)) continue;
        ++row;
        std::string deadline(f.outcome == outcome::unknown ? pick("补充登记后复查", "check again once recorded") : "");
        auto left = days_left_of(f, m_result.as_of);
        if (f.due && left && *left < 0) {
          deadline = base::say("立即（原定 {}，{}）", "at once (was due {}, {})", *f.due, days_left_text(*left));
        } else if (f.due) {
          deadline = *f.due;
        }
        auto message = f.message.empty() ? rule.title : f.message;
        if (f.outcome == outcome::unknown)
          message = base::say("【{}】{}", "[{}] {}", engine::display_name(f.outcome), message);
        number(s, row, 0, static_cast<double>(row));
        text(s, row, 1, std::string(checklist_title(rule.area)));
        text(s, row, 2, subject_text(f));
        text(s, row, 3, message);
        text(s, row, 4, rule.id);
        text(s, row, 5, rule.title);
        text(s, row, 6, clauses(rule));
        text(s, row, 7, department(f));
        text(s, row, 8, f.remedy);
        text(s, row, 9, deadline);
      }
    }
    if (row > 0) worksheet_autofilter(s, 0, 0, row, static_cast<lxw_col_t>(columns.size() - 1));
  }

  // Every finding the report lists (`--show`), in the run's order.
  void findings() {
    using base::pick;
    const std::vector<column_spec> columns{{pick("规则", "Rule"), 10},
                                           {pick("规则名称", "Rule title"), 30},
                                           {pick("自查项", "Item"), 18},
                                           {pick("严重程度", "Severity"), 8},
                                           {pick("结果", "Outcome"), 8},
                                           {pick("对象类别", "Collection"), 14},
                                           {pick("对象键", "Key"), 12},
                                           {pick("对象", "Subject"), 22},
                                           {pick("JSON 指针", "JSON Pointer"), 18},
                                           {pick("说明", "Message"), 40},
                                           {pick("证据", "Evidence"), 40},
                                           {pick("责任部门", "Department"), 14},
                                           {pick("整改措施", "Remedy"), 40},
                                           {pick("期限", "Due"), 12},
                                           {pick("剩余天数", "Days left"), 8},
                                           {pick("依据条款", "Clauses"), 24},
                                           {pick("豁免理由", "Waiver reason"), 24},
                                           {pick("指纹", "Fingerprint"), 18}};
    auto* s = sheet(pick("全部结果", "All findings"), columns);
    lxw_row_t row = 0;
    for (const auto& f : m_result.findings) {
      if (!is_shown(m_options, f.outcome)) continue;
      const auto& rule = rule_of(f);
      ++row;
      text(s, row, 0, rule.id);
      text(s, row, 1, rule.title);
      text(s, row, 2, std::string(checklist_title(rule.area)));
      text(s, row, 3, engine::display_name(f.severity));
      text(s, row, 4, engine::display_name(f.outcome));
      text(s, row, 5, f.subject.collection);
      text(s, row, 6, f.subject.key);
      text(s, row, 7, f.subject.label);
      text(s, row, 8, f.subject.pointer);
      text(s, row, 9, f.message.empty() ? rule.title : f.message);
      text(s, row, 10, evidence_text(f));
      if (auto it = m_result.departments.find(f.subject.pointer); it != m_result.departments.end())
        text(s, row, 11, it->second);
      text(s, row, 12, f.remedy);
      text(s, row, 13, f.due.value_or(""));
      if (f.days_left) number(s, row, 14, *f.days_left);
      text(s, row, 15, clauses(rule));
      text(s, row, 16, f.waiver_reason);
      text(s, row, 17, f.fingerprint);
    }
    if (row > 0) worksheet_autofilter(s, 0, 0, row, static_cast<lxw_col_t>(columns.size() - 1));
  }

  const engine::run_result& m_result;
  const report_options& m_options;
  summary m_summary;
  lxw_workbook* m_book = nullptr;
  lxw_format* m_heading = nullptr;
  lxw_format* m_wrap = nullptr;
  std::string m_title;
  std::string m_subject;
  std::string m_comments;
};

}  // namespace

std::string write_xlsx(const engine::run_result& result, const report_options& options) {
  temp_file file;
  xlsx_writer(result, options, file.path()).write();
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read back the xlsx report");
  return std::move(bytes).str();
}

}  // namespace baomi::reports

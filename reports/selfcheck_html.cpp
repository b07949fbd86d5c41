// The 自查自评 report as one self-contained HTML page: the Markdown of selfcheck.cpp rendered by a
// converter for exactly the constructs that writer emits (headings, tables, lists, quotes, bold,
// backslash escapes), with a print layout for A4. No script; nothing is fetched.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/language.hpp"
#include "reports/formats.hpp"
#include "reports/xml.hpp"

namespace baomi::reports {

namespace {

constexpr std::string_view csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

constexpr std::string_view style = R"(
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:0 auto;max-width:60rem;
padding:1rem 1.5rem;line-height:1.6;color:#111}
h1{text-align:center;font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #333}h3{font-size:1.15rem}
h4{font-size:1rem;margin:1rem 0 .3rem}table{border-collapse:collapse;margin:.5rem 0;width:100%}
th,td{border:1px solid #777;padding:.15rem .4rem;vertical-align:top;overflow-wrap:anywhere}
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #999;color:#333}
td:last-child:empty{min-width:6rem}
@media print{@page{size:A4;margin:18mm 15mm}body{max-width:none;padding:0;font-size:10.5pt}
h2{break-before:page}h2,h3,h4{break-after:avoid}tr{break-inside:avoid}}
)";

// Inline Markdown: `\X` is the character X, `**` opens or closes bold; everything else is text.
std::string inline_html(std::string_view text) {
  std::string out;
  bool bold = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      append_html_escaped(out, text[++i]);
    } else if (text.substr(i, 2) == "**") {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      ++i;
    } else {
      append_html_escaped(out, text[i]);
    }
  }
  if (bold) out += "</strong>";
  return out;
}

// The cells of a table row `| a | b |`, split at the pipes that are not escaped.
std::vector<std::string> cells(std::string_view row) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      auto first = cell.find_first_not_of(' ');
      auto last = cell.find_last_not_of(' ');
      out.push_back(first == std::string::npos ? std::string() : cell.substr(first, last - first + 1));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return out;
}

class converter {
 public:
  std::string run(std::string_view md) {
    std::size_t start = 0;
    while (start < md.size()) {
      auto end = md.find('\n', start);
      if (end == std::string_view::npos) end = md.size();
      line(md.substr(start, end - start));
      start = end + 1;
    }
    close();
    return std::move(m_out);
  }

 private:
  enum class block { none, table, list, nested };

  void close_nested() {
    if (m_block == block::nested) {
      m_out += "</ul></li>\n";
      m_block = block::list;
    }
  }

  void close() {
    close_nested();
    if (m_block == block::list) m_out += "</ul>\n";
    if (m_block == block::table) m_out += "</tbody></table>\n";
    m_block = block::none;
  }

  void line(std::string_view l) {
    if (l.empty()) return close();
    if (l.starts_with("|")) return table_row(l);
    if (l.starts_with("  - ")) {
      if (m_block != block::nested) {
        if (m_block != block::list) close();
        // Reopen the last item to nest under it.
        if (m_out.ends_with("</li>\n")) m_out.resize(m_out.size() - 6);
        m_out += "<ul>\n";
        m_block = block::nested;
      }
      m_out += "<li>" + inline_html(l.substr(4)) + "</li>\n";
      return;
    }
    if (l.starts_with("- ")) {
      close_nested();
      if (m_block != block::list) {
        close();
        m_out += "<ul>\n";
        m_block = block::list;
      }
      m_out += "<li>" + inline_html(l.substr(2)) + "</li>\n";
      return;
    }
    close();
    for (int level = 4; level >= 1; --level) {
      auto mark = std::string(static_cast<std::size_t>(level), '#') + " ";
      if (l.starts_with(mark)) {
        m_out += fmt::format("<h{0}>{1}</h{0}>\n", level, inline_html(l.substr(mark.size())));
        return;
      }
    }
    if (l.starts_with("> ")) {
      m_out += "<blockquote>" + inline_html(l.substr(2)) + "</blockquote>\n";
      return;
    }
    m_out += "<p>" + inline_html(l) + "</p>\n";
  }

  void table_row(std::string_view l) {
    auto row = cells(l);
    if (m_block != block::table) {
      close();
      m_out += "<table>\n<thead><tr>";
      for (const auto& c : row) m_out += "<th>" + inline_html(c) + "</th>";
      m_out += "</tr></thead>\n<tbody>\n";
      m_block = block::table;
      m_separator_next = true;
      return;
    }
    if (m_separator_next) {  // |---|--:|
      m_separator_next = false;
      return;
    }
    m_out += "<tr>";
    for (const auto& c : row) m_out += "<td>" + inline_html(c) + "</td>";
    m_out += "</tr>\n";
  }

  std::string m_out;
  block m_block = block::none;
  bool m_separator_next = false;
};

}  // namespace

std::string write_selfcheck_html(const engine::run_result& result, const report_options& options) {
  auto body = converter().run(write_selfcheck_md(result, options));
  std::string title, as_of;
  for (char ch : result.org_name) {
    if (static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7f) append_html_escaped(title, ch);
  }
  for (char ch : result.as_of) append_html_escaped(as_of, ch);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      base::pick("zh-CN", "en"), csp,
      base::say("{}保密工作自查自评报告（{}）", "{}Security self-assessment report ({})",
                title.empty() || base::message_language() == base::language::zh ? title : title + ": ", as_of),
      style, body);
}

}  // namespace baomi::reports

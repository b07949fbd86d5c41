// The HTML report a unit's leadership reads: one self-contained file (styles and script inline, no
// network request, readable from file:// and with scripts disabled), a print layout for A4.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/language.hpp"
#include "engine/checklist.hpp"
#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"
#include "reports/words.hpp"
#include "reports/xml.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;
using engine::severity;

// Nothing may be fetched: the policy allows only the inline style and script of this file.
constexpr std::string_view csp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'";

constexpr std::string_view style = R"(
:root{--fail:#b3261e;--unknown:#a05a00;--pending:#005f8a;--waived:#6b3fa0;--pass:#2e7d32;--na:#777}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;
max-width:60rem;padding:1rem 1.5rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid #444;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.15rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.zero{color:#aaa}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dl.meta dt{font-weight:bold}
.rule{border-left:4px solid #888;padding-left:.8rem;margin:1rem 0}
.cites{margin:.2rem 0;padding-left:1.2rem}.cites q{quotes:"“" "”"}
.finding{border:1px solid #ddd;border-radius:4px;padding:.4rem .7rem;margin:.5rem 0;break-inside:avoid}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0}
.finding dt{color:#555}.finding dd{margin:0;overflow-wrap:anywhere}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85rem;margin-right:.3rem}
.o-fail{background:var(--fail)}.o-unknown{background:var(--unknown)}.o-pending{background:var(--pending)}
.o-waived{background:var(--waived)}.o-pass{background:var(--pass)}.o-not_applicable{background:var(--na)}
.s{border:1px solid #666;color:#222}.ev{font-family:monospace;font-size:.9rem;margin:0;padding-left:1.2rem}
#filters{position:sticky;top:0;background:#f4f4f4;padding:.5rem;border:1px solid #ccc;z-index:1}
#filters input[type=search]{width:16rem}.hide{display:none}
nav ol{columns:2}
@media print{@page{size:A4;margin:15mm 12mm}body{max-width:none;padding:0;font-size:10.5pt}
#filters,nav{display:none}.group{break-before:page}h2,h3{break-after:avoid}
.badge{border:1px solid #000;color:#000;background:none}a{color:inherit;text-decoration:none}}
)";

// Filters and search, for readers with scripts; without them every finding shows and the form stays
// hidden. Only textContent and class names are touched: no fact text is parsed as markup.
constexpr std::string_view script = R"(
(function(){var f=document.getElementById('filters');if(!f)return;f.hidden=false;
var q=document.getElementById('q'),o=document.getElementById('fo'),s=document.getElementById('fs'),
d=document.getElementById('fd'),c=document.getElementById('count'),all=document.querySelectorAll('.finding');
function apply(){var t=q.value.trim().toLowerCase(),n=0;
all.forEach(function(e){var ok=(!o.value||e.dataset.outcome===o.value)&&(!s.value||e.dataset.severity===s.value)&&
(!d.value||e.dataset.dept===d.value)&&(!t||e.textContent.toLowerCase().indexOf(t)>=0||
e.closest('.rule').querySelector('h3').textContent.toLowerCase().indexOf(t)>=0);
e.classList.toggle('hide',!ok);if(ok)n++;});
document.querySelectorAll('.rule,.group').forEach(function(g){
g.classList.toggle('hide',!g.querySelector('.finding:not(.hide)'));});
c.textContent=)";
// The rest of the script after the count's text, which is in the message language (count_text).
constexpr std::string_view script_end = R"(;}
[q,o,s,d].forEach(function(e){e.addEventListener('input',apply);});apply();})();
)";

// The script's expression for "showing n of all".
std::string_view count_text() {
  return base::pick("'显示 '+n+' / '+all.length+' 项'", "'showing '+n+' of '+all.length");
}

// Text as HTML character data or attribute value: controls dropped, invalid UTF-8 replaced
// (one_line), then & < > " ' escaped.
std::string esc(std::string_view text) {
  std::string out;
  for (char ch : one_line(text)) append_html_escaped(out, ch);
  return out;
}

std::string area_heading(std::string_view area) {
  if (area.empty()) return std::string(unclassified());
  auto title = checklist_title(area);
  return title.empty() ? std::string(area) : fmt::format("{} {}", area, title);
}

class html_writer {
 public:
  html_writer(const engine::run_result& result, const report_options& options)
      : m_result(result), m_options(options), m_summary(summarize(result)) {}

  std::string write() {
    auto unit = m_result.org_name.empty() ? std::string() : esc(m_result.org_name) + " ";
    m_out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                         base::pick("zh-CN", "en"));
    m_out += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", csp);
    m_out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    m_out += fmt::format("<meta name=\"generator\" content=\"baomi {}\">\n", esc(m_options.tool_version));
    m_out += base::say("<title>{}保密检查报告（{}）</title>\n", "<title>{}compliance check report ({})</title>\n", unit,
                       esc(m_result.as_of));
    m_out += fmt::format("<style>{}</style>\n</head>\n<body>\n", style);
    header(unit);
    summary_tables();
    filters();
    findings();
    issues();
    m_out += fmt::format("<script>{}{}{}</script>\n</body>\n</html>\n", script, count_text(), script_end);
    return std::move(m_out);
  }

 private:
  void header(const std::string& unit) {
    m_out += base::say("<header id=\"top\">\n<h1>{}保密检查报告</h1>\n<dl class=\"meta\">\n",
                       "<header id=\"top\">\n<h1>{}compliance check report</h1>\n<dl class=\"meta\">\n", unit);
    meta(base::pick("被检查单位", "Organization"),
         m_result.org_name.empty() ? base::pick("（快照未写明）", "(not in the snapshot)") : m_result.org_name);
    meta(base::pick("评估日期", "As of"), m_result.as_of);
    meta(base::pick("配置", "Profile"),
         m_result.profile.empty() ? base::pick("（未指定）", "(none given)") : m_result.profile);
    meta(base::pick("快照", "Snapshot"), m_result.snapshot_path);
    if (!m_options.tool_version.empty())
      meta(base::pick("工具版本", "Tool version"), "baomi " + m_options.tool_version);
    m_out += "</dl>\n</header>\n";
  }

  void meta(std::string_view label, std::string_view value) {
    m_out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", label, esc(value));
  }

  void count_head(std::string_view label) {
    m_out += fmt::format("<table>\n<thead><tr><th>{}</th>", label);
    for (auto o : outcome_order) m_out += fmt::format("<th>{}</th>", engine::display_name(o));
    m_out += base::pick("<th>合计</th></tr></thead>\n<tbody>\n", "<th>Total</th></tr></thead>\n<tbody>\n");
  }

  void count_row(const std::string& label_html, const outcome_counts& counts) {
    m_out += "<tr><th>" + label_html + "</th>";
    for (auto o : outcome_order) cell(counts[o]);
    cell(counts.total());
    m_out += "</tr>\n";
  }

  void cell(std::size_t n) { m_out += fmt::format("<td class=\"n{}\">{}</td>", n == 0 ? " zero" : "", n); }

  void summary_tables() {
    const auto& all = m_summary.all;
    m_out +=
        base::pick("<section id=\"summary\">\n<h2>检查摘要</h2>\n", "<section id=\"summary\">\n<h2>Summary</h2>\n");
    m_out += base::say(
        "<p>规则 {} 条，检查结果 {} 项：不符合 {} 项，证据不足 {} 项，待办 {} 项，已豁免 {} 项；数据问题 {} 项。</p>\n",
        "<p>{} rules, {} findings: {} non-compliant, {} insufficient evidence, {} pending, {} waived; {} data "
        "issues.</p>\n",
        m_result.rules.size(), all.total(), all[outcome::fail], all[outcome::unknown], all[outcome::pending],
        all[outcome::waived], m_result.issues.size());
    if (m_result.data_checked_as_read)
      m_out += base::pick("<p>数据只校验了所选规则读取的字段；不带 --rule 运行可校验全部字段。</p>\n",
                          "<p>Only the fields the selected rules read were checked; run without --rule to check "
                          "every field.</p>\n");
    by_group();
    m_out += base::pick("<h3>按严重程度</h3>\n", "<h3>By severity</h3>\n");
    count_head(base::pick("严重程度", "Severity"));
    for (auto s : severity_order) count_row(std::string(engine::display_name(s)), m_summary.of(s));
    m_out += "</tbody></table>\n";
    by_department();
    m_out += "</section>\n";
  }

  // The fourteen groups of 001 四、自查内容, each with its counts (or 无规则), then other areas.
  void by_group() {
    auto groups = engine::checklist();
    std::vector<outcome_counts> counts(groups.size());
    std::vector<bool> has_rules(groups.size(), false);
    std::vector<const area_counts*> others;
    for (const auto& a : m_summary.by_area) {
      auto g = engine::checklist_group_of(a.area);
      if (!g) {
        others.push_back(&a);
        continue;
      }
      has_rules[*g] = true;
      for (auto o : outcome_order) {
        for (std::size_t i = 0; i < a.counts[o]; ++i) counts[*g].add(o);
      }
    }
    m_out += base::pick("<h3>按自查项（001 四、自查内容）</h3>\n", "<h3>By checklist item (001 四、自查内容)</h3>\n");
    count_head(base::pick("自查项", "Checklist item"));
    for (std::size_t g = 0; g < groups.size(); ++g) {
      auto label = fmt::format("<a href=\"#g{}\">{} {}</a>", g + 1, groups[g].code, groups[g].title);
      if (!has_rules[g]) {
        m_out += base::say("<tr><th>{} {}</th><td colspan=\"7\">未检查（无规则）</td></tr>\n",
                           "<tr><th>{} {}</th><td colspan=\"7\">not checked (no rules)</td></tr>\n", groups[g].code,
                           groups[g].title);
        continue;
      }
      count_row(label, counts[g]);
    }
    for (const auto* a : others) count_row(esc(a->area.empty() ? unclassified() : a->area), a->counts);
    m_out += "</tbody></table>\n";
  }

  void by_department() {
    std::map<std::string, outcome_counts> depts;
    std::size_t unknown = 0;
    for (const auto& f : m_result.findings) {
      auto it = m_result.departments.find(f.subject.pointer);
      if (it == m_result.departments.end()) {
        ++unknown;
        continue;
      }
      depts[it->second].add(f.outcome);
    }
    if (depts.empty()) return;
    m_out += base::pick("<h3>按部门</h3>\n", "<h3>By department</h3>\n");
    count_head(base::pick("部门", "Department"));
    for (const auto& [name, counts] : depts) count_row(esc(name), counts);
    m_out += "</tbody></table>\n";
    if (unknown > 0)
      m_out += base::say("<p>另有 {} 项检查结果的对象未登记所属部门。</p>\n",
                         "<p>{} more findings are about subjects with no department on record.</p>\n", unknown);
  }

  void filters() {
    m_out += "<form id=\"filters\" hidden role=\"search\" onsubmit=\"return false\">\n";
    m_out +=
        base::pick("<label>搜索 <input id=\"q\" type=\"search\" placeholder=\"规则、对象、说明…\"></label>\n",
                   "<label>Search <input id=\"q\" type=\"search\" placeholder=\"rule, subject, message…\"></label>\n");
    m_out += base::pick("<label>结果 <select id=\"fo\"><option value=\"\">全部</option>",
                        "<label>Outcome <select id=\"fo\"><option value=\"\">all</option>");
    for (auto o : outcome_order) {
      if (is_shown(m_options, o))
        m_out += fmt::format("<option value=\"{}\">{}</option>", engine::to_string(o), engine::display_name(o));
    }
    m_out += base::pick("</select></label>\n<label>严重程度 <select id=\"fs\"><option value=\"\">全部</option>",
                        "</select></label>\n<label>Severity <select id=\"fs\"><option value=\"\">all</option>");
    for (auto s : severity_order)
      m_out += fmt::format("<option value=\"{}\">{}</option>", engine::to_string(s), engine::display_name(s));
    m_out += base::pick("</select></label>\n<label>部门 <select id=\"fd\"><option value=\"\">全部</option>",
                        "</select></label>\n<label>Department <select id=\"fd\"><option value=\"\">all</option>");
    std::map<std::string, bool> names;
    for (const auto& [pointer, name] : m_result.departments) names[name] = true;
    for (const auto& [name, unused] : names) m_out += fmt::format("<option>{}</option>", esc(name));
    m_out += "</select></label>\n<output id=\"count\"></output>\n</form>\n";
  }

  void findings() {
    // Listed findings by group (checklist order), then by rule in the order of their first finding.
    using rule_findings = std::pair<const engine::rule_info*, std::vector<const engine::finding*>>;
    std::vector<std::pair<std::string, std::vector<rule_findings>>> groups;
    for (const auto& a : m_summary.by_area) {
      std::vector<rule_findings> rules;
      for (const auto& f : m_result.findings) {
        if (rule_of(f).area != a.area || !is_shown(m_options, f.outcome)) continue;
        auto it = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.first->id == f.rule->id; });
        if (it == rules.end()) it = rules.insert(rules.end(), {f.rule, {}});
        it->second.push_back(&f);
      }
      if (!rules.empty()) groups.emplace_back(a.area, std::move(rules));
    }
    std::string listed;
    for (auto o : outcome_order) {
      if (!is_shown(m_options, o)) continue;
      if (!listed.empty()) listed += list_separator();
      listed += engine::display_name(o);
    }
    m_out += base::say("<nav>\n<h2>检查发现（列出：{}）</h2>\n<ol>\n", "<nav>\n<h2>Findings (listed: {})</h2>\n<ol>\n",
                       listed.empty() ? std::string(nothing()) : listed);
    for (const auto& [area, rules] : groups) {
      std::size_t n = 0;
      for (const auto& r : rules) n += r.second.size();
      m_out += base::say("<li><a href=\"#{}\">{}</a>（{} 项）</li>\n", "<li><a href=\"#{}\">{}</a> ({})</li>\n",
                         anchor(area), esc(area_heading(area)), n);
    }
    m_out += "</ol>\n</nav>\n";
    if (groups.empty()) m_out += fmt::format("<p>{}</p>\n", none_listed());
    for (const auto& [area, rules] : groups) {
      m_out += fmt::format("<section class=\"group\" id=\"{}\">\n<h2>{}</h2>\n", anchor(area), esc(area_heading(area)));
      for (const auto& [rule, list] : rules) {
        rule_block(*rule);
        for (const auto* f : list) finding(*f);
        m_out += "</article>\n";
      }
      m_out += "</section>\n";
    }
  }

  // g1 … g14 for the checklist groups (the summary links to them), a1 … for other areas.
  std::string anchor(const std::string& area) {
    if (auto g = engine::checklist_group_of(area)) return fmt::format("g{}", *g + 1);
    auto [it, added] = m_anchors.emplace(area, m_anchors.size() + 1);
    return fmt::format("a{}", it->second);
  }

  void rule_block(const engine::rule_info& rule) {
    m_out += fmt::format("<article class=\"rule\">\n<h3>{} {} <span class=\"badge s\">{}</span></h3>\n", esc(rule.id),
                         esc(rule.title), engine::display_name(rule.severity));
    if (rule.citations.empty()) return;
    m_out += "<ul class=\"cites\">\n";
    for (const auto& c : rule.citations) {
      m_out += "<li>" + esc(citation_source(c));
      if (!c.quote.empty()) m_out += fmt::format("{}<q>{}</q>", base::pick("：", ": "), esc(c.quote));
      m_out += "</li>\n";
    }
    m_out += "</ul>\n";
  }

  void finding(const engine::finding& f) {
    auto dept = m_result.departments.find(f.subject.pointer);
    bool has_dept = dept != m_result.departments.end();
    m_out +=
        fmt::format("<div class=\"finding\" data-outcome=\"{}\" data-severity=\"{}\" data-dept=\"{}\">\n",
                    engine::to_string(f.outcome), engine::to_string(f.severity), has_dept ? esc(dept->second) : "");
    m_out +=
        fmt::format("<span class=\"badge o-{}\">{}</span><span class=\"badge s\">{}</span>\n",
                    engine::to_string(f.outcome), engine::display_name(f.outcome), engine::display_name(f.severity));
    auto subject = subject_path(f.subject);
    if (!f.subject.label.empty() && f.subject.label != f.subject.key) subject += " " + f.subject.label;
    m_out += "<dl>\n";
    item(base::pick("对象", "Subject"), esc(subject));
    if (has_dept) item(base::pick("部门", "Department"), esc(dept->second));
    if (!f.message.empty()) item(base::pick("说明", "Message"), esc(f.message));
    if (!f.remedy.empty()) item(base::pick("整改", "Remedy"), esc(f.remedy));
    if (f.due) {
      auto due = esc(*f.due);
      if (f.days_left) due += base::say("（{}）", " ({})", days_left_text(*f.days_left));
      item(base::pick("期限", "Due"), due);
    }
    if (f.outcome == outcome::waived)
      item(base::pick("豁免", "Waiver"),
           esc(f.waiver_reason.empty() ? base::pick("（未说明理由）", "(no reason given)") : f.waiver_reason));
    if (!f.evidence.empty()) {
      std::string list = "<ul class=\"ev\">";
      for (const auto& e : f.evidence) {
        list += "<li><code>" + esc(e.pointer) + "</code> = " + esc(e.value);
        if (!e.role.empty()) list += base::say("（{}）", " ({})", esc(e.role));
        list += "</li>";
      }
      item(base::pick("证据", "Evidence"), list + "</ul>");
    }
    m_out += "</dl>\n</div>\n";
  }

  void item(std::string_view label, const std::string& html) {
    m_out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", label, html);
  }

  void issues() {
    m_out += base::say("<section id=\"issues\" class=\"group\">\n<h2>数据问题（{}）</h2>\n",
                       "<section id=\"issues\" class=\"group\">\n<h2>Data issues ({})</h2>\n", m_result.issues.size());
    if (m_result.issues.empty()) {
      m_out += fmt::format("<p>{}</p>\n</section>\n", none_listed());
      return;
    }
    m_out += base::pick("<table>\n<thead><tr><th>代码</th><th>位置</th><th>说明</th></tr></thead>\n<tbody>\n",
                        "<table>\n<thead><tr><th>Code</th><th>Where</th><th>Message</th></tr></thead>\n<tbody>\n");
    for (const auto& i : m_result.issues) {
      m_out += fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>\n", esc(i.code), esc(i.pointer),
                           esc(i.message));
    }
    m_out += "</tbody></table>\n</section>\n";
  }

  const engine::run_result& m_result;
  const report_options& m_options;
  summary m_summary;
  std::map<std::string, std::size_t> m_anchors;
  std::string m_out;
};

}  // namespace

std::string write_html(const engine::run_result& result, const report_options& options) {
  return html_writer(result, options).write();
}

}  // namespace baomi::reports

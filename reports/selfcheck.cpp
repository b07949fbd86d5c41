// The 自查自评 report (Markdown): laid out as seed 001's checklist (第一篇 四、自查内容), group by group
// and item by item, each with a verdict and the findings behind it, then the 问题清单, the 整改台账, the
// 待办事项 and the data problems. Written so that a unit can file it with few edits.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.hpp"
#include "engine/checklist.hpp"
#include "reports/formats.hpp"
#include "reports/summary.hpp"
#include "reports/text_layout.hpp"
#include "reports/words.hpp"

namespace baomi::reports {

namespace {

using engine::outcome;

// Text for Markdown on one line (tables, list items): controls dropped, then the characters
// CommonMark could read as markup escaped with a backslash.
std::string md(std::string_view text) {
  std::string out;
  for (char ch : one_line(text)) {
    if (std::string_view("\\`*_[]<>|#!~&").find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

constexpr std::string_view chinese_numerals[] = {"一", "二", "三", "四",   "五",   "六",   "七",
                                                 "八", "九", "十", "十一", "十二", "十三", "十四"};

// What a cell the unit must complete says.
std::string_view fill_in() { return base::pick("（请填写）", "(to be filled in)"); }

// The findings of a set of rules, and what they say about the item.
struct tally {
  outcome_counts counts;
  std::size_t rules = 0;
};

// 符合 / 不符合 / 部分符合 / 证据不足 / 不适用 / 未检查: any fail with nothing met is 不符合, fails beside met
// subjects 部分符合; otherwise any unknown is 证据不足; nothing in scope is 不适用; the rest 符合.
std::string_view verdict(const tally& t) {
  const auto& c = t.counts;
  if (t.rules == 0) return base::pick("未检查", "not checked");
  auto met = c[outcome::pass] + c[outcome::waived] + c[outcome::pending];
  if (c[outcome::fail] > 0)
    return met > 0 || c[outcome::unknown] > 0 ? base::pick("部分符合", "partly compliant")
                                              : base::pick("不符合", "non-compliant");
  if (c[outcome::unknown] > 0) return base::pick("证据不足", "insufficient evidence");
  if (met == 0) return base::pick("不适用", "not applicable");
  return base::pick("符合", "compliant");
}

std::string counts_text(const outcome_counts& c) {
  std::string out;
  for (auto o : outcome_order) {
    if (c[o] == 0) continue;
    if (!out.empty()) out += base::pick("，", ", ");
    out += base::say("{} {} 项", "{} {}",
                     o == outcome::pass ? base::pick("符合", "compliant") : engine::display_name(o), c[o]);
  }
  return out.empty() ? std::string(base::pick("无检查对象", "no subjects")) : out;
}

std::string clauses(const engine::rule_info& rule) {
  std::string out;
  for (const auto& c : rule.citations) {
    if (!out.empty()) out += base::pick("；", "; ");
    out += citation_source(c);
  }
  return out.empty() ? std::string(base::pick("（未引用）", "(none cited)")) : out;
}

// "1、3–5、9": ascending numbers with runs of three or more as ranges.
std::string number_ranges(const std::vector<std::size_t>& numbers) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size();) {
    auto j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    out += out.empty() ? "" : "、";
    if (j - i >= 2) {
      out += fmt::format("{}–{}", numbers[i], numbers[j]);
    } else {
      out += std::to_string(numbers[i]);
      if (j > i) out += "、" + std::to_string(numbers[j]);
    }
    i = j + 1;
  }
  return out;
}

class selfcheck_writer {
 public:
  selfcheck_writer(const engine::run_result& result, const report_options& options)
      : m_result(result), m_options(options), m_summary(summarize(result)) {
    for (const auto& f : m_result.findings) {
      auto& t = m_rule_tally[rule_of(f).id];
      t.rules = 1;
      t.counts.add(f.outcome);
    }
    number_problems();
  }

  std::string write() {
    header();
    overview();
    groups();
    problems();
    ledger();
    pending();
    issues();
    return std::move(m_out);
  }

 private:
  // Problems are the failing and unknown findings, numbered in checklist order.
  void number_problems() {
    for (const auto& a : m_summary.by_area) {
      for (const auto& f : m_result.findings) {
        if (rule_of(f).area == a.area && (f.outcome == outcome::fail || f.outcome == outcome::unknown)) {
          m_problems.push_back(&f);
          m_number[&f] = m_problems.size();
          m_rule_problems[f.rule->id].push_back(m_problems.size());
        }
      }
    }
  }

  std::string department(const engine::finding& f) const {
    auto it = m_result.departments.find(f.subject.pointer);
    return it == m_result.departments.end() ? std::string(base::pick("（待明确）", "(to be determined)"))
                                            : md(it->second);
  }

  std::string subject(const engine::finding& f) const {
    auto s = subject_path(f.subject);
    if (!f.subject.label.empty() && f.subject.label != f.subject.key) s += " " + f.subject.label;
    return md(s);
  }

  void header() {
    auto unit = m_result.org_name.empty() ? std::string() : md(m_result.org_name);
    m_out += base::say("# {}保密工作自查自评报告\n\n", "# {}Security self-assessment report\n\n",
                       unit.empty() || base::message_language() == base::language::zh ? unit : unit + ": ");
    m_out += base::pick("| 项目 | 内容 |\n|---|---|\n", "| Item | Value |\n|---|---|\n");
    m_out +=
        base::say("| 被检查单位 | {} |\n", "| Organization | {} |\n", unit.empty() ? std::string(fill_in()) : unit);
    m_out += base::say("| 自查日期 | {} |\n", "| Date | {} |\n", md(m_result.as_of));
    m_out +=
        base::say("| 检查依据 | 《机关单位保密自查自评工作办法》第一篇 四、自查内容；检查规则 {} 条 |\n",
                  "| Basis | 《机关单位保密自查自评工作办法》第一篇 四、自查内容; {} rules |\n", m_result.rules.size());
    if (!m_result.profile.empty())
      m_out += base::say("| 检查配置 | {} |\n", "| Profile | {} |\n", md(m_result.profile));
    m_out += base::say("| 数据来源 | {} |\n", "| Data | {} |\n", md(m_result.snapshot_path));
    if (!m_options.tool_version.empty())
      m_out += base::say("| 检查工具 | baomi {} |\n", "| Tool | baomi {} |\n", md(m_options.tool_version));
    m_out += base::pick(
        "\n> 本报告由检查工具根据本单位导出的数据生成。结论“未检查”表示尚无对应的检查规则，须人工核查后填写；"
        "“证据不足”表示所需数据缺失或无效，须补充登记后复查；“不适用”表示本单位没有该项的检查对象。\n",
        "\n> Generated by the checking tool from the data the unit exported. “not checked” means no rule checks the "
        "item yet: check it by hand and fill it in; “insufficient evidence” means data it needs is missing or "
        "invalid: record it and check again; “not applicable” means the unit has nothing the item applies to.\n");
  }

  void overview() {
    const auto& all = m_summary.all;
    m_out += base::pick("\n## 一、总体情况\n\n", "\n## 1. Overview\n\n");
    m_out += base::say(
        "共检查 {} 条规则、{} 项检查对象：不符合 {} 项，证据不足 {} 项，待办 {} 项，已豁免 {} 项，符合 {} 项，"
        "不适用 {} 项。问题清单共 {} 条，数据问题 {} 项。\n\n",
        "{} rules checked {} subjects: {} non-compliant, {} insufficient evidence, {} pending, {} waived, {} "
        "compliant, {} not applicable. {} problems listed, {} data issues.\n\n",
        m_result.rules.size(), all.total(), all[outcome::fail], all[outcome::unknown], all[outcome::pending],
        all[outcome::waived], all[outcome::pass], all[outcome::not_applicable], m_problems.size(),
        m_result.issues.size());
    m_out +=
        base::pick("| 自查项 | 内容 | 结论 | 规则 | 不符合 | 证据不足 | 待办 | 已豁免 | 符合 | 不适用 |\n",
                   "| Item | Content | Verdict | Rules | non-compliant | insufficient evidence | pending | waived | "
                   "compliant | not applicable |\n");
    m_out += "|---|---|---|--:|--:|--:|--:|--:|--:|--:|\n";
    for (std::size_t g = 0; g < engine::checklist().size(); ++g) {
      const auto& group = engine::checklist()[g];
      auto t = group_tally(g);
      m_out += fmt::format("| {} | {} | {} | {}", group.code, group.title, verdict(t), t.rules);
      for (auto o : outcome_order) m_out += fmt::format(" | {}", t.counts[o]);
      m_out += " |\n";
    }
  }

  // The rules of a group, each with the items it is about (from its area and its 001 citations).
  std::vector<std::pair<const engine::rule_info*, std::set<int>>> rules_of(std::size_t g) const {
    std::vector<std::pair<const engine::rule_info*, std::set<int>>> out;
    for (const auto& r : m_result.rules) {
      if (engine::checklist_group_of(r.area) != g) continue;
      std::set<int> items;
      if (auto i = engine::checklist_item_of(r.area)) items.insert(*i);
      for (const auto& c : r.citations) {
        if (c.source != "001" || engine::checklist_group_of(c.locator) != g) continue;
        if (auto i = engine::checklist_item_of(c.locator)) items.insert(*i);
      }
      out.emplace_back(&r, std::move(items));
    }
    return out;
  }

  tally rule_tally(const engine::rule_info& rule) const {
    auto it = m_rule_tally.find(rule.id);
    if (it != m_rule_tally.end()) return it->second;
    tally t;
    t.rules = 1;
    return t;
  }

  static void merge(tally& into, const tally& t) {
    into.rules += t.rules;
    for (auto o : outcome_order) {
      for (std::size_t i = 0; i < t.counts[o]; ++i) into.counts.add(o);
    }
  }

  tally group_tally(std::size_t g) const {
    tally t;
    for (const auto& [rule, items] : rules_of(g)) merge(t, rule_tally(*rule));
    return t;
  }

  void groups() {
    m_out += base::pick("\n## 二、逐项自查情况\n", "\n## 2. Item by item\n");
    for (std::size_t g = 0; g < engine::checklist().size(); ++g) {
      const auto& group = engine::checklist()[g];
      auto rules = rules_of(g);
      auto t = group_tally(g);
      m_out += base::say("\n### （{}）{}\n\n", "\n### ({}) {}\n\n", chinese_numerals[g], group.title);
      if (rules.empty()) {
        m_out += base::pick("结论：**未检查**（尚无检查规则，须人工核查后填写）\n",
                            "Verdict: **not checked** (no rule yet: check by hand and fill in)\n");
        continue;
      }
      m_out += base::say("结论：**{}**（规则 {} 条；{}）\n", "Verdict: **{}** ({} rules; {})\n", verdict(t), t.rules,
                         counts_text(t.counts));
      for (int item = 1; item <= group.items; ++item) {
        std::vector<const engine::rule_info*> cited;
        for (const auto& [rule, items] : rules) {
          if (items.contains(item)) cited.push_back(rule);
        }
        item_block(
            group.items == 1 ? std::string(base::pick("本项", "This item")) : base::say("第 {} 项", "Item {}", item),
            cited, g, item);
      }
      std::vector<const engine::rule_info*> rest;
      for (const auto& [rule, items] : rules) {
        if (items.empty()) rest.push_back(rule);
      }
      if (!rest.empty())
        item_block(
            std::string(base::pick("本组其他检查（未对应到具体条目）", "Other checks of the group (no single item)")),
            rest, g, 0);
    }
  }

  // 001's wording of the item, as the rules quote it.
  std::string item_text(std::size_t g, int item) const {
    std::vector<std::string> quotes;
    for (const auto& r : m_result.rules) {
      for (const auto& c : r.citations) {
        if (c.source != "001" || engine::checklist_group_of(c.locator) != g) continue;
        if (engine::checklist_item_of(c.locator) != item || c.quote.empty()) continue;
        if (std::find(quotes.begin(), quotes.end(), c.quote) == quotes.end()) quotes.push_back(c.quote);
      }
    }
    std::string out;
    for (const auto& q : quotes) out += (out.empty() ? "" : "……") + md(q);
    return out;
  }

  void item_block(const std::string& label, const std::vector<const engine::rule_info*>& rules, std::size_t g,
                  int item) {
    tally t;
    for (const auto* r : rules) merge(t, rule_tally(*r));
    m_out += fmt::format("\n#### {}\n\n", label);
    if (item > 0) {
      if (auto text = item_text(g, item); !text.empty()) m_out += fmt::format("> {}\n\n", text);
    }
    if (rules.empty()) {
      m_out += base::pick("结论：**未检查**（无规则）\n", "Verdict: **not checked** (no rules)\n");
      return;
    }
    m_out += base::say("结论：**{}**\n\n", "Verdict: **{}**\n\n", verdict(t));
    for (const auto* r : rules) {
      auto rt = rule_tally(*r);
      m_out += base::say("- {} {}：{}（{}）\n", "- {} {}: {} ({})\n", md(r->id), md(r->title), verdict(rt),
                         counts_text(rt.counts));
      for (const auto& c : r->citations) {
        m_out += base::say("  - 依据：{}", "  - Source: {}", md(citation_source(c)));
        if (!c.quote.empty()) m_out += base::say("：“{}”", ": “{}”", md(c.quote));
        m_out += '\n';
      }
      if (auto it = m_rule_problems.find(r->id); it != m_rule_problems.end())
        m_out += base::say("  - 问题：见问题清单第 {} 条\n", "  - Problems: no. {} of the problem list\n",
                           number_ranges(it->second));
    }
  }

  void problems() {
    m_out += base::pick("\n## 三、问题清单\n\n", "\n## 3. Problems\n\n");
    if (m_problems.empty()) {
      m_out += fmt::format("{}\n", none_listed());
      return;
    }
    m_out +=
        base::pick("| 序号 | 自查项 | 结果 | 严重程度 | 对象 | 问题 | 规则 |\n|--:|---|---|---|---|---|---|\n",
                   "| No. | Item | Outcome | Severity | Subject | Problem | Rule |\n|--:|---|---|---|---|---|---|\n");
    for (const auto* f : m_problems) {
      m_out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", m_number.at(f), md(f->rule->area),
                           engine::display_name(f->outcome), engine::display_name(f->severity), subject(*f),
                           md(f->message), md(f->rule->id));
    }
  }

  void ledger() {
    m_out += base::pick("\n## 四、整改台账\n\n", "\n## 4. Rectification ledger\n\n");
    if (m_problems.empty()) {
      m_out += fmt::format("{}\n", none_listed());
      return;
    }
    m_out += base::pick("| 序号 | 问题 | 规则 | 依据条款 | 责任部门 | 整改措施 | 整改期限 | 整改情况 |\n",
                        "| No. | Problem | Rule | Clauses | Department | Remedy | Deadline | Status |\n");
    m_out += "|--:|---|---|---|---|---|---|---|\n";
    for (const auto* f : m_problems) {
      std::string deadline(f->outcome == outcome::unknown ? base::pick("补充登记后复查", "check again once recorded")
                                                          : fill_in());
      auto left = days_left_of(*f, m_result.as_of);
      if (f->due && left && *left < 0) {
        deadline = base::say("立即（原定 {}，{}）", "at once (was due {}, {})", md(*f->due), days_left_text(*left));
      } else if (f->due) {
        deadline = md(*f->due);
      }
      auto remedy = f->remedy.empty() ? std::string(fill_in()) : md(f->remedy);
      m_out +=
          base::say("| {} | {}：{} | {} {} | {} | {} | {} | {} |  |\n",
                    "| {} | {}: {} | {} {} | {} | {} | {} | {} |  |\n", m_number.at(f), subject(*f), md(f->message),
                    md(f->rule->id), md(f->rule->title), md(clauses(*f->rule)), department(*f), remedy, deadline);
    }
  }

  void pending() {
    std::vector<const engine::finding*> list;
    for (const auto& f : m_result.findings) {
      if (f.outcome == outcome::pending) list.push_back(&f);
    }
    std::sort(list.begin(), list.end(),
              [](const auto* a, const auto* b) { return a->days_left.value_or(0) < b->days_left.value_or(0); });
    m_out += base::pick("\n## 五、待办事项\n\n", "\n## 5. Pending\n\n");
    if (list.empty()) {
      m_out += fmt::format("{}\n", none_listed());
      return;
    }
    m_out += base::pick("| 期限 | 剩余 | 对象 | 事项 | 规则 | 责任部门 |\n|---|---|---|---|---|---|\n",
                        "| Due | Left | Subject | Task | Rule | Department |\n|---|---|---|---|---|---|\n");
    for (const auto* f : list) {
      m_out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(f->due.value_or("")),
                           f->days_left ? days_left_text(*f->days_left) : "", subject(*f),
                           md(f->message.empty() ? f->rule->title : f->message), md(f->rule->id), department(*f));
    }
  }

  void issues() {
    m_out += base::say("\n## 六、数据问题（{}）\n\n", "\n## 6. Data issues ({})\n\n", m_result.issues.size());
    if (m_result.issues.empty()) {
      m_out += fmt::format("{}\n", none_listed());
      return;
    }
    m_out += base::pick("| 代码 | 位置 | 说明 |\n|---|---|---|\n", "| Code | Where | Message |\n|---|---|---|\n");
    for (const auto& i : m_result.issues) {
      m_out += fmt::format("| {} | {} | {} |\n", md(i.code), md(i.pointer), md(i.message));
    }
  }

  const engine::run_result& m_result;
  const report_options& m_options;
  summary m_summary;
  std::vector<const engine::finding*> m_problems;
  std::map<const engine::finding*, std::size_t> m_number;
  std::map<std::string, tally> m_rule_tally;                        // by rule id
  std::map<std::string, std::vector<std::size_t>> m_rule_problems;  // rule id → problem numbers
  std::string m_out;
};

}  // namespace

std::string write_selfcheck_md(const engine::run_result& result, const report_options& options) {
  return selfcheck_writer(result, options).write();
}

}  // namespace baomi::reports

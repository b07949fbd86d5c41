// `baomi explain`: why one rule gave its outcome for one subject, step by step (text).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "base/language.hpp"
#include "engine/evaluate.hpp"
#include "reports/formats.hpp"

namespace baomi::reports {

namespace {

// The step's name, "范围（for）"; in English the keyword alone is the name.
std::string step_name(const std::string& kind) {
  if (base::message_language() == base::language::en) return kind;
  std::string_view zh = kind == "for"       ? "范围"
                        : kind == "let"     ? "定义"
                        : kind == "where"   ? "筛选"
                        : kind == "due"     ? "期限"
                        : kind == "require" ? "要求"
                                            : "禁止";
  return fmt::format("{}（{}）", zh, kind);
}

// What a step's value means for the outcome, in a sentence.
std::string meaning(const engine::explanation::step& s) {
  if (s.kind == "let" || s.kind == "due")
    return s.unknown ? std::string(base::pick("值未知（所需事实缺失）", "value unknown (a fact it needs is missing)"))
                     : base::say("值为 {}", "the value is {}", s.value);
  if (s.unknown)
    return std::string(base::pick("结果未知：所需事实缺失或无效，无法判断",
                                  "unknown: a fact it needs is missing or invalid, it cannot be decided"));
  std::string_view text;
  if (s.kind == "for" || s.kind == "where")
    text = s.holds ? base::pick("成立，对象在规则范围内", "holds, the subject is in the rule's scope")
                   : base::pick("不成立，对象不在规则范围内（不适用）",
                                "does not hold, the subject is outside the rule's scope (not applicable)");
  else if (s.kind == "require")
    text = s.holds ? base::pick("成立，要求已满足", "holds, the requirement is met")
                   : base::pick("不成立，要求未满足", "does not hold, the requirement is not met");
  else
    text = s.holds ? base::pick("成立，出现了禁止的情形", "holds, the forbidden case occurs")
                   : base::pick("不成立，未出现禁止的情形", "does not hold, the forbidden case does not occur");
  return std::string(text);
}

std::string conclusion(const engine::explanation& e) {
  const auto& f = e.result;
  switch (f.outcome) {
    case engine::outcome::pass:
      return std::string(base::pick("所有要求均满足。", "Every requirement is met."));
    case engine::outcome::fail:
      return std::string(base::pick("至少一项要求未满足（或出现了禁止的情形）。",
                                    "At least one requirement is not met (or a forbidden case occurs)."));
    case engine::outcome::unknown:
      return std::string(base::pick("有判断所需的事实缺失或无效，不能认定通过：结论为证据不足。",
                                    "A fact the decision needs is missing or invalid, so it cannot pass: the outcome "
                                    "is insufficient evidence."));
    case engine::outcome::not_applicable:
      return std::string(base::pick("对象被范围或筛选条件排除。", "The subject is excluded by the scope or a filter."));
    case engine::outcome::pending:
      return base::say("要求尚未满足，但期限 {} 未到（还剩 {} 天）。",
                       "The requirement is not met yet, but it is not due until {} ({} days left).",
                       f.due.value_or("?"), f.days_left.value_or(0));
    case engine::outcome::waived:
      return base::say("本应不符合或证据不足，但有有效的豁免：{}",
                       "It would be non-compliant or have insufficient evidence, but a waiver in force covers it: {}",
                       f.waiver_reason);
  }
  return "";
}

}  // namespace

std::string write_text(const engine::explanation& e, const report_options& /*options*/) {
  const auto& f = e.result;
  std::string out =
      base::say("规则 {} {}\n对象 {}/{}{}（{}），评估日期 {}\n结论：{}（{}）\n",
                "Rule {} {}\nSubject {}/{}{} ({}), as of {}\nOutcome: {} ({})\n", e.rule.id, e.rule.title,
                f.subject.collection, f.subject.key, f.subject.label.empty() ? "" : " " + f.subject.label,
                f.subject.pointer, e.as_of, engine::display_name(f.outcome), engine::to_string(f.outcome));
  if (!e.in_force)
    out += base::pick("注意：该规则在评估日期不在有效期内，检查时不会评估它。\n",
                      "Note: the rule is not in force on this date, so a check does not evaluate it.\n");
  out += "\n";
  std::size_t n = 0;
  for (const auto& s : e.steps) {
    out += base::say("{}. {}`{}`：{}。\n", "{}. {} `{}`: {}.\n", ++n, step_name(s.kind), s.text, meaning(s));
    for (const auto& fact : s.facts)
      out += base::say("     读取 {} = {}\n", "     reads {} = {}\n", fact.pointer, fact.value);
    for (const auto& p : s.partners) out += base::say("     关联 {}\n", "     related {}\n", p);
    if (s.partners.empty() && s.text.find(" in ") != std::string::npos &&
        (s.text.rfind("exists", 0) == 0 || s.text.find("count ") != std::string::npos)) {
      out += base::pick("     关联：没有找到任何关联对象\n", "     related: none found\n");
    }
  }
  out += base::say("\n说明：{}\n", "\nWhy: {}\n", conclusion(e));
  if (!f.message.empty()) out += base::say("消息：{}\n", "Message: {}\n", f.message);
  if (!f.remedy.empty()) out += base::say("整改：{}\n", "Remedy: {}\n", f.remedy);
  for (const auto& c : e.rule.citations) {
    out += base::say("依据：{}{} {}：{}\n", "Source: {}{} {}: {}\n", c.source,
                     c.title.empty() ? "" : "《" + c.title + "》", c.locator, c.quote);
  }
  return out;
}

}  // namespace baomi::reports

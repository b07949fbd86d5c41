// `baomi explain`: why one rule gave its outcome for one subject, step by step (text).
#include <fmt/format.h>

#include "engine/evaluate.hpp"
#include "reports/formats.hpp"

namespace baomi::reports {

namespace {

const char* step_name(const std::string& kind) {
  if (kind == "for") return "范围";
  if (kind == "let") return "定义";
  if (kind == "where") return "筛选";
  if (kind == "due") return "期限";
  if (kind == "require") return "要求";
  return "禁止";
}

// What a step's value means for the outcome, in a sentence.
std::string meaning(const engine::explanation::step& s) {
  if (s.kind == "let" || s.kind == "due") return s.unknown ? "值未知（所需事实缺失）" : "值为 " + s.value;
  if (s.unknown) return "结果未知：所需事实缺失或无效，无法判断";
  if (s.kind == "for" || s.kind == "where")
    return s.holds ? "成立，对象在规则范围内" : "不成立，对象不在规则范围内（不适用）";
  if (s.kind == "require") return s.holds ? "成立，要求已满足" : "不成立，要求未满足";
  return s.holds ? "成立，出现了禁止的情形" : "不成立，未出现禁止的情形";
}

std::string conclusion(const engine::explanation& e) {
  const auto& f = e.result;
  switch (f.outcome) {
    case engine::outcome::pass:
      return "所有要求均满足。";
    case engine::outcome::fail:
      return "至少一项要求未满足（或出现了禁止的情形）。";
    case engine::outcome::unknown:
      return "有判断所需的事实缺失或无效，不能认定通过：结论为证据不足。";
    case engine::outcome::not_applicable:
      return "对象被范围或筛选条件排除。";
    case engine::outcome::pending:
      return fmt::format("要求尚未满足，但期限 {} 未到（还剩 {} 天）。", f.due.value_or("?"), f.days_left.value_or(0));
    case engine::outcome::waived:
      return "本应不符合或证据不足，但有有效的豁免：" + f.waiver_reason;
  }
  return "";
}

}  // namespace

std::string write_text(const engine::explanation& e, const report_options& /*options*/) {
  const auto& f = e.result;
  std::string out =
      fmt::format("规则 {} {}\n对象 {}/{}{}（{}），评估日期 {}\n结论：{}（{}）\n", e.rule.id, e.rule.title,
                  f.subject.collection, f.subject.key, f.subject.label.empty() ? "" : " " + f.subject.label,
                  f.subject.pointer, e.as_of, engine::to_chinese(f.outcome), engine::to_string(f.outcome));
  if (!e.in_force) out += "注意：该规则在评估日期不在有效期内，检查时不会评估它。\n";
  out += "\n";
  std::size_t n = 0;
  for (const auto& s : e.steps) {
    out += fmt::format("{}. {}（{}）`{}`：{}。\n", ++n, step_name(s.kind), s.kind, s.text, meaning(s));
    for (const auto& fact : s.facts) out += fmt::format("     读取 {} = {}\n", fact.pointer, fact.value);
    for (const auto& p : s.partners) out += fmt::format("     关联 {}\n", p);
    if (s.partners.empty() && s.text.find(" in ") != std::string::npos &&
        (s.text.rfind("exists", 0) == 0 || s.text.find("count ") != std::string::npos)) {
      out += "     关联：没有找到任何关联对象\n";
    }
  }
  out += "\n说明：" + conclusion(e) + "\n";
  if (!f.message.empty()) out += "消息：" + f.message + "\n";
  if (!f.remedy.empty()) out += "整改：" + f.remedy + "\n";
  for (const auto& c : e.rule.citations) {
    out +=
        fmt::format("依据：{}{} {}：{}\n", c.source, c.title.empty() ? "" : "《" + c.title + "》", c.locator, c.quote);
  }
  return out;
}

}  // namespace baomi::reports

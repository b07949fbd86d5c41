// `baomi coverage`: checklist, fixture and source coverage of the rules, as text and JSON ("baomi.coverage").
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/language.hpp"
#include "engine/checklist.hpp"
#include "engine/coverage.hpp"
#include "reports/formats.hpp"
#include "reports/words.hpp"

namespace baomi::reports {

std::string write_text(const engine::coverage& c, const report_options& /*options*/) {
  std::string out(base::pick("自查自评清单覆盖（001 第一篇 四、自查内容）\n",
                             "Coverage of the self-assessment checklist (001 第一篇 四、自查内容)\n"));
  std::size_t covered_groups = 0, covered_items = 0, items = 0;
  const auto groups = engine::checklist();
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = c.groups[i];
    items += static_cast<std::size_t>(groups[i].items);
    covered_items += g.items.size();
    if (!g.rules.empty()) ++covered_groups;
    std::string item_marks;
    for (int k = 1; k <= groups[i].items; ++k) item_marks += fmt::format(" {}{}", k, g.items.count(k) ? "✓" : "·");
    out += base::say("  {} {}  规则 {} 条  条目{}\n", "  {} {}  {} rules  items{}\n", g.rules.empty() ? "✗" : "✓",
                     groups[i].code, g.rules.size(), item_marks);
    out += fmt::format("      {}\n", groups[i].title);
  }
  out += base::say("  有规则的项：{}/{}；引用到的条目：{}/{}\n", "  groups with rules: {}/{}; items cited: {}/{}\n",
                   covered_groups, groups.size(), covered_items, items);
  if (!c.unmapped.empty())
    out += base::say("  未对应清单项的规则：{}\n", "  rules with no checklist item: {}\n",
                     fmt::format("{}", fmt::join(c.unmapped, " ")));

  out += base::say("\n测试样例覆盖（{} 个样例{}）\n", "\nFixture coverage ({} fixtures{})\n", c.fixtures,
                   c.failing_fixtures.empty()
                       ? ""
                       : base::say("，其中 {} 个未通过", ", {} of them failing", c.failing_fixtures.size()));
  std::vector<std::string> no_pass, no_fail, none;
  for (const auto& id : c.rule_ids) {
    auto it = c.exercised.find(id);
    if (it == c.exercised.end()) {
      none.push_back(id);
      continue;
    }
    if (!it->second.count(engine::outcome::pass)) no_pass.push_back(id);
    if (!it->second.count(engine::outcome::fail)) no_fail.push_back(id);
  }
  auto ids = [](const std::vector<std::string>& list) {
    return list.empty() ? std::string(nothing()) : fmt::format("{}", fmt::join(list, " "));
  };
  out +=
      base::say("  没有任何样例的规则（{}）：{}\n", "  rules without any fixture ({}): {}\n", none.size(), ids(none));
  out += base::say("  没有通过样例的规则（{}）：{}\n", "  rules without a passing fixture ({}): {}\n", no_pass.size(),
                   ids(no_pass));
  out += base::say("  没有不符合样例的规则（{}）：{}\n", "  rules without a failing fixture ({}): {}\n", no_fail.size(),
                   ids(no_fail));

  out += base::pick("\n引用来源\n", "\nSources cited\n");
  for (const auto& [id, source] : c.sources) {
    out += base::say("  {}  {} 条规则  {}\n", "  {}  {} rules  {}\n", id, source.second.size(),
                     source.first.empty() ? base::pick("（未声明标题）", "(no title declared)") : source.first);
  }
  return out;
}

std::string write_json(const engine::coverage& c, const report_options& /*options*/) {
  nlohmann::ordered_json out;
  out["format"] = "baomi.coverage";
  out["version"] = 1;
  auto groups = nlohmann::ordered_json::array();
  const auto list = engine::checklist();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::vector<int> missing;
    for (int k = 1; k <= list[i].items; ++k) {
      if (!c.groups[i].items.count(k)) missing.push_back(k);
    }
    groups.push_back({{"area", list[i].code},
                      {"title", list[i].title},
                      {"rules", c.groups[i].rules},
                      {"items", list[i].items},
                      {"items_cited", c.groups[i].items},
                      {"items_missing", missing}});
  }
  out["checklist"] = std::move(groups);
  out["unmapped_rules"] = c.unmapped;
  auto rules = nlohmann::ordered_json::array();
  for (const auto& id : c.rule_ids) {
    std::vector<std::string> seen;
    if (auto it = c.exercised.find(id); it != c.exercised.end()) {
      for (auto o : it->second) seen.push_back(engine::to_string(o));
    }
    rules.push_back({{"rule", id}, {"outcomes_exercised", seen}});
  }
  out["fixtures"] = {{"count", c.fixtures}, {"failing", c.failing_fixtures}};
  out["rules"] = std::move(rules);
  auto sources = nlohmann::ordered_json::array();
  for (const auto& [id, s] : c.sources) sources.push_back({{"source", id}, {"title", s.first}, {"rules", s.second}});
  out["sources"] = std::move(sources);
  return out.dump(2) + "\n";
}

}  // namespace baomi::reports

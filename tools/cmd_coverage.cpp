// `baomi coverage [PATH…]`: which 自查自评 checklist groups and items have rules, which rules no
// fixture exercises (per outcome), and how many rules cite each source document.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/checklist.hpp"
#include "engine/fixture.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct coverage {
  struct group {
    std::vector<std::string> rules;
    std::set<int> items;  // items cited (001 clauses) or named in `area`
  };
  std::vector<group> groups;
  std::vector<std::string> unmapped;  // rules whose area names no checklist group
  std::map<std::string, std::set<engine::outcome>> exercised;  // rule -> outcomes seen in fixtures
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> sources;  // id -> title, rules
  std::vector<std::string> rule_ids;
  std::size_t fixtures = 0;
  std::vector<std::string> failing_fixtures;
};

coverage measure(const engine::checked_program& program, const std::vector<std::string>& fixture_paths) {
  coverage c;
  c.groups.resize(engine::checklist().size());
  for (const auto& r : program.rules) {
    const auto& info = r.info;
    c.rule_ids.push_back(info.id);
    auto g = engine::checklist_group_of(info.area);
    if (!g) {
      c.unmapped.push_back(info.id);
    } else {
      c.groups[*g].rules.push_back(info.id);
      if (auto item = engine::checklist_item_of(info.area)) c.groups[*g].items.insert(*item);
    }
    for (const auto& cite : info.citations) {
      auto& source = c.sources[cite.source];
      if (source.first.empty()) source.first = cite.title;
      if (source.second.empty() || source.second.back() != info.id) source.second.push_back(info.id);
      if (cite.source != "001") continue;
      auto cited_group = engine::checklist_group_of(cite.locator);
      auto item = engine::checklist_item_of(cite.locator);
      if (cited_group && item) c.groups[*cited_group].items.insert(*item);
    }
  }
  for (const auto& file : engine::find_fixtures(fixture_paths)) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    auto f = engine::parse_fixture(text.str(), file, error);
    if (!f) continue;
    ++c.fixtures;
    auto result = engine::run_fixture(program, *f);
    if (!result.passed) c.failing_fixtures.push_back(file);
    if (!result.run) continue;
    for (const auto& finding : result.run->findings) c.exercised[finding.rule->id].insert(finding.outcome);
  }
  return c;
}

std::string render_text(const coverage& c) {
  std::string out = "自查自评清单覆盖（001 第一篇 四、自查内容）\n";
  std::size_t covered_groups = 0, covered_items = 0, items = 0;
  const auto groups = engine::checklist();
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = c.groups[i];
    items += static_cast<std::size_t>(groups[i].items);
    covered_items += g.items.size();
    if (!g.rules.empty()) ++covered_groups;
    std::string item_marks;
    for (int k = 1; k <= groups[i].items; ++k) item_marks += fmt::format(" {}{}", k, g.items.count(k) ? "✓" : "·");
    out += fmt::format("  {} {}  规则 {} 条  条目{}\n", g.rules.empty() ? "✗" : "✓", groups[i].code, g.rules.size(), item_marks);
    out += fmt::format("      {}\n", groups[i].title);
  }
  out += fmt::format("  有规则的项：{}/{}；引用到的条目：{}/{}\n", covered_groups, groups.size(), covered_items, items);
  if (!c.unmapped.empty()) out += fmt::format("  未对应清单项的规则：{}\n", fmt::format("{}", fmt::join(c.unmapped, " ")));

  out += fmt::format("\n测试样例覆盖（{} 个样例{}）\n", c.fixtures,
                     c.failing_fixtures.empty() ? "" : fmt::format("，其中 {} 个未通过", c.failing_fixtures.size()));
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
  out += fmt::format("  没有任何样例的规则（{}）：{}\n", none.size(), none.empty() ? "无" : fmt::format("{}", fmt::join(none, " ")));
  out += fmt::format("  没有通过样例的规则（{}）：{}\n", no_pass.size(), no_pass.empty() ? "无" : fmt::format("{}", fmt::join(no_pass, " ")));
  out += fmt::format("  没有不符合样例的规则（{}）：{}\n", no_fail.size(), no_fail.empty() ? "无" : fmt::format("{}", fmt::join(no_fail, " ")));

  out += "\n引用来源\n";
  for (const auto& [id, source] : c.sources) {
    out += fmt::format("  {}  {} 条规则  {}\n", id, source.second.size(), source.first.empty() ? "（未声明标题）" : source.first);
  }
  return out;
}

nlohmann::ordered_json render_json(const coverage& c) {
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
    groups.push_back({{"area", list[i].code}, {"title", list[i].title}, {"rules", c.groups[i].rules},
                      {"items", list[i].items}, {"items_cited", c.groups[i].items}, {"items_missing", missing}});
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
  return out;
}

}  // namespace

command add_coverage(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto rules = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  auto* sub = app.add_subcommand("coverage", "Show which checklist items, outcomes and sources the rules and fixtures cover");
  sub->add_option("paths", *paths, "Rule and fixture folders (default: rulesets)");
  sub->add_option("--rules", *rules, "Rules, when not the .baomi files under the paths")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", *format, "text or json")->capture_default_str();
  return {sub, [=] {
            if (*format != "text" && *format != "json") {
              fmt::print(stderr, "error: unknown format `{}` (text, json)\n", *format);
              return int(exit_usage);
            }
            std::vector<std::string> where = paths->empty() ? std::vector<std::string>{"rulesets"} : *paths;
            auto loaded = load_rules(rules->empty() ? where : *rules);
            if (!loaded.checked.program) {
              print_diagnostics(loaded);
              return int(exit_usage);
            }
            auto c = measure(*loaded.checked.program, where);
            if (*format == "json") fmt::print("{}\n", render_json(c).dump(2));
            else fmt::print("{}", render_text(c));
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

// Measuring coverage: the checklist groups and items the rules name, the outcomes fixtures exercise.
#include "engine/coverage.hpp"

#include "engine/checklist.hpp"
#include "engine/fixture.hpp"
#include "engine/program.hpp"

namespace baomi::engine {

coverage measure_coverage(const checked_program& program, const std::vector<std::string>& fixture_paths) {
  coverage c;
  c.groups.resize(checklist().size());
  for (const auto& r : program.rules) {
    const auto& info = r.info;
    c.rule_ids.push_back(info.id);
    auto g = checklist_group_of(info.area);
    if (!g) {
      c.unmapped.push_back(info.id);
    } else {
      c.groups[*g].rules.push_back(info.id);
      if (auto item = checklist_item_of(info.area)) c.groups[*g].items.insert(*item);
    }
    for (const auto& cite : info.citations) {
      auto& source = c.sources[cite.source];
      if (source.first.empty()) source.first = cite.title;
      if (source.second.empty() || source.second.back() != info.id) source.second.push_back(info.id);
      if (cite.source != "001") continue;
      auto cited_group = checklist_group_of(cite.locator);
      auto item = checklist_item_of(cite.locator);
      if (cited_group && item) c.groups[*cited_group].items.insert(*item);
    }
  }
  for (auto& fixture : run_fixtures(program, find_fixtures(fixture_paths)).cases) {
    if (!fixture.valid) continue;
    ++c.fixtures;
    if (!fixture.problems.empty()) c.failing_fixtures.push_back(fixture.path);
    if (!fixture.run) continue;
    for (const auto& finding : fixture.run->findings) c.exercised[finding.rule->id].insert(finding.outcome);
  }
  return c;
}

}  // namespace baomi::engine

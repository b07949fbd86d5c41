// Coverage of the rules: which 自查自评 checklist groups and items have rules, which outcomes the
// fixtures exercise per rule, and how many rules cite each source document (`baomi coverage`).
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {

struct checked_program;

struct coverage {
  struct group {
    std::vector<std::string> rules;
    std::set<int> items;  // items cited (001 clauses) or named in `area`
  };
  std::vector<group> groups;                           // indexed like engine::checklist()
  std::vector<std::string> unmapped;                   // rules whose area names no checklist group
  std::map<std::string, std::set<outcome>> exercised;  // rule -> outcomes seen in fixtures
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> sources;  // id -> title, rules
  std::vector<std::string> rule_ids;
  std::size_t fixtures = 0;
  std::vector<std::string> failing_fixtures;
};

/// Measures the program's coverage, running the fixtures found under `fixture_paths`.
coverage measure_coverage(const checked_program& program, const std::vector<std::string>& fixture_paths);

}  // namespace baomi::engine

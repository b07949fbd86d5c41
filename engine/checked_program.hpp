// The checked program that `check` builds: params, functions, rules and profiles, typed and lowered
// to IR. Holds no AST (the evaluator includes it through engine/plan.hpp).
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/source.hpp"
#include "engine/findings.hpp"
#include "engine/ir.hpp"
#include "facts/schema.hpp"

namespace baomi::engine {

/// Storage for constants the IR points into (strings, list and map items); shared by every stage.
struct constant_pool {
  std::deque<std::string> strings;
  std::deque<std::vector<value>> lists;
  std::string_view keep(std::string text) { return strings.emplace_back(std::move(text)); }
};

struct param_info {
  std::string name;
  facts::type type;
  ir::node value;  // a constant after checking
};

struct function_info {
  std::string name;
  std::vector<facts::type> params;  // parameters occupy frame slots 0..n-1
  facts::type result;
  std::uint32_t frame_size = 0;
  ir::node body;
};

enum class step_kind { let, where, due, require, forbid };

struct rule_step {
  step_kind kind = step_kind::where;
  std::uint32_t slot = 0;  // for let
  ir::node value;
};

/// A rule after checking: its metadata and typed body.
struct rule_program {
  rule_info info;
  std::uint32_t subject_table = 0;
  std::uint32_t subject_slot = 0;
  std::optional<ir::node> filter;
  std::vector<rule_step> steps;
  std::optional<ir::node> message;
  std::optional<ir::node> remedy;
  std::optional<facts::day_number> effective;
  std::optional<facts::day_number> expires;
  std::uint32_t frame_size = 0;
  std::vector<std::string> slot_names;  // for explanations
};

struct profile_info {
  std::string name;
  std::string title;
  std::string extends;
  std::vector<std::pair<std::uint32_t, ir::node>> params;  // param index, constant value
  std::vector<std::string> disabled;
  std::vector<std::pair<std::string, engine::severity>> severities;
};

/// The output of `check`: the schema and everything typed and resolved. Only `check` makes one.
struct checked_program {
  facts::schema schema;
  std::vector<param_info> params;
  std::vector<function_info> functions;
  std::vector<rule_program> rules;
  std::vector<profile_info> profiles;
  std::map<std::string, std::string> module_of_profile;
  std::shared_ptr<constant_pool> constants;
};

}  // namespace baomi::engine

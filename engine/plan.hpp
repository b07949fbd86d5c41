// The compiled plan the evaluator runs: no AST in it, directly or through its includes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/checked_program.hpp"
#include "facts/schema.hpp"

namespace baomi::engine {

/// What the evaluator runs. Holds no AST: types, slots and constants only.
struct plan {
  facts::schema schema;
  std::vector<function_info> functions;
  std::vector<rule_program> rules;  // in force and not disabled are decided at run time by as_of
  std::string profile;
  std::shared_ptr<constant_pool> constants;
};

}  // namespace baomi::engine

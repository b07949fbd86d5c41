// Compilation: a checked program and a profile become a plan the evaluator runs — params folded
// to constants, profile changes applied, scans over collections turned into index lookups.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/checked_program.hpp"
#include "engine/plan.hpp"

namespace baomi::engine {

struct compile_result {
  std::optional<engine::plan> plan;
  std::string error;  // an unknown profile, a param value that is not constant
};

/// Applies `profile` (empty: none; `A,B`: several, in order) and compiles. `rule_filter`, when not empty, keeps only
/// those rule ids (an unknown id is an error).
compile_result compile(const checked_program& program, const std::string& profile,
                       const std::vector<std::string>& rule_filter = {});

/// Finds, in a quantifier or aggregate over a collection, a conjunct of its condition that a
/// reverse index can answer (`x.f == E` with `f` a ref field, or `E in x.f` with `f` a list of refs,
/// E not reading `x`), and records it in `node.join`. Returns whether one was found.
bool detect_join(ir::node& node, const facts::schema& schema);

}  // namespace baomi::engine

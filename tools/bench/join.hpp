// The join benchmark: a few rules whose work is a lookup through a reverse index, over the snapshot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/compile.hpp"
#include "facts/schema.hpp"

namespace baomi::bench {

/// The join rules as one `.baomi` module, for the schema at hand (the carrier rules only when the
/// schema has `carriers` with `custodian`, `holder` and `status`).
std::string join_module_text(const facts::schema& schema);

/// The embedded baseline plus the join module, checked and compiled to a plan of the join rules only
/// (of those in `only`, when not empty). Prints the diagnostics and returns nothing when they do not
/// check.
std::optional<engine::plan> join_plan(const std::vector<std::string>& only);

}  // namespace baomi::bench

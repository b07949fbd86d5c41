// The join benchmark: a few rules whose work is a lookup through a reverse index, over the snapshot.
#pragma once

#include <optional>
#include <string>

#include "engine/compile.hpp"
#include "facts/schema.hpp"

namespace baomi::bench {

/// The join rules as one `.baomi` module, for the schema at hand (the carrier rules only when the
/// schema has `carriers` with a `holder`).
std::string join_module_text(const facts::schema& schema);

/// The embedded baseline plus the join module, checked and compiled to a plan of the join rules only.
/// Prints the diagnostics and returns nothing when they do not check.
std::optional<engine::plan> join_plan();

}  // namespace baomi::bench

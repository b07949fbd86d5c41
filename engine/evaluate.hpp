// Evaluation of a plan against a fact store: outcomes, messages, evidence, waivers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/compile.hpp"
#include "engine/findings.hpp"
#include "engine/waivers.hpp"
#include "facts/calendar.hpp"
#include "facts/store.hpp"

namespace baomi::engine {

struct evaluate_options {
  std::optional<facts::day_number> as_of;      // overrides the snapshot's `as_of`
  const std::vector<waiver>* waivers = nullptr;
  const facts::calendar* calendar = nullptr;   // default: the China holiday calendar
  std::string snapshot_path;
  std::size_t max_evidence = 24;               // per finding
};

/// Evaluates every rule in force on as_of for every entity of its collection. Throws nothing for
/// bad data: missing facts give `unknown`. Returns an error text only when there is no as_of.
struct evaluate_result {
  std::optional<run_result> run;
  std::string error;
};
evaluate_result evaluate(const plan& p, const facts::store& store, const evaluate_options& options);

/// Folds an expression that reads no facts (a param value) to a value, storing lists in `pool`.
std::optional<value> evaluate_constant(const ir::node& n, constant_pool& pool);

/// A stable 16-hex-digit fingerprint of a (rule, collection, key).
std::string fingerprint(std::string_view rule, std::string_view collection, std::string_view key);

}  // namespace baomi::engine

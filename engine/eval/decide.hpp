// The outcome of one rule for one subject: its steps run in order with three-valued logic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/interpreter.hpp"
#include "engine/evaluate.hpp"

namespace baomi::engine::evaluation {

/// One step of a rule as evaluated for `explain`.
struct explained_step {
  std::string kind;
  std::string text;
  std::string value;
  bool unknown = false;
  bool holds = false;
  std::vector<fact_read> facts;
  std::vector<std::string> partners;
};

/// The outcome of one rule for one subject, before waivers.
struct decision {
  outcome result = outcome::pass;
  std::optional<facts::day_number> due;
  std::optional<std::int32_t> days_left;
  /// With an unknown outcome: the null or invalid facts that made the deciding steps unknown (an
  /// unknown filter's, else the unknown requirements', or an unknown `due`'s), in the order read.
  std::vector<fact_read> causes;
};

/// A rule evaluated for one subject: every step in order, with three-valued logic. With `trace`,
/// each step's value and the facts it read are kept for `explain`.
decision decide(evaluator& ev, const rule_program& rule, std::uint32_t row, facts::day_number as_of,
                std::vector<explained_step>* trace, const facts::store& store, const facts::schema& schema);

/// Whether a rule is in force on `as_of` (its `effective` and `expires` dates).
bool in_force(const rule_program& rule, facts::day_number as_of);

/// The collections `rules` read (their subjects, the collections their expressions scan, the targets
/// of the refs they follow) that the snapshot did not export, in schema order: a report lists them
/// before its findings, since whatever reads them is unknown.
std::vector<std::string> not_exported(const plan& p, const std::vector<const rule_program*>& rules,
                                      const facts::store& store);

/// The date of a run: the option's, else the snapshot's.
std::optional<facts::day_number> run_date(const facts::store& store, const evaluate_options& options);

}  // namespace baomi::engine::evaluation

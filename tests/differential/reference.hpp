// The reference evaluator: a plain scan over the generated facts with Kleene three-valued logic,
// written from docs/language.md (§6 the body and `due`, §8 expressions, §9 unknown facts, §12
// outcomes) and engine/eval/decide.cpp for the order of the outcome decisions. Clarity over speed:
// every quantifier scans its whole collection, nothing is indexed.
#pragma once

#include <string>

#include "model.hpp"

namespace baomi::differential {

/// What the reference saw, to show the cases reach the engine's index joins.
struct reference_stats {
  long quantifiers = 0;  // quantifier and count evaluations
  long joins = 0;        // … of them the engine answers by an index lookup with a known key
  long null_keys = 0;    // … of them with a join whose key is null
};

struct reference_options {
  reference_stats* stats = nullptr;
};

/// The outcome of `r` for the subject in row `subject` of its collection, as the engine names it
/// (`pass`, `fail`, `unknown`, `not_applicable`), or `pending(N)` with the days left.
std::string reference_outcome(const snapshot& s, const rule& r, int subject, const reference_options& options = {});

}  // namespace baomi::differential

// Seeded generators of small snapshots and rules over the test schema (model.hpp).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "model.hpp"

namespace baomi::differential {

/// A deterministic source of choices: the same seed gives the same snapshots and rules on every
/// platform (the engine is std::mt19937_64, fully specified; no std:: distributions).
class rng {
 public:
  explicit rng(std::uint64_t seed) : m_engine(seed) {}
  int below(int n) { return static_cast<int>(m_engine() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::mt19937_64 m_engine;
};

/// A snapshot of a few people, cards and meetings, with dates clustered around `as_of` (so that due
/// dates fall on the day before, on and after it) and month ends (so that `+ 1mo` clamps).
snapshot generate_snapshot(rng& r);

/// A rule `id` over one collection: a `for` filter, lets, where steps, at most one due, and at least
/// one require or forbid, with quantifiers that join on refs and lists of refs.
rule generate_rule(rng& r, const std::string& id);

}  // namespace baomi::differential

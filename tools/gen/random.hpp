// Seeded random numbers whose every distribution is written out, so one seed gives the same snapshot
// bytes with any standard library (std::uniform_int_distribution and friends are not portable).
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string_view>

namespace baomi::gen {

/// std::mt19937_64 (its output is fixed by the standard) with hand-written distributions.
class random {
 public:
  explicit random(std::uint64_t seed) : m_engine(seed) {}

  std::uint64_t bits() { return m_engine(); }
  /// Uniform in [0, n); n must be positive.
  std::uint64_t below(std::uint64_t n);
  /// Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high);
  /// True with probability p / 1000.
  bool permille(unsigned p) { return below(1000) < p; }
  /// An index drawn with the given relative weights (not all zero).
  std::size_t weighted(std::span<const unsigned> weights);

 private:
  std::mt19937_64 m_engine;
};

/// The seed of an independent stream: `seed` mixed with `salt` (FNV-1a, then splitmix64), so that each
/// collection draws from its own stream and adding a field to one collection leaves the others alone.
std::uint64_t derive_seed(std::uint64_t seed, std::string_view salt);

}  // namespace baomi::gen

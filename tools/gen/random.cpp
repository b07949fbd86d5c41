// Hand-written distributions over mt19937_64.
#include "tools/gen/random.hpp"

namespace baomi::gen {

std::uint64_t random::below(std::uint64_t n) {
  // Rejection keeps the result exactly uniform: drop the lowest (2^64 mod n) raw values.
  std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    std::uint64_t x = m_engine();
    if (x >= threshold) return x % n;
  }
}

std::int64_t random::between(std::int64_t low, std::int64_t high) {
  if (high <= low) return low;
  auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + below(span));
}

std::size_t random::weighted(std::span<const unsigned> weights) {
  std::uint64_t total = 0;
  for (auto w : weights) total += w;
  auto x = below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

std::uint64_t derive_seed(std::uint64_t seed, std::string_view salt) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : salt) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  std::uint64_t z = seed + h + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace baomi::gen

// Private to facts: byte equality for the short texts the loader compares per value.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace baomi::facts {

/// `a == b`, inline for texts up to 16 bytes: a field name or a short interned string is compared with
/// two overlapping word loads instead of a call to memcmp, which the profile showed per JSON key.
inline bool equal_bytes(std::string_view a, std::string_view b) {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  auto same = [&]<typename word>(word, std::size_t at) {
    word x;
    word y;
    std::memcpy(&x, p + at, sizeof x);
    std::memcpy(&y, q + at, sizeof y);
    return x == y;
  };
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) return same(std::uint64_t{}, 0) && same(std::uint64_t{}, n - 8);
  if (n >= 4) return same(std::uint32_t{}, 0) && same(std::uint32_t{}, n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) return false;
  }
  return true;
}

}  // namespace baomi::facts

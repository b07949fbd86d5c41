// Private to the lexer: the byte tests its token scan and its skip scan share (base/text.hpp has
// the ones the report writers share too).
#pragma once

#include <cstdint>
#include <cstring>

#include "base/text.hpp"

namespace baomi::facts {

using base::json_string_stops;
using base::utf8_tail;

/// The first byte at or after `p` that a string's scan must look at: a quote, a backslash, a control
/// character or a non-ASCII byte, eight bytes at a time (the buffer's NUL padding stops it).
inline const char* next_string_stop(const char* p) {
  for (;;) {
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    if (auto stops = json_string_stops(x); stops != 0) return p + __builtin_ctzll(stops) / 8;
    p += sizeof x;
  }
}

}  // namespace baomi::facts

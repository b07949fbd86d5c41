// Private to the lexer: the byte tests its token scan and its skip scan share.
#pragma once

#include <cstdint>
#include <cstring>

#include "base/text.hpp"

namespace baomi::facts {

using base::json_string_stops;

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

/// For the lead byte of a UTF-8 sequence (>= 0x80): how many continuation bytes follow it, and the
/// range [lo, hi] the first of them must be in (RFC 3629: no overlong form, no surrogate, nothing past
/// U+10FFFF; the others are 0x80..0xBF); -1 when the byte cannot lead a sequence.
inline int utf8_tail(unsigned char lead, unsigned& lo, unsigned& hi) {
  lo = 0x80;
  hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead == 0xE0) {
    lo = 0xA0;
    return 2;
  }
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return 2;
  if (lead == 0xED) {
    hi = 0x9F;
    return 2;
  }
  if (lead == 0xF0) {
    lo = 0x90;
    return 3;
  }
  if (lead >= 0xF1 && lead <= 0xF3) return 3;
  if (lead == 0xF4) {
    hi = 0x8F;
    return 3;
  }
  return -1;
}

}  // namespace baomi::facts

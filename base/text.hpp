// The one UTF-8 module: validation, decoding, code-point counting and terminal display width.
// Written by hand: neither fmt nor the standard library decodes UTF-8 or knows that a CJK character
// or an emoji takes two terminal columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baomi::base {

/// U+FFFD, what an invalid byte decodes to.
inline constexpr char32_t replacement_character = 0xFFFD;

/// For the lead byte of a UTF-8 sequence (>= 0x80): how many continuation bytes follow it, and the
/// range [lo, hi] the first of them must be in (RFC 3629: no overlong form, no surrogate, nothing past
/// U+10FFFF; the others are 0x80..0xBF); -1 when the byte cannot lead a sequence. The one table of
/// these rules: utf8_sequence_length, the snapshot lexer and the report writers read it.
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

/// Length (1–4) of the valid UTF-8 sequence starting at byte `i` of `text`, or 0 when the bytes
/// there are not valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF, no
/// truncated sequence). `i` must be less than `text.size()`.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  unsigned lead = byte(i);
  if (lead < 0x80) return 1;
  unsigned lo = 0;
  unsigned hi = 0;
  int tail = utf8_tail(static_cast<unsigned char>(lead), lo, hi);
  if (tail < 0 || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (int k = 2; k <= tail; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
  }
  return static_cast<std::size_t>(tail) + 1;
}

/// The byte offset of the first invalid UTF-8 sequence in `text`, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text).has_value(); }

/// Eight bytes of `x` (little-endian) tested at once for what a JSON string cannot hold as it is: the
/// high bit set in the first byte that is a quote, a backslash, a control character or non-ASCII
/// (bytes after that one may be marked falsely); 0 when all eight are plain.
inline std::uint64_t json_string_stops(std::uint64_t x) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  std::uint64_t quote = x ^ (ones * '"');
  std::uint64_t slash = x ^ (ones * '\\');
  std::uint64_t below = (x - ones * 0x20) & ~x;
  std::uint64_t q = (quote - ones) & ~quote;
  std::uint64_t s = (slash - ones) & ~slash;
  return (below | q | s | x) & highs;
}

/// Decodes the code point at byte `i` and advances `i` past it; an invalid byte yields U+FFFD and
/// advances one byte. ASCII is answered inline.
char32_t next_multibyte_code_point(std::string_view text, std::size_t& i);
inline char32_t next_code_point(std::string_view text, std::size_t& i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return next_multibyte_code_point(text, i);
}

/// All the code points of `text` (an invalid byte becomes U+FFFD).
std::u32string decode_utf8(std::string_view text);

/// The number of code points in `text`; an invalid byte counts as one.
std::size_t count_code_points(std::string_view text);

/// The byte offset where code point number `index` (0-based) starts; `text.size()` past the end.
std::size_t byte_of_code_point(std::string_view text, std::size_t index);

/// The first `max_code_points` code points of `text`, never cutting a sequence in two.
std::string_view cut_code_points(std::string_view text, std::size_t max_code_points);

/// C0 and C1 control characters (DEL among them): zero columns, never shown as they are.
inline bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

/// char_width beyond the two ranges it answers inline.
std::size_t char_width_from_tables(char32_t c);

/// Columns one code point takes in a terminal, on its own: 2 for East Asian wide and full-width
/// characters (CJK, 全角 punctuation, Hangul) and emoji with emoji presentation; 0 for combining
/// marks, zero-width characters (ZWJ, variation selectors) and controls; otherwise 1. East Asian
/// ambiguous characters (“ ” · …) count 1, as in Unicode's default and most terminals.
inline std::size_t char_width(char32_t c) {
  // The two ranges most text is in, answered inline: below U+0300 only controls are not one column
  // wide, and the CJK Unified Ideographs are two.
  if (c < 0x0300) return is_control(c) ? 0 : 1;
  if (c >= 0x4E00 && c <= 0x9FFF) return 2;
  return char_width_from_tables(c);
}

/// Display width of UTF-8 text in a terminal: the sum of char_width, with three emoji sequences
/// counted as one picture: a character joined by U+200D ZWJ to the one before it (👨‍👩‍👧 is 2),
/// a skin-tone modifier after a wide character (👍🏽 is 2), and U+FE0F (emoji presentation) after
/// a narrow character, which makes it 2 (❤️). ANSI CSI escape sequences take no columns; an
/// invalid byte takes one (it is shown as U+FFFD).
std::size_t display_width(std::string_view text);

/// Levenshtein distance between two byte strings (insert, delete, substitute one byte each cost 1):
/// the did-you-mean of names, keywords and collections.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace baomi::base

// UTF-8 decoding and terminal widths (see text.hpp for the decisions on emoji sequences).
#include "base/text.hpp"

#include <algorithm>
#include <vector>

namespace baomi::base {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto n = utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

char32_t next_multibyte_code_point(std::string_view text, std::size_t& i) {
  auto n = utf8_sequence_length(text, i);
  if (n == 0) {
    ++i;
    return replacement_character;
  }
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  char32_t c = 0;
  switch (n) {
    case 1:
      c = b(0);
      break;
    case 2:
      c = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
      break;
    case 3:
      c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      break;
    default:
      c = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      break;
  }
  i += n;
  return c;
}

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) out += next_code_point(text, i);
  return out;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    auto n = utf8_sequence_length(text, i);
    i += n == 0 ? 1 : n;
  }
  return count;
}

std::size_t byte_of_code_point(std::string_view text, std::size_t index) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size() && seen < index; ++seen) {
    auto n = utf8_sequence_length(text, i);
    i += n == 0 ? 1 : n;
  }
  return i;
}

std::string_view cut_code_points(std::string_view text, std::size_t max_code_points) {
  return text.substr(0, byte_of_code_point(text, max_code_points));
}

namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_zero_width(char32_t c) {
  return in(c, 0x0300, 0x036F) || in(c, 0x0483, 0x0489) || in(c, 0x0591, 0x05BD) || in(c, 0x0610, 0x061A) ||
         in(c, 0x064B, 0x065F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x200B, 0x200F) ||
         in(c, 0x2060, 0x2064) || in(c, 0x20D0, 0x20FF) || in(c, 0x302A, 0x302D) || in(c, 0x3099, 0x309A) ||
         in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F) || c == 0xFEFF || in(c, 0xE0100, 0xE01EF);
}

// Emoji with default emoji presentation below U+1F000 (East Asian Width W in Unicode 15).
bool is_wide_symbol(char32_t c) {
  return in(c, 0x231A, 0x231B) || in(c, 0x23E9, 0x23EC) || c == 0x23F0 || c == 0x23F3 || in(c, 0x25FD, 0x25FE) ||
         in(c, 0x2614, 0x2615) || in(c, 0x2648, 0x2653) || c == 0x267F || c == 0x2693 || c == 0x26A1 ||
         in(c, 0x26AA, 0x26AB) || in(c, 0x26BD, 0x26BE) || in(c, 0x26C4, 0x26C5) || c == 0x26CE || c == 0x26D4 ||
         c == 0x26EA || in(c, 0x26F2, 0x26F3) || c == 0x26F5 || c == 0x26FA || c == 0x26FD || c == 0x2705 ||
         in(c, 0x270A, 0x270B) || c == 0x2728 || c == 0x274C || c == 0x274E || in(c, 0x2753, 0x2755) || c == 0x2757 ||
         in(c, 0x2795, 0x2797) || c == 0x27B0 || c == 0x27BF || in(c, 0x2B1B, 0x2B1C) || c == 0x2B50 || c == 0x2B55;
}

bool is_wide(char32_t c) {
  return in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) || in(c, 0x3400, 0x4DBF) ||
         in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xA960, 0xA97F) || in(c, 0xAC00, 0xD7A3) ||
         in(c, 0xF900, 0xFAFF) || in(c, 0xFE10, 0xFE19) || in(c, 0xFE30, 0xFE6F) || in(c, 0xFF00, 0xFF60) ||
         in(c, 0xFFE0, 0xFFE6) || c == 0x1F004 || c == 0x1F0CF || c == 0x1F18E || in(c, 0x1F191, 0x1F19A) ||
         in(c, 0x1F200, 0x1F2FF) || in(c, 0x1F300, 0x1F64F) || in(c, 0x1F680, 0x1F6FF) || in(c, 0x1F7E0, 0x1F7EB) ||
         in(c, 0x1F900, 0x1F9FF) || in(c, 0x1FA70, 0x1FAFF) || in(c, 0x20000, 0x3FFFD) || is_wide_symbol(c);
}

bool is_skin_tone(char32_t c) { return in(c, 0x1F3FB, 0x1F3FF); }

constexpr char32_t zero_width_joiner = 0x200D;
constexpr char32_t emoji_presentation = 0xFE0F;

}  // namespace

std::size_t char_width_from_tables(char32_t c) {
  if (is_control(c) || is_zero_width(c)) return 0;
  return is_wide(c) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  char32_t previous = 0;
  std::size_t picture_width = 0;  // of the last character that took columns
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      // CSI: parameters and intermediates, then one final byte in @..~.
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      if (i < text.size()) ++i;
      continue;
    }
    char32_t c = next_code_point(text, i);
    std::size_t w = char_width(c);
    if ((previous == zero_width_joiner || is_skin_tone(c)) && picture_width == 2) {
      w = 0;  // part of the picture before it
    } else if (c == emoji_presentation && picture_width == 1) {
      w = 1;  // the narrow character before it is drawn as a two-column emoji
      picture_width = 2;
    } else if (w > 0) {
      picture_width = w;
    }
    width += w;
    previous = c;
  }
  return width;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace baomi::base

// Line index, UTF-8 validation and code-point columns for source files.
#include "dsl/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace baomi::dsl {

source_file::source_file(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  }
}

std::optional<source_file> source_file::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return source_file(path, std::move(buffer).str());
}

location source_file::locate(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto line_index = static_cast<std::size_t>(next - m_line_starts.begin()) - 1;
  auto start = m_line_starts[line_index];
  auto column = count_code_points(std::string_view(m_text).substr(start, offset - start)) + 1;
  return {static_cast<std::uint32_t>(line_index + 1), static_cast<std::uint32_t>(column)};
}

source_range source_file::range(std::size_t begin, std::size_t end) const {
  return {locate(begin), locate(end), static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > m_line_starts.size()) return {};
  auto start = m_line_starts[line - 1];
  auto end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
  std::string_view text = std::string_view(m_text).substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is invalid (RFC 3629).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto continuation = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && byte(i + 1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

// The code point of the valid UTF-8 sequence at text[i] of length n.
char32_t decode(std::string_view text, std::size_t i, std::size_t n) {
  auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (n) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::optional<std::size_t> source_file::first_invalid_utf8() const {
  for (std::size_t i = 0; i < m_text.size();) {
    auto n = utf8_sequence_length(m_text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto n = utf8_sequence_length(text, i);
    if (n == 0) {
      ++width;
      ++i;
      continue;
    }
    width += is_wide(decode(text, i, n)) ? 2 : 1;
    i += n;
  }
  return width;
}

}  // namespace baomi::dsl

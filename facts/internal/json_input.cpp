// Chunked input with a look-back window, and the one-pass offset to line/column conversion.
#include "facts/internal/json_input.hpp"

#include <algorithm>
#include <cstring>

namespace baomi::facts {

namespace {

constexpr std::size_t chunk_size = 1 << 20;
// Bytes kept before the read position across refills, so that token_start can look back.
constexpr std::size_t look_back = 1 << 12;

bool is_number_byte(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

json_input::json_input(std::string_view text)
    : m_begin(text.data()), m_pos(text.data()), m_end(text.data() + text.size()), m_counted(text.data()) {}

json_input::json_input(std::FILE* file) : m_file(file), m_buffer(look_back + chunk_size) {
  m_begin = m_pos = m_end = m_counted = m_buffer.data();
  refill();
}

void json_input::refill() {
  if (m_file == nullptr) return;
  std::size_t keep = std::min(look_back, static_cast<std::size_t>(m_end - m_begin));
  char* data = m_buffer.data();
  // The bytes about to be dropped are counted now; m_counted moves with the kept ones.
  if (m_counted < m_end - keep) count_to(m_end - keep);
  m_counted = data + (m_counted - (m_end - keep));
  std::memmove(data, m_end - keep, keep);
  m_base += static_cast<std::size_t>(m_end - m_begin) - keep;
  std::size_t got = std::fread(data + keep, 1, chunk_size, m_file);
  if (got < chunk_size && std::ferror(m_file)) m_read_failed = true;
  m_begin = data;
  m_pos = data + keep;
  m_end = m_pos + got;
}

std::size_t json_input::token_start(token_shape shape) const {
  const char* b = m_begin;
  auto buffered = static_cast<std::size_t>(m_pos - m_begin);
  if (buffered == 0) return offset();
  // The last byte of the token; the lexer reads one byte past a number.
  std::size_t last = buffered - 1;
  if (shape == token_shape::number && last > 0) --last;
  std::size_t start = last;
  switch (shape) {
    case token_shape::bracket:
      break;
    case token_shape::number:
      while (start > 0 && is_number_byte(b[start - 1])) --start;
      break;
    case token_shape::literal:
      while (start > 0 && is_letter(b[start - 1])) --start;
      break;
    case token_shape::string:
      // The opening quote is the nearest `"` before the closing one that is not escaped.
      for (std::size_t i = last; i-- > 0;) {
        if (b[i] != '"') continue;
        std::size_t slashes = 0;
        while (slashes < i && b[i - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) {
          start = i;
          break;
        }
      }
      break;
  }
  return m_base + start;
}

void json_input::count_to(const char* p) {
  const char* from = m_counted;
  const char* line_start = nullptr;
  while (const void* nl = std::memchr(from, '\n', static_cast<std::size_t>(p - from))) {
    ++m_line;
    from = static_cast<const char*>(nl) + 1;
    line_start = from;
  }
  if (line_start != nullptr) m_column = 1;
  // Code points: every byte but UTF-8 continuation bytes (as position_finder counts them).
  m_column += static_cast<std::size_t>(
      std::count_if(from, p, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  m_counted = p;
}

std::pair<std::size_t, std::size_t> json_input::position(std::size_t offset) {
  if (offset < m_base) return {0, 0};
  const char* p = m_begin + (offset - m_base);
  if (p < m_counted || p > m_end) return {0, 0};
  count_to(p);
  return {m_line, m_column};
}

position_finder::position_finder(std::vector<std::size_t> offsets) : m_offsets(std::move(offsets)) {
  m_positions.reserve(m_offsets.size());
}

void position_finder::feed(std::string_view chunk) {
  for (char c : chunk) {
    while (m_next < m_offsets.size() && m_offsets[m_next] == m_offset) {
      m_positions.emplace_back(m_line, m_column);
      ++m_next;
    }
    if (done()) return;
    ++m_offset;
    if (c == '\n') {
      ++m_line;
      m_column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++m_column;
    }
  }
}

std::vector<std::pair<std::size_t, std::size_t>> position_finder::finish() {
  while (m_positions.size() < m_offsets.size()) m_positions.emplace_back(m_line, m_column);
  return std::move(m_positions);
}

}  // namespace baomi::facts

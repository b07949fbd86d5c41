// Chunked input with a look-back window, and the one-pass offset to line/column conversion.
#include "facts/internal/json_input.hpp"

#include <algorithm>
#include <cstring>

namespace baomi::facts {

namespace {

constexpr std::size_t chunk_size = 1 << 20;
// Bytes kept before the read position across refills, for position() and messages.
constexpr std::size_t look_back = 1 << 12;

}  // namespace

json_input::json_input(std::string_view text) : m_text(text), m_buffer(look_back + chunk_size + padding) {
  m_begin = m_end = m_counted = m_buffer.data();
  refill(m_end);
}

json_input::json_input(std::FILE* file) : m_file(file), m_buffer(look_back + chunk_size + padding) {
  m_begin = m_end = m_counted = m_buffer.data();
  refill(m_end);
}

void json_input::reset(std::string_view text, std::size_t base, std::size_t line) {
  m_file = nullptr;
  m_text = text;
  m_begin = m_end = m_counted = m_buffer.data();
  m_base = base;
  m_exhausted = false;
  m_line = line;
  m_column = 1;
  refill(m_end);
}

std::size_t json_input::read(char* to, std::size_t max) {
  if (m_file == nullptr) {
    std::size_t n = std::min(max, m_text.size());
    std::memcpy(to, m_text.data(), n);
    m_text.remove_prefix(n);
    return n;
  }
  std::size_t got = std::fread(to, 1, max, m_file);
  if (got < max && std::ferror(m_file)) m_read_failed = true;
  return got;
}

const char* json_input::refill(const char* keep) {
  if (m_exhausted) return keep;
  if (m_file == nullptr && m_text.empty()) {
    // An in-memory text read to its end (a JSON Lines row, every row): nothing to move or read.
    m_exhausted = true;
    return keep;
  }
  auto window = std::min(look_back, static_cast<std::size_t>(m_end - m_begin));
  const char* from = std::min(keep, m_end - window);
  // The bytes about to be dropped are counted now; m_counted moves with the kept ones.
  if (m_counted < from) count_to(from);
  auto kept = static_cast<std::size_t>(m_end - from);
  auto counted = static_cast<std::size_t>(m_counted - from);
  auto keep_at = static_cast<std::size_t>(keep - from);
  m_base += static_cast<std::size_t>(from - m_begin);
  if (kept + chunk_size + padding > m_buffer.size()) {
    // A token longer than the free space: grow, keeping the bytes.
    std::vector<char> bigger(kept + chunk_size + padding);
    std::memcpy(bigger.data(), from, kept);
    m_buffer.swap(bigger);
  } else {
    std::memmove(m_buffer.data(), from, kept);
  }
  char* data = m_buffer.data();
  std::size_t got = read(data + kept, chunk_size);
  if (got == 0) m_exhausted = true;
  m_begin = data;
  m_end = data + kept + got;
  m_counted = data + counted;
  std::memset(data + kept + got, 0, padding);
  return data + keep_at;
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
  const char* p = at(offset);
  if (p == nullptr || p < m_counted) return {0, 0};
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

// The key index: Fibonacci hashing of string ids into a power-of-two table.
#include "facts/key_index.hpp"

namespace baomi::facts {

namespace {

std::size_t home(std::uint32_t key, std::size_t mask) {
  return (static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull >> 32) & mask;
}

}  // namespace

void key_index::prefetch(std::uint32_t key) const {
#if defined(__GNUC__)
  if (!m_entries.empty()) __builtin_prefetch(&m_entries[home(key, m_entries.size() - 1)]);
#else
  (void)key;
#endif
}

std::size_t key_index::position(std::uint32_t key) const {
  std::size_t mask = m_entries.size() - 1;
  std::size_t i = home(key, mask);
  while (m_entries[i].key != empty && m_entries[i].key != key) i = (i + 1) & mask;
  return i;
}

std::uint32_t key_index::insert(std::uint32_t key, std::uint32_t row) {
  if ((m_size + 1) * 2 > m_entries.size()) grow();
  entry& e = m_entries[position(key)];
  if (e.key == key) return e.row;
  e = {key, row};
  ++m_size;
  return row;
}

std::optional<std::uint32_t> key_index::find(std::uint32_t key) const {
  if (m_entries.empty()) return std::nullopt;
  const entry& e = m_entries[position(key)];
  if (e.key != key) return std::nullopt;
  return e.row;
}

void key_index::grow() {
  auto old = std::move(m_entries);
  m_entries.assign(old.empty() ? 64 : old.size() * 2, entry{});
  for (const entry& e : old) {
    if (e.key != empty) m_entries[position(e.key)] = e;
  }
}

}  // namespace baomi::facts

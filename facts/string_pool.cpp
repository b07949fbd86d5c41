// The string interner: records in an arena of chunks, found through an open-addressing table.
#include "facts/string_pool.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

#include "facts/internal/equal_bytes.hpp"

namespace baomi::facts {

namespace {

constexpr std::size_t chunk_bits = 20;
constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;
constexpr std::size_t header = 8;  // id and length, 4 bytes each
constexpr std::uint64_t location_mask = (std::uint64_t{1} << 40) - 1;

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

// The slot's tag is the hash's top 24 bits; the table index comes from its low bits.
std::uint64_t tag_of(std::uint64_t hash) { return hash & ~location_mask; }

void prefetch(const void* at) {
#if defined(__GNUC__)
  __builtin_prefetch(at);
#else
  (void)at;
#endif
}

std::uint32_t read_u32(const char* at) {
  std::uint32_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

}  // namespace

string_pool::string_pool() : m_slots(1024, 0) { intern(""); }

// A location is chunk << 20 | offset. A long string gets a chunk of its own (at offset 0), so that the
// current chunk's tail is not wasted.
std::uint64_t string_pool::store(std::string_view text, std::uint32_t id) {
  std::size_t need = header + text.size();
  std::size_t index = m_current;
  if (need > chunk_size / 4 || index >= m_chunks.size() || m_chunks[index].used + need > chunk_size) {
    std::size_t size = need > chunk_size / 4 ? need : chunk_size;
    m_chunks.push_back({std::make_unique_for_overwrite<char[]>(size), 0});
    m_arena_bytes += size;
    index = m_chunks.size() - 1;
    if (size == chunk_size) m_current = index;
  }
  chunk& c = m_chunks[index];
  char* at = c.data.get() + c.used;
  std::uint64_t location = std::uint64_t{index} << chunk_bits | c.used;
  c.used += need;
  auto length = static_cast<std::uint32_t>(text.size());
  std::memcpy(at, &id, 4);
  std::memcpy(at + 4, &length, 4);
  if (!text.empty()) std::memcpy(at + header, text.data(), text.size());
  m_views.emplace_back(at + header, text.size());
  return location;
}

const char* string_pool::record(std::uint64_t location) const {
  return m_chunks[location >> chunk_bits].data.get() + (location & (chunk_size - 1));
}

string_pool::probe string_pool::find_slot(std::string_view text, std::uint64_t hash) const {
  std::size_t mask = m_slots.size() - 1;
  std::uint64_t tag = tag_of(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    std::uint64_t slot = m_slots[i];
    if (slot == 0) return {i, false};
    if ((slot & ~location_mask) != tag) continue;
    const char* r = record((slot & location_mask) - 1);
    if (equal_bytes(std::string_view(r + header, read_u32(r + 4)), text)) return {i, true};
  }
}

std::uint32_t string_pool::intern(std::string_view text) { return intern_hashed(text, hash_of(text)); }

void string_pool::intern_all(std::span<const std::string_view> texts, std::span<std::uint32_t> ids) {
  constexpr std::size_t group = 16;
  std::array<std::uint64_t, group> hashes{};
  for (std::size_t base = 0; base < texts.size(); base += group) {
    std::size_t n = std::min(group, texts.size() - base);
    std::size_t mask = m_slots.size() - 1;
    for (std::size_t k = 0; k < n; ++k) {
      hashes[k] = hash_of(texts[base + k]);
      prefetch(&m_slots[hashes[k] & mask]);
    }
    for (std::size_t k = 0; k < n; ++k) prefetch_record(hashes[k]);
    for (std::size_t k = 0; k < n; ++k) ids[base + k] = intern_hashed(texts[base + k], hashes[k]);
  }
}

// Starts loading the record a probe for `hash` will compare first.
void string_pool::prefetch_record(std::uint64_t hash) const {
  std::size_t mask = m_slots.size() - 1;
  std::uint64_t tag = tag_of(hash);
  for (std::size_t i = hash & mask; m_slots[i] != 0; i = (i + 1) & mask) {
    if ((m_slots[i] & ~location_mask) == tag) return prefetch(record((m_slots[i] & location_mask) - 1));
  }
}

std::uint32_t string_pool::intern_hashed(std::string_view text, std::uint64_t hash) {
  probe p = find_slot(text, hash);
  if (p.found) return read_u32(record((m_slots[p.slot] & location_mask) - 1));
  auto id = static_cast<std::uint32_t>(m_views.size());
  m_slots[p.slot] = tag_of(hash) | (store(text, id) + 1);
  if (m_views.size() * 2 > m_slots.size()) grow();
  return id;
}

std::optional<std::uint32_t> string_pool::find(std::string_view text) const {
  probe p = find_slot(text, hash_of(text));
  if (!p.found) return std::nullopt;
  return read_u32(record((m_slots[p.slot] & location_mask) - 1));
}

void string_pool::grow() {
  // The old slots are not read: the records are walked in arena order, which reads memory
  // sequentially, and each string's hash is recomputed.
  std::vector<std::uint64_t> slots(m_slots.size() * 2, 0);
  std::size_t mask = slots.size() - 1;
  for (std::size_t index = 0; index < m_chunks.size(); ++index) {
    const chunk& c = m_chunks[index];
    for (std::size_t offset = 0; offset < c.used;) {
      const char* r = c.data.get() + offset;
      std::uint32_t length = read_u32(r + 4);
      std::uint64_t hash = hash_of(std::string_view(r + header, length));
      std::size_t i = hash & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = tag_of(hash) | ((std::uint64_t{index} << chunk_bits | offset) + 1);
      offset += header + length;
    }
  }
  m_slots = std::move(slots);
}

std::size_t string_pool::memory_bytes() const {
  return m_arena_bytes + m_views.capacity() * sizeof(std::string_view) + m_slots.capacity() * 8;
}

}  // namespace baomi::facts

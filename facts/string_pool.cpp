// The string interner: an arena of chunks plus an open-addressing table of ids.
#include "facts/string_pool.hpp"

#include <cstring>
#include <functional>

namespace baomi::facts {

namespace {

constexpr std::size_t chunk_size = 1 << 20;

// The high 32 bits of a slot: the string's hash.
std::uint64_t hash_of(std::string_view text) {
  auto h = static_cast<std::uint64_t>(std::hash<std::string_view>{}(text));
  return (h ^ (h << 32)) & 0xFFFFFFFF00000000ull;
}

std::uint32_t id_in(std::uint64_t slot) { return static_cast<std::uint32_t>(slot) - 1; }

}  // namespace

string_pool::string_pool() : m_slots(1024, 0) { intern(""); }

const char* string_pool::store(std::string_view text) {
  if (text.size() >= chunk_size / 4) {
    // A long string gets a chunk of its own, so that the current chunk's tail is not wasted.
    m_chunks.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
    m_arena_bytes += text.size();
    return static_cast<const char*>(std::memcpy(m_chunks.back().get(), text.data(), text.size()));
  }
  if (text.size() > m_left) {
    m_chunks.push_back(std::make_unique_for_overwrite<char[]>(chunk_size));
    m_arena_bytes += chunk_size;
    m_free = m_chunks.back().get();
    m_left = chunk_size;
  }
  char* at = m_free;
  if (!text.empty()) std::memcpy(at, text.data(), text.size());
  m_free += text.size();
  m_left -= text.size();
  return at;
}

std::size_t string_pool::slot_of(std::string_view text, std::uint64_t hash) const {
  std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
    std::uint64_t slot = m_slots[i];
    if (slot == 0) return i;
    if ((slot & 0xFFFFFFFF00000000ull) == hash && m_views[id_in(slot)] == text) return i;
  }
}

std::uint32_t string_pool::intern(std::string_view text) {
  std::uint64_t hash = hash_of(text);
  std::size_t i = slot_of(text, hash);
  if (m_slots[i] != 0) return id_in(m_slots[i]);
  auto id = static_cast<std::uint32_t>(m_views.size());
  m_views.emplace_back(store(text), text.size());
  m_slots[i] = hash | (id + 1);
  if (m_views.size() * 2 > m_slots.size()) grow();
  return id;
}

std::optional<std::uint32_t> string_pool::find(std::string_view text) const {
  std::size_t i = slot_of(text, hash_of(text));
  if (m_slots[i] == 0) return std::nullopt;
  return id_in(m_slots[i]);
}

void string_pool::grow() {
  std::vector<std::uint64_t> slots(m_slots.size() * 2, 0);
  std::size_t mask = slots.size() - 1;
  for (std::uint64_t slot : m_slots) {
    if (slot == 0) continue;
    std::size_t i = (slot >> 32) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }
  m_slots = std::move(slots);
}

std::size_t string_pool::memory_bytes() const {
  return m_arena_bytes + m_views.capacity() * sizeof(std::string_view) + m_slots.capacity() * 8;
}

}  // namespace baomi::facts

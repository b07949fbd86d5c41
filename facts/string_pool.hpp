// Interned strings: each distinct text is stored once in a stable arena and named by a 32-bit id.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace baomi::facts {

/// A string interner. Ids are dense from 0 (the empty string) and views stay valid while the pool
/// lives, so columns hold ids and readers get `std::string_view`s without copies.
class string_pool {
public:
  string_pool();
  string_pool(string_pool&&) noexcept = default;
  string_pool& operator=(string_pool&&) noexcept = default;

  /// The id of `text`, adding it if new.
  std::uint32_t intern(std::string_view text);
  /// The id of `text` if it was interned.
  std::optional<std::uint32_t> find(std::string_view text) const;
  std::string_view view(std::uint32_t id) const { return m_views[id]; }
  std::size_t size() const { return m_views.size(); }
  /// Bytes held by the arena and the tables, for statistics.
  std::size_t memory_bytes() const;

private:
  const char* store(std::string_view text);
  std::size_t slot_of(std::string_view text, std::uint64_t hash) const;
  void grow();

  // Open addressing rather than std::unordered_map: no node allocation per string, and a slot keeps
  // the hash next to the id, so that a probe rarely touches the strings themselves (with millions of
  // strings each touch is a cache miss).
  std::vector<std::unique_ptr<char[]>> m_chunks;
  char* m_free = nullptr;
  std::size_t m_left = 0;
  std::size_t m_arena_bytes = 0;
  std::vector<std::string_view> m_views;
  std::vector<std::uint64_t> m_slots;  // hash << 32 | (id + 1), 0 for empty; size is a power of two
};

}  // namespace baomi::facts

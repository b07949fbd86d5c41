// Interned strings: each distinct text is stored once in a stable arena and named by a 32-bit id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
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
  /// `ids[i] = intern(texts[i])` for all i, in order, with the table probes of a few strings at a time
  /// overlapped: each probe into a large table is a cache miss, and misses in flight together cost
  /// about as much as one.
  void intern_all(std::span<const std::string_view> texts, std::span<std::uint32_t> ids);
  /// The id of `text` if it was interned.
  std::optional<std::uint32_t> find(std::string_view text) const;
  std::string_view view(std::uint32_t id) const { return m_views[id]; }
  std::size_t size() const { return m_views.size(); }
  /// Bytes held by the arena and the tables, for statistics.
  std::size_t memory_bytes() const;

 private:
  struct probe {
    std::size_t slot;
    bool found;
  };

  struct chunk {
    std::unique_ptr<char[]> data;
    std::size_t used = 0;
  };

  probe find_slot(std::string_view text, std::uint64_t hash) const;
  std::uint32_t intern_hashed(std::string_view text, std::uint64_t hash);
  void prefetch_record(std::uint64_t hash) const;
  std::uint64_t store(std::string_view text, std::uint32_t id);
  const char* record(std::uint64_t location) const;
  void grow();

  // Open addressing rather than std::unordered_map: no node allocation per string. Each slot packs 24
  // bits of the hash with the arena location of a record [id, length, bytes], so that a lookup costs
  // one slot and one record: with millions of strings every extra indirection is a cache miss, and the
  // loader looks up every ref this way.
  std::vector<chunk> m_chunks;
  std::size_t m_current = SIZE_MAX;  // the chunk new short strings go to; SIZE_MAX before the first
  std::size_t m_arena_bytes = 0;
  std::vector<std::string_view> m_views;
  std::vector<std::uint64_t> m_slots;  // tag << 40 | (location + 1), 0 for empty; size is a power of two
};

}  // namespace baomi::facts

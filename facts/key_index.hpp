// A flat hash map from a key's string id to a row, for entity keys and ref resolution.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace baomi::facts {

/// Maps interned key ids to rows. Open addressing with linear probing: no allocation per entry, and a
/// lookup touches one or two cache lines.
class key_index {
 public:
  /// Adds `key -> row` unless the key is present; returns the row the key maps to afterwards.
  std::uint32_t insert(std::uint32_t key, std::uint32_t row);
  std::optional<std::uint32_t> find(std::uint32_t key) const;
  /// Starts loading the slot of `key`, ahead of an insert or find.
  void prefetch(std::uint32_t key) const;
  std::size_t size() const { return m_size; }
  std::size_t memory_bytes() const { return m_entries.capacity() * sizeof(entry); }

 private:
  static constexpr std::uint32_t empty = 0xFFFFFFFF;
  struct entry {
    std::uint32_t key = empty;
    std::uint32_t row = 0;
  };

  std::size_t position(std::uint32_t key) const;
  void grow();

  std::vector<entry> m_entries;
  std::size_t m_size = 0;
};

}  // namespace baomi::facts

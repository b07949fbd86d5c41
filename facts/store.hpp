// The typed columnar fact store: one table per entity type, key indexes, reverse indexes, pointers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "facts/column.hpp"
#include "facts/key_index.hpp"
#include "facts/schema.hpp"
#include "facts/string_pool.hpp"

namespace baomi::facts {

class loader_access;

/// Row flags: a row whose key repeats an earlier row's (refs resolve to the first), a row without a
/// usable key (not indexed, cannot be referred to).
enum row_flag : std::uint8_t { row_ok = 0, row_duplicate_key = 1, row_missing_key = 2 };

/// Where a record row sits: field `field` of row `row` of table `table`, at list position `element`
/// (no_row when the field holds the record itself).
struct record_parent {
  std::uint32_t table = 0;
  std::uint32_t row = 0;
  std::uint32_t field = 0;
  std::uint32_t element = no_row;
};

/// Where a collection row's opening `{` is in the snapshot: 1-based line and code-point column (the
/// columns of data issues); 0 when unknown (a store not built from JSON text, a record row).
struct source_position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// The rows of one entity type: a collection's entries in snapshot order, or a record type's nested
/// objects. Column i holds field i of the entity type.
class table {
 public:
  table(std::uint32_t entity, const entity_type& type, const string_pool* pool);

  std::uint32_t entity() const { return m_entity; }
  const entity_type& type() const { return *m_type; }
  std::uint32_t row_count() const { return m_row_count; }
  const column& column_at(std::uint32_t field) const { return m_columns[field]; }
  /// The row's index in the snapshot's array (entries that are not objects have no row).
  std::uint32_t json_index(std::uint32_t row) const { return m_json_index[row]; }
  std::uint8_t flags(std::uint32_t row) const { return m_flags[row]; }
  const record_parent& parent(std::uint32_t row) const { return m_parents[row]; }
  /// A collection row's position in the snapshot text; {0, 0} when the loader did not record one.
  source_position position(std::uint32_t row) const {
    return row < m_positions.size() ? m_positions[row] : source_position{};
  }
  /// Whether the snapshot gave this collection (as an array, perhaps empty). A collection it left
  /// out is not known to be empty: rules that read it are unknown (facts.md "Not exported").
  /// Record types, and stores not built by the JSON loader, count as exported.
  bool exported() const { return m_exported; }
  /// The file the rows were read from when it is not the snapshot's path (a JSON Lines folder's
  /// `NAME.jsonl`, which position() counts lines in); empty otherwise.
  const std::string& source() const { return m_source; }

  /// The first row with this key (string keys, or integer keys written in decimal).
  std::optional<std::uint32_t> find_row(std::string_view key) const;
  std::optional<std::uint32_t> find_row(std::int64_t key) const;

  std::size_t memory_bytes() const;

 private:
  friend class loader_access;

  std::uint32_t m_entity;
  const entity_type* m_type;
  const string_pool* m_pool;
  std::uint32_t m_row_count = 0;
  bool m_exported = true;
  std::vector<column> m_columns;
  std::vector<std::uint32_t> m_json_index;
  std::vector<std::uint8_t> m_flags;
  std::vector<record_parent> m_parents;
  std::vector<source_position> m_positions;  // collection rows loaded from JSON text: 8 bytes a row
  std::string m_source;
  key_index m_keys;
};

/// For one ref (or list-of-ref) field: the rows whose field points at each target row, in CSR form,
/// so that a join such as "trainings whose attendees include p" is one lookup.
class reverse_index {
 public:
  reverse_index(std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> rows)
      : m_offsets(std::move(offsets)), m_rows(std::move(rows)) {}
  /// Referring rows in increasing order, each once.
  std::span<const std::uint32_t> rows(std::uint32_t target_row) const {
    return std::span<const std::uint32_t>(m_rows).subspan(m_offsets[target_row],
                                                          m_offsets[target_row + 1] - m_offsets[target_row]);
  }

 private:
  std::vector<std::uint32_t> m_offsets;
  std::vector<std::uint32_t> m_rows;
};

/// A loaded snapshot. Table i belongs to entity type i of the schema.
class store {
 public:
  explicit store(facts::schema s);
  store(store&&) noexcept;
  store& operator=(store&&) noexcept;
  ~store();

  const facts::schema& schema() const { return *m_schema; }
  std::optional<day_number> as_of() const { return m_as_of; }
  /// The snapshot's `org` member as compact JSON text; empty when absent.
  const std::string& org() const { return m_org; }
  const string_pool& strings() const { return *m_strings; }

  std::uint32_t table_count() const { return static_cast<std::uint32_t>(m_tables.size()); }
  const table& table_at(std::uint32_t entity) const { return m_tables[entity]; }
  const table* find_collection(std::string_view collection) const;

  /// JSON Pointers (RFC 6901) of a row, a field of a row, and an element of a list field. A record row's
  /// pointer goes through its parent: `/people/3/home`.
  std::string pointer(std::uint32_t table, std::uint32_t row) const;
  std::string pointer(std::uint32_t table, std::uint32_t row, std::uint32_t field) const;
  std::string pointer(std::uint32_t table, std::uint32_t row, std::uint32_t field, std::uint32_t element) const;

  /// The reverse index of a `ref` or `list<ref>` field, built on first use (thread-safe) and kept.
  /// Throws std::invalid_argument for any other field type.
  const reverse_index& referencing(std::uint32_t table, std::uint32_t field) const;

  /// Bytes held by columns, indexes and strings, for statistics.
  std::size_t memory_bytes() const;

 private:
  friend class loader_access;
  struct reverse_cache;

  std::unique_ptr<facts::schema> m_schema;  // on the heap: tables point into it
  std::unique_ptr<string_pool> m_strings;   // on the heap: columns point at it
  std::vector<table> m_tables;
  std::optional<day_number> m_as_of;
  std::string m_org;
  std::unique_ptr<reverse_cache> m_reverse;
};

}  // namespace baomi::facts

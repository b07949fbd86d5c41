// A typed column of cells: the storage of one field of one entity type (or of a list's elements).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "facts/date.hpp"
#include "facts/schema.hpp"
#include "facts/string_pool.hpp"

namespace baomi::facts {

/// Whether a cell holds a value. `null` covers JSON null and an absent field; `invalid` is a value the
/// loader could not read as the field's type (the loader reported why, and `raw` keeps its text).
enum class cell_state : std::uint8_t { present, null, invalid };

/// "No row": a ref that does not resolve, a list element that is not a valid ref.
inline constexpr std::uint32_t no_row = 0xFFFFFFFF;

/// Where a list, map or range cell's elements are: cells [offset, offset + count) of `elements()`
/// (and, for a map, of `values()`).
struct cell_span {
  std::uint32_t offset = 0;
  std::uint32_t count = 0;
};

/// The cells of one field. Reads are cheap and never allocate: a state byte and a typed payload per
/// cell. Each `as_*` accessor is valid only for the column's kind and for present cells.
class column {
 public:
  column(const facts::type& t, const string_pool* pool);

  const facts::type& type() const { return m_type; }
  type_kind kind() const { return m_type.kind; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(m_states.size()); }

  cell_state state(std::uint32_t cell) const { return m_states[cell]; }
  bool present(std::uint32_t cell) const { return m_states[cell] == cell_state::present; }

  std::string_view as_string(std::uint32_t cell) const { return m_pool->view(m_u32[cell]); }
  /// The interned id of a string cell, for cheap equality tests.
  std::uint32_t as_string_id(std::uint32_t cell) const { return m_u32[cell]; }
  std::int64_t as_integer(std::uint32_t cell) const { return m_i64[cell]; }
  double as_number(std::uint32_t cell) const { return m_f64[cell]; }
  bool as_bool(std::uint32_t cell) const { return m_u32[cell] != 0; }
  day_number as_date(std::uint32_t cell) const { return m_dates[cell]; }
  const duration& as_duration(std::uint32_t cell) const { return m_durations[cell]; }
  /// The value's index in its enum.
  std::uint32_t as_enum(std::uint32_t cell) const { return m_u32[cell]; }
  /// The row of the target entity in its collection's table.
  std::uint32_t as_ref(std::uint32_t cell) const { return m_u32[cell]; }
  /// The row in the record type's table.
  std::uint32_t as_record(std::uint32_t cell) const { return m_u32[cell]; }
  /// The elements of a list, map or range cell.
  cell_span as_span(std::uint32_t cell) const { return m_spans[cell]; }

  /// Elements of a list or range; keys of a map.
  const column& elements() const { return *m_elements; }
  /// Values of a map.
  const column& values() const { return *m_values; }
  /// The target rows of a `list<ref …>` cell; `no_row` for elements that are not valid refs.
  std::span<const std::uint32_t> refs(std::uint32_t cell) const;

  /// The text as found in the snapshot of an invalid cell (or of an enum map key given by its label);
  /// empty when none was kept.
  std::string_view raw(std::uint32_t cell) const;
  /// The code of the data issue that made a cell invalid (`F0206`, `F0304`…); empty for other cells.
  std::string_view invalid_code(std::uint32_t cell) const;

  // Writers, used while loading. The store hands out only const columns.
  std::uint32_t append_null();
  /// Null cells up to `cells` (a column the load left out is filled once, at its end).
  void fill_nulls(std::uint32_t cells);
  void set_null(std::uint32_t cell) { m_states[cell] = cell_state::null; }
  /// Marks a cell invalid: `raw_id` is its text as written, `code` the issue reported for it (a code
  /// of facts/issue.hpp: static storage).
  void set_invalid(std::uint32_t cell, std::uint32_t raw_id, std::string_view code);
  void set_u32(std::uint32_t cell, std::uint32_t value) { set(cell, m_u32, value); }
  void set_integer(std::uint32_t cell, std::int64_t value) { set(cell, m_i64, value); }
  void set_number(std::uint32_t cell, double value) { set(cell, m_f64, value); }
  void set_date(std::uint32_t cell, day_number value) { set(cell, m_dates, value); }
  void set_duration(std::uint32_t cell, const duration& value) { set(cell, m_durations, value); }
  void set_span(std::uint32_t cell, cell_span value) { set(cell, m_spans, value); }
  /// Keeps the original text of a present cell (enum map keys given by label, for their pointers).
  void keep_text(std::uint32_t cell, std::uint32_t text_id) { m_raw.push_back({cell, text_id, {}}); }
  column& mutable_elements() { return *m_elements; }
  column& mutable_values() { return *m_values; }
  /// Sorts the raw texts by cell and trims spare capacity; called once when loading ends.
  void finish();
  std::size_t memory_bytes() const;

 private:
  template <typename T>
  void set(std::uint32_t cell, std::vector<T>& payload, const T& value) {
    payload[cell] = value;
    m_states[cell] = cell_state::present;
  }

  facts::type m_type;
  const string_pool* m_pool;
  std::vector<cell_state> m_states;
  // One payload vector is used, chosen by the kind: u32 holds string ids, booleans, enum indexes, ref
  // rows (key string ids until refs are resolved) and record rows.
  std::vector<std::uint32_t> m_u32;
  std::vector<std::int64_t> m_i64;
  std::vector<double> m_f64;
  std::vector<day_number> m_dates;
  std::vector<duration> m_durations;
  std::vector<cell_span> m_spans;
  struct raw_text {
    std::uint32_t cell;
    std::uint32_t text;     // string id
    std::string_view code;  // the issue code of an invalid cell
  };
  std::vector<raw_text> m_raw;  // sorted by cell
  std::unique_ptr<column> m_elements;
  std::unique_ptr<column> m_values;
};

}  // namespace baomi::facts

// Private to the loader: write access to the store's tables, which readers only see const.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "facts/store.hpp"

namespace baomi::facts {

/// The loader's door into `store` and `table` (both name it a friend).
class loader_access {
 public:
  static table& table_at(store& s, std::uint32_t entity) { return s.m_tables[entity]; }
  static string_pool& strings(store& s) { return *s.m_strings; }
  static void set_as_of(store& s, day_number day) { s.m_as_of = day; }
  static void set_org(store& s, std::string json_text) { s.m_org = std::move(json_text); }

  static column& column_at(table& t, std::uint32_t field) { return t.m_columns[field]; }
  static key_index& keys(table& t) { return t.m_keys; }
  static void add_flag(table& t, std::uint32_t row, row_flag flag) { t.m_flags[row] |= flag; }
  static void set_exported(table& t, bool exported) { t.m_exported = exported; }
  static void set_source(table& t, std::string path) { t.m_source = std::move(path); }

  /// Appends a row of null cells; `json_index` for collection rows, `parent` for record rows. With
  /// `kept`, only the columns it keeps get their cell now; fill_columns gives the others theirs.
  static std::uint32_t append_row(table& t, std::uint32_t json_index, const record_parent& parent,
                                  const std::vector<bool>* kept = nullptr) {
    for (std::size_t f = 0; f < t.m_columns.size(); ++f) {
      if (kept == nullptr || (*kept)[f]) t.m_columns[f].append_null();
    }
    if (t.type().collection) {
      t.m_json_index.push_back(json_index);
    } else {
      t.m_parents.push_back(parent);
    }
    t.m_flags.push_back(row_ok);
    return t.m_row_count++;
  }

  /// Records where the collection row just appended starts (rows are positioned in order).
  static void set_position(table& t, std::uint32_t row, std::size_t line, std::size_t column) {
    constexpr std::size_t most = 0xFFFFFFFF;  // saturated: a column past 4G code points stays "far"
    if (t.m_positions.size() <= row) t.m_positions.resize(row + 1);
    t.m_positions[row] = {static_cast<std::uint32_t>(std::min(line, most)),
                          static_cast<std::uint32_t>(std::min(column, most))};
  }

  /// Null cells for every row in the columns append_row left out.
  static void fill_columns(store& s) {
    for (auto& t : s.m_tables) {
      for (auto& c : t.m_columns) c.fill_nulls(t.m_row_count);
    }
  }

  /// Trims and sorts what loading left unordered.
  static void finish(store& s) {
    for (auto& t : s.m_tables) {
      for (auto& c : t.m_columns) c.finish();
      t.m_json_index.shrink_to_fit();
      t.m_flags.shrink_to_fit();
      t.m_parents.shrink_to_fit();
      t.m_positions.shrink_to_fit();
    }
  }
};

}  // namespace baomi::facts

// One row under construction and the writer of a collection's array.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/date.hpp"
#include "tools/gen/catalog.hpp"
#include "tools/gen/generic.hpp"
#include "tools/gen/json_writer.hpp"
#include "tools/gen/random.hpp"

namespace baomi::gen {

/// A row of one collection. Hand-written generators set the fields they know; a setter whose field the
/// schema lacks or declares with another type does nothing, and every field left unset is generated
/// from its declared type, so that a schema change never makes the snapshot invalid.
class row {
 public:
  row(const catalog& keys, std::uint32_t entity, random& r);

  /// Clears every field and sets the key of row `index`.
  void reset(std::uint64_t index);

  void set_string(std::string_view field, std::string_view text);
  void set_int(std::string_view field, std::int64_t value);
  /// A decimal literal such as `2.5`.
  void set_number(std::string_view field, std::string_view literal);
  void set_bool(std::string_view field, bool value);
  /// A date, or null (nullopt) when the field is optional.
  void set_date(std::string_view field, std::optional<facts::day_number> day);
  /// A duration literal: `10y`, `6mo`.
  void set_duration(std::string_view field, std::string_view literal);
  /// An enum value by symbol; written now and then as its Chinese label.
  void set_enum(std::string_view field, std::string_view symbol);
  void set_enums(std::string_view field, std::span<const std::string_view> symbols);
  /// The key of row `index` of `collection`, or null (nullopt) when the field is optional.
  void set_ref(std::string_view field, std::string_view collection, std::optional<std::uint64_t> index);
  void set_refs(std::string_view field, std::string_view collection, std::span<const std::uint32_t> indexes);
  void set_null(std::string_view field);

  std::uint32_t entity() const { return m_entity; }
  /// The JSON text of field `i`, or null when it is left to the generic generator.
  const std::string* token(std::size_t i) const { return m_set[i] ? &m_tokens[i] : nullptr; }

 private:
  /// The cleared token of `field` when the schema declares it with `kind`, else null.
  std::string* slot(std::string_view field, facts::type_kind kind);
  const facts::field& field_at(std::size_t i) const;

  const catalog* m_keys;
  std::uint32_t m_entity;
  random* m_random;
  std::unordered_map<std::string_view, std::uint32_t> m_index;
  std::vector<std::string> m_tokens;
  std::vector<char> m_set;
};

/// Writes one collection as a JSON array, one row per line, streaming; with `lines`, as JSON Lines
/// (each row's object, the same text, then a newline; no brackets).
class collection_writer {
 public:
  collection_writer(json_writer& out, const catalog& keys, const generic_context& ctx, std::uint32_t entity, random& r,
                    bool lines = false);
  collection_writer(const collection_writer&) = delete;
  collection_writer& operator=(const collection_writer&) = delete;
  /// Closes the array.
  ~collection_writer();

  /// A cleared row keyed by the next row number.
  row& begin();
  /// Writes the row begun last; unset fields get generic values.
  void commit();
  std::uint64_t rows() const { return m_rows; }
  random& rng() { return *m_random; }

 private:
  json_writer* m_out;
  const catalog* m_keys;
  generic_context m_ctx;
  random* m_random;
  row m_row;
  std::string m_text;
  std::uint64_t m_rows = 0;
  bool m_lines = false;
};

}  // namespace baomi::gen

// The fact schema: enums and entity types with typed fields, built by the engine from `entity`/`enum`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace baomi::facts {

/// The kinds of field types. `record` is a nested object typed by an entity without a collection.
enum class type_kind { string, integer, number, boolean, date, duration, enumeration, ref, list, map, range, record };

/// A field type. `target` is the enum index (enumeration) or the entity index (ref, record);
/// `args` holds the element type (list, range) or the key and value types (map).
struct type {
  type_kind kind = type_kind::string;
  bool optional = false;
  std::uint32_t target = 0;
  std::vector<type> args;

  friend bool operator==(const type&, const type&) = default;
};

/// Type constructors, to keep schema building readable.
type scalar(type_kind kind);
type enum_of(std::uint32_t enum_index);
type ref_to(std::uint32_t entity_index);
type record_of(std::uint32_t entity_index);
type list_of(type element);
type map_of(type key, type value);
type range_of(type bound);
type optional_of(type t);

/// One value of an enum: the symbol used in rules and the Chinese label; facts may use either.
struct enum_value {
  std::string symbol;
  std::string label;
};

struct enum_type {
  std::string name;
  std::vector<enum_value> values;
  /// The index of the value whose symbol or label is `text`.
  std::optional<std::uint32_t> find(std::string_view text) const;
};

struct field {
  std::string name;
  facts::type type;
  std::string doc;
  /// What a null value means when it means "not done / none" (`在保密室`, `未征求`); empty when a null
  /// means "not known" (the default). Declared `none "…"` after an optional type.
  std::string none;
};

/// One piece of an entity's label: literal text, or the value of a field.
struct label_part {
  std::string text;
  std::optional<std::uint32_t> field;
};

/// An entity type. With a collection, its instances are the rows of a top-level array of the snapshot;
/// without one it is a nested record type used by `record` fields.
struct entity_type {
  std::string name;
  std::optional<std::string> collection;
  std::optional<std::string> key;
  std::vector<field> fields;
  std::string doc;
  /// How findings name an instance (`label name`, `label "{kind} {serial}"`); empty: by its key only.
  std::vector<label_part> label;
  std::optional<std::uint32_t> find_field(std::string_view name) const;
  /// The index of the key field, if the key names a field.
  std::optional<std::uint32_t> key_field() const;
};

/// A schema problem, found by `schema::validate`.
struct schema_problem {
  std::string where;  // `person.department`, `enum level`, …
  std::string message;
};

/// Enums and entity types, addressed by index. Indexes are stable: nothing is ever removed.
class schema {
 public:
  std::uint32_t add_enum(enum_type e);
  std::uint32_t add_entity(entity_type e);

  const std::vector<enum_type>& enums() const { return m_enums; }
  const std::vector<entity_type>& entities() const { return m_entities; }
  const enum_type& enum_at(std::uint32_t index) const { return m_enums.at(index); }
  const entity_type& entity_at(std::uint32_t index) const { return m_entities.at(index); }

  std::optional<std::uint32_t> find_enum(std::string_view name) const;
  std::optional<std::uint32_t> find_entity(std::string_view name) const;
  /// The entity whose instances live in the top-level array `collection`.
  std::optional<std::uint32_t> find_collection(std::string_view collection) const;

  /// Everything that would make a snapshot unloadable or ambiguous: duplicate names, dangling
  /// indexes, keys that are not string/integer fields, refs to entities without a collection, records
  /// nested other than as a field or a list element, map keys that are not string or enum.
  std::vector<schema_problem> validate() const;

 private:
  std::vector<enum_type> m_enums;
  std::vector<entity_type> m_entities;
};

/// The type as written in a schema: `ref person?`, `list<string>`, `map<grade, range<duration>>`.
std::string to_string(const type& t, const schema& s);

/// The name of a scalar kind as written in a schema (`string`, `integer`, `date`, …).
std::string_view to_string(type_kind kind);

/// JSON Schema (draft 2020-12) of a snapshot: `as_of`, `org`, and one array per collection.
nlohmann::json to_json_schema(const schema& s);

/// A human-readable listing of the schema, in the declaration syntax, for `baomi schema`.
std::string describe(const schema& s);

}  // namespace baomi::facts

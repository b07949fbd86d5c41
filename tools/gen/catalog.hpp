// The collections of the schema found at run time: their key format and how many rows each gets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/schema.hpp"

namespace baomi::gen {

/// How the rows of one collection are keyed and counted. Keys are `prefix` + the 1-based row number,
/// zero-padded to `width` digits (or the plain number for an integer key).
struct collection_plan {
  std::uint32_t entity = 0;
  std::string collection;
  std::string prefix;
  int width = 1;
  std::uint64_t count = 0;  // rows; only an upper bound unless `exact`
  bool exact = false;       // the count is known before writing, so refs to the collection are safe
  bool referenced = false;  // some field of the schema refers to this collection
  std::optional<std::uint32_t> key_field;
  bool integer_key = false;
};

class catalog {
 public:
  explicit catalog(const facts::schema& s);

  const facts::schema& schema() const { return *m_schema; }
  std::vector<collection_plan>& plans() { return m_plans; }
  const std::vector<collection_plan>& plans() const { return m_plans; }
  collection_plan* find(std::string_view collection);
  /// The plan of the collection holding entity `entity`; null for record types.
  const collection_plan* plan_of(std::uint32_t entity) const;

  /// Sets the row count (and the key width) of a collection.
  void set_count(std::string_view collection, std::uint64_t count, bool exact);
  /// Appends the JSON token of the key of row `index` of entity `entity`'s collection.
  void append_key(std::string& out, std::uint32_t entity, std::uint64_t index) const;

 private:
  const facts::schema* m_schema;
  std::vector<collection_plan> m_plans;
  std::vector<std::int32_t> m_plan_of_entity;  // -1 for record types
};

}  // namespace baomi::gen

// Runtime values of the evaluator: small, trivially copyable, three-valued (null is unknown; an invalid
// value is an unknown that null tests cannot answer either; a null of a field declared `none` is no
// unknown but a definite "not done / nobody").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "facts/date.hpp"

namespace baomi::facts {
class column;
class store;
class schema;
}  // namespace baomi::facts

namespace baomi::engine {

enum class vkind : std::uint8_t {
  null,  // unknown: missing, null or invalid facts, and what is computed from them (`invalid` tells which);
         // or, with `none`, a declared "none" (language.md §9)
  boolean,
  integer,
  number,
  string,
  date,
  duration,
  span,         // `b - a` of two dates: a duration that remembers where it starts
  enumeration,  // aux = enum index, u.index = value index
  entity,       // aux = table, u.index = row (records too)
  list,
  map,
  range,
};

/// How a list's elements are stored.
enum class list_source : std::uint8_t {
  table,   // rows 0..count of table `aux`
  rows,    // `rows[0..count)` of table `aux` (an index lookup)
  column,  // cells [offset, offset + count) of an element column
  items,   // `items[0..count)`; maps hold key, value pairs; ranges hold lo, hi
};

struct value {
  vkind kind = vkind::null;
  list_source source = list_source::items;
  /// With kind null: the value is not missing but unreadable (an invalid fact, a collection the
  /// snapshot did not export) or computed from one. `is null`, `is not null` and `??` answer unknown
  /// for it, so bad data never looks like an absent fact (language.md §9).
  bool invalid = false;
  /// With kind null: a null of a field declared `none "…"` (not done, nobody), not an unknown. `text`
  /// holds the declared Chinese meaning; tests on it give definite answers (language.md §9).
  bool none = false;
  std::uint32_t aux = 0;
  std::uint32_t count = 0;
  /// With kind null (not none): the evaluator's record of the facts that made it unknown, 0 when none
  /// was recorded (evaluator::causes_of).
  std::uint32_t cause = 0;
  union payload {
    bool flag;
    std::int64_t integer;
    double number;
    facts::day_number date;
    std::uint32_t index;
    std::uint32_t offset;
    struct {
      facts::day_number from;
      facts::day_number to;
    } span;
    struct {
      std::int32_t low;
      std::int32_t high;
    } count_range;  // with `counted`
  } u{};
  facts::duration dur{};
  /// With kind null: an unknown `count`, between `u.count_range.low` (the elements known to match)
  /// and `high` (those plus the elements whose condition is unknown). A comparison with a number
  /// is decided when every count in that range gives the same answer (language.md §9).
  bool counted = false;
  std::string_view text;
  const void* ptr = nullptr;  // rows (uint32_t*), column, or items (value*)

  /// Null in any sense: unknown, invalid or none.
  bool is_null() const { return kind == vkind::null; }
  bool is_invalid() const { return kind == vkind::null && invalid; }
  bool is_none() const { return kind == vkind::null && none; }
  /// Unknown or invalid: a test on it cannot be answered.
  bool is_unknown() const { return kind == vkind::null && !none; }
  /// False, or a none standing where a condition is read (the event did not happen).
  bool is_falsy() const { return is_false() || is_none(); }
  bool is_true() const { return kind == vkind::boolean && u.flag; }
  bool is_false() const { return kind == vkind::boolean && !u.flag; }

  static value null() { return {}; }
  static value none_of(std::string_view meaning) {
    value v;
    v.none = true;
    v.text = meaning;
    return v;
  }
  static value invalid_fact() {
    value v;
    v.invalid = true;
    return v;
  }
  /// The unknown that `a` and `b` give: invalid when either is.
  static value unknown_of(const value& a, const value& b) {
    return a.is_invalid() || b.is_invalid() ? invalid_fact() : null();
  }
  static value boolean(bool b) {
    value v;
    v.kind = vkind::boolean;
    v.u.flag = b;
    return v;
  }
  static value integer(std::int64_t i) {
    value v;
    v.kind = vkind::integer;
    v.u.integer = i;
    return v;
  }
  static value number(double n) {
    value v;
    v.kind = vkind::number;
    v.u.number = n;
    return v;
  }
  static value string(std::string_view s) {
    value v;
    v.kind = vkind::string;
    v.text = s;
    return v;
  }
  static value date(facts::day_number d) {
    value v;
    v.kind = vkind::date;
    v.u.date = d;
    return v;
  }
  static value duration(const facts::duration& d) {
    value v;
    v.kind = vkind::duration;
    v.dur = d;
    return v;
  }
  static value span(facts::day_number from, facts::day_number to) {
    value v;
    v.kind = vkind::span;
    v.u.span = {from, to};
    return v;
  }
  static value enumeration(std::uint32_t enum_index, std::uint32_t index) {
    value v;
    v.kind = vkind::enumeration;
    v.aux = enum_index;
    v.u.index = index;
    return v;
  }
  static value entity(std::uint32_t table, std::uint32_t row) {
    value v;
    v.kind = vkind::entity;
    v.aux = table;
    v.u.index = row;
    return v;
  }
  static value items(vkind kind, const value* items, std::uint32_t count) {
    value v;
    v.kind = kind;
    v.source = list_source::items;
    v.ptr = items;
    v.count = count;
    return v;
  }
};

/// The text of a value as messages show it: dates ISO, enums by label, entities by key, null as 未知,
/// invalid as 无效值, a none as its declared meaning.
std::string render(const value& v, const facts::store* store, const facts::schema& schema);

}  // namespace baomi::engine

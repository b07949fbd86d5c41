// Reading values out of fact columns and lists, and comparing values.
#include "engine/eval/values.hpp"

#include "facts/calendar.hpp"
#include "facts/store.hpp"

namespace baomi::engine::evaluation {

using facts::type_kind;

value list_from_column(const facts::column& col, std::uint32_t cell) {
  value v;
  v.kind = vkind::list;
  const auto& element = col.elements();
  auto span = col.as_span(cell);
  if (element.kind() == type_kind::ref) {
    auto rows = col.refs(cell);
    v.source = list_source::rows;
    v.aux = element.type().target;
    v.ptr = rows.data();
    v.count = static_cast<std::uint32_t>(rows.size());
  } else {
    v.source = list_source::column;
    v.ptr = &element;
    v.u.offset = span.offset;
    v.count = span.count;
  }
  return v;
}

value read_cell(const facts::column& col, std::uint32_t cell, value_arena& arena) {
  if (col.state(cell) == facts::cell_state::invalid) return value::invalid_fact();
  if (col.state(cell) != facts::cell_state::present) return value::null();
  switch (col.kind()) {
    case type_kind::string:
      return value::string(col.as_string(cell));
    case type_kind::integer:
      return value::integer(col.as_integer(cell));
    case type_kind::number:
      return value::number(col.as_number(cell));
    case type_kind::boolean:
      return value::boolean(col.as_bool(cell));
    case type_kind::date:
      return value::date(col.as_date(cell));
    case type_kind::duration:
      return value::duration(col.as_duration(cell));
    case type_kind::enumeration:
      return value::enumeration(col.type().target, col.as_enum(cell));
    case type_kind::ref: {
      auto row = col.as_ref(cell);
      return row == facts::no_row ? value::invalid_fact() : value::entity(col.type().target, row);
    }
    case type_kind::record:
      return value::entity(col.type().target, col.as_record(cell));
    case type_kind::list:
      return list_from_column(col, cell);
    case type_kind::map:
    case type_kind::range: {
      auto span = col.as_span(cell);
      auto& items = arena.emplace_back();
      for (std::uint32_t i = 0; i < span.count; ++i) {
        items.push_back(read_cell(col.elements(), span.offset + i, arena));
        if (col.kind() == type_kind::map) items.push_back(read_cell(col.values(), span.offset + i, arena));
      }
      return value::items(col.kind() == type_kind::map ? vkind::map : vkind::range, items.data(),
                          static_cast<std::uint32_t>(col.kind() == type_kind::map ? items.size() / 2 : items.size()));
    }
  }
  return value::null();
}

std::uint32_t length(const value& list) { return list.count; }

value element(const value& list, std::uint32_t i, value_arena& arena) {
  switch (list.source) {
    case list_source::table:
      return value::entity(list.aux, i);
    case list_source::rows: {
      auto row = static_cast<const std::uint32_t*>(list.ptr)[i];  // no_row: an invalid or dangling ref
      return row == facts::no_row ? value::invalid_fact() : value::entity(list.aux, row);
    }
    case list_source::column:
      return read_cell(*static_cast<const facts::column*>(list.ptr), list.u.offset + i, arena);
    case list_source::items:
      return static_cast<const value*>(list.ptr)[i];
  }
  return value::null();
}

double as_double(const value& v) { return v.kind == vkind::integer ? static_cast<double>(v.u.integer) : v.u.number; }

std::optional<bool> equal(const value& a, const value& b) {
  if (a.is_unknown() || b.is_unknown()) return std::nullopt;
  if (a.is_none() || b.is_none()) return a.is_none() && b.is_none();  // nothing equals only nothing
  if ((a.kind == vkind::integer || a.kind == vkind::number) && (b.kind == vkind::integer || b.kind == vkind::number)) {
    if (a.kind == vkind::integer && b.kind == vkind::integer) return a.u.integer == b.u.integer;
    return as_double(a) == as_double(b);
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case vkind::boolean:
      return a.u.flag == b.u.flag;
    case vkind::string:
      return a.text == b.text;
    case vkind::date:
      return a.u.date == b.u.date;
    case vkind::duration:
      return a.dur == b.dur;
    case vkind::span:
      return a.u.span.to - a.u.span.from == b.u.span.to - b.u.span.from;
    case vkind::enumeration:
    case vkind::entity:
      return a.aux == b.aux && a.u.index == b.u.index;
    default:
      return false;
  }
}

std::optional<int> sign(std::strong_ordering o) { return o < 0 ? -1 : o > 0 ? 1 : 0; }

/// Equality; a date difference equals a duration when it spans exactly that calendar length.
std::optional<bool> equals(const value& a, const value& b, const facts::calendar* calendar) {
  bool mixed =
      (a.kind == vkind::span && b.kind == vkind::duration) || (a.kind == vkind::duration && b.kind == vkind::span);
  if (!mixed) return equal(a, b);
  auto c = compare(a, b, calendar);
  if (!c) return std::nullopt;
  return *c == 0;
}
std::optional<int> compare(const value& a, const value& b, const facts::calendar* calendar) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if ((a.kind == vkind::integer || a.kind == vkind::number) && (b.kind == vkind::integer || b.kind == vkind::number)) {
    if (a.kind == vkind::integer && b.kind == vkind::integer) return sign(a.u.integer <=> b.u.integer);
    double x = as_double(a), y = as_double(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.kind == vkind::date && b.kind == vkind::date) return sign(a.u.date <=> b.u.date);
  if (a.kind == vkind::string && b.kind == vkind::string) return sign(a.text <=> b.text);
  if (a.kind == vkind::span && b.kind == vkind::duration) {
    // `to - from` against d: calendar-exact, from the span's start.
    auto end = facts::add(a.u.span.from, b.dur, calendar);
    if (!end) return std::nullopt;
    return sign(a.u.span.to <=> *end);
  }
  if (a.kind == vkind::duration && b.kind == vkind::span) {
    auto r = compare(b, a, calendar);
    return r ? std::optional<int>(-*r) : std::nullopt;
  }
  if (a.kind == vkind::span && b.kind == vkind::span) {
    return sign((a.u.span.to - a.u.span.from) <=> (b.u.span.to - b.u.span.from));
  }
  if (a.kind == vkind::duration && b.kind == vkind::duration) {
    auto o = facts::compare(a.dur, b.dur);
    if (!o) return std::nullopt;
    return sign(*o);
  }
  return std::nullopt;
}
}  // namespace baomi::engine::evaluation

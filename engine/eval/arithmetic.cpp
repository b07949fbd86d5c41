// Arithmetic on numbers, dates, durations and strings, with null (unknown, or none) propagating.
#include "engine/eval/interpreter.hpp"

#include "facts/calendar.hpp"

namespace baomi::engine::evaluation {

using facts::type_kind;

value evaluator::negate(const value& v) {
  if (v.is_null()) {
    auto out = v;
    out.counted = false;  // `-n` is not the count `n` (count_range.cpp)
    return out;
  }
  switch (v.kind) {
    case vkind::integer:
      return value::integer(-v.u.integer);
    case vkind::number:
      return value::number(-v.u.number);
    case vkind::duration:
      return value::duration(-v.dur);
    default:
      return value::null();
  }
}

namespace {

facts::duration as_duration(const value& v) {
  if (v.kind == vkind::span) return {0, v.u.span.to - v.u.span.from, 0};
  return v.dur;
}

}  // namespace

value evaluator::arithmetic(ir::op op, const value& a, const value& b) {
  if (a.is_none() || b.is_none()) return a.is_none() ? a : b;  // computed from an event that did not happen
  if (a.is_unknown() || b.is_unknown()) return unknown(a, b);
  bool durations =
      (a.kind == vkind::duration || a.kind == vkind::span) && (b.kind == vkind::duration || b.kind == vkind::span);
  if (a.kind == vkind::integer && b.kind == vkind::integer) {
    auto x = a.u.integer, y = b.u.integer;
    switch (op) {
      case ir::op::add:
        return value::integer(x + y);
      case ir::op::sub:
        return value::integer(x - y);
      case ir::op::mul:
        return value::integer(x * y);
      case ir::op::div:
        return y == 0 ? value::null() : value::number(static_cast<double>(x) / static_cast<double>(y));
      case ir::op::mod:
        return y == 0 ? value::null() : value::integer(x % y);
      default:
        return value::null();
    }
  }
  if ((a.kind == vkind::integer || a.kind == vkind::number) && (b.kind == vkind::integer || b.kind == vkind::number)) {
    double x = as_double(a), y = as_double(b);
    switch (op) {
      case ir::op::add:
        return value::number(x + y);
      case ir::op::sub:
        return value::number(x - y);
      case ir::op::mul:
        return value::number(x * y);
      case ir::op::div:
        return y == 0 ? value::null() : value::number(x / y);
      default:
        return value::null();
    }
  }
  if (a.kind == vkind::date && (b.kind == vkind::duration || b.kind == vkind::span)) {
    auto d = op == ir::op::add ? facts::add(a.u.date, as_duration(b), m_calendar)
                               : facts::subtract(a.u.date, as_duration(b), m_calendar);
    return d ? value::date(*d) : value::null();
  }
  if ((a.kind == vkind::duration || a.kind == vkind::span) && b.kind == vkind::date && op == ir::op::add) {
    auto d = facts::add(b.u.date, as_duration(a), m_calendar);
    return d ? value::date(*d) : value::null();
  }
  if (a.kind == vkind::date && b.kind == vkind::date && op == ir::op::sub) return value::span(b.u.date, a.u.date);
  if (durations) {
    auto x = as_duration(a), y = as_duration(b);
    return value::duration(op == ir::op::add ? x + y : x + -y);
  }
  if (op == ir::op::mul && (a.kind == vkind::integer || b.kind == vkind::integer)) {
    auto d = as_duration(a.kind == vkind::integer ? b : a);
    auto k = static_cast<std::int32_t>(a.kind == vkind::integer ? a.u.integer : b.u.integer);
    return value::duration({d.months * k, d.days * k, d.working_days * k});
  }
  if (a.kind == vkind::string && b.kind == vkind::string && op == ir::op::add) {
    m_strings.push_back(std::string(a.text) + std::string(b.text));
    return value::string(m_strings.back());
  }
  return value::null();
}

}  // namespace baomi::engine::evaluation

// A comparison with a `count` whose condition is unknown for some elements (language.md §9): the
// count lies between the known matches and the known matches plus the unknown elements (the unknown
// value carries that range, through `let` and function results too), and the comparison is decided
// when it comes out the same for every count in that range. So `(count t in trainings where p in
// t.attendees) >= 2` is true as soon as two known trainings have the person, whatever the trainings
// whose attendee list is invalid.
#include "engine/eval/interpreter.hpp"

namespace baomi::engine::evaluation {

namespace {

struct bounds {
  std::int64_t low, high;
};

// Whether `op` holds for every pair of values in `a` × `b` (true), for none (false), or for some.
std::optional<bool> decide(ir::op op, bounds a, bounds b) {
  switch (op) {
    case ir::op::lt:
      if (a.high < b.low) return true;
      if (a.low >= b.high) return false;
      return std::nullopt;
    case ir::op::le:
      if (a.high <= b.low) return true;
      if (a.low > b.high) return false;
      return std::nullopt;
    case ir::op::gt:
      if (a.low > b.high) return true;
      if (a.high <= b.low) return false;
      return std::nullopt;
    case ir::op::ge:
      if (a.low >= b.high) return true;
      if (a.high < b.low) return false;
      return std::nullopt;
    case ir::op::eq:
    case ir::op::ne: {
      std::optional<bool> equal;
      if (a.low == a.high && b.low == b.high && a.low == b.low) equal = true;
      if (a.high < b.low || b.high < a.low) equal = false;
      if (!equal) return std::nullopt;
      return op == ir::op::eq ? *equal : !*equal;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

// Each operand a known integer or an unknown count with its range; anything else (an unknown
// param, a none) takes the usual path (nothing returned).
std::optional<value> evaluator::compare_counts(ir::op op, const value& a, const value& b) {
  auto range = [](const value& v) -> std::optional<bounds> {
    if (v.kind == vkind::integer) return bounds{v.u.integer, v.u.integer};
    if (v.is_unknown() && v.counted) return bounds{v.u.count_range.low, v.u.count_range.high};
    return std::nullopt;
  };
  auto ra = range(a);
  auto rb = range(b);
  if (!ra || !rb) return std::nullopt;
  if (auto r = decide(op, *ra, *rb)) return value::boolean(*r);
  return unknown(a, b);
}

}  // namespace baomi::engine::evaluation

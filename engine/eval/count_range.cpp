// A comparison with a `count` whose condition is unknown for some elements (language.md §9): the
// count lies between the known matches and the known matches plus the unknown elements, and the
// comparison is decided when it comes out the same for every count in that range. So
// `count t in trainings where p in t.attendees >= 2` is true as soon as two known trainings have
// the person, whatever the trainings whose attendee list is invalid.
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

// Operands in written order, as everywhere (evidence follows the text). Each operand is a known
// integer or a count with its range; anything else (an unknown param, a none) takes the usual path.
value evaluator::compare_counts(const ir::node& n) {
  value operands[2];
  std::optional<bounds> ranges[2];
  for (int i = 0; i < 2; ++i) {
    const auto& child = n.children[static_cast<std::size_t>(i)];
    m_count_range.node = nullptr;
    operands[i] = eval(child);
    if (operands[i].kind == vkind::integer) {
      ranges[i] = bounds{operands[i].u.integer, operands[i].u.integer};
    } else if (child.op == ir::op::count && m_count_range.node == &child) {
      ranges[i] = bounds{m_count_range.low, m_count_range.high};
    }
  }
  const auto& a = operands[0];
  const auto& b = operands[1];
  if (ranges[0] && ranges[1]) {
    if (auto r = decide(n.op, *ranges[0], *ranges[1])) return value::boolean(*r);
    return unknown(a, b);
  }
  if (n.op == ir::op::eq || n.op == ir::op::ne) {
    auto r = equals(a, b);
    if (!r) return unknown(a, b);
    return value::boolean(n.op == ir::op::eq ? *r : !*r);
  }
  auto c = compare(a, b);
  if (!c) return a.is_none() || b.is_none() ? value::boolean(false) : unknown(a, b);
  bool r = n.op == ir::op::lt ? *c < 0 : n.op == ir::op::le ? *c <= 0 : n.op == ir::op::gt ? *c > 0 : *c >= 0;
  return value::boolean(r);
}

}  // namespace baomi::engine::evaluation

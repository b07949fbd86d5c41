// Quantifiers (`exists`, `all`, `none`) and aggregates (`count`, `sum`, `min`, `max`, `latest`):
// over every element, or over a reverse-index lookup when the plan found a join.
#include <algorithm>

#include "engine/eval/interpreter.hpp"
#include "facts/store.hpp"

namespace baomi::engine::evaluation {

using facts::type_kind;

// Rows whose join field has no resolved target (null, invalid, dangling, or a list holding such an
// element): the join's equality is unknown for them, so a lookup must still visit them to give
// the same answer as a scan.
const std::vector<std::uint32_t>& evaluator::unresolved(std::uint32_t table, std::uint32_t field) {
  auto key = (static_cast<std::uint64_t>(table) << 32) | field;
  auto it = m_unresolved.find(key);
  if (it != m_unresolved.end()) return it->second;
  std::vector<std::uint32_t> rows;
  const auto& col = m_store->table_at(table).column_at(field);
  for (std::uint32_t row = 0; row < col.size(); ++row) {
    bool missing = !col.present(row);
    if (!missing && col.kind() == type_kind::ref) missing = col.as_ref(row) == facts::no_row;
    if (!missing && col.kind() == type_kind::list) {
      auto refs = col.refs(row);
      missing = std::find(refs.begin(), refs.end(), facts::no_row) != refs.end();
    }
    if (missing) rows.push_back(row);
  }
  return m_unresolved.emplace(key, std::move(rows)).first->second;
}

// Iterates the candidates of a quantifier or aggregate in row order: all elements, or a reverse-
// index lookup merged with the rows the lookup cannot decide.
template <typename Visit>
bool evaluator::each(const ir::node& n, Visit visit) {
  auto coll = eval(n.children[0]);
  m_each_invalid = coll.is_invalid();
  if (coll.is_null()) return false;
  if (n.join.enabled && m_store) {
    auto key = eval(n.children[n.join.key]);
    m_each_invalid = key.is_invalid();
    if (key.is_null()) return false;
    auto hits = m_store->referencing(coll.aux, n.join.field).rows(key.u.index);
    const auto& open = unresolved(coll.aux, n.join.field);
    auto a = hits.begin();
    auto b = open.begin();
    while (a != hits.end() || b != open.end()) {
      std::uint32_t row = (b == open.end() || (a != hits.end() && *a < *b)) ? *a++ : *b++;
      if (!visit(value::entity(coll.aux, row))) break;
    }
    return true;
  }
  for (std::uint32_t i = 0; i < length(coll); ++i) {
    if (!visit(element(coll, i, m_arena))) break;
  }
  return true;
}

value evaluator::quantify(const ir::node& n) {
  bool any_true = false, any_false = false, any_unknown = false, any_invalid = false;
  auto ok = each(n, [&](const value& e) {
    frame[n.slot] = e;
    auto c = n.has_condition ? eval(n.children[1]) : value::boolean(true);
    note_partner(e, c);
    any_invalid = any_invalid || c.is_invalid();
    if (c.is_null())
      any_unknown = true;
    else if (c.u.flag)
      any_true = true;
    else
      any_false = true;
    // Stop as soon as the answer is known.
    return !(n.op == ir::op::all ? any_false : any_true);
  });
  if (!ok) return m_each_invalid ? value::invalid_fact() : value::null();
  auto unknown = any_invalid ? value::invalid_fact() : value::null();
  switch (n.op) {
    case ir::op::exists:
      return any_true ? value::boolean(true) : any_unknown ? unknown : value::boolean(false);
    case ir::op::none:
      return any_true ? value::boolean(false) : any_unknown ? unknown : value::boolean(true);
    default:
      return any_false ? value::boolean(false) : any_unknown ? unknown : value::boolean(true);
  }
}

value evaluator::aggregate(const ir::node& n) {
  std::int64_t count = 0;
  bool unknown = false, invalid = false;
  value best;
  value best_element;
  value total;
  std::size_t projection = n.has_condition ? 2 : 1;
  auto ok = each(n, [&](const value& e) {
    frame[n.slot] = e;
    auto c = n.has_condition ? eval(n.children[1]) : value::boolean(true);
    note_partner(e, c);
    if (c.is_null()) {
      unknown = true;
      invalid = invalid || c.is_invalid();
      return true;
    }
    if (!c.u.flag) return true;
    ++count;
    if (n.op == ir::op::count) return true;
    auto v = eval(n.children[projection]);
    invalid = invalid || v.is_invalid();
    if (n.op == ir::op::sum) {
      if (v.is_null())
        unknown = true;
      else
        total = total.is_null() ? v : arithmetic(ir::op::add, total, v);
      return true;
    }
    if (v.is_invalid()) unknown = true;
    if (v.is_null()) return true;  // min, max, latest skip elements without a value, not invalid ones
    auto cmp = best.is_null() ? std::optional<int>(n.op == ir::op::min ? -1 : 1) : compare(v, best);
    if (!cmp) {
      unknown = true;
      return true;
    }
    bool better = n.op == ir::op::min ? *cmp < 0 : *cmp > 0;
    if (best.is_null() || better) {
      best = v;
      best_element = e;
    }
    return true;
  });
  if (!ok) return m_each_invalid ? value::invalid_fact() : value::null();
  if (unknown) return invalid ? value::invalid_fact() : value::null();
  switch (n.op) {
    case ir::op::count:
      return value::integer(count);
    case ir::op::sum:
      if (total.is_null())
        return n.type.kind == type_kind::number     ? value::number(0)
               : n.type.kind == type_kind::duration ? value::duration({})
                                                    : value::integer(0);
      return total;
    case ir::op::latest:
      return best_element;
    default:
      return best;
  }
}

}  // namespace baomi::engine::evaluation

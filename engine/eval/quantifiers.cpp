// Quantifiers (`exists`, `all`, `none`) and aggregates (`count`, `sum`, `min`, `max`, `latest`):
// over every element, or over a reverse-index lookup when the plan found a join.
#include <algorithm>

#include "engine/eval/interpreter.hpp"
#include "facts/store.hpp"

namespace baomi::engine::evaluation {

using facts::type_kind;

// Rows whose join field has no resolved target (null, invalid, dangling, or a list holding such an
// element): the join's equality is unknown for them, so a lookup must still visit them to give
// the same answer as a scan. A null in a field declared `none` is nobody, never equal to the key:
// its rows are not among them (a lookup on `carriers.holder` skips the carriers in the 保密室).
const std::vector<std::uint32_t>& evaluator::unresolved(std::uint32_t table, std::uint32_t field) {
  auto key = (static_cast<std::uint64_t>(table) << 32) | field;
  auto it = m_unresolved.find(key);
  if (it != m_unresolved.end()) return it->second;
  std::vector<std::uint32_t> rows;
  const auto& col = m_store->table_at(table).column_at(field);
  bool none = !m_store->table_at(table).type().fields[field].none.empty();
  for (std::uint32_t row = 0; row < col.size(); ++row) {
    bool missing = !col.present(row);
    if (missing && none && col.state(row) == facts::cell_state::null) continue;  // nobody: never a hit
    if (!missing && col.kind() == type_kind::ref) missing = col.as_ref(row) == facts::no_row;
    if (!missing && col.kind() == type_kind::list) {
      auto refs = col.refs(row);
      missing = std::find(refs.begin(), refs.end(), facts::no_row) != refs.end();
    }
    if (missing) rows.push_back(row);
  }
  return m_unresolved.emplace(key, std::move(rows)).first->second;
}

namespace {

// Whether `n` reads no local but `slot` and the binders of quantifiers inside it: its value for an
// element does not depend on the subject.
bool reads_only(const ir::node& n, std::vector<std::uint32_t>& bound) {
  if (n.op == ir::op::local) return std::find(bound.begin(), bound.end(), n.slot) != bound.end();
  if (ir::binds_element(n.op)) {
    if (!n.children.empty() && !reads_only(n.children[0], bound)) return false;
    bound.push_back(n.slot);
    bool ok = true;
    for (std::size_t i = 1; i < n.children.size() && ok; ++i) ok = reads_only(n.children[i], bound);
    bound.pop_back();
    return ok;
  }
  return std::all_of(n.children.begin(), n.children.end(), [&](const auto& c) { return reads_only(c, bound); });
}

void split_and(const ir::node& n, std::vector<const ir::node*>& out) {
  if (n.op == ir::op::logical_and) {
    for (const auto& c : n.children) split_and(c, out);
  } else {
    out.push_back(&n);
  }
}

// `x.f == key`, `key == x.f` or `key in x.f` with x the binder and f the join's field.
bool is_join_part(const ir::node& part, const ir::node& q) {
  auto binder_field = [&](const ir::node& side) {
    return side.op == ir::op::field && side.field == q.join.field && side.children.size() == 1 &&
           side.children[0].op == ir::op::local && side.children[0].slot == q.slot;
  };
  if (part.children.size() != 2) return false;
  if (part.op == ir::op::eq) return binder_field(part.children[0]) || binder_field(part.children[1]);
  return part.op == ir::op::in && binder_field(part.children[1]);
}

// Whether the condition of a join quantifier, for an element whose join field does not resolve, has
// the same value whatever the subject: every conjunct but the join's reads only the element.
bool subject_free(const ir::node& q) {
  if (!q.has_condition) return false;
  std::vector<const ir::node*> parts;
  split_and(q.children[1], parts);
  bool join_seen = false;
  for (const auto* part : parts) {
    if (!join_seen && is_join_part(*part, q)) {
      join_seen = true;
      continue;
    }
    std::vector<std::uint32_t> bound{q.slot};
    if (!reads_only(*part, bound)) return false;
  }
  return join_seen;
}

}  // namespace

// The unresolved rows of a join that can never be a lookup hit (a null, invalid or dangling ref, a
// null list), with whether the condition is unknown for each: computed once per quantifier, since
// the condition's value for them does not depend on the subject (subject_free). Rows that may still
// hit (a list holding a dangling element beside valid ones) are in `recheck`, visited every time.
struct evaluator::open_rows {
  std::vector<std::uint32_t> fixed;          // never a hit, in row order
  std::vector<std::uint32_t> next_unknown;   // per position in `fixed` (and one past it): the first
                                             // position at or after it whose condition is unknown
  std::vector<std::uint32_t> unknowns_from;  // per position in `fixed` (and one past it): how many
                                             // rows at or after it have an unknown condition
  std::vector<std::uint32_t> recheck;
};

const evaluator::open_rows* evaluator::open_verdicts(const ir::node& n, const std::vector<std::uint32_t>& open) {
  auto it = m_open.find(&n);
  if (it != m_open.end()) return it->second.get();
  std::shared_ptr<open_rows> rows;
  if (subject_free(n)) {
    rows = std::make_shared<open_rows>();
    const auto& col = m_store->table_at(n.children[0].table).column_at(n.join.field);
    for (auto row : open) {
      bool may_hit = col.present(row) && col.kind() == type_kind::list && !col.refs(row).empty();
      (may_hit ? rows->recheck : rows->fixed).push_back(row);
    }
    // Each fixed row's condition, with nothing recorded: the key is irrelevant for these rows.
    auto saved = frame[n.slot];
    auto recording_was = recording;
    auto* partners_were = partners;
    recording = false;
    partners = nullptr;
    std::vector<bool> unknown(rows->fixed.size());
    for (std::size_t i = 0; i < rows->fixed.size(); ++i) {
      frame[n.slot] = value::entity(n.children[0].table, rows->fixed[i]);
      unknown[i] = eval(n.children[1]).is_unknown();
    }
    frame[n.slot] = saved;
    recording = recording_was;
    partners = partners_were;
    auto none = static_cast<std::uint32_t>(rows->fixed.size());
    rows->next_unknown.assign(rows->fixed.size() + 1, none);
    rows->unknowns_from.assign(rows->fixed.size() + 1, 0);
    for (std::size_t i = rows->fixed.size(); i-- > 0;) {
      rows->next_unknown[i] = unknown[i] ? static_cast<std::uint32_t>(i) : rows->next_unknown[i + 1];
      rows->unknowns_from[i] = rows->unknowns_from[i + 1] + (unknown[i] ? 1 : 0);
    }
  }
  return m_open.emplace(&n, std::move(rows)).first->second.get();
}

// Iterates the candidates of a quantifier or aggregate in row order: all elements, or a reverse-
// index lookup merged with the rows the lookup cannot decide. Once the evidence is full (or not
// recorded), the undecidable rows whose verdict does not depend on the subject are not visited one by
// one: one of them whose condition is unknown stands for all (unknown is all they can add to
// `exists`, `none` and the aggregates; `all` never joins). `unknowns_skipped`, when given, is told how
// many other unknown elements that one stood for (a `count`'s range needs them). `unknown_key`, when
// given, is told before the first visit whether the elements are scanned because the join's key is
// unknown: then the join's equality is unknown for every element, and no condition can be true.
template <typename Visit>
bool evaluator::each(const ir::node& n, Visit visit, std::int64_t* unknowns_skipped, bool* unknown_key) {
  auto coll = eval(n.children[0]);
  m_each_unknown = coll;
  if (coll.is_none()) return true;  // no list: no element
  if (coll.is_null()) return false;
  // A null or invalid join key makes the join's equality unknown for every element, but the rest of
  // the condition may still decide each one (`unknown and false` is false): such a key scans (and so
  // does a none key, which equals the none rows).
  auto key = n.join.enabled && m_store ? eval(n.children[n.join.key]) : value::null();
  if (!key.is_null()) {
    auto hits = m_store->referencing(coll.aux, n.join.field).rows(key.u.index);
    const auto& open = unresolved(coll.aux, n.join.field);
    const open_rows* fast = open.empty() || partners ? nullptr : open_verdicts(n, open);
    if (fast == nullptr) {
      auto a = hits.begin();
      auto b = open.begin();
      while (a != hits.end() || b != open.end()) {
        std::uint32_t row = (b == open.end() || (a != hits.end() && *a < *b)) ? *a++ : *b++;
        if (a != hits.end() && *a == row) ++a;  // in both: visited once
        if (past_deadline() || !visit(value::entity(coll.aux, row))) return true;
      }
      return true;
    }
    // Hits and rows to recheck, merged; the fixed rows one by one while evidence is recorded.
    auto a = hits.begin();
    auto r = fast->recheck.begin();
    std::size_t f = 0;
    auto evidence_open = [&] { return recording && reads.size() < max_reads; };
    while (true) {
      std::uint32_t next = facts::no_row;
      if (a != hits.end()) next = *a;
      if (r != fast->recheck.end() && *r < next) next = *r;
      bool take_fixed = f < fast->fixed.size() && evidence_open() && fast->fixed[f] < next;
      if (take_fixed) {
        if (!visit(value::entity(coll.aux, fast->fixed[f++]))) return true;
        continue;
      }
      if (next == facts::no_row) break;
      if (a != hits.end() && *a == next) ++a;
      if (r != fast->recheck.end() && *r == next) ++r;
      if (past_deadline() || !visit(value::entity(coll.aux, next))) return true;
    }
    if (f < fast->fixed.size()) {
      auto u = fast->next_unknown[f];
      if (u < fast->fixed.size() && unknowns_skipped) *unknowns_skipped += fast->unknowns_from[u] - 1;
      if (u < fast->fixed.size() && !visit(value::entity(coll.aux, fast->fixed[u]))) return true;
    }
    return true;
  }
  if (unknown_key) *unknown_key = n.join.enabled && m_store && key.is_unknown();
  for (std::uint32_t i = 0; i < length(coll); ++i) {
    if (past_deadline() || !visit(element(coll, i, m_arena))) break;
  }
  return true;
}

namespace {

// At most this many unknown elements of one quantifier or aggregate give their causes to its unknown.
constexpr int causes_per_quantifier = 8;

// `open` (the `seen` unknowns so far) with the unknown `v` folded in.
value fold_unknown(evaluator& ev, const value& open, const value& v, int& seen) {
  value out = seen == 0 ? v : seen < causes_per_quantifier ? ev.unknown(open, v) : value::unknown_of(open, v);
  if (seen >= causes_per_quantifier) out.cause = open.cause;
  out.counted = false;  // a `sum` of counts is not a count; aggregate() marks its own
  ++seen;
  return out;
}

}  // namespace

value evaluator::quantify(const ir::node& n) {
  bool any_true = false, any_false = false, any_unknown = false;
  bool unknown_key = false;  // set by `each` before the first element
  value open;                // the unknown conditions, their causes joined
  int joined = 0;
  auto ok = each(
      n,
      [&](const value& e) {
        frame[n.slot] = e;
        auto c = n.has_condition ? eval(n.children[1]) : value::boolean(true);
        note_partner(e, c);
        if (c.is_unknown()) {
          open = fold_unknown(*this, open, c, joined);
          any_unknown = true;
        } else if (c.is_true()) {
          any_true = true;
        } else {
          any_false = true;
        }
        // Stop as soon as the answer is known: for `exists` and `none` over a join whose key is unknown,
        // at the first unknown element (no element can be true, so the answer is unknown).
        if (n.op == ir::op::all) return !any_false;
        return !(any_true || (unknown_key && any_unknown));
      },
      nullptr, &unknown_key);
  if (!ok) return m_each_unknown;
  const auto& undecided = open;
  switch (n.op) {
    case ir::op::exists:
      return any_true ? value::boolean(true) : any_unknown ? undecided : value::boolean(false);
    case ir::op::none:
      return any_true ? value::boolean(false) : any_unknown ? undecided : value::boolean(true);
    default:
      return any_false ? value::boolean(false) : any_unknown ? undecided : value::boolean(true);
  }
}

value evaluator::aggregate(const ir::node& n) {
  std::int64_t count = 0;
  std::int64_t unknown_conditions = 0;  // a count's range: [count, count + unknown_conditions]
  bool any_unknown = false;
  value open;  // the unknown conditions and values, their causes joined
  int joined = 0;
  auto note_unknown = [&](const value& v) {
    open = fold_unknown(*this, open, v, joined);
    any_unknown = true;
  };
  value best;
  value best_element;
  value total;
  std::size_t projection = n.has_condition ? 2 : 1;
  auto ok = each(
      n,
      [&](const value& e) {
        frame[n.slot] = e;
        auto c = n.has_condition ? eval(n.children[1]) : value::boolean(true);
        note_partner(e, c);
        if (c.is_unknown()) {
          note_unknown(c);
          ++unknown_conditions;
          return true;
        }
        if (!c.is_true()) return true;
        ++count;
        if (n.op == ir::op::count) return true;
        auto v = eval(n.children[projection]);
        if (v.is_none()) return true;  // nothing adds nothing and is no candidate
        if (n.op == ir::op::sum) {
          if (v.is_null())
            note_unknown(v);
          else
            total = total.is_null() ? v : arithmetic(ir::op::add, total, v);
          return true;
        }
        if (v.is_invalid()) note_unknown(v);
        if (v.is_null()) return true;  // min, max, latest skip elements without a value, not invalid ones
        auto cmp = best.is_null() ? std::optional<int>(n.op == ir::op::min ? -1 : 1) : compare(v, best);
        if (!cmp) {
          note_unknown(value::null());
          return true;
        }
        bool better = n.op == ir::op::min ? *cmp < 0 : *cmp > 0;
        if (best.is_null() || better) {
          best = v;
          best_element = e;
        }
        return true;
      },
      n.op == ir::op::count ? &unknown_conditions : nullptr);
  if (!ok) return m_each_unknown;
  if (any_unknown && n.op == ir::op::count) {
    open.counted = true;
    open.u.count_range = {static_cast<std::int32_t>(count), static_cast<std::int32_t>(count + unknown_conditions)};
  }
  if (any_unknown) return open;
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

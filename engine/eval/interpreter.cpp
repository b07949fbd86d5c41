// The interpreter: one `eval` per IR operation; arithmetic and quantifiers have their own files.
#include "engine/eval/interpreter.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "base/language.hpp"
#include "engine/builtins.hpp"
#include "facts/store.hpp"

namespace baomi::engine::evaluation {

using facts::type_kind;

value evaluator::eval(const ir::node& n) {
  switch (n.op) {
    case ir::op::constant:
      return n.null_type ? value::null() : n.constant;
    case ir::op::local:
      return frame[n.slot];
    case ir::op::as_of:
      return value::date(m_as_of);
    case ir::op::param:
      return params && n.slot < params->size() ? (*params)[n.slot] : value::null();
    case ir::op::collection: {
      // A collection the snapshot does not contain is not known to be empty (language.md §9).
      if (m_store && !m_store->table_at(n.table).exported()) {
        auto v = value::invalid_fact();
        v.cause = leaf_cause(n.table, facts::no_row, 0);
        return v;
      }
      value v;
      v.kind = vkind::list;
      v.source = list_source::table;
      v.aux = n.table;
      v.count = m_store ? m_store->table_at(n.table).row_count() : 0;
      return v;
    }
    case ir::op::field:
      return field(n);
    case ir::op::index:
      return index(n);
    case ir::op::builtin:
      return builtin(n);
    case ir::op::call:
      return call(n);
    case ir::op::neg:
      return negate(eval(n.children[0]));
    case ir::op::logical_not: {  // a none where a condition is read is false (not done)
      auto v = eval(n.children[0]);
      return v.is_unknown() ? v : value::boolean(!v.is_true());
    }
    case ir::op::logical_and: {
      auto a = eval(n.children[0]);
      if (a.is_falsy()) return value::boolean(false);
      auto b = eval(n.children[1]);
      if (b.is_falsy()) return value::boolean(false);
      return a.is_unknown() || b.is_unknown() ? unknown(a, b) : value::boolean(true);
    }
    case ir::op::logical_or: {
      auto a = eval(n.children[0]);
      if (a.is_true()) return a;
      auto b = eval(n.children[1]);
      if (b.is_true()) return b;
      return a.is_unknown() || b.is_unknown() ? unknown(a, b) : value::boolean(false);
    }
    case ir::op::eq:
    case ir::op::ne: {
      auto a = eval(n.children[0]);  // operands in written order, so evidence follows the text
      auto b = eval(n.children[1]);
      if (a.counted || b.counted)
        if (auto r = compare_counts(n.op, a, b)) return *r;
      auto r = equals(a, b);
      if (!r) return unknown(a, b);
      return value::boolean(n.op == ir::op::eq ? *r : !*r);
    }
    case ir::op::lt:
    case ir::op::le:
    case ir::op::gt:
    case ir::op::ge: {
      auto a = eval(n.children[0]);
      auto b = eval(n.children[1]);
      if (a.counted || b.counted)
        if (auto r = compare_counts(n.op, a, b)) return *r;
      auto c = compare(a, b);
      // What did not happen is neither before nor after anything: an ordering with a none operand is
      // false, whatever the other operand.
      if (!c) return a.is_none() || b.is_none() ? value::boolean(false) : unknown(a, b);
      bool r = n.op == ir::op::lt ? *c < 0 : n.op == ir::op::le ? *c <= 0 : n.op == ir::op::gt ? *c > 0 : *c >= 0;
      return value::boolean(r);
    }
    case ir::op::in:
    case ir::op::not_in: {
      auto x = eval(n.children[0]);
      auto collection = eval(n.children[1]);
      auto r = member(x, collection);
      if (r.is_unknown() || n.op == ir::op::in) return r;
      return value::boolean(!r.u.flag);
    }
    case ir::op::matches:
      return matches(n);
    case ir::op::make_range: {
      auto& items = m_arena.emplace_back();
      items.push_back(eval(n.children[0]));
      items.push_back(eval(n.children[1]));
      if (items[0].is_none() || items[1].is_none()) return items[0].is_none() ? items[0] : items[1];
      if (items[0].is_unknown() || items[1].is_unknown()) return unknown(items[0], items[1]);
      return value::items(vkind::range, items.data(), 2);
    }
    case ir::op::coalesce: {
      // An invalid value is not missing: no default replaces it. A none is replaced.
      auto a = eval(n.children[0]);
      return a.is_null() && !a.is_invalid() ? eval(n.children[1]) : a;
    }
    case ir::op::add:
    case ir::op::sub:
    case ir::op::mul:
    case ir::op::div:
    case ir::op::mod: {
      auto a = eval(n.children[0]);
      auto b = eval(n.children[1]);
      return arithmetic(n.op, a, b);
    }
    case ir::op::is_null: {
      auto v = eval(n.children[0]);
      return v.is_invalid() ? v : value::boolean(v.is_null());
    }
    case ir::op::is_not_null: {
      auto v = eval(n.children[0]);
      return v.is_invalid() ? v : value::boolean(!v.is_null());
    }
    case ir::op::conditional: {
      auto c = eval(n.children[0]);
      if (c.is_unknown()) return c;
      return eval(n.children[c.is_true() ? 1 : 2]);
    }
    case ir::op::exists:
    case ir::op::all:
    case ir::op::none:
      return quantify(n);
    case ir::op::count:
    case ir::op::sum:
    case ir::op::min:
    case ir::op::max:
    case ir::op::latest:
      return aggregate(n);
    case ir::op::make_list: {
      auto& items = m_arena.emplace_back();
      for (const auto& c : n.children) items.push_back(eval(c));
      return value::items(vkind::list, items.data(), static_cast<std::uint32_t>(items.size()));
    }
    case ir::op::make_map: {
      auto& items = m_arena.emplace_back();
      for (const auto& c : n.children) items.push_back(eval(c));
      return value::items(vkind::map, items.data(), static_cast<std::uint32_t>(items.size() / 2));
    }
    case ir::op::concat: {
      std::string text;
      for (const auto& c : n.children) text += render(eval(c), m_store, m_plan.schema);
      m_strings.push_back(std::move(text));
      return value::string(m_strings.back());
    }
  }
  return value::null();
}

void evaluator::note_partner(const value& element, const value& condition) {
  if (!partners || partners->size() >= 20 || element.kind != vkind::entity || !m_store) return;
  const auto& t = m_store->table_at(element.aux);
  partners->push_back(base::say("{}/{}（{}）：{}", "{}/{} ({}): {}", t.type().collection.value_or(t.type().name),
                                render(element, m_store, m_plan.schema), m_store->pointer(element.aux, element.u.index),
                                condition.is_unknown() ? base::pick("条件未知", "condition unknown")
                                : condition.is_true()  ? base::pick("条件成立", "condition holds")
                                                       : base::pick("条件不成立", "condition does not hold")));
}

namespace {
constexpr std::size_t max_causes = 1 << 16;  // per subject; past it, joins keep one side
}  // namespace

std::uint32_t evaluator::leaf_cause(std::uint32_t table, std::uint32_t row, std::uint32_t field) {
  if (causes.size() >= max_causes) return 0;
  causes.push_back({{table, row, field}, 0, 0, true});
  return static_cast<std::uint32_t>(causes.size());
}

std::uint32_t evaluator::join_causes(std::uint32_t a, std::uint32_t b) {
  if (a == 0 || a == b) return b;
  if (b == 0 || causes.size() >= max_causes) return a;
  causes.push_back({{}, a, b, false});
  return static_cast<std::uint32_t>(causes.size());
}

value evaluator::unknown(const value& a, const value& b) {
  auto v = value::unknown_of(a, b);
  v.cause = join_causes(a.is_unknown() ? a.cause : 0, b.is_unknown() ? b.cause : 0);
  return v;
}

std::vector<fact_read> evaluator::causes_of(std::uint32_t id, std::size_t limit) const {
  std::vector<fact_read> out;
  std::vector<std::uint32_t> stack;
  std::vector<bool> seen(causes.size() + 1, false);
  if (id != 0 && id <= causes.size()) stack.push_back(id);
  while (!stack.empty() && out.size() < limit) {
    auto at = stack.back();
    stack.pop_back();
    if (seen[at]) continue;
    seen[at] = true;
    const auto& c = causes[at - 1];
    if (c.leaf) {
      if (std::find(out.begin(), out.end(), c.read) == out.end()) out.push_back(c.read);
      continue;
    }
    stack.push_back(c.right);  // left first: the order the facts were read
    stack.push_back(c.left);
  }
  return out;
}

void evaluator::record(std::uint32_t table, std::uint32_t row, std::uint32_t field) {
  if (!recording || reads.size() >= max_reads) return;
  fact_read r{table, row, field};
  if (std::find(reads.begin(), reads.end(), r) == reads.end()) reads.push_back(r);
}

value evaluator::field(const ir::node& n) {
  auto object = eval(n.children[0]);
  if (object.is_null()) return object;  // through nobody is nothing; through an unknown, unknown
  if (object.kind != vkind::entity || !m_store) return value::null();
  const auto& table = m_store->table_at(object.aux);
  const auto& col = table.column_at(n.field);
  record(object.aux, object.u.index, n.field);
  auto v = read_cell(col, object.u.index, m_arena);
  if (v.is_null()) {
    const auto& meaning = table.type().fields[n.field].none;
    if (!v.invalid && !meaning.empty()) return value::none_of(meaning);
    v.cause = leaf_cause(object.aux, object.u.index, n.field);
  }
  return v;
}

value evaluator::index(const ir::node& n) {
  auto object = eval(n.children[0]);
  auto key = eval(n.children[1]);
  if (object.is_none() || key.is_none()) return object.is_none() ? object : key;
  if (object.is_unknown() || key.is_unknown()) return unknown(object, key);
  if (object.kind == vkind::map) {
    const auto* items = static_cast<const value*>(object.ptr);
    for (std::uint32_t i = 0; i < object.count; ++i) {
      auto same = equals(items[2 * i], key);
      if (same && *same) return items[2 * i + 1];
    }
    return value::null();
  }
  if (key.kind != vkind::integer || key.u.integer < 0 || key.u.integer >= length(object)) return value::null();
  return element(object, static_cast<std::uint32_t>(key.u.integer), m_arena);
}

value evaluator::builtin(const ir::node& n) {
  std::vector<value> args;
  for (const auto& c : n.children) args.push_back(eval(c));
  for (const auto& a : args) {
    if (!a.is_none()) continue;
    // Nothing has no length and contains nothing; anything else computed from nothing is nothing.
    if (n.builtin == ir::builtin::len && args.size() == 1) return value::integer(0);
    if (n.builtin == ir::builtin::contains || n.builtin == ir::builtin::starts_with ||
        n.builtin == ir::builtin::ends_with)
      return value::boolean(false);
    return a;
  }
  value unknown_arg;
  bool any_unknown = false;
  for (const auto& a : args) {
    if (!a.is_unknown()) continue;
    unknown_arg = any_unknown ? unknown(unknown_arg, a) : a;
    any_unknown = true;
  }
  unknown_arg.counted = false;  // a built-in of a count is not the count (count_range.cpp)
  if (any_unknown) return unknown_arg;
  return builtin_of(n.builtin).impl(args, m_calendar);
}

value evaluator::call(const ir::node& n) {
  const auto& f = m_plan.functions[n.slot];
  std::vector<value> callee(std::max<std::size_t>(f.frame_size, n.children.size()));
  for (std::size_t i = 0; i < n.children.size(); ++i) callee[i] = eval(n.children[i]);
  std::swap(frame, callee);
  auto result = eval(f.body);
  std::swap(frame, callee);
  return result;
}

value evaluator::member(const value& x, const value& collection) {
  if (x.is_none() || collection.is_none()) return value::boolean(false);  // nothing is in anything
  if (x.is_unknown() || collection.is_unknown()) return unknown(x, collection);

  if (collection.kind == vkind::range) {
    const auto* bounds = static_cast<const value*>(collection.ptr);
    auto lo = compare(x, bounds[0]);
    auto hi = compare(x, bounds[1]);
    if (!lo || !hi) return value::null();
    return value::boolean(*lo >= 0 && *hi <= 0);
  }
  if (collection.source == list_source::rows && x.kind == vkind::entity) {
    const auto* rows = static_cast<const std::uint32_t*>(collection.ptr);
    return value::boolean(x.aux == collection.aux &&
                          std::find(rows, rows + collection.count, x.u.index) != rows + collection.count);
  }
  value open;  // the unknown elements, their causes joined
  bool any_unknown = false;
  for (std::uint32_t i = 0; i < length(collection); ++i) {
    auto e = element(collection, i, m_arena);
    auto r = equals(x, e);
    if (!r) {
      any_unknown = true;
      open = unknown(open, e);
    } else if (*r) {
      return value::boolean(true);
    }
  }
  return any_unknown ? open : value::boolean(false);
}

value evaluator::matches(const ir::node& n) {
  auto s = eval(n.children[0]);
  if (s.is_unknown()) return s;
  if (s.is_none()) return value::boolean(false);  // nothing is written, so no pattern is
  auto it = m_regexes.find(&n);
  if (it == m_regexes.end()) it = m_regexes.emplace(&n, std::regex(n.children[1].text, std::regex::ECMAScript)).first;
  return value::boolean(std::regex_search(s.text.begin(), s.text.end(), it->second));
}

}  // namespace baomi::engine::evaluation

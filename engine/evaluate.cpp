// The evaluator: runs each rule's IR for each subject row with three-valued logic, records the facts
// it reads as evidence, and turns the result into findings.
#include "engine/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <regex>
#include <unordered_map>

namespace baomi::engine {

namespace {

using facts::type_kind;

struct fact_read {
  std::uint32_t table;
  std::uint32_t row;
  std::uint32_t field;
  bool operator==(const fact_read&) const = default;
};

/// One step of a rule as evaluated for `explain`.
struct explained_step {
  std::string kind;
  std::string text;
  std::string value;
  bool unknown = false;
  bool holds = false;
  std::vector<fact_read> facts;
  std::vector<std::string> partners;
};

value read_cell(const facts::column& col, std::uint32_t cell, std::deque<std::vector<value>>& arena);

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

value read_cell(const facts::column& col, std::uint32_t cell, std::deque<std::vector<value>>& arena) {
  if (col.state(cell) != facts::cell_state::present) return value::null();
  switch (col.kind()) {
    case type_kind::string: return value::string(col.as_string(cell));
    case type_kind::integer: return value::integer(col.as_integer(cell));
    case type_kind::number: return value::number(col.as_number(cell));
    case type_kind::boolean: return value::boolean(col.as_bool(cell));
    case type_kind::date: return value::date(col.as_date(cell));
    case type_kind::duration: return value::duration(col.as_duration(cell));
    case type_kind::enumeration: return value::enumeration(col.type().target, col.as_enum(cell));
    case type_kind::ref: {
      auto row = col.as_ref(cell);
      return row == facts::no_row ? value::null() : value::entity(col.type().target, row);
    }
    case type_kind::record: return value::entity(col.type().target, col.as_record(cell));
    case type_kind::list: return list_from_column(col, cell);
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

value element(const value& list, std::uint32_t i, std::deque<std::vector<value>>& arena) {
  switch (list.source) {
    case list_source::table: return value::entity(list.aux, i);
    case list_source::rows: {
      auto row = static_cast<const std::uint32_t*>(list.ptr)[i];
      return row == facts::no_row ? value::null() : value::entity(list.aux, row);
    }
    case list_source::column: return read_cell(*static_cast<const facts::column*>(list.ptr), list.u.offset + i, arena);
    case list_source::items: return static_cast<const value*>(list.ptr)[i];
  }
  return value::null();
}

double as_double(const value& v) { return v.kind == vkind::integer ? static_cast<double>(v.u.integer) : v.u.number; }

std::optional<bool> equal(const value& a, const value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if ((a.kind == vkind::integer || a.kind == vkind::number) && (b.kind == vkind::integer || b.kind == vkind::number)) {
    if (a.kind == vkind::integer && b.kind == vkind::integer) return a.u.integer == b.u.integer;
    return as_double(a) == as_double(b);
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case vkind::boolean: return a.u.flag == b.u.flag;
    case vkind::string: return a.text == b.text;
    case vkind::date: return a.u.date == b.u.date;
    case vkind::duration: return a.dur == b.dur;
    case vkind::span: return a.u.span.to - a.u.span.from == b.u.span.to - b.u.span.from;
    case vkind::enumeration:
    case vkind::entity: return a.aux == b.aux && a.u.index == b.u.index;
    default: return false;
  }
}

std::optional<int> sign(std::strong_ordering o) { return o < 0 ? -1 : o > 0 ? 1 : 0; }

}  // namespace

class evaluator {
public:
  evaluator(const plan& p, const facts::store* store, facts::day_number as_of, const facts::calendar* cal)
      : m_plan(p), m_store(store), m_as_of(as_of), m_calendar(cal) {}

  std::vector<value> frame;
  std::vector<fact_read> reads;
  std::size_t max_reads = 24;
  bool recording = false;
  std::vector<std::string>* partners = nullptr;  // explain: elements a quantifier examined
  const std::vector<value>* params = nullptr;     // param values while folding constants

  std::deque<std::vector<value>>& arena() { return m_arena; }
  void reset_arena() { m_arena.clear(); }

  value eval(const ir::node& n) {
    switch (n.op) {
      case ir::op::constant: return n.null_type ? value::null() : n.constant;
      case ir::op::local: return frame[n.slot];
      case ir::op::as_of: return value::date(m_as_of);
      case ir::op::param: return params && n.slot < params->size() ? (*params)[n.slot] : value::null();
      case ir::op::collection: {
        value v;
        v.kind = vkind::list;
        v.source = list_source::table;
        v.aux = n.table;
        v.count = m_store ? m_store->table_at(n.table).row_count() : 0;
        return v;
      }
      case ir::op::field: return field(n);
      case ir::op::index: return index(n);
      case ir::op::builtin: return builtin(n);
      case ir::op::call: return call(n);
      case ir::op::neg: return negate(eval(n.children[0]));
      case ir::op::logical_not: {
        auto v = eval(n.children[0]);
        return v.is_null() ? v : value::boolean(!v.u.flag);
      }
      case ir::op::logical_and: {
        auto a = eval(n.children[0]);
        if (a.is_false()) return a;
        auto b = eval(n.children[1]);
        if (b.is_false()) return b;
        return a.is_null() || b.is_null() ? value::null() : value::boolean(true);
      }
      case ir::op::logical_or: {
        auto a = eval(n.children[0]);
        if (a.is_true()) return a;
        auto b = eval(n.children[1]);
        if (b.is_true()) return b;
        return a.is_null() || b.is_null() ? value::null() : value::boolean(false);
      }
      case ir::op::eq:
      case ir::op::ne: {
        auto a = eval(n.children[0]);  // operands in written order, so evidence follows the text
        auto b = eval(n.children[1]);
        auto r = equals(a, b);
        if (!r) return value::null();
        return value::boolean(n.op == ir::op::eq ? *r : !*r);
      }
      case ir::op::lt: case ir::op::le: case ir::op::gt: case ir::op::ge: {
        auto a = eval(n.children[0]);
        auto b = eval(n.children[1]);
        auto c = compare(a, b);
        if (!c) return value::null();
        bool r = n.op == ir::op::lt ? *c < 0 : n.op == ir::op::le ? *c <= 0 : n.op == ir::op::gt ? *c > 0 : *c >= 0;
        return value::boolean(r);
      }
      case ir::op::in:
      case ir::op::not_in: {
        auto x = eval(n.children[0]);
        auto collection = eval(n.children[1]);
        auto r = member(x, collection);
        if (r.is_null() || n.op == ir::op::in) return r;
        return value::boolean(!r.u.flag);
      }
      case ir::op::matches: return matches(n);
      case ir::op::make_range: {
        auto& items = m_arena.emplace_back();
        items.push_back(eval(n.children[0]));
        items.push_back(eval(n.children[1]));
        if (items[0].is_null() || items[1].is_null()) return value::null();
        return value::items(vkind::range, items.data(), 2);
      }
      case ir::op::coalesce: {
        auto a = eval(n.children[0]);
        return a.is_null() ? eval(n.children[1]) : a;
      }
      case ir::op::add: case ir::op::sub: case ir::op::mul: case ir::op::div: case ir::op::mod:
      {
        auto a = eval(n.children[0]);
        auto b = eval(n.children[1]);
        return arithmetic(n.op, a, b);
      }
      case ir::op::is_null: return value::boolean(eval(n.children[0]).is_null());
      case ir::op::is_not_null: return value::boolean(!eval(n.children[0]).is_null());
      case ir::op::conditional: {
        auto c = eval(n.children[0]);
        if (c.is_null()) return c;
        return eval(n.children[c.u.flag ? 1 : 2]);
      }
      case ir::op::exists: case ir::op::all: case ir::op::none: return quantify(n);
      case ir::op::count: case ir::op::sum: case ir::op::min: case ir::op::max: case ir::op::latest: return aggregate(n);
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

  /// Equality; a date difference equals a duration when it spans exactly that calendar length.
  std::optional<bool> equals(const value& a, const value& b) {
    bool mixed = (a.kind == vkind::span && b.kind == vkind::duration) || (a.kind == vkind::duration && b.kind == vkind::span);
    if (!mixed) return equal(a, b);
    auto c = compare(a, b);
    if (!c) return std::nullopt;
    return *c == 0;
  }

  std::optional<int> compare(const value& a, const value& b) {
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
      auto end = facts::add(a.u.span.from, b.dur, m_calendar);
      if (!end) return std::nullopt;
      return sign(a.u.span.to <=> *end);
    }
    if (a.kind == vkind::duration && b.kind == vkind::span) {
      auto r = compare(b, a);
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

private:
  const plan& m_plan;
  const facts::store* m_store;
  facts::day_number m_as_of;
  const facts::calendar* m_calendar;
  std::deque<std::vector<value>> m_arena;
  std::deque<std::string> m_strings;
  std::unordered_map<const ir::node*, std::regex> m_regexes;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_unresolved;

  void note_partner(const value& element, const value& condition) {
    if (!partners || partners->size() >= 20 || element.kind != vkind::entity || !m_store) return;
    const auto& t = m_store->table_at(element.aux);
    partners->push_back(fmt::format("{}/{}（{}）：{}", t.type().collection.value_or(t.type().name),
                                    render(element, m_store, m_plan.schema), m_store->pointer(element.aux, element.u.index),
                                    condition.is_null() ? "条件未知" : condition.u.flag ? "条件成立" : "条件不成立"));
  }

  void record(std::uint32_t table, std::uint32_t row, std::uint32_t field) {
    if (!recording || reads.size() >= max_reads) return;
    fact_read r{table, row, field};
    if (std::find(reads.begin(), reads.end(), r) == reads.end()) reads.push_back(r);
  }

  value field(const ir::node& n) {
    auto object = eval(n.children[0]);
    if (object.kind != vkind::entity || !m_store) return value::null();
    const auto& col = m_store->table_at(object.aux).column_at(n.field);
    record(object.aux, object.u.index, n.field);
    return read_cell(col, object.u.index, m_arena);
  }

  value index(const ir::node& n) {
    auto object = eval(n.children[0]);
    auto key = eval(n.children[1]);
    if (object.is_null() || key.is_null()) return value::null();
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

  value builtin(const ir::node& n) {
    std::vector<value> args;
    for (const auto& c : n.children) args.push_back(eval(c));
    for (const auto& a : args) {
      if (a.is_null()) return value::null();
    }
    switch (n.builtin) {
      case ir::builtin::year: return value::integer(facts::year_of(args[0].u.date));
      case ir::builtin::month: return value::integer(facts::month_of(args[0].u.date));
      case ir::builtin::days_between: return value::integer(args[1].u.date - args[0].u.date);
      case ir::builtin::working_days: {
        if (!m_calendar) return value::null();
        auto d = m_calendar->working_days_between(args[0].u.date, args[1].u.date);
        return d ? value::integer(*d) : value::null();
      }
      case ir::builtin::len:
        return value::integer(args[0].kind == vkind::string ? static_cast<std::int64_t>(args[0].text.size()) : length(args[0]));
      case ir::builtin::contains: return value::boolean(args[0].text.find(args[1].text) != std::string_view::npos);
      case ir::builtin::starts_with: return value::boolean(args[0].text.starts_with(args[1].text));
      case ir::builtin::ends_with: return value::boolean(args[0].text.ends_with(args[1].text));
      case ir::builtin::min2:
      case ir::builtin::max2: {
        auto c = compare(args[0], args[1]);
        if (!c) return value::null();
        bool first = n.builtin == ir::builtin::min2 ? *c <= 0 : *c >= 0;
        return first ? args[0] : args[1];
      }
    }
    return value::null();
  }

  value call(const ir::node& n) {
    const auto& f = m_plan.functions[n.slot];
    std::vector<value> callee(std::max<std::size_t>(f.frame_size, n.children.size()));
    for (std::size_t i = 0; i < n.children.size(); ++i) callee[i] = eval(n.children[i]);
    std::swap(frame, callee);
    auto result = eval(f.body);
    std::swap(frame, callee);
    return result;
  }

  value negate(const value& v) {
    switch (v.kind) {
      case vkind::integer: return value::integer(-v.u.integer);
      case vkind::number: return value::number(-v.u.number);
      case vkind::duration: return value::duration(-v.dur);
      default: return value::null();
    }
  }

  static facts::duration as_duration(const value& v) {
    if (v.kind == vkind::span) return {0, v.u.span.to - v.u.span.from, 0};
    return v.dur;
  }

  value arithmetic(ir::op op, const value& a, const value& b) {
    if (a.is_null() || b.is_null()) return value::null();
    bool durations = (a.kind == vkind::duration || a.kind == vkind::span) && (b.kind == vkind::duration || b.kind == vkind::span);
    if (a.kind == vkind::integer && b.kind == vkind::integer) {
      auto x = a.u.integer, y = b.u.integer;
      switch (op) {
        case ir::op::add: return value::integer(x + y);
        case ir::op::sub: return value::integer(x - y);
        case ir::op::mul: return value::integer(x * y);
        case ir::op::div: return y == 0 ? value::null() : value::number(static_cast<double>(x) / static_cast<double>(y));
        case ir::op::mod: return y == 0 ? value::null() : value::integer(x % y);
        default: return value::null();
      }
    }
    if ((a.kind == vkind::integer || a.kind == vkind::number) && (b.kind == vkind::integer || b.kind == vkind::number)) {
      double x = as_double(a), y = as_double(b);
      switch (op) {
        case ir::op::add: return value::number(x + y);
        case ir::op::sub: return value::number(x - y);
        case ir::op::mul: return value::number(x * y);
        case ir::op::div: return y == 0 ? value::null() : value::number(x / y);
        default: return value::null();
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

  value member(const value& x, const value& collection) {
    if (x.is_null() || collection.is_null()) return value::null();
    if (collection.kind == vkind::range) {
      const auto* bounds = static_cast<const value*>(collection.ptr);
      auto lo = compare(x, bounds[0]);
      auto hi = compare(x, bounds[1]);
      if (!lo || !hi) return value::null();
      return value::boolean(*lo >= 0 && *hi <= 0);
    }
    if (collection.source == list_source::rows && x.kind == vkind::entity) {
      const auto* rows = static_cast<const std::uint32_t*>(collection.ptr);
      return value::boolean(x.aux == collection.aux && std::find(rows, rows + collection.count, x.u.index) != rows + collection.count);
    }
    bool unknown = false;
    for (std::uint32_t i = 0; i < length(collection); ++i) {
      auto r = equals(x, element(collection, i, m_arena));
      if (!r) unknown = true;
      else if (*r) return value::boolean(true);
    }
    return unknown ? value::null() : value::boolean(false);
  }

  value matches(const ir::node& n) {
    auto s = eval(n.children[0]);
    if (s.is_null()) return s;
    auto it = m_regexes.find(&n);
    if (it == m_regexes.end()) it = m_regexes.emplace(&n, std::regex(n.children[1].text, std::regex::ECMAScript)).first;
    return value::boolean(std::regex_search(s.text.begin(), s.text.end(), it->second));
  }

  // Rows whose join field has no resolved target (null, invalid, dangling, or a list holding such an
  // element): the join's equality is unknown for them, so a lookup must still visit them to give
  // the same answer as a scan.
  const std::vector<std::uint32_t>& unresolved(std::uint32_t table, std::uint32_t field) {
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
  template <typename Visit> bool each(const ir::node& n, Visit visit) {
    auto coll = eval(n.children[0]);
    if (coll.is_null()) return false;
    if (n.join.enabled && m_store) {
      auto key = eval(n.children[n.join.key]);
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

  value quantify(const ir::node& n) {
    bool any_true = false, any_false = false, any_unknown = false;
    auto ok = each(n, [&](const value& e) {
      frame[n.slot] = e;
      auto c = n.has_condition ? eval(n.children[1]) : value::boolean(true);
      note_partner(e, c);
      if (c.is_null()) any_unknown = true;
      else if (c.u.flag) any_true = true;
      else any_false = true;
      // Stop as soon as the answer is known.
      return !(n.op == ir::op::all ? any_false : any_true);
    });
    if (!ok) return value::null();
    switch (n.op) {
      case ir::op::exists: return any_true ? value::boolean(true) : any_unknown ? value::null() : value::boolean(false);
      case ir::op::none: return any_true ? value::boolean(false) : any_unknown ? value::null() : value::boolean(true);
      default: return any_false ? value::boolean(false) : any_unknown ? value::null() : value::boolean(true);
    }
  }

  value aggregate(const ir::node& n) {
    std::int64_t count = 0;
    bool unknown = false;
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
        return true;
      }
      if (!c.u.flag) return true;
      ++count;
      if (n.op == ir::op::count) return true;
      auto v = eval(n.children[projection]);
      if (n.op == ir::op::sum) {
        if (v.is_null()) unknown = true;
        else total = total.is_null() ? v : arithmetic(ir::op::add, total, v);
        return true;
      }
      if (v.is_null()) return true;  // min, max, latest skip elements without a value
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
    if (!ok || unknown) return value::null();
    switch (n.op) {
      case ir::op::count: return value::integer(count);
      case ir::op::sum:
        if (total.is_null()) return n.type.kind == type_kind::number ? value::number(0) : n.type.kind == type_kind::duration ? value::duration({}) : value::integer(0);
        return total;
      case ir::op::latest: return best_element;
      default: return best;
    }
  }
};

namespace {

std::uint32_t frame_needed(const ir::node& n) {
  std::uint32_t size = 0;
  if (n.op == ir::op::local || n.op == ir::op::exists || n.op == ir::op::all || n.op == ir::op::none ||
      n.op == ir::op::count || n.op == ir::op::sum || n.op == ir::op::min || n.op == ir::op::max || n.op == ir::op::latest) {
    size = n.slot + 1;
  }
  for (const auto& c : n.children) size = std::max(size, frame_needed(c));
  return size;
}

}  // namespace

std::optional<value> evaluate_constant(const ir::node& n, constant_pool& pool, const std::vector<function_info>& functions,
                                       const std::vector<value>& params, const facts::calendar* cal) {
  plan context;
  context.functions = functions;
  evaluator e(context, nullptr, 0, cal);
  e.params = &params;
  e.frame.assign(frame_needed(n), value::null());
  auto v = e.eval(n);
  // Copy list and map items out of the evaluator's arena into the pool, recursively.
  std::function<value(const value&)> keep = [&](const value& x) -> value {
    if (x.kind == vkind::string) return value::string(pool.keep(std::string(x.text)));
    if ((x.kind == vkind::list || x.kind == vkind::map || x.kind == vkind::range) && x.source == list_source::items) {
      std::size_t n_items = x.kind == vkind::map ? 2 * x.count : x.count;
      auto& items = pool.lists.emplace_back();
      for (std::size_t i = 0; i < n_items; ++i) items.push_back(keep(static_cast<const value*>(x.ptr)[i]));
      value copy = x;
      copy.ptr = items.data();
      return copy;
    }
    return x;
  };
  return keep(v);
}

std::string fingerprint(std::string_view rule, std::string_view collection, std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(rule);
  mix(collection);
  mix(key);
  return fmt::format("{:016x}", h);
}

std::string render(const value& v, const facts::store* store, const facts::schema& schema) {
  switch (v.kind) {
    case vkind::null: return "未知";
    case vkind::boolean: return v.u.flag ? "是" : "否";
    case vkind::integer: return std::to_string(v.u.integer);
    case vkind::number: return fmt::format("{}", v.u.number);
    case vkind::string: return std::string(v.text);
    case vkind::date: return facts::format_date(v.u.date);
    case vkind::duration: return facts::format_duration(v.dur);
    case vkind::span: return facts::format_duration({0, v.u.span.to - v.u.span.from, 0});
    case vkind::enumeration: return schema.enum_at(v.aux).values.at(v.u.index).label;
    case vkind::entity: {
      if (!store) return "?";
      const auto& table = store->table_at(v.aux);
      auto key = table.type().key_field();
      if (!key) return std::to_string(v.u.index);
      std::deque<std::vector<value>> arena;
      return render(read_cell(table.column_at(*key), v.u.index, arena), store, schema);
    }
    case vkind::list:
    case vkind::map:
    case vkind::range: {
      std::string out;
      std::deque<std::vector<value>> arena;
      auto n = v.kind == vkind::map ? 2 * v.count : v.count;
      for (std::uint32_t i = 0; i < n; ++i) {
        if (i) out += v.kind == vkind::range ? ".." : "、";
        out += render(v.source == list_source::items ? static_cast<const value*>(v.ptr)[i] : element(v, i, arena), store, schema);
      }
      return out;
    }
  }
  return "";
}

namespace {

/// The outcome of one rule for one subject, before waivers.
struct decision {
  outcome result = outcome::pass;
  std::optional<facts::day_number> due;
  std::optional<std::int32_t> days_left;
};

/// A rule evaluated for one subject: every step in order, with three-valued logic. With `trace`,
/// each step's value and the facts it read are kept for `explain`.
decision decide(evaluator& ev, const rule_program& rule, std::uint32_t row, facts::day_number as_of,
                std::vector<explained_step>* trace, const facts::store& store, const facts::schema& schema) {
  ev.frame.assign(rule.frame_size, value::null());
  ev.frame[rule.subject_slot] = value::entity(rule.subject_table, row);
  ev.reads.clear();
  ev.recording = true;
  ev.reset_arena();
  bool failed = false, unknown = false, filtered = false, filter_unknown = false, due_unknown = false;
  decision d;
  auto run = [&](const char* kind, const ir::node& n) {
    std::vector<std::string> partners;
    auto first_read = ev.reads.size();
    ev.partners = trace ? &partners : nullptr;
    auto v = ev.eval(n);
    ev.partners = nullptr;
    if (trace) {
      explained_step step{kind, n.source_text, render(v, &store, schema), v.is_null(), v.is_true(), {}, std::move(partners)};
      for (auto i = first_read; i < ev.reads.size(); ++i) step.facts.push_back(ev.reads[i]);
      trace->push_back(std::move(step));
    }
    return v;
  };
  auto filter = [&](const value& v) {
    if (v.is_null()) filter_unknown = true;
    else if (!v.u.flag) filtered = true;
  };
  if (rule.filter) filter(run("for", *rule.filter));
  for (std::size_t s = 0; s < rule.steps.size() && !filtered; ++s) {
    const auto& step = rule.steps[s];
    switch (step.kind) {
      case step_kind::let: ev.frame[step.slot] = run("let", step.value); break;
      case step_kind::where: filter(run("where", step.value)); break;
      case step_kind::due: {
        auto v = run("due", step.value);
        if (v.is_null()) due_unknown = true;
        else d.due = v.u.date;
        break;
      }
      case step_kind::require:
      case step_kind::forbid: {
        auto v = run(step.kind == step_kind::require ? "require" : "forbid", step.value);
        if (v.is_null()) unknown = true;
        else if (v.u.flag != (step.kind == step_kind::require)) failed = true;
        break;
      }
    }
  }
  // Whether the rule applies at all comes first: an unknown filter leaves the outcome unknown even
  // when a requirement fails, since the subject may not be in the rule's scope.
  if (filtered) d.result = outcome::not_applicable;
  else if (filter_unknown) d.result = outcome::unknown;
  else if (failed) d.result = outcome::fail;
  else if (unknown) d.result = outcome::unknown;
  if (!filtered && d.result != outcome::pass) {
    // Before the due date a requirement not yet met is pending; a known date is needed to fail.
    if (d.due && as_of < *d.due) {
      d.result = outcome::pending;
      d.days_left = *d.due - as_of;
    } else if (due_unknown && d.result == outcome::fail) {
      d.result = outcome::unknown;
    }
  }
  return d;
}

// The human name of a subject: its `name`, else the `name` of the first entity it refers to.
std::string subject_label(const facts::store& store, std::uint32_t table, std::uint32_t row) {
  const auto& t = store.table_at(table);
  auto name = t.type().find_field("name");
  if (name && t.column_at(*name).kind() == type_kind::string && t.column_at(*name).present(row)) {
    return std::string(t.column_at(*name).as_string(row));
  }
  for (std::uint32_t f = 0; f < t.type().fields.size(); ++f) {
    const auto& col = t.column_at(f);
    if (col.kind() != type_kind::ref || !col.present(row) || col.as_ref(row) == facts::no_row) continue;
    const auto& target = store.table_at(col.type().target);
    auto target_name = target.type().find_field("name");
    if (target_name && target.column_at(*target_name).kind() == type_kind::string &&
        target.column_at(*target_name).present(col.as_ref(row))) {
      return std::string(target.column_at(*target_name).as_string(col.as_ref(row)));
    }
  }
  return "";
}

std::string evidence_value(const facts::store& store, const fact_read& r) {
  const auto& col = store.table_at(r.table).column_at(r.field);
  if (col.state(r.row) == facts::cell_state::invalid) return fmt::format("无效值 {}", col.raw(r.row));
  std::deque<std::vector<value>> arena;
  auto v = read_cell(col, r.row, arena);
  return v.is_null() ? "null" : render(v, &store, store.schema());
}

evidence to_evidence(const facts::store& store, const fact_read& r) {
  const auto& type = store.table_at(r.table).type();
  return {store.pointer(r.table, r.row, r.field), evidence_value(store, r), type.name + "." + type.fields[r.field].name};
}

bool in_force(const rule_program& rule, facts::day_number as_of) {
  return !(rule.effective && as_of < *rule.effective) && !(rule.expires && as_of >= *rule.expires);
}

/// A finding for one subject: the decision, the subject, the message, the evidence.
finding make_finding(evaluator& ev, const plan& p, const facts::store& store, const rule_program& rule,
                     const rule_info* info, std::uint32_t row, const decision& d) {
  const auto& table = store.table_at(rule.subject_table);
  const auto& collection = *table.type().collection;
  auto key_field = table.type().key_field();
  finding f;
  f.rule = info;
  f.outcome = d.result;
  f.severity = info->severity;
  f.subject.collection = collection;
  f.subject.key = key_field ? render(read_cell(table.column_at(*key_field), row, ev.arena()), &store, p.schema) : std::to_string(row);
  f.subject.pointer = store.pointer(rule.subject_table, row);
  f.subject.label = subject_label(store, rule.subject_table, row);
  if (d.due) f.due = facts::format_date(*d.due);
  f.days_left = d.days_left;
  f.fingerprint = fingerprint(info->id, collection, f.subject.key);
  for (const auto& r : ev.reads) f.evidence.push_back(to_evidence(store, r));
  if (d.result != outcome::pass && d.result != outcome::not_applicable) {
    ev.recording = false;
    if (rule.message) f.message = render(ev.eval(*rule.message), &store, p.schema);
    if (rule.remedy) f.remedy = render(ev.eval(*rule.remedy), &store, p.schema);
  }
  return f;
}

void apply_waivers(finding& f, const std::vector<waiver>& waivers, std::vector<bool>& used, facts::day_number as_of) {
  for (std::size_t w = 0; w < waivers.size(); ++w) {
    const auto& wv = waivers[w];
    if (wv.rule != f.rule->id || wv.subject != f.subject.key) continue;
    used[w] = true;
    bool active = wv.granted <= as_of && as_of <= wv.expires;
    if (active && (f.outcome == outcome::fail || f.outcome == outcome::unknown || f.outcome == outcome::pending)) {
      f.outcome = outcome::waived;
      f.waiver_reason = fmt::format("{}（批准人：{}，有效期至 {}）", wv.reason, wv.approver, facts::format_date(wv.expires));
    }
  }
}

void report_waivers(run_result& run, const std::vector<waiver>& waivers, const std::vector<bool>& used, facts::day_number as_of) {
  for (std::size_t w = 0; w < waivers.size(); ++w) {
    const auto& wv = waivers[w];
    if (as_of > wv.expires) {
      run.issues.push_back({"W0201", wv.pointer, fmt::format("豁免已于 {} 过期：规则 {}，对象 {}", facts::format_date(wv.expires), wv.rule, wv.subject)});
    } else if (as_of < wv.granted) {
      run.issues.push_back({"W0203", wv.pointer, fmt::format("豁免尚未生效（{} 起）：规则 {}，对象 {}", facts::format_date(wv.granted), wv.rule, wv.subject)});
    } else if (!used[w]) {
      run.issues.push_back({"W0202", wv.pointer, fmt::format("豁免未匹配任何检查对象：规则 {}，对象 {}", wv.rule, wv.subject)});
    }
  }
}

std::optional<facts::day_number> run_date(const facts::store& store, const evaluate_options& options) {
  return options.as_of ? options.as_of : store.as_of();
}

}  // namespace

evaluate_result evaluate(const plan& p, const facts::store& store, const evaluate_options& options) {
  evaluate_result result;
  auto as_of = run_date(store, options);
  if (!as_of) {
    result.error = "the snapshot has no `as_of` date and none was given with --as-of";
    return result;
  }
  run_result run;
  run.snapshot_path = options.snapshot_path;
  run.as_of = facts::format_date(*as_of);
  run.profile = p.profile;
  evaluator ev(p, &store, *as_of, options.calendar ? options.calendar : &facts::china_calendar());
  ev.max_reads = options.max_evidence;
  std::vector<const rule_program*> rules;
  for (const auto& rule : p.rules) {
    if (!in_force(rule, *as_of)) continue;
    rules.push_back(&rule);
    run.rules.push_back(rule.info);
  }
  std::vector<bool> waiver_used(options.waivers ? options.waivers->size() : 0, false);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = *rules[i];
    const auto& table = store.table_at(rule.subject_table);
    for (std::uint32_t row = 0; row < table.row_count(); ++row) {
      auto d = decide(ev, rule, row, *as_of, nullptr, store, p.schema);
      auto f = make_finding(ev, p, store, rule, &run.rules[i], row, d);
      if (options.waivers) apply_waivers(f, *options.waivers, waiver_used, *as_of);
      run.findings.push_back(std::move(f));
    }
    if (options.progress) options.progress(i + 1, rules.size());
  }
  if (options.waivers) report_waivers(run, *options.waivers, waiver_used, *as_of);
  std::stable_sort(run.findings.begin(), run.findings.end(), [](const finding& a, const finding& b) {
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.subject.key < b.subject.key;
  });
  result.run = std::move(run);
  return result;
}

std::optional<explanation> explain(const plan& p, const facts::store& store, const evaluate_options& options,
                                   const std::string& rule_id, const std::string& subject, std::string& error) {
  auto as_of = run_date(store, options);
  if (!as_of) {
    error = "the snapshot has no `as_of` date and none was given with --as-of";
    return std::nullopt;
  }
  const rule_program* rule = nullptr;
  for (const auto& r : p.rules) {
    if (r.info.id == rule_id) rule = &r;
  }
  if (!rule) {
    error = fmt::format("unknown rule `{}`", rule_id);
    return std::nullopt;
  }
  const auto& table = store.table_at(rule->subject_table);
  auto key_field = table.type().key_field();
  std::optional<std::uint32_t> row;
  if (key_field) {
    std::deque<std::vector<value>> arena;
    for (std::uint32_t r = 0; r < table.row_count() && !row; ++r) {
      if (render(read_cell(table.column_at(*key_field), r, arena), &store, p.schema) == subject) row = r;
    }
  }
  if (!row) {
    error = fmt::format("no `{}` with key `{}` in the snapshot", *table.type().collection, subject);
    return std::nullopt;
  }
  explanation out;
  out.rule = rule->info;
  out.as_of = facts::format_date(*as_of);
  out.in_force = in_force(*rule, *as_of);
  evaluator ev(p, &store, *as_of, options.calendar ? options.calendar : &facts::china_calendar());
  ev.max_reads = 200;
  std::vector<explained_step> steps;
  auto d = decide(ev, *rule, *row, *as_of, &steps, store, p.schema);
  out.result = make_finding(ev, p, store, *rule, &out.rule, *row, d);
  if (options.waivers) {
    std::vector<bool> used(options.waivers->size(), false);
    apply_waivers(out.result, *options.waivers, used, *as_of);
  }
  for (auto& s : steps) {
    explanation::step step{s.kind, s.text, s.value, s.unknown, s.holds, {}, std::move(s.partners)};
    for (const auto& r : s.facts) step.facts.push_back(to_evidence(store, r));
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace baomi::engine

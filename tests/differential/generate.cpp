// Generators of random snapshots and rules (generate.hpp).
#include "generate.hpp"

#include <fmt/format.h>
#include <functional>

namespace baomi::differential {

namespace {

const char* prefix_of(int entity) { return entity == person_e ? "P" : entity == card_e ? "C" : "M"; }

std::vector<day> date_pool(day as_of) {
  std::vector<day> pool;
  for (int offset : {-400, -366, -365, -60, -31, -30, -29, -7, -2, -1, 0, 1, 2, 30}) pool.push_back(as_of + offset);
  for (auto [y, m, d] : {ymd{2024, 1, 31}, ymd{2024, 2, 29}, ymd{2024, 8, 31}, ymd{2025, 1, 31}})
    pool.push_back(days_from_civil(y, m, d));
  return pool;
}

}  // namespace

snapshot generate_snapshot(rng& r) {
  static const std::vector<ymd> as_ofs{{2025, 6, 30}, {2025, 3, 31}, {2024, 12, 31},
                                       {2025, 2, 28}, {2026, 1, 1},  {2024, 2, 29}};
  snapshot s;
  auto a = r.pick(as_ofs);
  s.as_of = days_from_civil(a.y, a.m, a.d);
  auto dates = date_pool(s.as_of);
  std::vector<int> sizes{2 + r.below(6), r.below(9), r.below(6)};
  s.tables.resize(schema().size());
  for (std::size_t e = 0; e < schema().size(); ++e) {
    const auto& def = schema()[e];
    for (int i = 0; i < sizes[e]; ++i) {
      row row;
      row.id = fmt::format("{}{}", prefix_of(static_cast<int>(e)), i + 1);
      row.cells.resize(def.fields.size());
      for (std::size_t f = 1; f < def.fields.size(); ++f) {
        const auto& fd = def.fields[f];
        auto& c = row.cells[f];
        if (fd.optional && r.chance(25)) {
          c.state = r.chance(50) ? cell_state::null : cell_state::absent;
          continue;
        }
        switch (fd.type) {
          case ftype::id:
            break;
          case ftype::boolean:
            c.n = r.below(2);
            break;
          case ftype::integer:
            c.n = r.below(5);
            break;
          case ftype::date:
            c.n = r.pick(dates);
            break;
          case ftype::grade:
            c.n = r.below(3);
            c.as_label = r.chance(30);
            break;
          case ftype::ref:
            if (sizes[fd.target] == 0)
              c.state = cell_state::null;  // only optional refs point into tables that may be empty
            else
              c.n = r.below(sizes[fd.target]);
            break;
          case ftype::list_ref:
            for (int k = r.below(5); k > 0; --k) c.rows.push_back(r.below(sizes[fd.target]));
            break;
        }
      }
      s.tables[e].push_back(std::move(row));
    }
  }
  return s;
}

namespace {

struct variable {
  std::string name;
  type t;
  int slot;
};

expr make(ek kind, type t, std::vector<expr> kids = {}, std::string op = {}) {
  expr e;
  e.kind = kind;
  e.t = t;
  e.kids = std::move(kids);
  e.op = std::move(op);
  return e;
}

const type bool_t{ftype::boolean};
const type int_t{ftype::integer};
const type date_t{ftype::date};
const type grade_t{ftype::grade};

const std::vector<duration> durations{{0, 1, "1d"},  {0, 7, "1w"},  {0, 30, "30d"}, {1, 0, "1mo"},
                                      {6, 0, "6mo"}, {12, 0, "1y"}, {0, 14, "2w"}};

class generator {
 public:
  explicit generator(rng& r) : m_r(r) {}

  rule make_rule(const std::string& id) {
    rule out;
    out.id = id;
    out.subject = m_r.below(3);
    out.var = "s";
    m_env.push_back({"s", {ftype::ref, out.subject}, 0});
    m_slots = 1;
    if (m_r.chance(50)) out.filter = boolean(2);
    bool due = false, decides = false;
    for (int n = 1 + m_r.below(4); n > 0 || !decides; --n) {
      int roll = m_r.below(100);
      step s;
      if (roll < 15) {
        s.kind = step_kind::let;
        s.name = fresh("v");
        s.slot = m_slots++;
        int k = m_r.below(3);
        s.value = k == 0 ? date(2) : k == 1 ? integer(2) : boolean(2);
        m_env.push_back({s.name, s.value.t, s.slot});
      } else if (roll < 30) {
        s.kind = step_kind::where;
        s.value = boolean(2);
      } else if (roll < 55 && !due) {
        due = true;
        s.kind = step_kind::due;
        s.value = date(2);
      } else {
        s.kind = m_r.chance(70) ? step_kind::require : step_kind::forbid;
        s.value = boolean(3);
        decides = true;
      }
      out.steps.push_back(std::move(s));
    }
    out.slots = m_slots;
    return out;
  }

 private:
  rng& m_r;
  std::vector<variable> m_env;
  int m_slots = 0;
  int m_names = 0;

  std::string fresh(const char* prefix) { return fmt::format("{}{}", prefix, ++m_names); }

  expr var(const variable& v) {
    auto e = make(ek::var, v.t);
    e.name = v.name;
    e.slot = v.slot;
    return e;
  }

  expr field(expr object, int f) {
    const auto& fd = schema()[object.t.entity].fields[f];
    type t{fd.type, fd.target};
    auto e = make(ek::field, t, {std::move(object)});
    e.field = f;
    return e;
  }

  // A variable, preferring the innermost (a quantifier's condition mostly reads its binder).
  const variable& some_variable() { return m_r.chance(50) ? m_env.back() : m_r.pick(m_env); }

  // A path from a variable through 0–2 ref fields, ending at a value of `want` (for a scalar or a
  // list, its last step is a field of that kind). Empty when no attempt found one.
  std::optional<expr> path(type want) {
    for (int attempt = 0; attempt < 30; ++attempt) {
      const auto& v = some_variable();
      if (v.t.kind != ftype::ref) {
        if (v.t == want) return var(v);
        continue;
      }
      auto cur = var(v);
      for (int steps = m_r.below(3); steps > 0; --steps) {
        std::vector<int> refs;
        const auto& fields = schema()[cur.t.entity].fields;
        for (std::size_t f = 0; f < fields.size(); ++f)
          if (fields[f].type == ftype::ref) refs.push_back(static_cast<int>(f));
        if (refs.empty()) break;
        cur = field(std::move(cur), m_r.pick(refs));
      }
      if (want.kind == ftype::ref) {
        if (cur.t == want) return cur;
        continue;
      }
      std::vector<int> fits;
      const auto& fields = schema()[cur.t.entity].fields;
      for (std::size_t f = 0; f < fields.size(); ++f) {
        if (fields[f].type == want.kind && (want.kind != ftype::list_ref || fields[f].target == want.entity))
          fits.push_back(static_cast<int>(f));
      }
      if (!fits.empty()) return field(std::move(cur), m_r.pick(fits));
    }
    return std::nullopt;
  }

  expr literal(ek kind, type t, std::int64_t n) {
    auto e = make(kind, t);
    e.n = n;
    return e;
  }

  expr integer(int depth) {
    static const std::vector<std::string> aggregates{"sum", "min", "max"};
    int roll = m_r.below(100);
    if (depth > 0 && roll < 10) return quantifier(depth - 1, true);
    if (depth > 0 && roll < 18) return aggregate(depth - 1, m_r.pick(aggregates), int_t);
    if (depth > 0 && roll < 30)
      return make(ek::coalesce, int_t, {integer(depth - 1), literal(ek::integer, int_t, m_r.below(4))}, "??");
    if (depth > 0 && roll < 38)
      return make(ek::int_add, int_t, {integer(depth - 1), literal(ek::integer, int_t, m_r.below(3))}, "+");
    if (depth > 0 && roll < 42)
      return make(ek::conditional, int_t, {boolean(depth - 1), integer(depth - 1), integer(depth - 1)});
    if (roll < 85)
      if (auto p = path(int_t)) return *p;
    return literal(ek::integer, int_t, m_r.below(5));
  }

  expr date(int depth) {
    int roll = m_r.below(100);
    if (depth > 0 && roll < 25) {
      auto e = make(ek::date_add, date_t, {date(depth - 1)}, m_r.chance(70) ? "+" : "-");
      e.dur = m_r.pick(durations);
      return e;
    }
    if (depth > 0 && roll < 37) {
      auto fallback = m_r.chance(50) ? make(ek::as_of, date_t) : date(0);
      return make(ek::coalesce, date_t, {date(depth - 1), std::move(fallback)}, "??");
    }
    if (depth > 0 && roll < 43) return aggregate(depth - 1, m_r.chance(50) ? "min" : "max", date_t);
    if (depth > 0 && roll < 47)
      return make(ek::conditional, date_t, {boolean(depth - 1), date(depth - 1), date(depth - 1)});
    if (depth > 0 && roll < 52) {
      // a date of the latest card, person or meeting: `(latest l in cards where … by …).returned_on`
      int entity = m_r.below(3);
      auto latest = aggregate(depth - 1, "latest", {ftype::ref, entity});
      std::vector<int> dates;
      const auto& fields = schema()[entity].fields;
      for (std::size_t f = 0; f < fields.size(); ++f)
        if (fields[f].type == ftype::date) dates.push_back(static_cast<int>(f));
      return field(std::move(latest), m_r.pick(dates));
    }
    if (roll < 85)
      if (auto p = path(date_t)) return *p;
    if (m_r.chance(50)) return make(ek::as_of, date_t);
    static const std::vector<ymd> fixed{{2024, 1, 31}, {2024, 12, 31}, {2025, 3, 31}, {2025, 6, 30}, {2026, 1, 1}};
    auto d = m_r.pick(fixed);
    return literal(ek::date, date_t, days_from_civil(d.y, d.m, d.d));
  }

  std::optional<expr> any_value() {
    static const std::vector<type> kinds{
        bool_t, int_t, date_t, grade_t, {ftype::ref, person_e}, {ftype::ref, meeting_e}, {ftype::list_ref, person_e}};
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (auto p = path(m_r.pick(kinds))) return p;
    }
    return std::nullopt;
  }

  static const char* order_op(rng& r) {
    static const std::vector<const char*> ops{"==", "!=", "<", "<=", ">", ">="};
    return r.pick(ops);
  }

  expr boolean(int depth) {
    for (;;) {
      int roll = m_r.below(depth > 0 ? 130 : 100);
      if (roll < 10) {
        if (auto p = path(bool_t)) return *p;
      } else if (roll < 22) {
        int d = std::max(depth - 1, 0);
        return make(ek::cmp, bool_t, {integer(d), integer(d)}, order_op(m_r));
      } else if (roll < 40) {
        int d = std::max(depth - 1, 0);
        if (m_r.chance(25)) {
          // a date difference against durations: `(a - b) <= 1y`, `(a - b) in 1mo..1y`
          auto e = make(ek::span_cmp, bool_t, {date(d), date(d)}, m_r.chance(30) ? "in" : order_op(m_r));
          e.dur = m_r.pick(durations);
          e.dur2 = m_r.pick(durations);
          return e;
        }
        return make(ek::cmp, bool_t, {date(d), date(d)}, order_op(m_r));
      } else if (roll < 50) {
        if (auto g = path(grade_t)) {
          if (m_r.chance(40)) {
            auto e = make(ek::symbols, {ftype::list_ref, -1});
            for (int k = 1 + m_r.below(2); k > 0; --k) e.syms.push_back(m_r.below(3));
            return make(ek::member, bool_t, {std::move(*g), std::move(e)}, m_r.chance(70) ? "in" : "not in");
          }
          auto other = m_r.chance(70) ? literal(ek::symbol, grade_t, m_r.below(3))
                                      : path(grade_t).value_or(literal(ek::symbol, grade_t, 0));
          return make(ek::cmp, bool_t, {std::move(*g), std::move(other)}, m_r.chance(70) ? "==" : "!=");
        }
      } else if (roll < 60) {
        type person{ftype::ref, person_e};
        if (depth > 0 && m_r.chance(20)) {
          auto latest = aggregate(depth - 1, "latest", person);
          if (auto b = path(person)) return make(ek::cmp, bool_t, {std::move(latest), std::move(*b)}, "==");
        }
        auto a = path(person);
        auto b = path(person);
        if (a && b) return make(ek::cmp, bool_t, {std::move(*a), std::move(*b)}, m_r.chance(70) ? "==" : "!=");
      } else if (roll < 70) {
        if (auto v = any_value()) {
          static const std::vector<std::string> tests{"is null", "is not null", "== null", "!= null"};
          return make(ek::null_test, bool_t, {std::move(*v)}, m_r.pick(tests));
        }
      } else if (roll < 80) {
        auto who = path({ftype::ref, person_e});
        auto list = path({ftype::list_ref, person_e});
        if (who && list)
          return make(ek::member, bool_t, {std::move(*who), std::move(*list)}, m_r.chance(75) ? "in" : "not in");
      } else if (roll < 88) {
        auto inner = depth > 0 ? boolean(depth - 1) : path(bool_t).value_or(literal(ek::boolean, bool_t, 1));
        return make(ek::coalesce, bool_t, {std::move(inner), literal(ek::boolean, bool_t, m_r.below(2))}, "??");
      } else if (roll < 92) {
        if (m_r.chance(30)) return literal(ek::boolean, bool_t, m_r.below(2));
      } else if (roll < 100) {
        // a null test of a whole expression: is a quantifier's or a `??`'s value known?
        if (depth > 0)
          return make(ek::null_test, bool_t, {boolean(depth - 1)}, m_r.chance(50) ? "is null" : "is not null");
      } else if (roll < 108) {
        return make(ek::not_, bool_t, {boolean(depth - 1)});
      } else if (roll < 116) {
        return make(m_r.chance(50) ? ek::and_ : ek::or_, bool_t, {boolean(depth - 1), boolean(depth - 1)});
      } else {
        return quantifier(depth - 1, false);
      }
    }
  }

  struct scope {
    expr source;
    variable binder;
    std::optional<expr> condition;
    std::optional<expr> projection;
  };

  // The parts of a quantifier or aggregate: a source (a collection, or for people sometimes a list
  // of refs), a binder, a condition that most of the time has a join conjunct (`x.holder == K`,
  // `K in x.attendees`), and what `project` makes while the binder is in scope. `entity` < 0: any.
  scope over(int depth, int entity, const char* prefix,
             const std::function<std::optional<expr>(const variable&)>& project) {
    scope out;
    if (entity < 0) entity = m_r.below(3);
    auto list = entity == person_e && m_r.chance(25) ? path({ftype::list_ref, person_e}) : std::nullopt;
    if (list) {
      out.source = std::move(*list);
    } else {
      out.source = make(ek::var, {ftype::list_ref, entity});
      out.source.name = schema()[entity].collection;
      out.source.n = entity;
    }
    // The join key is generated before the binder is in scope, so it never reads the binder.
    std::optional<std::pair<int, expr>> join;  // the binder's field and the key
    if (m_r.chance(65)) {
      std::vector<int> refs;
      const auto& fields = schema()[entity].fields;
      for (std::size_t f = 0; f < fields.size(); ++f)
        if (fields[f].type == ftype::ref || fields[f].type == ftype::list_ref) refs.push_back(static_cast<int>(f));
      int f = m_r.pick(refs);
      if (auto key = path({ftype::ref, fields[f].target})) join.emplace(f, std::move(*key));
    }
    out.binder = {fresh(prefix), {ftype::ref, entity}, m_slots++};
    m_env.push_back(out.binder);
    if (join) {
      auto& [f, key] = *join;
      auto bf = field(var(out.binder), f);
      expr part = bf.t.kind == ftype::list_ref
                      ? make(ek::member, bool_t, {std::move(key), std::move(bf)}, "in")
                      : (m_r.chance(70) ? make(ek::cmp, bool_t, {std::move(bf), std::move(key)}, "==")
                                        : make(ek::cmp, bool_t, {std::move(key), std::move(bf)}, "=="));
      if (m_r.chance(35)) {
        out.condition = std::move(part);
      } else {
        auto rest = boolean(std::max(depth, 0));
        out.condition = m_r.chance(75) ? make(ek::and_, bool_t, {std::move(part), std::move(rest)})
                                       : make(ek::and_, bool_t, {std::move(rest), std::move(part)});
      }
    } else if (m_r.chance(90)) {
      out.condition = boolean(std::max(depth, 0));
    }
    out.projection = project(out.binder);
    m_env.pop_back();
    return out;
  }

  // exists/all/none, or `(count …) OP k` (just the count when `as_int`).
  expr quantifier(int depth, bool as_int) {
    bool count = as_int || m_r.chance(30);
    auto sc = over(depth, -1, count ? "n" : "q", [](const variable&) { return std::nullopt; });
    std::vector<expr> kids{std::move(sc.source)};
    if (sc.condition) kids.push_back(std::move(*sc.condition));
    auto q = make(count ? ek::count : ek::quantifier, count ? int_t : bool_t, std::move(kids));
    q.name = sc.binder.name;
    q.slot = sc.binder.slot;
    if (!count) {
      static const std::vector<std::string> kinds{"exists", "exists", "all", "none"};
      q.op = m_r.pick(kinds);
      return q;
    }
    if (as_int) return q;
    static const std::vector<const char*> ops{">=", ">=", "<", "=="};
    return make(ek::cmp, bool_t, {std::move(q), literal(ek::integer, int_t, m_r.below(4))}, m_r.pick(ops));
  }

  // A field of the binder of kind `want`, sometimes defaulted with `??`.
  std::optional<expr> binder_field(const variable& b, ftype want) {
    std::vector<int> fits;
    const auto& fields = schema()[b.t.entity].fields;
    for (std::size_t f = 0; f < fields.size(); ++f)
      if (fields[f].type == want) fits.push_back(static_cast<int>(f));
    if (fits.empty()) return std::nullopt;
    auto e = field(var(b), m_r.pick(fits));
    if (m_r.chance(25)) {
      auto fallback = want == ftype::integer ? literal(ek::integer, int_t, m_r.below(3)) : make(ek::as_of, date_t);
      e = make(ek::coalesce, e.t, {std::move(e), std::move(fallback)}, "??");
    }
    return e;
  }

  // `sum`/`min`/`max … of E` (E an int, or a date for min and max), or `latest … by E` (an entity).
  expr aggregate(int depth, const std::string& op, type want) {
    int entity = want.kind == ftype::ref       ? want.entity
                 : want.kind == ftype::integer ? (m_r.chance(50) ? person_e : card_e)
                                               : m_r.below(3);
    ftype projected = want.kind == ftype::ref ? (m_r.chance(60) ? ftype::date : ftype::integer) : want.kind;
    if (want.kind == ftype::ref && entity == meeting_e) projected = ftype::date;
    auto sc =
        over(depth, entity, op == "latest" ? "l" : "a", [&](const variable& b) { return binder_field(b, projected); });
    auto e = make(ek::aggregate, want, {std::move(sc.source), std::move(*sc.projection)}, op);
    if (sc.condition) {
      e.kids.push_back(std::move(*sc.condition));
      e.n = 1;
    }
    e.name = sc.binder.name;
    e.slot = sc.binder.slot;
    return e;
  }
};

}  // namespace

rule generate_rule(rng& r, const std::string& id) { return generator(r).make_rule(id); }

}  // namespace baomi::differential

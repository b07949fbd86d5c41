// The reference evaluator (reference.hpp).
#include "reference.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace baomi::differential {

namespace {

/// A value, or unknown (`known == false`: a null, missing or unreadable fact, language.md §9).
/// Its meaning follows the static type of the expression that produced it.
struct val {
  bool known = false;
  std::int64_t n = 0;               // bool (0/1), int, date (day), grade (symbol), entity (row)
  std::vector<std::int64_t> items;  // list of entities (rows), or of grade symbols
  // An unknown count over a known list: the values it may have (the matches known, then those plus
  // the elements whose condition is unknown).
  std::optional<std::pair<std::int64_t, std::int64_t>> range;
};

val unknown() { return {}; }
val known(std::int64_t n) { return {true, n, {}, std::nullopt}; }
val truth(bool b) { return known(b ? 1 : 0); }

struct reference {
  const snapshot& facts;
  const reference_options& options;
  std::vector<val> env;  // by slot

  val read(int entity, std::int64_t row, int field) const {
    const auto& c = facts.tables[entity][row].cells[field];
    if (!c.known()) return unknown();  // null and absent alike
    val v = known(c.n);
    if (schema()[entity].fields[field].type == ftype::list_ref) v.items.assign(c.rows.begin(), c.rows.end());
    return v;
  }

  // Kleene: false wins `and`, true wins `or`, else unknown if either is.
  static val kleene_and(const val& a, const val& b) {
    if ((a.known && !a.n) || (b.known && !b.n)) return truth(false);
    if (!a.known || !b.known) return unknown();
    return truth(true);
  }
  static val kleene_or(const val& a, const val& b) {
    if ((a.known && a.n) || (b.known && b.n)) return truth(true);
    if (!a.known || !b.known) return unknown();
    return truth(false);
  }

  static bool reads(const expr& e, int slot) {
    if (e.kind == ek::var && e.slot == slot) return true;
    return std::any_of(e.kids.begin(), e.kids.end(), [&](const expr& k) { return reads(k, slot); });
  }

  static void conjuncts(const expr& e, std::vector<const expr*>& out) {
    if (e.kind == ek::and_) {
      for (const auto& k : e.kids) conjuncts(k, out);
    } else {
      out.push_back(&e);
    }
  }

  static bool binder_field(const expr& e, int slot, ftype kind) {
    return e.kind == ek::field && e.kids[0].kind == ek::var && e.kids[0].slot == slot && e.t.kind == kind;
  }

  // The key the engine's index join would look up (engine/compile.cpp detect_join): the first
  // conjunct `x.f == K` / `K == x.f` (f a ref) or `K in x.f` (f a list of refs), K not reading x.
  // Only for emulating known disagreement 1.
  static const expr* condition(const expr& q) {
    if (q.kind == ek::aggregate) return q.n ? &q.kids[2] : nullptr;
    return q.kids.size() > 1 ? &q.kids[1] : nullptr;
  }

  static const expr* join_key(const expr& q) {
    if (q.kind == ek::quantifier && q.op == "all") return nullptr;
    const auto* cond = condition(q);
    if (q.kids[0].kind != ek::var || q.kids[0].slot != -1 || !cond) return nullptr;
    std::vector<const expr*> parts;
    conjuncts(*cond, parts);
    for (const auto* p : parts) {
      if (p->kind == ek::cmp && p->op == "==") {
        if (binder_field(p->kids[0], q.slot, ftype::ref) && !reads(p->kids[1], q.slot)) return &p->kids[1];
        if (binder_field(p->kids[1], q.slot, ftype::ref) && !reads(p->kids[0], q.slot)) return &p->kids[0];
      } else if (p->kind == ek::member && p->op == "in") {
        if (binder_field(p->kids[1], q.slot, ftype::list_ref) && !reads(p->kids[0], q.slot)) return &p->kids[0];
      }
    }
    return nullptr;
  }

  static val compare_op(const std::string& op, std::int64_t a, std::int64_t b) {
    if (op == "==") return truth(a == b);
    if (op == "!=") return truth(a != b);
    if (op == "<") return truth(a < b);
    if (op == "<=") return truth(a <= b);
    if (op == ">") return truth(a > b);
    return truth(a >= b);
  }

  val eval(const expr& e) {
    switch (e.kind) {
      case ek::boolean:
      case ek::integer:
      case ek::date:
      case ek::symbol:
        return known(e.n);
      case ek::symbols: {
        val v = known(0);
        v.items.assign(e.syms.begin(), e.syms.end());
        return v;
      }
      case ek::as_of:
        return known(facts.as_of);
      case ek::var: {
        if (e.slot >= 0) return env[e.slot];
        val all = known(0);  // a collection: every row
        for (std::size_t r = 0; r < facts.tables[e.n].size(); ++r) all.items.push_back(static_cast<std::int64_t>(r));
        return all;
      }
      case ek::field: {
        // Through a null ref the field is unknown too (language.md §9).
        auto object = eval(e.kids[0]);
        if (!object.known) return unknown();
        return read(e.kids[0].t.entity, object.n, e.field);
      }
      case ek::not_: {
        auto a = eval(e.kids[0]);
        return a.known ? truth(!a.n) : unknown();
      }
      case ek::and_:
        return kleene_and(eval(e.kids[0]), eval(e.kids[1]));
      case ek::or_:
        return kleene_or(eval(e.kids[0]), eval(e.kids[1]));
      case ek::cmp: {
        auto a = eval(e.kids[0]);
        auto b = eval(e.kids[1]);
        // ints, dates, grade symbols and entity rows all compare as their number; the generator
        // orders only ints and dates.
        if (a.known && b.known) return compare_op(e.op, a.n, b.n);
        // A count that is unknown only because some elements' conditions are lies somewhere in
        // its range: the comparison is known when every count in the range gives the same answer.
        auto ra = range(a);
        auto rb = range(b);
        if (!ra || !rb) return unknown();
        bool any_true = false, any_false = false;
        for (auto x = ra->first; x <= ra->second; ++x) {
          for (auto y = rb->first; y <= rb->second; ++y) (compare_op(e.op, x, y).n ? any_true : any_false) = true;
        }
        return any_true && any_false ? unknown() : truth(any_true);
      }
      case ek::null_test: {
        // Always known: `x == null` is the null test, not a comparison with an unknown value.
        bool is_null = !eval(e.kids[0]).known;
        return truth(e.op == "is null" || e.op == "== null" ? is_null : !is_null);
      }
      case ek::coalesce: {
        auto a = eval(e.kids[0]);
        return a.known ? a : eval(e.kids[1]);
      }
      case ek::date_add: {
        auto a = eval(e.kids[0]);
        if (!a.known) return unknown();
        return known(add(static_cast<day>(a.n), e.dur, e.op == "+" ? 1 : -1));
      }
      case ek::int_add: {
        auto a = eval(e.kids[0]);
        auto b = eval(e.kids[1]);
        if (!a.known || !b.known) return unknown();
        return known(a.n + b.n);
      }
      case ek::member: {
        auto x = eval(e.kids[0]);
        auto list = eval(e.kids[1]);
        if (!x.known || !list.known) return unknown();
        bool found = std::find(list.items.begin(), list.items.end(), x.n) != list.items.end();
        return truth(e.op == "in" ? found : !found);
      }
      case ek::quantifier:
      case ek::count:
      case ek::aggregate:
        return quantify(e);
      case ek::conditional: {
        auto c = eval(e.kids[0]);  // an unknown condition gives unknown
        if (!c.known) return unknown();
        return eval(e.kids[c.n ? 1 : 2]);
      }
      case ek::span_cmp: {
        // `to - from` against a duration, calendar-exactly from `from` (language.md §10):
        // `a - b <= 1y` holds exactly when a <= b + 1y.
        auto to = eval(e.kids[0]);
        auto from = eval(e.kids[1]);
        if (!to.known || !from.known) return unknown();
        auto end = add(static_cast<day>(from.n), e.dur);
        if (e.op == "in") return truth(end <= to.n && to.n <= add(static_cast<day>(from.n), e.dur2));
        return compare_op(e.op, to.n, end);
      }
    }
    return unknown();
  }

  // The values `v` may have: itself when known, its range when it is an unknown count.
  static std::optional<std::pair<std::int64_t, std::int64_t>> range(const val& v) {
    if (v.known) return std::pair{v.n, v.n};
    return v.range;
  }

  // exists = `or` over the elements, all = `and`, none = not exists (language.md §9); an aggregate
  // is unknown when the condition is unknown for some element.
  val quantify(const expr& e) {
    auto list = eval(e.kids[0]);
    if (!list.known) return unknown();
    if (options.stats) {
      const auto* key = join_key(e);
      bool null_key = key && !eval(*key).known;
      ++options.stats->quantifiers;
      options.stats->joins += key && !null_key;
      options.stats->null_keys += null_key;
    }
    bool any_true = false, any_false = false, any_unknown = false;
    std::int64_t count = 0, sum = 0, unknown_conditions = 0;
    val best;  // min, max: the value; latest: the element
    std::int64_t best_key = 0;
    const auto* cond = condition(e);
    for (auto item : list.items) {
      env[e.slot] = known(item);
      auto c = cond ? eval(*cond) : truth(true);
      if (!c.known) {
        any_unknown = true;
        ++unknown_conditions;
      } else if (!c.n) {
        any_false = true;
      } else {
        any_true = true, ++count;
        if (e.kind != ek::aggregate) continue;
        // sum: unknown when a value is; min, max, latest: elements without a value are skipped,
        // and the first of equal ones is kept.
        auto v = eval(e.kids[1]);
        if (e.op == "sum") {
          if (v.known)
            sum += v.n;
          else
            any_unknown = true;
        } else if (v.known) {
          bool better = !best.known || (e.op == "min" ? v.n < best_key : v.n > best_key);
          if (better) best = e.op == "latest" ? known(item) : v, best_key = v.n;
        }
      }
    }
    env[e.slot] = unknown();
    if (e.kind == ek::count) {
      if (!any_unknown) return known(count);
      auto v = unknown();
      v.range = std::pair{count, count + unknown_conditions};
      return v;
    }
    if (e.kind == ek::aggregate) {
      if (any_unknown) return unknown();  // an unknown condition (or summed value) anywhere
      return e.op == "sum" ? known(sum) : best;
    }
    if (e.op == "exists") return any_true ? truth(true) : any_unknown ? unknown() : truth(false);
    if (e.op == "none") return any_true ? truth(false) : any_unknown ? unknown() : truth(true);
    return any_false ? truth(false) : any_unknown ? unknown() : truth(true);  // all
  }
};

}  // namespace

std::string reference_outcome(const snapshot& s, const rule& r, int subject, const reference_options& options) {
  reference ref{s, options, std::vector<val>(static_cast<std::size_t>(r.slots))};
  ref.env[0] = known(subject);
  // The steps run in order. A false filter (`for … where` or a `where` step) makes the subject
  // not_applicable and ends the rule; an unknown one makes it unknown but the steps go on (a later
  // false `where` still makes it not_applicable). A require that is false, or a forbid that is
  // true, fails; an unknown one leaves the outcome unknown.
  bool filtered = false, filter_unknown = false, failed = false, undecided = false, due_unknown = false;
  std::optional<day> due;
  auto filter = [&](const val& v) {
    if (!v.known)
      filter_unknown = true;
    else if (!v.n)
      filtered = true;
  };
  if (r.filter) filter(ref.eval(*r.filter));
  for (const auto& st : r.steps) {
    if (filtered) break;
    auto v = ref.eval(st.value);
    switch (st.kind) {
      case step_kind::let:
        ref.env[st.slot] = v;
        break;
      case step_kind::where:
        filter(v);
        break;
      case step_kind::due:
        if (v.known)
          due = static_cast<day>(v.n);
        else
          due_unknown = true;
        break;
      case step_kind::require:
      case step_kind::forbid:
        if (!v.known)
          undecided = true;
        else if ((v.n != 0) != (st.kind == step_kind::require))
          failed = true;
        break;
    }
  }
  if (filtered) return "not_applicable";
  // Scope first: an unknown filter leaves the subject unknown even when a requirement fails.
  std::string result = filter_unknown ? "unknown" : failed ? "fail" : undecided ? "unknown" : "pass";
  // `due`: up to and including the due day, anything but a pass is pending (the deadline
  // convention, language.md §6); from the day after, the requirement decides. A subject that would
  // fail with an unknown due date is unknown.
  if (result != "pass") {
    if (due && s.as_of <= *due) return fmt::format("pending({})", *due - s.as_of);
    if (due_unknown && result == "fail") return "unknown";
  }
  return result;
}

}  // namespace baomi::differential

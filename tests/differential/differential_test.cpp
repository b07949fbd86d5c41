// Differential test of the evaluator (issue 15, item 2; docs/testing.md): random small snapshots and
// random rules over a test schema, run through baomi's real pipeline and through an independent
// reference evaluator (reference.cpp); both must give the same outcome for every (rule, subject).
//
// Each seed makes `rules_per_seed` rules, checked once as one module, and `snapshots_per_seed`
// snapshots, each run through engine::run_pipeline. A mismatch prints the seed, the rule, the
// subject, both outcomes and the snapshot shrunk to the fewest rows that still disagree.
//
// BAOMI_DIFF_SEED (default 1) is the first seed and BAOMI_DIFF_ITERATIONS (default 8) the number
// of seeds, for longer local runs: BAOMI_DIFF_SEED=1000 BAOMI_DIFF_ITERATIONS=500.
#include <fmt/format.h>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <map>

#include "engine/check.hpp"
#include "engine/pipeline.hpp"
#include "generate.hpp"
#include "reference.hpp"

using namespace baomi;
using namespace baomi::differential;

namespace {

constexpr int rules_per_seed = 40;
constexpr int snapshots_per_seed = 4;
constexpr int reports_per_seed = 3;  // mismatches printed in full (with shrinking) per seed

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  auto n = std::strtoull(text, &end, 10);
  if (*end != '\0') BOOST_FAIL(fmt::format("{}=`{}` is not a whole number", name, text));
  return n;
}

/// The checked program of the test schema plus `rules`, or the checker's errors.
struct program {
  engine::check_result checked;
  std::string errors;
};

program check_rules(const std::vector<rule>& rules) {
  std::string text = schema_text();
  for (const auto& r : rules) text += "\n" + render(r);
  auto modules = engine::load_embedded({{"rulesets/diff.baomi", text}});
  program p{engine::check(modules), {}};
  auto all = modules.diagnostics;
  all.insert(all.end(), p.checked.diagnostics.begin(), p.checked.diagnostics.end());
  for (const auto& d : all) {
    if (d.severity == base::severity::error)
      p.errors += fmt::format("{} at {}:{}: {}\n", d.code, d.range.begin.line, d.range.begin.column, d.message);
  }
  if (!p.checked.program && p.errors.empty()) p.errors = "no program\n";
  if (!p.errors.empty()) p.errors += "--- the module:\n" + text;
  return p;
}

/// "RULE SUBJECT" -> outcome (`pending(N)` with the days left), from the engine; `error` on failure.
std::map<std::string, std::string> engine_outcomes(const engine::checked_program& program, const snapshot& s,
                                                   const std::vector<std::string>& only, std::string& error) {
  engine::pipeline_options options;
  options.only = only;
  auto ran = engine::run_pipeline(program, engine::snapshot_source::memory(snapshot_json(s), "diff.json", "diff.json"),
                                  options);
  std::map<std::string, std::string> out;
  for (const auto& i : ran.data_issues) error += fmt::format("data issue {} at {}: {}\n", i.code, i.pointer, i.message);
  if (!ran.run) {
    error += "no run: " + ran.error;
    return out;
  }
  for (const auto& f : ran.run->findings) {
    auto o = std::string(engine::to_string(f.outcome));
    if (f.outcome == engine::outcome::pending) o += fmt::format("({})", f.days_left.value_or(-1));
    out[f.rule->id + " " + f.subject.key] = o;
  }
  return out;
}

struct comparison {
  int compared = 0;
  std::vector<std::string> mismatches;  // "SUBJECT: reference X, engine Y"
  std::string error;
};

comparison compare(const engine::checked_program& program, const snapshot& s, const rule& r) {
  comparison c;
  auto actual = engine_outcomes(program, s, {r.id}, c.error);
  const auto& rows = s.tables[r.subject];
  if (actual.size() != rows.size() && c.error.empty())
    c.error = fmt::format("the engine gave {} findings for {} subjects", actual.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto expected = reference_outcome(s, r, static_cast<int>(i));
    auto it = actual.find(r.id + " " + rows[i].id);
    auto got = it == actual.end() ? std::string("(none)") : it->second;
    ++c.compared;
    if (expected == got) continue;
    c.mismatches.push_back(fmt::format("{}: reference {}, engine {}", rows[i].id, expected, got));
  }
  return c;
}

/// Removes rows and nulls optional facts while the rule still disagrees: the smallest failing case.
snapshot shrink(const engine::checked_program& program, snapshot s, const rule& r) {
  auto still_fails = [&](const snapshot& t) {
    auto c = compare(program, t, r);
    return c.error.empty() && !c.mismatches.empty();
  };
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t e = 0; e < s.tables.size(); ++e) {
      for (std::size_t i = s.tables[e].size(); i-- > 0;) {
        auto t = s;
        remove_row(t, static_cast<int>(e), static_cast<int>(i));
        if (still_fails(t)) s = std::move(t), progress = true;
      }
    }
    for (std::size_t e = 0; e < s.tables.size(); ++e) {
      const auto& def = schema()[e];
      for (std::size_t i = 0; i < s.tables[e].size(); ++i) {
        for (std::size_t f = 1; f < def.fields.size(); ++f) {
          auto& c = s.tables[e][i].cells[f];
          if (def.fields[f].optional && c.state != cell_state::absent) {
            auto t = s;
            t.tables[e][i].cells[f].state = cell_state::absent;
            if (still_fails(t)) s = std::move(t), progress = true;
          }
          if (def.fields[f].type == ftype::list_ref && c.known()) {
            for (std::size_t k = c.rows.size(); k-- > 0;) {
              auto t = s;
              auto& rows = t.tables[e][i].cells[f].rows;
              rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(k));
              if (still_fails(t)) s = std::move(t), progress = true;
            }
          }
        }
      }
    }
  }
  return s;
}

/// Drops the `for` filter and steps (never a `let`, which later steps may read) while the rule still
/// disagrees on `s`: the smallest failing rule.
rule shrink_rule(rule r, const snapshot& s) {
  auto still_fails = [&](const rule& candidate) {
    auto p = check_rules({candidate});
    if (!p.errors.empty()) return false;
    auto c = compare(*p.checked.program, s, candidate);
    return c.error.empty() && !c.mismatches.empty();
  };
  if (r.filter) {
    auto t = r;
    t.filter.reset();
    if (still_fails(t)) r = std::move(t);
  }
  for (std::size_t i = r.steps.size(); i-- > 0;) {
    if (r.steps[i].kind == step_kind::let) continue;
    auto t = r;
    t.steps.erase(t.steps.begin() + static_cast<std::ptrdiff_t>(i));
    bool decides = std::any_of(t.steps.begin(), t.steps.end(), [](const step& st) {
      return st.kind == step_kind::require || st.kind == step_kind::forbid;
    });
    if (decides && still_fails(t)) r = std::move(t);
  }
  return r;
}

struct totals {
  int seeds = 0, rules = 0, snapshots = 0, compared = 0, mismatching_rules = 0;
  std::map<std::string, int> outcomes;  // of the reference, to show the generator reaches them all
  reference_stats stats;
};

void run_seed(std::uint64_t seed, totals& t) {
  rng r(seed);
  std::vector<rule> rules;
  for (int i = 0; i < rules_per_seed; ++i) rules.push_back(generate_rule(r, fmt::format("D-{:03}", i + 1)));
  auto p = check_rules(rules);
  BOOST_TEST_REQUIRE(p.errors.empty(), fmt::format("seed {}: the generated rules do not check:\n{}", seed, p.errors));
  const auto& program = *p.checked.program;
  int reported = 0;
  for (int k = 0; k < snapshots_per_seed; ++k) {
    auto s = generate_snapshot(r);
    std::string error;
    auto actual = engine_outcomes(program, s, {}, error);
    BOOST_TEST_REQUIRE(error.empty(), fmt::format("seed {} snapshot {}: {}\n{}", seed, k, error, snapshot_json(s)));
    ++t.snapshots;
    std::size_t subjects = 0;
    for (const auto& rl : rules) subjects += s.tables[rl.subject].size();
    BOOST_TEST(actual.size() == subjects, "seed " << seed << " snapshot " << k << ": a finding per (rule, subject)");
    for (const auto& rl : rules) {
      const auto& rows = s.tables[rl.subject];
      bool mismatch = false;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        auto expected = reference_outcome(s, rl, static_cast<int>(i), {.stats = &t.stats});
        ++t.outcomes[expected.substr(0, expected.find('('))];
        ++t.compared;
        auto it = actual.find(rl.id + " " + rows[i].id);
        auto got = it == actual.end() ? std::string("(none)") : it->second;
        if (expected == got) continue;
        mismatch = true;
      }
      if (!mismatch) continue;
      ++t.mismatching_rules;
      if (reported++ >= reports_per_seed) {
        BOOST_ERROR(fmt::format("seed {} snapshot {}: {} disagrees (not shrunk: {} reported for this seed)", seed, k,
                                rl.id, reports_per_seed));
        continue;
      }
      auto small = shrink(program, s, rl);
      auto small_rule = shrink_rule(rl, small);
      auto small_program = check_rules({small_rule});
      auto c = compare(*small_program.checked.program, small, small_rule);
      std::string lines;
      for (const auto& m : c.mismatches) lines += "  " + m + "\n";
      BOOST_ERROR(fmt::format(
          "seed {} snapshot {}: the engine and the reference disagree\n--- rule as generated:\n{}"
          "--- the smallest rule and snapshot that still disagree:\n{}--- mismatches:\n{}{}--- snapshot:\n{}",
          seed, k, render(rl), render(small_rule) == render(rl) ? "(the same)\n" : render(small_rule), lines, c.error,
          snapshot_json(small)));
    }
  }
  t.rules += rules_per_seed;
  ++t.seeds;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(differential)

BOOST_AUTO_TEST_CASE(reference_dates_follow_the_calendar) {
  // The reference's own date arithmetic, against the examples of language.md §10.
  auto d = [](int y, int m, int dd) { return days_from_civil(y, m, dd); };
  BOOST_TEST(format_day(d(2024, 2, 29)) == "2024-02-29");
  BOOST_TEST(format_day(add(d(2024, 8, 31), {6, 0, "6mo"})) == "2025-02-28");
  BOOST_TEST(format_day(add(d(2024, 2, 29), {12, 0, "1y"})) == "2025-02-28");
  BOOST_TEST(format_day(add(d(2025, 3, 31), {1, 0, "1mo"}, -1)) == "2025-02-28");
  BOOST_TEST(format_day(add(d(2024, 12, 31), {0, 1, "1d"})) == "2025-01-01");
  BOOST_TEST(format_day(add(d(2024, 3, 1), {0, 1, "1d"}, -1)) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(shrinking_keeps_references_valid) {
  rng r(7);
  auto s = generate_snapshot(r);
  while (!s.tables[person_e].empty()) {
    remove_row(s, person_e, 0);
    for (const auto& c : s.tables[card_e])
      BOOST_TEST(c.cells[1].n < static_cast<std::int64_t>(s.tables[person_e].size()));
  }
  BOOST_TEST(s.tables[card_e].empty());  // every card's holder is gone, so every card is
}

BOOST_AUTO_TEST_CASE(engine_agrees_with_the_reference) {
  auto first = env_number("BAOMI_DIFF_SEED", 1);
  auto count = env_number("BAOMI_DIFF_ITERATIONS", 8);
  auto started = std::chrono::steady_clock::now();
  totals t;
  for (std::uint64_t seed = first; seed < first + count; ++seed) run_seed(seed, t);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::string outcomes;
  for (const auto& [o, n] : t.outcomes) outcomes += fmt::format(" {} {}", o, n);
  BOOST_TEST_MESSAGE(
      fmt::format("differential: seeds {}..{}, {} rules, {} snapshots, {} (rule, subject) cases "
                  "compared in {} ms;{}; quantifiers evaluated {}, by index join {}, with a null join key {}; "
                  "{} rules disagreeing",
                  first, first + count - 1, t.rules, t.snapshots, t.compared, ms, outcomes, t.stats.quantifiers,
                  t.stats.joins, t.stats.null_keys, t.mismatching_rules));
  // The generator must reach every outcome, or the comparison proves little.
  for (const char* o : {"pass", "fail", "unknown", "not_applicable", "pending"})
    BOOST_TEST(t.outcomes[o] > 0, "no case with reference outcome " << o);
  BOOST_TEST(t.stats.joins > 0, "no quantifier the engine answers by an index join");
}

// An index join with a null key (P1 has no mentor), asked with a condition the planner turns into a
// join and with one it scans. No card has more than 100 copies, so the condition is false for every
// card (`unknown and false` is false): `exists` is false, the count 0, and the requirement holds —
// pass for all three, as the reference says. A lookup that gave up on the null key said unknown.
BOOST_AUTO_TEST_CASE(null_join_key_scans) {
  auto text = schema_text() + R"(
rule K-JOIN "差分" {
  severity low
  cite "T" "差分"
  for p in people
  require not (exists c in cards where c.holder == p.mentor and c.copies > 100)
}

rule K-COUNT "差分" {
  severity low
  cite "T" "差分"
  for p in people
  require (count c in cards where c.holder == p.mentor and c.copies > 100) == 0
}

rule K-SCAN "差分" {
  severity low
  cite "T" "差分"
  for p in people
  require not (exists c in cards where (c.holder == p.mentor or false) and c.copies > 100)
}
)";
  auto modules = engine::load_embedded({{"rulesets/diff.baomi", text}});
  auto checked = engine::check(modules);
  BOOST_TEST_REQUIRE(checked.program.has_value());
  snapshot s;
  s.as_of = days_from_civil(2025, 6, 30);
  s.tables.resize(schema().size());
  row p{"P1", std::vector<cell>(schema()[person_e].fields.size())};
  p.cells[6].state = cell_state::null;  // mentor
  s.tables[person_e].push_back(p);
  row c{"C1", std::vector<cell>(schema()[card_e].fields.size())};
  c.cells[1].n = 0;                                                           // holder P1
  c.cells[2].state = c.cells[3].state = c.cells[7].state = cell_state::null;  // backup, meeting, returned_on
  c.cells[5].n = 1;                                                           // copies
  c.cells[6].n = s.as_of;                                                     // issued_on
  s.tables[card_e].push_back(c);
  std::string error;
  auto actual = engine_outcomes(*checked.program, s, {}, error);
  BOOST_TEST_REQUIRE(error.empty(), error);
  BOOST_TEST(actual["K-JOIN P1"] == "pass");
  BOOST_TEST(actual["K-COUNT P1"] == "pass");
  BOOST_TEST(actual["K-SCAN P1"] == "pass");

  // K-JOIN's rule in the reference's model: pass.
  auto node = [](ek kind, type t, std::vector<expr> kids = {}, std::string op = {}) {
    expr e;
    e.kind = kind;
    e.t = t;
    e.kids = std::move(kids);
    e.op = std::move(op);
    return e;
  };
  auto variable = [&](std::string name, int slot, int entity) {
    auto e = node(ek::var, {ftype::ref, entity});
    e.name = std::move(name);
    e.slot = slot;
    return e;
  };
  auto field_of = [&](expr object, int f) {
    const auto& fd = schema()[object.t.entity].fields[f];
    auto e = node(ek::field, {fd.type, fd.target}, {std::move(object)});
    e.field = f;
    return e;
  };
  const type boolean{ftype::boolean};
  auto cards = node(ek::var, {ftype::list_ref, card_e});
  cards.name = "cards";
  cards.n = card_e;
  auto hundred = node(ek::integer, {ftype::integer});
  hundred.n = 100;
  auto join =
      node(ek::cmp, boolean, {field_of(variable("c", 1, card_e), 1), field_of(variable("p", 0, person_e), 6)}, "==");
  auto many = node(ek::cmp, boolean, {field_of(variable("c", 1, card_e), 5), hundred}, ">");
  auto exists = node(ek::quantifier, boolean, {cards, node(ek::and_, boolean, {join, many})}, "exists");
  exists.name = "c";
  exists.slot = 1;
  rule k;
  k.id = "K-JOIN";
  k.subject = person_e;
  k.var = "p";
  k.slots = 2;
  k.steps.push_back({step_kind::require, node(ek::not_, boolean, {exists}), {}, -1});
  BOOST_TEST(render(k).find("require not (exists c in cards where (c.holder == p.mentor) and (c.copies > 100))") !=
             std::string::npos);
  BOOST_TEST(reference_outcome(s, k, 0) == "pass");
}

BOOST_AUTO_TEST_SUITE_END()

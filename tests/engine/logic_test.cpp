// Three-valued logic (language.md §9): truth tables of `and`, `or`, `not`, `==`, `in`, `??`, the null
// tests, and quantifiers and aggregates over lists that contain unknown values.
//
// Most cases fold a constant expression: `param x: T = EXPR` is checked and its IR folded with
// engine::evaluate_constant. In EXPR, `?b` stands for an unknown bool (`[true][9]`: an index past
// the end of a list is unknown) and `?i` for an unknown int (`[1][9]`). The literal `null`
// is different: `x == null` is a null test, never unknown. Quantifiers and aggregates are evaluated
// in a rule instead (`shown`), with unknowns from null facts; the last case runs whole rules.
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>
#include <map>

#include "engine/check.hpp"
#include "engine/evaluate.hpp"
#include "engine/fixture.hpp"

using namespace baomi;

namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::string diagnostics_text(const std::vector<dsl::diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += fmt::format("{}: {}\n", d.code, d.message);
  return out;
}

/// Folds `param x: TYPE = EXPR` and renders the value: "true", "false", "unknown", or the number.
std::string fold(std::string_view type, std::string_view expr) {
  std::string text = replace_all(std::string(expr), "?i", "[1][9]");
  text = replace_all(text, "?b", "[true][9]");
  auto source = fmt::format("param x: {} = {}\n", type, text);
  auto modules = engine::load_embedded({{"rulesets/t.baomi", source}});
  auto checked = engine::check(modules);
  auto all = modules.diagnostics;
  all.insert(all.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  // A param no rule uses is warned about (W0302); anything else is a mistake in the test.
  bool errors = std::any_of(all.begin(), all.end(), [](const auto& d) { return d.code != "W0302"; });
  if (errors || !checked.program) return "check failed: " + source + diagnostics_text(all);
  auto v = engine::evaluate_constant(checked.program->params.at(0).value, *checked.program->constants);
  if (!v) return "not a constant";
  switch (v->kind) {
    case engine::vkind::null:
      return "unknown";
    case engine::vkind::boolean:
      return v->u.flag ? "true" : "false";
    case engine::vkind::integer:
      return std::to_string(v->u.integer);
    default:
      return "other";
  }
}

std::string truth(std::string_view expr) { return fold("bool", expr); }
std::string number(std::string_view expr) { return fold("int", expr); }

const std::string probe_rules = R"(
source "T" "测试"

entity person in people key id {
  id: string
  u: bool?
  ui: int?
  empty: list<int>
}

rule PROBE "shows a value" {
  severity low
  cite "T" "x"
  for p in people
  forbid true
  message "{EXPR}"
}
)";

/// Evaluates EXPR in a rule, for the one person of a snapshot whose `u` and `ui` are null and whose
/// `empty` is an empty list, and renders it: "true", "false", "unknown" or the number. Here `?b` is
/// `p.u` and `?i` is `p.ui`. (Quantifiers and aggregates need a rule: folding them as a param value
/// crashes, see regression_test.cpp.)
std::string shown(std::string_view expr) {
  std::string text = replace_all(std::string(expr), "?i", "p.ui");
  text = replace_all(text, "?b", "p.u");
  auto source = replace_all(probe_rules, "EXPR", text);
  auto modules = engine::load_embedded({{"rulesets/t.baomi", source}});
  auto checked = engine::check(modules);
  if (!checked.program || !checked.diagnostics.empty() || !modules.diagnostics.empty()) {
    return "check failed: " + text + "\n" + diagnostics_text(modules.diagnostics) +
           diagnostics_text(checked.diagnostics);
  }
  engine::fixture f;
  f.path = "t.fixture.json";
  f.snapshot = R"({"as_of": "2025-06-30", "people": [{"id": "P1", "empty": []}]})";
  auto result = engine::run_fixture(*checked.program, f);
  if (!result.run || result.run->findings.size() != 1) return "no finding";
  const auto& message = result.run->findings[0].message;
  if (message == "是") return "true";
  if (message == "否") return "false";
  if (message == "未知") return "unknown";
  return message;
}

/// Runs the rules of `source` on `snapshot` and returns "RULE SUBJECT" -> outcome.
std::map<std::string, std::string> outcomes(const std::string& source, const std::string& snapshot) {
  auto modules = engine::load_embedded({{"rulesets/t.baomi", source}});
  auto checked = engine::check(modules);
  std::map<std::string, std::string> out;
  if (!checked.program || !modules.diagnostics.empty() || !checked.diagnostics.empty()) {
    out["check"] = diagnostics_text(modules.diagnostics) + diagnostics_text(checked.diagnostics);
    return out;
  }
  engine::fixture f;
  f.path = "t.fixture.json";
  f.snapshot = snapshot;
  auto result = engine::run_fixture(*checked.program, f);
  if (!result.run) {
    for (const auto& p : result.problems) out["problem"] += p + "\n";
    return out;
  }
  for (const auto& finding : result.run->findings) {
    out[finding.rule->id + " " + finding.subject.key] = engine::to_string(finding.outcome);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(three_valued_logic)

BOOST_AUTO_TEST_CASE(the_unknown_stand_ins_are_unknown) {
  BOOST_TEST(truth("?b") == "unknown");
  BOOST_TEST(number("?i") == "unknown");
  BOOST_TEST(truth("[true][0]") == "true");
}

BOOST_AUTO_TEST_CASE(and_truth_table) {
  BOOST_TEST(truth("true and true") == "true");
  BOOST_TEST(truth("true and false") == "false");
  BOOST_TEST(truth("false and true") == "false");
  BOOST_TEST(truth("false and false") == "false");
  BOOST_TEST(truth("true and ?b") == "unknown");
  BOOST_TEST(truth("?b and true") == "unknown");
  BOOST_TEST(truth("false and ?b") == "false");
  BOOST_TEST(truth("?b and false") == "false");
  BOOST_TEST(truth("?b and ?b") == "unknown");
}

BOOST_AUTO_TEST_CASE(or_truth_table) {
  BOOST_TEST(truth("true or true") == "true");
  BOOST_TEST(truth("true or false") == "true");
  BOOST_TEST(truth("false or true") == "true");
  BOOST_TEST(truth("false or false") == "false");
  BOOST_TEST(truth("true or ?b") == "true");
  BOOST_TEST(truth("?b or true") == "true");
  BOOST_TEST(truth("false or ?b") == "unknown");
  BOOST_TEST(truth("?b or false") == "unknown");
  BOOST_TEST(truth("?b or ?b") == "unknown");
}

BOOST_AUTO_TEST_CASE(not_truth_table) {
  BOOST_TEST(truth("not true") == "false");
  BOOST_TEST(truth("not false") == "true");
  BOOST_TEST(truth("not ?b") == "unknown");
  BOOST_TEST(truth("not not ?b") == "unknown");
}

BOOST_AUTO_TEST_CASE(equality_with_an_unknown_operand_is_unknown) {
  BOOST_TEST(truth("1 == 1") == "true");
  BOOST_TEST(truth("1 == 2") == "false");
  BOOST_TEST(truth("1 != 2") == "true");
  BOOST_TEST(truth("1 == ?i") == "unknown");
  BOOST_TEST(truth("?i == 1") == "unknown");
  BOOST_TEST(truth("?i != 1") == "unknown");
  BOOST_TEST(truth("?i == ?i") == "unknown");  // two unknowns are not known to be equal
  BOOST_TEST(truth("1 < ?i") == "unknown");
  BOOST_TEST(truth("1 == 1.0") == "true");
}

BOOST_AUTO_TEST_CASE(comparing_with_the_literal_null_is_a_null_test) {
  BOOST_TEST(truth("?i == null") == "true");
  BOOST_TEST(truth("null == ?i") == "true");
  BOOST_TEST(truth("?i != null") == "false");
  BOOST_TEST(truth("1 == null") == "false");
  BOOST_TEST(truth("1 != null") == "true");
  BOOST_TEST(truth("?i is null") == "true");
  BOOST_TEST(truth("?i is not null") == "false");
  BOOST_TEST(truth("1 is null") == "false");
  BOOST_TEST(truth("?b is null") == "true");
}

BOOST_AUTO_TEST_CASE(membership_with_unknowns) {
  BOOST_TEST(truth("2 in [1, 2, 3]") == "true");
  BOOST_TEST(truth("4 in [1, 2, 3]") == "false");
  BOOST_TEST(truth("4 not in [1, 2, 3]") == "true");
  BOOST_TEST(truth("?i in [1, 2, 3]") == "unknown");
  BOOST_TEST(truth("?i not in [1, 2, 3]") == "unknown");
  // An unknown element could be the one looked for, unless another element already matches.
  BOOST_TEST(truth("1 in [1, ?i]") == "true");
  BOOST_TEST(truth("3 in [1, ?i]") == "unknown");
  BOOST_TEST(truth("3 not in [1, ?i]") == "unknown");
  BOOST_TEST(truth("2 in 1..3") == "true");
  BOOST_TEST(truth("4 in 1..3") == "false");
  BOOST_TEST(truth("?i in 1..3") == "unknown");
  BOOST_TEST(truth("2 in 1..?i") == "unknown");
}

BOOST_AUTO_TEST_CASE(coalesce_replaces_only_unknown_values) {
  BOOST_TEST(number("?i ?? 5") == "5");
  BOOST_TEST(number("1 ?? 5") == "1");
  BOOST_TEST(number("?i ?? ?i") == "unknown");
  BOOST_TEST(number("?i ?? ?i ?? 7") == "7");
  BOOST_TEST(truth("?b ?? false") == "false");
  BOOST_TEST(truth("(?b and true) ?? true") == "true");
  BOOST_TEST(truth("false ?? true") == "false");  // false is known: `??` does not replace it
}

BOOST_AUTO_TEST_CASE(arithmetic_and_conditionals_propagate_unknown) {
  BOOST_TEST(number("1 + ?i") == "unknown");
  BOOST_TEST(number("?i * 0") == "unknown");
  BOOST_TEST(number("7 % 0") == "unknown");  // division by zero has no value
  BOOST_TEST(number("if ?b then 1 else 1") == "unknown");
  BOOST_TEST(number("if true then 1 else ?i") == "1");
  BOOST_TEST(number("if false then 1 else ?i") == "unknown");
}

BOOST_AUTO_TEST_CASE(exists_is_an_or_over_the_elements) {
  BOOST_TEST(shown("exists x in [false, true] where x") == "true");
  BOOST_TEST(shown("exists x in [false, false] where x") == "false");
  BOOST_TEST(shown("exists x in [false, ?b] where x") == "unknown");
  BOOST_TEST(shown("exists x in [?b, true] where x") == "true");
  BOOST_TEST(shown("exists x in p.empty where x > 0") == "false");
  BOOST_TEST(shown("exists x in [1, 2]") == "true");
  BOOST_TEST(shown("exists x in p.empty") == "false");
}

BOOST_AUTO_TEST_CASE(all_is_an_and_over_the_elements) {
  BOOST_TEST(shown("all x in [true, true] where x") == "true");
  BOOST_TEST(shown("all x in [true, false] where x") == "false");
  BOOST_TEST(shown("all x in [true, ?b] where x") == "unknown");
  BOOST_TEST(shown("all x in [?b, false] where x") == "false");
  BOOST_TEST(shown("all x in p.empty where x > 0") == "true");
}

BOOST_AUTO_TEST_CASE(none_is_the_negation_of_exists) {
  BOOST_TEST(shown("none x in [false, false] where x") == "true");
  BOOST_TEST(shown("none x in [false, true] where x") == "false");
  BOOST_TEST(shown("none x in [false, ?b] where x") == "unknown");
  BOOST_TEST(shown("none x in [?b, true] where x") == "false");
  BOOST_TEST(shown("none x in p.empty where x > 0") == "true");
}

BOOST_AUTO_TEST_CASE(quantifier_conditions_over_unknown_elements) {
  BOOST_TEST(shown("exists n in [1, ?i, 3] where n > 2") == "true");
  BOOST_TEST(shown("exists n in [1, ?i] where n > 2") == "unknown");
  BOOST_TEST(shown("all n in [3, ?i] where n > 2") == "unknown");
  BOOST_TEST(shown("all n in [3, ?i] where n ?? 0 > 2") == "false");
  BOOST_TEST(shown("all n in [3, ?i] where n is null or n > 2") == "true");
  BOOST_TEST(shown("exists n in [?i, ?i] where n > 2 or true") == "true");
}

BOOST_AUTO_TEST_CASE(aggregates_over_unknown_elements) {
  BOOST_TEST(shown("count n in [1, 2, 3] where n > 1") == "2");
  // The filter is unknown for ?i: the count is 1 or 2, and a comparison with a number is decided
  // when every count in that range answers the same (language.md §9).
  BOOST_TEST(shown("count n in [1, ?i, 3] where n > 1") == "1～2");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) >= 1") == "true");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) > 2") == "false");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) >= 2") == "unknown");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) == 0") == "false");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) != 3") == "true");
  BOOST_TEST(shown("(count n in [1, ?i, 3] where n > 1) == 2") == "unknown");
  BOOST_TEST(shown("(count n in [?i, ?i] where n > 1) <= (count n in [1, 2, 3] where n > 1)") == "true");
  BOOST_TEST(shown("-(count n in [1, ?i, 3] where n > 1) <= -2") == "unknown");
  BOOST_TEST(shown("max(count n in [1, ?i, 3] where n > 1, 0) >= 1") == "unknown");
  BOOST_TEST(shown("count n in [1, ?i, 3]") == "3");
  BOOST_TEST(shown("count n in p.empty") == "0");
  BOOST_TEST(shown("sum n in [1, 2, 3] of n") == "6");
  BOOST_TEST(shown("sum n in [1, ?i, 3] of n") == "unknown");
  BOOST_TEST(shown("sum n in [1, ?i, 3] of n ?? 0") == "4");
  BOOST_TEST(shown("sum n in p.empty of n") == "0");
  BOOST_TEST(shown("min n in [3, ?i, 2] of n") == "2");  // min, max and latest skip unknown values
  BOOST_TEST(shown("max n in [3, ?i, 2] of n") == "3");
  BOOST_TEST(shown("latest n in [3, ?i, 2] by n") == "3");
  BOOST_TEST(shown("max n in [?i] of n") == "unknown");
  BOOST_TEST(shown("min n in p.empty of n") == "unknown");
}

// The same tables through rules: unknowns come from null or absent facts, and a `require` or
// `forbid` that is unknown gives the outcome `unknown`.
BOOST_AUTO_TEST_CASE(rules_decide_unknown_when_the_condition_is_unknown) {
  const std::string rules = R"(
source "T" "测试"

entity person in people key id {
  id: string
  a: bool?
  b: bool?
  n: int?
}

entity group in groups key id {
  id: string
  members: list<ref person>
}

rule AND "a and b" {
  severity low
  cite "T" "x"
  for p in people
  require p.a and p.b
}

rule OR "a or b" {
  severity low
  cite "T" "x"
  for p in people
  require p.a or p.b
}

rule EQ "n == 1" {
  severity low
  cite "T" "x"
  for p in people
  require p.n == 1
}

rule NULLTEST "n == null" {
  severity low
  cite "T" "x"
  for p in people
  forbid p.n == null
}

rule EXISTS "some member has a" {
  severity low
  cite "T" "x"
  for g in groups
  require exists m in g.members where m.a
}

rule ALL "every member has a" {
  severity low
  cite "T" "x"
  for g in groups
  require all m in g.members where m.a
}

rule NONE "no member has b" {
  severity low
  cite "T" "x"
  for g in groups
  require none m in g.members where m.b
}
)";
  const std::string snapshot = R"({
  "as_of": "2025-06-30",
  "people": [
    {"id": "TU", "a": true, "n": 1},
    {"id": "FU", "a": false, "b": null, "n": 2},
    {"id": "UU"},
    {"id": "TF", "a": true, "b": false}
  ],
  "groups": [
    {"id": "G-TU", "members": ["TF", "UU"]},
    {"id": "G-FU", "members": ["FU", "UU"]},
    {"id": "G-FF", "members": ["FU"]},
    {"id": "G-0", "members": []}
  ]
})";
  auto got = outcomes(rules, snapshot);
  std::map<std::string, std::string> want = {
      {"AND TU", "unknown"},
      {"AND FU", "fail"},
      {"AND UU", "unknown"},
      {"AND TF", "fail"},
      {"OR TU", "pass"},
      {"OR FU", "unknown"},
      {"OR UU", "unknown"},
      {"OR TF", "pass"},
      {"EQ TU", "pass"},
      {"EQ FU", "fail"},
      {"EQ UU", "unknown"},
      {"EQ TF", "unknown"},
      {"NULLTEST TU", "pass"},
      {"NULLTEST FU", "pass"},
      {"NULLTEST UU", "fail"},
      {"NULLTEST TF", "fail"},
      // G-TU: TF has a, UU unknown. G-FU: FU has not a, UU unknown. G-FF: only FU. G-0: empty.
      {"EXISTS G-TU", "pass"},
      {"EXISTS G-FU", "unknown"},
      {"EXISTS G-FF", "fail"},
      {"EXISTS G-0", "fail"},
      {"ALL G-TU", "unknown"},
      {"ALL G-FU", "fail"},
      {"ALL G-FF", "fail"},
      {"ALL G-0", "pass"},
      // b: TF false, UU unknown, FU null.
      {"NONE G-TU", "unknown"},
      {"NONE G-FU", "unknown"},
      {"NONE G-FF", "unknown"},
      {"NONE G-0", "pass"},
  };
  BOOST_TEST(
      got == want, "got:" << [&] {
        std::string s;
        for (const auto& [k, v] : got) s += "\n  " + k + " = " + v;
        return s;
      }());
}

BOOST_AUTO_TEST_SUITE_END()

// Invalid is not null (language.md §9 "Null, invalid and not exported"): for each kind of bad value
// the loader can meet (enum typo, bad date, bad bool, bad integer, bad duration, dangling ref) and
// each operator that reads it (`is null`, `is not null`, `??`, `==`, `!=`, ordering, `in`,
// `not in`, a `where` filter with and without a `??` default), one rule is evaluated on three
// people: one with a valid value, one with none (null), one with the bad value. The bad one must be
// `unknown` for every rule, with the data issue (code, pointer) in its evidence; the whole table is
// a golden (tests/golden/invalid/matrix.expected). Not-exported collections are checked here too.
#include <fmt/format.h>
#include <boost/test/unit_test.hpp>

#include "engine/check.hpp"
#include "engine/pipeline.hpp"
#include "tests/support/golden.hpp"

using namespace baomi;

namespace {

const char* schema_text = R"(source "004" "涉密人员管理规定"

enum grade {
  core "核心"
  important "重要"
}

entity department in departments key id {
  id: string "编号"
  name: string "名称"
}

entity person in people key id {
  id: string "工号"
  name: string "姓名"
  grade: grade? "涉密等级"
  born: date? "出生日期"
  key: bool? "要害岗位"
  hours: int? "学时"
  period: duration? "脱密期"
  dept: ref department? "部门"
}

entity training in trainings key id {
  id: string "编号"
  attendees: list<ref person> "参加人员"
}
)";

// One kind of bad value: the expression that reads it, a literal equal to the valid value, whether
// it is ordered, and the valid and bad JSON values.
struct kind {
  const char* name;
  const char* expr;
  const char* literal;
  bool ordered;
  const char* valid_json;
  const char* bad_json;
};

const kind kinds[] = {
    {"enum", "p.grade", "core", false, R"("核心")", R"("重耍")"},
    {"date", "p.born", "1990-05-01", true, R"("1990-05-01")", R"("1990/5/1")"},
    {"bool", "p.key", "true", false, R"("是")", R"("yes")"},
    {"integer", "p.hours", "8", true, "8", R"("八")"},
    {"duration", "p.period", "3y", true, R"("3y")", R"("三年")"},
    {"ref", "p.dept.name", "\"办公室\"", false, R"("D1")", R"("D9")"},
};

struct op {
  const char* name;
  const char* filter;  // `for p in people where …`, or empty
  const char* step;    // the rule's step
  bool needs_order;
};

const op ops[] = {
    {"is null", "", "forbid X is null", false},
    {"is not null", "", "require X is not null", false},
    {"??", "", "require (X ?? L) == L", false},
    {"==", "", "require X == L", false},
    {"!=", "", "forbid X != L", false},
    {"<=", "", "require X <= L", true},
    {"in", "", "require X in [L]", false},
    {"not in", "", "forbid X not in [L]", false},
    {"where", "X == L", "require p.name != \"\"", false},
    {"where ??", "(X ?? L) == L", "require p.name != \"\"", false},
};

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::string rule_id(std::size_t k, std::size_t o) { return fmt::format("INV-{}{:02}", k + 1, o + 1); }

// The person's optional fields declared `none "无"`: a null there is a definite "nothing".
std::string none_schema() {
  std::string text = schema_text;
  for (const char* field :
       {"grade: grade?", "born: date?", "key: bool?", "hours: int?", "period: duration?", "dept: ref department?"}) {
    text = replace_all(std::move(text), field, std::string(field) + " none \"无\"");
  }
  return text;
}

// The matrix of kinds × operators on three people (valid, null, bad), as a golden; with `none`, the
// fields are declared none, so the null person gets definite outcomes and the bad one stays unknown.
void check_matrix(bool none, const char* golden) {
  std::string rules = none ? none_schema() : std::string(schema_text);
  for (std::size_t k = 0; k < std::size(kinds); ++k) {
    for (std::size_t o = 0; o < std::size(ops); ++o) {
      if (ops[o].needs_order && !kinds[k].ordered) continue;
      auto fill = [&](std::string text) {
        text = replace_all(std::move(text), "X", kinds[k].expr);
        return replace_all(std::move(text), "L", kinds[k].literal);
      };
      std::string filter = *ops[o].filter ? " where " + fill(ops[o].filter) : "";
      rules += fmt::format(
          "\nrule {} \"{} {}\" {{\n  severity medium\n  cite \"004\" \"涉密人员\"\n  for p in people{}\n  {}\n}}\n",
          rule_id(k, o), kinds[k].name, ops[o].name, filter, fill(ops[o].step));
    }
  }
  auto person = [&](const char* id, bool valid, bool bad) {
    std::string out = fmt::format(R"({{"id": "{}", "name": "{}")", id, id);
    const char* fields[] = {"grade", "born", "key", "hours", "period", "dept"};
    for (std::size_t k = 0; k < std::size(kinds); ++k) {
      if (valid) out += fmt::format(R"(, "{}": {})", fields[k], kinds[k].valid_json);
      if (bad) out += fmt::format(R"(, "{}": {})", fields[k], kinds[k].bad_json);
    }
    return out + "}";
  };
  auto snapshot = fmt::format(
      R"({{"as_of": "2026-06-30", "departments": [{{"id": "D1", "name": "办公室"}}], "trainings": [], "people": [{}, {}, {}]}})",
      person("ok", true, false), person("null", false, false), person("bad", false, true));

  auto modules = engine::load_embedded({{"rulesets/invalid.baomi", rules}});
  auto checked = engine::check(modules);
  for (const auto& d : modules.diagnostics)
    BOOST_TEST_MESSAGE(d.code << " " << d.range.begin.line << ": " << d.message);
  for (const auto& d : checked.diagnostics)
    BOOST_TEST_MESSAGE(d.code << " " << d.range.begin.line << ": " << d.message);
  BOOST_REQUIRE(checked.program);
  auto r =
      engine::run_pipeline(*checked.program, engine::snapshot_source::memory(snapshot, "snap.json", "snap.json"), {});
  BOOST_REQUIRE(r.run);

  std::string out;
  std::size_t bad_seen = 0;
  for (std::size_t k = 0; k < std::size(kinds); ++k) {
    for (std::size_t o = 0; o < std::size(ops); ++o) {
      if (ops[o].needs_order && !kinds[k].ordered) continue;
      auto id = rule_id(k, o);
      std::string line = fmt::format("{} {:8} {:12}", id, kinds[k].name, ops[o].name);
      std::string evidence;
      for (const auto& f : r.run->findings) {
        if (f.rule->id != id) continue;
        line += fmt::format(" {}={}", f.subject.key, engine::to_string(f.outcome));
        if (none && f.subject.key == "null")  // a declared none is never unknown
          BOOST_TEST((f.outcome != engine::outcome::unknown), id << " " << kinds[k].name << " " << ops[o].name);
        if (f.subject.key != "bad") continue;
        ++bad_seen;
        BOOST_TEST((f.outcome == engine::outcome::unknown), id << " " << kinds[k].name << " " << ops[o].name);
        bool names_issue = false;
        for (const auto& e : f.evidence) {
          evidence += fmt::format("    {} = {}\n", e.pointer, e.value);
          names_issue = names_issue || e.value.find("（F0") != std::string::npos;
        }
        BOOST_TEST(names_issue, id << ": the evidence names the data issue");
      }
      out += line + "\n" + evidence;
    }
  }
  BOOST_TEST(bad_seen >= 50u);
  for (const auto& i : r.run->issues) out += fmt::format("issue {} {}: {}\n", i.code, i.pointer, i.message);
  BOOST_TEST(testing::matches_golden(testing::source_root() / golden, out));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invalid_values)

BOOST_AUTO_TEST_CASE(every_test_on_an_invalid_value_is_unknown) {
  check_matrix(false, "tests/golden/invalid/matrix.expected");
}

// Declared `none`: every test on the null value is definite (never unknown); invalid stays unknown.
BOOST_AUTO_TEST_CASE(a_none_is_definite_and_invalid_stays_unknown) {
  check_matrix(true, "tests/golden/invalid/matrix-none.expected");
}

// A collection left out of the snapshot is not known to be empty: a rule reading it is unknown and
// the run lists it; an exported empty `[]` is a register with no record, so the rule fails.
BOOST_AUTO_TEST_CASE(a_collection_not_exported_is_not_an_empty_register) {
  std::string rules = std::string(schema_text) + R"(
rule TRN-X "应参加培训" {
  severity medium
  cite "004" "参加培训"
  for p in people
  require exists t in trainings where p in t.attendees
}

rule CNT-X "培训次数" {
  severity medium
  cite "004" "参加培训"
  for p in people
  require (count t in trainings where p in t.attendees) ?? 1 >= 1
}
)";
  auto modules = engine::load_embedded({{"rulesets/exported.baomi", rules}});
  auto checked = engine::check(modules);
  for (const auto& d : modules.diagnostics)
    BOOST_TEST_MESSAGE(d.code << " " << d.range.begin.line << ": " << d.message);
  for (const auto& d : checked.diagnostics)
    BOOST_TEST_MESSAGE(d.code << " " << d.range.begin.line << ": " << d.message);
  BOOST_REQUIRE(checked.program);
  auto run = [&](const std::string& snapshot) {
    return engine::run_pipeline(*checked.program, engine::snapshot_source::memory(snapshot, "s.json", "s.json"), {});
  };
  auto absent = run(R"({"as_of": "2026-06-30", "people": [{"id": "P1", "name": "甲"}]})");
  BOOST_REQUIRE(absent.run);
  BOOST_TEST(absent.run->not_exported == std::vector<std::string>{"trainings"});
  for (const auto& f : absent.run->findings) BOOST_TEST((f.outcome == engine::outcome::unknown), f.rule->id);
  BOOST_TEST(absent.run->findings.size() == 2u);

  auto empty = run(R"({"as_of": "2026-06-30", "people": [{"id": "P1", "name": "甲"}], "trainings": []})");
  BOOST_REQUIRE(empty.run);
  BOOST_TEST(empty.run->not_exported.empty());
  for (const auto& f : empty.run->findings) BOOST_TEST((f.outcome == engine::outcome::fail), f.rule->id);

  // A collection given as something other than an array is not exported either (and is F0106).
  auto wrong = run(R"({"as_of": "2026-06-30", "people": [{"id": "P1", "name": "甲"}], "trainings": {}})");
  BOOST_REQUIRE(wrong.run);
  BOOST_TEST(wrong.run->not_exported == std::vector<std::string>{"trainings"});
}

BOOST_AUTO_TEST_SUITE_END()

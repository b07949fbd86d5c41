// The engine's shared tables and the module set: every built-in id has one row the checker and the
// evaluator read; every loaded file's text is kept, parsed or not, so carets work for embedded rules.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "engine/builtins.hpp"
#include "engine/check.hpp"
#include "engine/evaluate.hpp"
#include "tests/support/language.hpp"

using namespace baomi;

BOOST_AUTO_TEST_SUITE(engine_structure)

BOOST_AUTO_TEST_CASE(every_builtin_has_one_row_with_a_doc_and_an_implementation) {
  std::set<std::string_view> names;
  std::set<int> ids;
  for (const auto& b : engine::builtin_functions()) {
    BOOST_TEST_CONTEXT(b.name) {
      BOOST_TEST(names.insert(b.name).second);
      BOOST_TEST(ids.insert(static_cast<int>(b.id)).second);
      BOOST_TEST(b.impl != nullptr);
      BOOST_TEST(!b.doc.empty());
      BOOST_TEST(engine::find_builtin(b.name) == &b);
      BOOST_TEST(&engine::builtin_of(b.id) == &b);
    }
  }
  BOOST_TEST(ids.size() == static_cast<std::size_t>(engine::ir::builtin::max2) + 1);
  BOOST_TEST(engine::find_builtin("no_such_function") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_builtin_is_checked_and_evaluated_from_the_table) {
  auto modules = engine::load_embedded({{"rulesets/t.baomi", "param x: int = days_between(2024-01-01, 2024-03-01)\n"}});
  auto checked = engine::check(modules);
  BOOST_REQUIRE(checked.program);
  auto v = engine::evaluate_constant(checked.program->params.at(0).value, *checked.program->constants);
  BOOST_REQUIRE(v);
  BOOST_TEST(v->u.integer == 60);
  testing::scoped_language english(base::language::en);  // the message as the catalogue quotes it
  auto wrong = engine::check(engine::load_embedded({{"rulesets/t.baomi", "param x: int = year(1)\n"}}));
  auto e =
      std::find_if(wrong.diagnostics.begin(), wrong.diagnostics.end(), [](const auto& d) { return d.code == "E0203"; });
  BOOST_REQUIRE(e != wrong.diagnostics.end());
  BOOST_TEST(e->message == "argument 1 of `year` has type `int`");
}

BOOST_AUTO_TEST_CASE(an_embedded_file_that_fails_to_parse_keeps_its_text) {
  const std::string broken = "rule X-1 \"broken\" {\n  severity high\n  for p in\n}\n";
  auto modules = engine::load_embedded({{"rulesets/ok.baomi", "param y: int = 1\n"}, {"rulesets/bad.baomi", broken}});
  BOOST_TEST(modules.modules.size() == 1u);
  BOOST_TEST(!modules.diagnostics.empty());
  const auto* bad = modules.find_source("rulesets/bad.baomi");
  BOOST_REQUIRE(bad != nullptr);
  BOOST_TEST(bad->text() == broken);
  BOOST_TEST(modules.find_source("rulesets/ok.baomi") != nullptr);
  BOOST_TEST(modules.find_source("rulesets/none.baomi") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_missing_rules_path_is_reported_with_its_name) {
  auto modules = engine::load_modules({"tests/golden/no-such-folder"});
  BOOST_REQUIRE(modules.diagnostics.size() == 1u);
  BOOST_TEST(modules.diagnostics[0].code == "E0200");
  BOOST_TEST(modules.diagnostics[0].path == "tests/golden/no-such-folder");
}

BOOST_AUTO_TEST_SUITE_END()

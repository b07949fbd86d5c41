// Accept and reject tables per construct, operator precedence, and the nesting limits.
#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>

#include "dsl/parser.hpp"
#include "tests/support/language.hpp"

using namespace baomi::dsl;

namespace {

std::string dump_of(const std::string& text) {
  baomi::testing::scoped_language english(baomi::base::language::en);  // messages as the catalogue quotes them
  auto r = parse(source_file("t.baomi", text));
  if (!r.module)
    return "ERROR " + (r.diagnostics.empty() ? std::string("?")
                                             : r.diagnostics.front().code + " " + r.diagnostics.front().message);
  return ast::dump(*r.module);
}

// The dump of the expression in `param x: int = <expr>`.
std::string expr_dump(const std::string& expr) {
  auto d = dump_of("param x: int = " + expr);
  const std::string prefix = "(param x int ";
  if (d.rfind(prefix, 0) != 0) return d;
  return d.substr(prefix.size(), d.size() - prefix.size() - 2);
}

std::string error_code(const std::string& text) {
  auto r = parse(source_file("t.baomi", text));
  return r.diagnostics.empty() ? "none" : r.diagnostics.front().code;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parser)

BOOST_AUTO_TEST_CASE(declarations_accepted) {
  const std::pair<const char*, const char*> table[] = {
      {"ruleset cn.x \"标题\" { version \"1\" }", "(ruleset cn.x \"标题\" (version \"1\"))\n"},
      {"ruleset cn.x", "(ruleset cn.x)\n"},
      {"import cn.schema", "(import cn.schema)\n"},
      {"source \"004\" \"涉密人员管理规定\"", "(source \"004\" \"涉密人员管理规定\")\n"},
      {"enum level { top_secret \"绝密\", secret \"机密\" }", "(enum level (top_secret \"绝密\") (secret \"机密\"))\n"},
      {"entity person in people key id { id: string, grade: grade? }",
       "(entity person in people key id (id string) (grade grade?))\n"},
      {"entity approval { by: string \"审批人\" }", "(entity approval (by string \"审批人\"))\n"},
      {"entity t in ts key id { a: list<ref person>, m: map<grade, range<duration>>? }",
       "(entity t in ts key id (a (list (ref person))) (m (map grade (range duration))?))\n"},
      {"entity t in ts key id { s: enum { a \"甲\", b \"乙\" } }",
       "(entity t in ts key id (s (enum a \"甲\" b \"乙\")))\n"},
      {"entity t in ts key id { key: string, in: int }", "(entity t in ts key id (key string) (in int))\n"},
      {"extend entity travel { approved_by_unit: bool? none \"未经本单位审批\" \"本单位审批\", note: string }",
       "(extend entity travel (approved_by_unit bool? (none \"未经本单位审批\") \"本单位审批\") (note string))\n"},
      {"extend entity travel { }", "(extend entity travel)\n"},
      {"param n: int = 2", "(param n int 2)\n"},
      {"fn f(a: int, b: date): bool = a > 1", "(fn f ((a int)(b date)) bool (> a 1))\n"},
      {"fn g() = 1", "(fn g () 1)\n"},
      {"profile cn.p \"变体\" extends cn.base { param n = 3 disable A-1 severity B-2 low }",
       "(profile cn.p \"变体\" extends cn.base (param n 3) (disable A-1) (severity B-2 low))\n"},
  };
  for (const auto& [text, expected] : table) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(dump_of(text) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(rule_items_accepted) {
  auto d = dump_of(
      "rule PER-010 \"标题\" {\n"
      "  severity critical area \"四(四)\" cite \"004\" \"原文\" at \"篇一 第十条\" tags \"a\", \"b\"\n"
      "  effective 2024-01-01 expires 2030-12-31\n"
      "  for d in departures where d.x\n"
      "  let n = 1 where n > 0 due d.on + 10d require true forbid false\n"
      "  message \"{d.name} 离岗\" remedy \"补签\"\n"
      "}");
  BOOST_TEST(d ==
             "(rule PER-010 \"标题\" (severity critical) (area \"四(四)\") (cite \"004\" \"原文\" \"篇一 第十条\") "
             "(tag \"a\") (tag \"b\") (effective 2024-01-01) (expires 2030-12-31) (for d departures (. d x)) "
             "(let n 1) (where (> n 0)) (due (+ (. d on) 10d)) (require true) (forbid false) "
             "(message (str {(. d name)} \" 离岗\")) (remedy (str \"补签\")))\n");
}

BOOST_AUTO_TEST_CASE(expressions_and_precedence) {
  const std::pair<const char*, const char*> table[] = {
      {"1 + 2 * 3", "(+ 1 (* 2 3))"},
      {"(1 + 2) * 3", "(* (+ 1 2) 3)"},
      {"1 - 2 - 3", "(- (- 1 2) 3)"},
      {"a or b and not c", "(or a (and b (not c)))"},
      {"not a == b", "(not (== a b))"},
      {"a ?? b + 1 > 2", "(> (?? a (+ b 1)) 2)"},
      {"x in 1y..2y", "(in x (.. 1y 2y))"},
      {"x not in [a, b,]", "(not in x (list a b))"},
      {"a.b.c[d](1)",
       "ERROR E0102 expected a declaration: `rule`, `entity`, `extend`, `enum`, `param`, `fn`, `import`, `source`, "
       "`profile` or `ruleset`"},
      {"a.b.c[d]", "([] (. (. a b) c) d)"},
      {"f(a, b)", "(call f a b)"},
      {"max(a, b)", "(call max a b)"},
      {"x is null", "(is-null x)"},
      {"x.y is not null", "(is-not-null (. x y))"},
      {"if a then 1 else 2", "(if a 1 2)"},
      {"-x.y", "(neg (. x y))"},
      {"- -1", "(neg (neg 1))"},
      {"exists c in cs where c.p == p and c.k == k", "(exists c cs (and (== (. c p) p) (== (. c k) k)))"},
      {"all c in d.items", "(all c (. d items) _)"},
      {"none c in cs where c.x", "(none c cs (. c x))"},
      {"count t in ts where t.p == p", "(count t ts (== (. t p) p) _)"},
      {"sum t in ts where t.p == p of t.hours", "(sum t ts (== (. t p) p) (. t hours))"},
      {"latest c in cs by c.on", "(latest c cs _ (. c on))"},
      {"(count t in ts) >= 2", "(>= (count t ts _ _) 2)"},
      {"2024-02-29", "2024-02-29"},
      {"[10d, 2wd, 6mo, 3y, 2w]", "(list 10d 2wd 6mo 3y 2w)"},
      {"3.5", "3.5"},
      {"{core: 1, \"一般\": 2}", "(map (core 1) ((str \"一般\") 2))"},
      {"\"a\\\"b\\{c\\}\"", "(str \"a\\\"b{c}\")"},
      {"\"{p.name}于{p.on}\"", "(str {(. p name)} \"于\" {(. p on)})"},
      {"m matches \"^秘密★[0-9]+年$\"", "(matches m (str \"^秘密★[0-9]+年$\"))"},
      {"null ?? true", "(?? null true)"},
      {"x.key", "(. x key)"},
  };
  for (const auto& [text, expected] : table) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(expr_dump(text) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(rejected_with_codes) {
  const std::pair<const char*, const char*> table[] = {
      {"rule X \"t\" { severity urgent }", "E0111"},
      {"rule X \"t\" { severity high severity low }", "E0114"},
      {"rule X \"t\" { require a for x in y }", "E0116"},
      {"rule X \"t\" { message \"a\" message \"b\" }", "E0114"},
      {"rule X { }", "E0110"},
      {"rule \"t\" { }", "E0107"},
      {"rule X \"t\" { bogus }", "E0105"},
      {"rule X \"t\" { effective 2024-02-30 }", "E0113"},
      {"rule X \"t\" { area \"{x}\" }", "E0115"},
      {"param x: int = (1 + 2", "E0105"},
      {"param x: int = 1 +", "E0104"},
      {"param x: int = \"abc", "E0106"},
      {"param x: int = \"a\\q\"", "E0106"},
      {"param x: int = if a then b", "E0108"},
      {"param x: int = sum t in ts", "E0117"},
      {"param x: int = latest t in ts of t.x", "E0117"},
      {"param x: int = count t in ts of t.x", "E0117"},
      {"param x: int = 2024-13-01", "E0113"},
      {"param x = 1", "E0108"},
      {"param x: = 1", "E0109"},
      {"entity p in people key id { id string }", "E0108"},
      {"entity p in people key id { id: string ", "E0105"},
      {"enum e { a }", "E0110"},
      {"import", "E0107"},
      {"profile p extends { }", "E0107"},
      {"profile p { }", "E0108"},
      {"banana", "E0102"},
      {"extend travel { }", "E0108"},
      {"extend entity { }", "E0107"},
      {"extend entity travel in travels { }", "E0108"},
      {"extend entity travel { a: }", "E0109"},
      {"param extend: int = 1", "E0107"},
      {"param forbid: int = 1", "E0107"},
      {"param ruleset: int = 1", "E0107"},
      {"param rule: int = 1", "E0107"},
      {"param x: int = a.", "E0107"},
      {"param x: int = x is 3", "E0108"},
      {"param x: int = \xff", "E0101"},
  };
  for (const auto& [text, code] : table) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(error_code(text) == code); }
  }
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
  const std::size_t n = 10000;
  BOOST_TEST(error_code("param x: int = " + std::string(n, '(') + "1" + std::string(n, ')')) == "E0103");
  BOOST_TEST(error_code("param x: int = " + std::string(n, '[') + std::string(n, ']')) == "E0103");
  std::string maps = "param x: int = ";
  for (std::size_t i = 0; i < n; ++i) maps += "{a: ";
  BOOST_TEST(error_code(maps) == "E0103");
  std::string negations = "param x: int = ";
  for (std::size_t i = 0; i < n; ++i) negations += "- ";
  BOOST_TEST(error_code(negations + "1") == "E0103");
  std::string chain = "param x: int = 1";
  for (std::size_t i = 0; i < n; ++i) chain += " + 1";
  BOOST_TEST(error_code(chain) == "E0103");
  std::string nots = "param x: bool = ";
  for (std::size_t i = 0; i < n; ++i) nots += "not ";
  BOOST_TEST(error_code(nots + "true") == "E0103");
}

BOOST_AUTO_TEST_CASE(moderate_nesting_is_fine) {
  BOOST_TEST(error_code("param x: int = " + std::string(30, '(') + "1" + std::string(30, ')')) == "none");
}

BOOST_AUTO_TEST_CASE(ranges_point_at_the_source) {
  auto r = parse(source_file("t.baomi", "rule R-1 \"规则\" {\n  require  x.y\n}"));
  BOOST_TEST_REQUIRE(r.module.has_value());
  const auto& rule = std::get<ast::rule_decl>(r.module->decls.at(0).node);
  BOOST_TEST(rule.steps.at(0).value->range.begin.line == 2u);
  BOOST_TEST(rule.steps.at(0).value->range.begin.column == 12u);
  BOOST_TEST(rule.steps.at(0).value->range.end.column == 15u);
  BOOST_TEST(rule.id.range.begin.column == 6u);
}

BOOST_AUTO_TEST_CASE(comments_are_collected_outside_strings) {
  auto r = parse(source_file("t.baomi", "# one\nparam x: int = 1 # two\nparam s: int = \"#not {\"#}\" }\"\n"));
  BOOST_TEST_REQUIRE(r.module.has_value());
  BOOST_TEST(r.module->comments.size() == 2u);
  BOOST_TEST(r.module->comments.at(1).text == "# two");
}

BOOST_AUTO_TEST_SUITE_END()

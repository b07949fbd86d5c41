// `baomi plan RULE`: the compiled plan of a baseline rule, as reviewed goldens — one whose
// quantifier became an index lookup, one without a quantifier but with a profile applied — and the
// error for an unknown rule.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

using namespace baomi;

namespace {

std::filesystem::path golden(const std::string& name) { return testing::source_root() / "tests/golden/plan" / name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(a_join_becomes_an_index_lookup) {
  auto r = testing::run_baomi("plan DEP-040", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("index lookup: commitments where commitment.person = d.person") != std::string::npos);
  BOOST_TEST(testing::matches_golden(golden("DEP-040.txt"), r.out));
}

BOOST_AUTO_TEST_CASE(params_are_folded_and_the_profile_applied) {
  auto r = testing::run_baomi("plan DEP-010 --profile cn.profiles.s004_1a", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("severity: medium") != std::string::npos);  // high in the rule, medium in the profile
  BOOST_TEST(r.out.find("0 index lookups, 0 scans") != std::string::npos);
  BOOST_TEST(testing::matches_golden(golden("DEP-010-s004_1a.txt"), r.out));
}

BOOST_AUTO_TEST_CASE(json_has_the_same_plan) {
  auto r = testing::run_baomi("plan DEP-040 --format json", false);
  BOOST_TEST(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["rule"] == "DEP-040");
  BOOST_TEST(j["lookups"] == 1);
  BOOST_TEST(j["steps"].size() >= 2u);
}

BOOST_AUTO_TEST_CASE(an_unknown_rule_is_an_input_error) {
  auto r = testing::run_baomi("plan NOPE-999");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.out == "error: 未知的规则 `NOPE-999`\n");
  BOOST_TEST(testing::run_baomi("plan NOPE-999 --lang en").out == "error: unknown rule `NOPE-999`\n");
  auto p = testing::run_baomi("plan DEP-010 --profile nope");
  BOOST_TEST(p.code == 2);
  BOOST_TEST(p.out.find("error: 未知的配置 `nope`") == 0u, p.out);
}

BOOST_AUTO_TEST_SUITE_END()

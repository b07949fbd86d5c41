// What a snapshot says and what it does not: bools written 是/否, invalid cells that remember their
// issue code, collections not exported versus exported empty, a did-you-mean for a misspelt
// collection, and a snapshot that exports nothing.
#include <boost/test/unit_test.hpp>

#include "facts/loader.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;
using facts::cell_state;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

facts::load_result load(std::string_view text) { return facts::load_snapshot(text, personnel(), "snap.json"); }

std::string issues_text(const facts::load_result& r) {
  std::string text;
  for (const auto& i : r.issues) text += facts::render(i, r.path) + "\n";
  return text;
}

std::uint32_t field(const facts::table& t, std::string_view name) { return *t.type().find_field(name); }

}  // namespace

BOOST_AUTO_TEST_SUITE(facts_truth)

BOOST_AUTO_TEST_CASE(bools_read_shi_fou_and_true_false_strings) {
  auto r = load(R"({"as_of": "2025-06-30", "people": [
    {"id": "P1", "name": "甲", "active": "是"}, {"id": "P2", "name": "乙", "active": "否"},
    {"id": "P3", "name": "丙", "active": "true"}, {"id": "P4", "name": "丁", "active": "false"},
    {"id": "P5", "name": "戊", "active": "yes"}, {"id": "P6", "name": "己", "active": 1}]})");
  const auto& people = *r.store.find_collection("people");
  const auto& active = people.column_at(field(people, "active"));
  BOOST_TEST(active.present(0));
  BOOST_TEST(active.as_bool(0));
  BOOST_TEST(!active.as_bool(1));
  BOOST_TEST(active.as_bool(2));
  BOOST_TEST(!active.as_bool(3));
  BOOST_TEST((active.state(4) == cell_state::invalid));
  BOOST_TEST((active.state(5) == cell_state::invalid));
  BOOST_TEST(r.issues.size() == 2u, issues_text(r));
  for (const auto& i : r.issues) BOOST_TEST(i.code == "F0203");
}

BOOST_AUTO_TEST_CASE(an_invalid_cell_keeps_its_text_and_its_issue_code) {
  auto r = load(R"({"as_of": "2025-06-30", "departments": [], "people": [
    {"id": "P1", "name": "甲", "active": true, "grade": "重耍", "born": "1990/5/1", "cooloff": "三年",
     "years": "八", "department": "D9"}]})");
  const auto& people = *r.store.find_collection("people");
  auto check = [&](std::string_view name, std::string_view raw, std::string_view code) {
    const auto& c = people.column_at(field(people, name));
    BOOST_TEST((c.state(0) == cell_state::invalid), name);
    BOOST_TEST(c.raw(0) == raw, name);
    BOOST_TEST(c.invalid_code(0) == code, name);
  };
  check("grade", "重耍", "F0206");
  check("born", "1990/5/1", "F0204");
  check("cooloff", "三年", "F0205");
  check("years", "八", "F0203");
  check("department", "D9", "F0304");
  BOOST_TEST(people.column_at(field(people, "name")).invalid_code(0).empty());
}

BOOST_AUTO_TEST_CASE(a_collection_left_out_is_not_exported_an_empty_one_is) {
  auto r = load(R"({"as_of": "2025-06-30", "people": [], "trainings": {}})");
  BOOST_TEST(r.store.find_collection("people")->exported());
  BOOST_TEST(!r.store.find_collection("trainings")->exported());  // F0106: not an array
  BOOST_TEST(!r.store.find_collection("departments")->exported());
  BOOST_TEST(r.issues.size() == 1u, issues_text(r));
}

BOOST_AUTO_TEST_CASE(a_misspelt_collection_gets_a_did_you_mean) {
  auto r = load(R"({"as_of": "2025-06-30", "peopel": [], "trainings": []})");
  BOOST_REQUIRE(r.issues.size() == 1u);
  BOOST_TEST(r.issues[0].code == "F0105");
  BOOST_TEST(r.issues[0].message == "未知的集合 `peopel`，其内容被忽略；是否应为 `people`？");
  auto far = load(R"({"as_of": "2025-06-30", "xyzzy": [], "trainings": []})");
  BOOST_REQUIRE(far.issues.size() == 1u);
  BOOST_TEST(far.issues[0].message == "未知的集合 `xyzzy`，其内容被忽略");
}

BOOST_AUTO_TEST_CASE(a_snapshot_that_exports_no_collection_is_an_error) {
  auto r = load(R"({"as_of": "2025-06-30"})");
  BOOST_REQUIRE(r.issues.size() == 1u);
  BOOST_TEST(r.issues[0].code == "F0109");
  BOOST_TEST((r.issues[0].severity == baomi::base::severity::error));
  // A misspelt collection is reported as such (F0105, with its did-you-mean), not again as F0109.
  auto typo = load(R"({"as_of": "2025-06-30", "peopel": []})");
  BOOST_TEST(typo.issues.size() == 1u, issues_text(typo));
}

BOOST_AUTO_TEST_SUITE_END()

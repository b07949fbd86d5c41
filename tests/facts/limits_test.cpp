// The loader's limits on hostile snapshots: rows per collection (the load stops, located) and the
// length of one string value (refused, its cell invalid, the row kept).
#include <boost/test/unit_test.hpp>

#include "facts/loader.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

facts::load_result load(std::string_view text, std::size_t max_rows, std::size_t max_string) {
  facts::load_options options;
  options.max_rows_per_collection = max_rows;
  options.max_string_bytes = max_string;
  return facts::load_snapshot(text, personnel(), "snap.json", options);
}

std::string issues_text(const facts::load_result& r) {
  std::string text;
  for (const auto& i : r.issues) text += facts::render(i, r.path) + "\n";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(facts_limits)

BOOST_AUTO_TEST_CASE(rows_past_the_limit_stop_the_load_at_the_first_extra_row) {
  std::string_view text = R"({"as_of": "2025-06-30", "people": [
{"id": "P1", "name": "甲", "active": true},
{"id": "P2", "name": "乙", "active": true},
{"id": "P3", "name": "丙", "active": true}]})";
  auto within = load(text, 3, 1024);
  BOOST_TEST(within.complete);
  BOOST_TEST(within.issues.empty(), issues_text(within));

  auto over = load(text, 2, 1024);
  BOOST_TEST(!over.complete);
  BOOST_REQUIRE(over.issues.size() == 1u);
  const auto& issue = over.issues[0];
  BOOST_TEST(issue.code == "F0110");
  BOOST_TEST(issue.pointer == "/people/2");
  BOOST_TEST(issue.range.begin.line == 4u);
  BOOST_TEST(issue.range.begin.column == 1u);
  BOOST_TEST(issue.message.find("--max-rows") != std::string::npos, issue.message);
}

BOOST_AUTO_TEST_CASE(a_string_past_the_limit_is_refused_and_its_cell_invalid) {
  std::string long_name(40, 'x');
  std::string text = R"({"as_of": "2025-06-30", "people": [{"id": "P1", "name": ")" + long_name +
                     R"(", "active": true}, {"id": "P2", "name": "乙", "active": true}]})";
  auto over = load(text, 100, 32);
  BOOST_TEST(over.complete);
  BOOST_REQUIRE(over.issues.size() == 1u);
  BOOST_TEST(over.issues[0].code == "F0209");
  BOOST_TEST(over.issues[0].pointer == "/people/0/name");
  BOOST_TEST(over.issues[0].message.find("40 字节") != std::string::npos, over.issues[0].message);
  // Both rows stay; the long value is an invalid cell (unknown to rules), not a null and not stored.
  const auto& people = *over.store.find_collection("people");
  BOOST_TEST(people.row_count() == 2u);
  const auto& name = people.column_at(*people.type().find_field("name"));
  BOOST_TEST((name.state(0) == facts::cell_state::invalid));
  BOOST_TEST((name.state(1) == facts::cell_state::present));

  auto within = load(text, 100, 40);
  BOOST_TEST(within.issues.empty(), issues_text(within));
}

BOOST_AUTO_TEST_CASE(a_cut_string_keeps_whole_characters) {
  // 30 three-byte characters: the kept start of the value (64 bytes) must not split one.
  std::string long_name;
  for (int i = 0; i < 30; ++i) long_name += "甲";
  std::string text =
      R"({"as_of": "2025-06-30", "people": [{"id": "P1", "name": ")" + long_name + R"(", "active": true}]})";
  auto over = load(text, 100, 16);
  BOOST_REQUIRE(over.issues.size() == 1u);
  const auto& people = *over.store.find_collection("people");
  const auto& name = people.column_at(*people.type().find_field("name"));
  BOOST_TEST((name.state(0) == facts::cell_state::invalid));
  BOOST_TEST(name.raw(0).size() == 63u);  // 21 whole characters
}

BOOST_AUTO_TEST_SUITE_END()

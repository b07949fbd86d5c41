// The loader with its JSON reader on a thread of its own gives the same store and issues as with one
// thread, for clean and broken snapshots large enough to span many blocks of events.
#include <boost/test/unit_test.hpp>

#include <string>

#include "facts/internal/load_threads.hpp"
#include "facts/loader.hpp"
#include "tests/facts/store_dump.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

// Loads both ways, compares, and returns the number of issues.
std::size_t same_either_way(const std::string& text, const std::string& name, facts::load_options options = {}) {
  auto one = facts::load_snapshot_text(text, personnel(), "snap.json", options, facts::reader_thread::same);
  auto two = facts::load_snapshot_text(text, personnel(), "snap.json", options, facts::reader_thread::own);
  std::string a = facts::testing::dump(one);
  std::string b = facts::testing::dump(two);
  BOOST_TEST(a.size() > 100u, name);
  BOOST_TEST((a == b), name);
  return one.issues.size();
}

// `n` people with every kind of cell, some of them wrong; the departments they refer to.
std::string people(int n, bool broken) {
  std::string text = "{\n  \"as_of\": \"2025-06-30\",\n  \"org\": {\"name\": \"某局\", \"x\": [1, 2.5e3, null]},\n";
  text += "  \"departments\": [{\"code\": \"D1\", \"name\": \"保密办\"}],\n  \"people\": [\n";
  for (int i = 0; i < n; ++i) {
    text += "    {\"id\": \"P" + std::to_string(i) + "\", \"name\": \"张\\u4e09" + std::to_string(i % 97) + "\"";
    text += i % 2 ? ", \"active\": true" : ", \"active\": false";
    text += ", \"department\": \"D1\", \"grade\": ";
    text += i % 3 ? "\"core\"" : "\"重要\"";
    text += ", \"born\": \"19" + std::to_string(50 + i % 50) + "-05-06\", \"years\": " + std::to_string(i % 40);
    text += ", \"score\": " + std::to_string(i % 5) + ".5, \"phones\": [\"1\", \"2\"], \"home\": {\"city\": \"北京\"}";
    if (broken && i % 1000 == 7) text += ", \"years\": \"x\", \"bogus\": 1, \"born\": \"2025-02-30\"";
    if (broken && i % 1500 == 9) text += ", \"grade\": \"nope\", \"department\": \"D9\"";
    text += i + 1 < n ? "},\n" : "}\n";
  }
  text += "  ]\n}\n";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reader_thread)

BOOST_AUTO_TEST_CASE(clean_and_broken_snapshots_load_the_same_on_one_or_two_threads) {
  BOOST_TEST(same_either_way(people(20000, false), "clean") == 0u);
  BOOST_TEST(same_either_way(people(20000, true), "data issues") > 50u);
  std::string cut = people(20000, true);
  BOOST_TEST(same_either_way(cut.substr(0, cut.size() * 2 / 3), "cut short") > 10u);
  std::string bad = people(20000, false);
  bad.insert(bad.begin() + static_cast<std::ptrdiff_t>(bad.size() / 2), '\xff');
  BOOST_TEST(same_either_way(bad, "bad byte") == 1u);
}

BOOST_AUTO_TEST_CASE(a_load_stopped_by_the_handler_stops_the_reader) {
  facts::load_options options;
  options.max_rows_per_collection = 5000;
  BOOST_TEST(same_either_way(people(20000, false), "too many rows", options) == 1u);
  options.max_rows_per_collection = 1;
  BOOST_TEST(same_either_way(people(3, false), "too many rows, early", options) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

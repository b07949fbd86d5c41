// The loader with its JSON reader on a thread of its own gives the same store and issues as with one
// thread, for clean and broken snapshots large enough to span many blocks of events.
#include <boost/test/unit_test.hpp>

#include <string>

#include "facts/internal/load_threads.hpp"
#include "facts/loader.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

// Every cell of a column as text: state, raw text of invalid cells, value, spans.
void dump_column(const facts::column& c, std::string& out) {
  for (std::uint32_t i = 0; i < c.size(); ++i) {
    out += std::to_string(static_cast<int>(c.state(i)));
    if (c.state(i) == facts::cell_state::invalid) {
      out += " invalid ";
      out += c.raw(i);
      out += c.invalid_code(i);
    } else if (c.present(i)) {
      switch (c.kind()) {
        case facts::type_kind::string:
          out += c.as_string(i);
          break;
        case facts::type_kind::integer:
          out += std::to_string(c.as_integer(i));
          break;
        case facts::type_kind::number:
          out += std::to_string(c.as_number(i));
          break;
        case facts::type_kind::boolean:
          out += c.as_bool(i) ? "true" : "false";
          break;
        case facts::type_kind::date:
          out += std::to_string(c.as_date(i));
          break;
        case facts::type_kind::list:
        case facts::type_kind::map:
        case facts::type_kind::range:
          out += std::to_string(c.as_span(i).offset) + "+" + std::to_string(c.as_span(i).count);
          break;
        case facts::type_kind::duration: {
          const auto& d = c.as_duration(i);
          out += std::to_string(d.months) + "m" + std::to_string(d.days) + "d" + std::to_string(d.working_days);
          break;
        }
        default:
          out += std::to_string(c.as_ref(i));  // the u32 of enums, refs and records
          break;
      }
    }
    out += '\n';
  }
  if (c.kind() == facts::type_kind::list || c.kind() == facts::type_kind::range) dump_column(c.elements(), out);
  if (c.kind() == facts::type_kind::map) {
    dump_column(c.elements(), out);
    dump_column(c.values(), out);
  }
}

std::string dump(const facts::load_result& r) {
  std::string out = r.complete ? "complete\n" : "incomplete\n";
  for (const auto& i : r.issues) out += facts::render(i, r.path) + "\n";
  const facts::store& s = r.store;
  out += s.org() + "\n" + std::to_string(s.as_of().value_or(-1)) + "\n";
  for (std::uint32_t t = 0; t < s.table_count(); ++t) {
    const facts::table& table = s.table_at(t);
    out += "table " + std::to_string(t) + " rows " + std::to_string(table.row_count()) + "\n";
    for (std::uint32_t row = 0; row < table.row_count(); ++row) {
      out += std::to_string(table.flags(row));
      if (table.type().collection) {
        auto p = table.position(row);
        for (auto n : {p.line, p.column, table.json_index(row)}) (out += ' ') += std::to_string(n);
      } else {
        const auto& parent = table.parent(row);
        for (auto n : {parent.table, parent.row, parent.field, parent.element}) (out += ' ') += std::to_string(n);
      }
      out += "\n";
    }
    for (std::uint32_t f = 0; f < table.type().fields.size(); ++f) dump_column(table.column_at(f), out);
  }
  return out;
}

// Loads both ways, compares, and returns the number of issues.
std::size_t same_either_way(const std::string& text, const std::string& name, facts::load_options options = {}) {
  auto one = facts::load_snapshot_text(text, personnel(), "snap.json", options, facts::reader_thread::same);
  auto two = facts::load_snapshot_text(text, personnel(), "snap.json", options, facts::reader_thread::own);
  std::string a = dump(one);
  std::string b = dump(two);
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

// A projected load (load_options::keep) passes over the values it leaves out with json_lexer::skip_value,
// which makes no tokens. It must accept exactly what the token-by-token read accepts: every value
// below, valid or not, read where it is left out, gives the same outcome as a full load: the same
// JSON error, at the same line and column, with the same "last read", or none.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "facts/internal/load_threads.hpp"
#include "facts/loader.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

// Keeps people's id and name only: `born` and the other collections are left out.
facts::load_options people_names() {
  facts::load_options options;
  for (const auto& e : personnel().entities()) options.keep.emplace_back(e.fields.size(), !e.collection.has_value());
  options.keep[2][0] = options.keep[2][1] = true;
  return options;
}

// The JSON error of a load (F0101) with its place, or "none"; and whether the load completed.
std::string outcome(const facts::load_result& r) {
  for (const auto& i : r.issues) {
    if (i.code == "F0101")
      return i.message + " @" + std::to_string(i.range.begin.line) + ":" + std::to_string(i.range.begin.column);
  }
  return r.complete ? "none" : "incomplete without F0101";
}

std::string error_pointer(const facts::load_result& r) {
  for (const auto& i : r.issues) {
    if (i.code == "F0101") return i.pointer;
  }
  return "";
}

// Where a projected load's error points: where the full load's does, but for an error in or right
// after what it left out (`left_out`), which it names (it knows nothing inside).
std::string expected_pointer(const std::string& full, const std::string& left_out) {
  return full.rfind(left_out, 0) == 0 ? left_out : full;
}

const std::vector<std::string>& values() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> v = {
        // Valid, passed over by the scan or left by it to the tokens.
        R"("plain")", R"("中文，全角")", R"("a\"b\\c\/\b\f\n\r\t")", R"("\u4e2d\ud83d\ude00")", "\"\x7f\"", "-0.5", "0",
        "-0", "1e5", "2.5E-3", "123456789012345678901234567890", "true", "false", "null", "[]", "{}", "[[[]]]",
        R"({"a": [1, {"b": null}], "c": {}, "d": "x"})", R"([1, "2", [3], {"4": 5}])", " \t\r\n 7 \t\r\n ",
        std::string(301, '9'), "1" + std::string(400, '0'), std::string(100, '[') + std::string(100, ']'),
        // Malformed.
        R"("abc)", "\"a\x01b\"", "\"a\x1f\"", R"("a\qb")", R"("\u12")", R"("\ud800")", R"("\udc00x")",
        R"("\ud800\u0041")", "\"\xff\"", "\"\xe4\xb8\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", "\"\xf4\x90\x80\x80\"",
        "01", "-", "-a", "1.", "1.e3", "1e", "1e+", "1e999", "-1e999", "tru", "nul", "fals", "truex", "nullnull",
        "[1,]", "[1 2]", "[,1]", R"({"a" 1})", R"({"a": 1,})", R"({1: 2})", R"({"a": 1 "b": 2})", "12 34", R"("a"x)",
        R"("a" "b")", "]", "}", ",", ":", "", "[", "{", R"({"a")", R"({"a":)", std::string("1\0 2", 4),
        std::string("[\0]", 3), std::string(100, '[') + std::string(99, ']'), "'single'", "+1", ".5", "NaN", "[1}",
        "{]"};
    return v;
  }();
  return list;
}

// A snapshot with `value` where the load may leave it out: a person's `born`, a training's `title`, a
// whole training, the whole `policies` collection; and the pointer of what is left out there.
const std::vector<std::string> left_out = {"/people/0/born", "/trainings", "/trainings", "/policies"};
std::vector<std::string> snapshots(const std::string& value) {
  auto person = [](const std::string& born) {
    return R"({"id": "P1", "name": "张三", "active": true, "born": )" + born + R"(, "years": 3})";
  };
  std::string head = "{\"as_of\": \"2025-06-30\",\n\"people\": [\n";
  return {
      head + person(value) + "]}",
      head + person("\"1990-01-02\"") + "],\n\"trainings\": [{\"id\": 1, \"title\": " + value + "}]}",
      head + person("null") + "],\n\"trainings\": [" + value + ",\n{\"id\": 2}]}",
      head + person("null") + "],\n\"policies\": " + value + "}",
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(skip)

BOOST_AUTO_TEST_CASE(a_value_left_out_reads_as_in_a_full_load) {
  std::size_t errors = 0, clean = 0;
  for (const auto& value : values()) {
    auto texts = snapshots(value);
    for (std::size_t place = 0; place < texts.size(); ++place) {
      const auto& text = texts[place];
      auto full_load = facts::load_snapshot(text, personnel(), "s.json");
      auto full = outcome(full_load);
      for (auto thread : {facts::reader_thread::same, facts::reader_thread::own}) {
        auto projected_load = facts::load_snapshot_text(text, personnel(), "s.json", people_names(), thread);
        BOOST_TEST(outcome(projected_load) == full, "value " << value << " in\n" << text);
        BOOST_TEST(error_pointer(projected_load) == expected_pointer(error_pointer(full_load), left_out[place]),
                   "value " << value << " in\n"
                            << text);
      }
      (full == "none" ? clean : errors) += 1;
    }
  }
  BOOST_TEST(clean > 40u);  // both kinds were compared
  BOOST_TEST(errors > 150u);
}

// Values that end right at, or cross, the end of the loader's 1 MiB read: the scan must not take a
// number cut by the chunk's end for a whole one, nor read past the bytes buffered.
BOOST_AUTO_TEST_CASE(values_across_a_chunk_boundary_read_as_in_a_full_load) {
  const std::size_t chunk = std::size_t{1} << 20;
  for (const std::string value : {"123456789", "\"中文abc\"", "[1, 2, 3]", "12 34", "\"a\x01\"", "true1"}) {
    for (std::size_t shift = 0; shift < 24; ++shift) {
      std::string head = "{\"as_of\": \"2025-06-30\", \"people\": [{\"id\": \"P1\", \"name\": \"x\", \"born\": \"";
      std::string fill(chunk - head.size() - 3 - 12 + shift, 'x');  // `born` left out, then `years`
      std::string text = head + fill + "\", \"years\": " + value + ", \"active\": true}]}";
      auto full = outcome(facts::load_snapshot(text, personnel(), "s.json"));
      auto projected =
          outcome(facts::load_snapshot_text(text, personnel(), "s.json", people_names(), facts::reader_thread::same));
      BOOST_TEST(projected == full, value << " shifted " << shift);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

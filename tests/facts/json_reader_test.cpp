// The loader's JSON reader against nlohmann::json::sax_parse (the reference it replaced): the same
// events, values, accept/reject decisions, error offsets and error texts, over JSONTestSuite, hand-
// written edge cases, documents longer than the reader's 1 MiB chunks, and generated mutations.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "facts/internal/json_input.hpp"
#include "facts/internal/json_reader.hpp"

namespace facts = baomi::facts;

namespace {

// Both parsers' events as one line each; a float also with its text, as the loader keeps it.
struct recorder {
  std::string log;
  std::size_t events = 0;
  bool add(const std::string& line) {
    log += line;
    log += '\n';
    ++events;
    return true;
  }
  bool null() { return add("null"); }
  bool boolean(bool v) { return add(v ? "true" : "false"); }
  bool number_integer(std::int64_t v) { return add("int " + std::to_string(v)); }
  bool number_unsigned(std::uint64_t v) { return add("unsigned " + std::to_string(v)); }
  bool number_float(double v, std::string_view text) {
    std::ostringstream out;
    out.precision(17);
    out << "float " << v << " " << text;
    return add(out.str());
  }
  bool string(std::string_view v) {
    return add("string " +
               nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  bool key(std::string_view v) {
    return add("key " + nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  bool start_object() { return add("{"); }
  bool end_object() { return add("}"); }
  bool start_array() { return add("["); }
  bool end_array() { return add("]"); }
  bool parse_error(std::size_t offset, const std::string& message) {
    add("error at " + std::to_string(offset) + ": " + message);
    return false;
  }
};

// nlohmann's interface on the recorder; its errors reduced as the loader used to reduce them (the
// text after "column N: ", the byte before the reported position) and without the exception's id.
struct nlohmann_recorder {
  recorder& r;
  bool null() { return r.null(); }
  bool boolean(bool v) { return r.boolean(v); }
  bool number_integer(std::int64_t v) { return r.number_integer(v); }
  bool number_unsigned(std::uint64_t v) { return r.number_unsigned(v); }
  bool number_float(double v, const std::string& text) { return r.number_float(v, text); }
  bool string(std::string& v) { return r.string(v); }
  bool binary(nlohmann::json::binary_t&) { return r.add("binary"); }
  bool start_object(std::size_t) { return r.start_object(); }
  bool key(std::string& v) { return r.key(v); }
  bool end_object() { return r.end_object(); }
  bool start_array(std::size_t) { return r.start_array(); }
  bool end_array() { return r.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string_view what = ex.what();
    auto column_at = what.find("column ");
    auto detail_at = what.find(": ", column_at == std::string_view::npos ? 0 : column_at);
    std::string_view detail = detail_at == std::string_view::npos ? what : what.substr(detail_at + 2);
    if (detail.substr(0, 16) == "[json.exception.") detail.remove_prefix(detail.find("] ") + 2);
    return r.parse_error(position > 0 ? position - 1 : 0, std::string(detail));
  }
};

struct outcome {
  std::string log;
  bool accepted = false;
};

outcome ours(const std::string& text) {
  recorder r;
  facts::json_input input(text);
  facts::token_place place;
  bool ok = facts::read_json(input, r, place);
  return {r.log, ok};
}

outcome reference(const std::string& text) {
  recorder r;
  nlohmann_recorder adapter{r};
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &adapter);
  return {r.log, ok};
}

// Ours shows only the last 256 bytes of a long "last read", after "…": then the rest must end
// nlohmann's, and all before it must be equal.
bool same_but_shortened(const std::string& a, const std::string& b) {
  const std::string marker = "; last read: '…";
  auto at = a.find(marker);
  if (at == std::string::npos || b.compare(0, at + 14, a, 0, at + 14) != 0) return false;
  std::string tail = a.substr(at + marker.size());
  return b.size() >= tail.size() && b.compare(b.size() - tail.size(), tail.size(), tail) == 0;
}

void same(const std::string& text, const std::string& name) {
  auto a = ours(text);
  auto b = reference(text);
  BOOST_TEST(a.accepted == b.accepted, name);
  if (a.log != b.log && !same_but_shortened(a.log, b.log)) {
    // Only the first differing line, to keep a failure readable.
    std::size_t at = 0;
    while (at < a.log.size() && at < b.log.size() && a.log[at] == b.log[at]) ++at;
    auto line_start = a.log.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    BOOST_ERROR(name << ": ours   " << a.log.substr(line_start, 200) << "\n   nlohmann "
                     << b.log.substr(line_start, 200));
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(json_test_suite_files_read_as_nlohmann_reads_them) {
  std::filesystem::path folder = std::filesystem::path(BAOMI_SOURCE_DIR) / "tests/facts/jsontestsuite";
  std::size_t files = 0;
  std::size_t accepted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    std::string text = read_file(entry.path());
    std::string name = entry.path().filename().string();
    same(text, name);
    bool ok = ours(text).accepted;
    accepted += ok ? 1 : 0;
    // test_transform's n_multidigit_number_then_00 is "123" and a NUL, which nlohmann (and so the
    // loader, as before) takes for the end of the input.
    if (name.starts_with("y_")) BOOST_TEST(ok, name);
    if (name.starts_with("n_") && name != "n_multidigit_number_then_00.json") BOOST_TEST(!ok, name);
  }
  BOOST_TEST(files > 300u);
  BOOST_TEST(accepted > 100u);
}

BOOST_AUTO_TEST_CASE(edge_cases_read_as_nlohmann_reads_them) {
  const char* cases[] = {
      "",
      " ",
      "{}",
      "[]",
      "0",
      "-0",
      "-",
      "--1",
      "01",
      "1.",
      ".5",
      "1e",
      "1e+",
      "1E-2",
      "1.5e300",
      "1e999",
      "-1e999",
      "1e-999",
      "123abc",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "-9223372036854775809",
      "18446744073709551615",
      "18446744073709551616",
      "123456789012345678901234567890",
      "0.1",
      "2.2250738585072011e-308",
      "[1,]",
      "[,1]",
      "[1 2]",
      "{\"a\"}",
      "{\"a\":}",
      "{\"a\":1,}",
      "{,}",
      "{\"a\" 1}",
      "{1:2}",
      "[1]x",
      "[1] ",
      "[1]\n\n",
      "tru",
      "true",
      "truex",
      "nul",
      "nulL",
      "falsey",
      "[true,false,null]",
      "\"abc",
      "\"a\\\"b\"",
      "\"\\u0041\\u00e9\\u4e2d\"",
      "\"\\ud83d\\ude00\"",
      "\"\\ud83d\"",
      "\"\\ud83dx\"",
      "\"\\ud83d\\u0041\"",
      "\"\\ude00\"",
      "\"\\u12\"",
      "\"\\u12g4\"",
      "\"\\x\"",
      "\"\\",
      "\"\\u",
      "\"a\tb\"",
      "\"a\nb\"",
      "\"\x7f\"",
      "\"\xc3\xa9\"",
      "\"\xc3\"",
      "\"\xc3x\"",
      "\"\xe4\xb8\xad\"",
      "\"\xe4\xb8\"",
      "\"\xed\xa0\x80\"",
      "\"\xf0\x9f\x98\x80\"",
      "\"\xf4\x90\x80\x80\"",
      "\"\xf5\x80\x80\x80\"",
      "\"\xc0\xaf\"",
      "\"\xe0\x80\xaf\"",
      "\"\xff\"",
      "\xef\xbb\xbf{}",
      "\xef\xbb{}",
      "\xef{}",
      "\xef\xbb\xbf",
      "{\"a\":[{\"b\":[1,2,{\"c\":null}]}]}",
      "[\"\\/\\b\\f\\n\\r\\t\"]",
      "/*c*/{}",
      "{} // c",
      "[1e5, -2.5E-3, 0e0, -0.0]",
      "\"\\u0000\"",
      "  \t\r\n{\"x\"  :  [ ]  }  ",
      "[",
      "{",
      "[{",
      "{\"a\":[",
      "]",
      "}",
      ":",
      ",",
      "\x01",
      "x",
      "[1}",
      "{\"a\":1]",
  };
  for (const char* c : cases) same(c, std::string("case: ") + c);
  // NUL bytes: outside a string nlohmann takes one for the end of the input; inside, it is an error.
  same(std::string("{}\0garbage", 10), "NUL after the value");
  same(std::string("[1,\0]", 5), "NUL inside an array");
  same(std::string("\"a\0b\"", 5), "NUL inside a string");
  for (int c = 1; c < 32; ++c)
    same("[\"a" + std::string(1, static_cast<char>(c)) + "\"]", "control " + std::to_string(c));
  // Deep nesting costs no stack: 100000 levels, closed and unclosed.
  same(std::string(100000, '[') + std::string(100000, ']'), "deep arrays");
  same(std::string(100000, '['), "deep unclosed arrays");
  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += "{\"a\":";
  same(objects + "1" + std::string(50000, '}'), "deep objects");
  same(objects, "deep unclosed objects");
}

BOOST_AUTO_TEST_CASE(tokens_across_chunk_boundaries_and_longer_than_a_chunk) {
  // Every kind of token, repeated past several 1 MiB chunks, so that some straddle each boundary.
  std::string item =
      R"({"名称":"张三\"\\\u4e2d\ud83d\ude00","n":-12345,"f":1.5e-3,"t":true,"z":null,"s":"abcdefghij"},)";
  std::string text = "[";
  while (text.size() < (3u << 20)) text += item;
  text += "0]";
  same(text, "3 MiB of items");
  for (std::size_t shift = 1; shift < 40; shift += 3)
    same(std::string(shift, ' ') + text, "shifted " + std::to_string(shift));
  // A string and a number longer than a chunk; an error after 2 MiB, far from the last string.
  same("[\"" + std::string(1536u << 10, 'x') + "\", 1]", "a 1.5 MiB string");
  same("[\"" + std::string(1536u << 10, 'x') + "\xe4\xb8\xad\xff\"]", "bad UTF-8 after 1.5 MiB");
  same("[" + std::string(1200u << 10, '1') + "]", "a 1.2 MiB number");
  same("[" + std::string(2u << 20, ' ') + "tru]", "a bad literal after 2 MiB of spaces");
  same(text.substr(0, text.size() - 2), "3 MiB cut short");
}

BOOST_AUTO_TEST_CASE(mutated_documents_read_as_nlohmann_reads_them) {
  const std::string seeds[] = {
      R"({"as_of":"2025-06-30","people":[{"id":"P1","name":"张三","level":"core","born":1980,"x":[1.5,-2,null,true]}]})",
      R"([{"a":"\u00e9\ud83d\ude00\"\\"}, 12345678901234567890, -0, 1e10, "\t"])",
      "{\"k\":\"\xe4\xb8\xad\xf0\x9f\x98\x80\",\"n\":[0,1,2]}",
  };
  const char alphabet[] = "{}[],:\"\\/ \t\n0123456789-+.eEtrufalsn\x01\x7f\xc3\xa9\xed\xf0\xff\0u";
  std::mt19937 random(20261203);
  std::size_t rejected = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = seeds[round % 3];
    int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = random() % (text.size() + 1);
      char c = alphabet[random() % (sizeof alphabet - 1)];
      switch (random() % 3) {
        case 0:
          text.insert(at, 1, c);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1);
          break;
        default:
          if (at < text.size()) text[at] = c;
          break;
      }
    }
    auto a = ours(text);
    rejected += a.accepted ? 0 : 1;
    same(text, "mutation " + std::to_string(round) + ": " + text);
  }
  BOOST_TEST(rejected > 1000u);  // the mutations do reach the error paths
}

BOOST_AUTO_TEST_SUITE_END()

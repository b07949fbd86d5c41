// append_json_string writes a string as nlohmann's dump does (ensure_ascii off, invalid UTF-8
// replaced), eight plain bytes at a time: random strings of the bytes that matter must come out the
// same as nlohmann's, after whatever the output already held.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "reports/json_text.hpp"

using namespace baomi;

BOOST_AUTO_TEST_SUITE(json_string)

BOOST_AUTO_TEST_CASE(random_strings_come_out_as_nlohmann_dumps_them) {
  // Pieces: plain ASCII, the escaped ones, controls, CJK, a 4-byte emoji, and invalid or cut sequences.
  const std::vector<std::string> pieces = {
      "a",    "plain text", "\"",         "\\",   "/",        "\b",           "\f",
      "\n",   "\r",         "\t",         "\x01", "\x1f",     "\x7f",         "中",
      "文，", "😀",          "\xe4\xb8",   "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
      "\x80", "12345678",   "abcdefghijk"};
  std::mt19937 random(7);
  std::size_t invalid = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    auto count = random() % 12;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    std::string out = "prefix ";
    reports::append_json_string(out, text);
    auto expected =
        "prefix " + nlohmann::ordered_json(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    BOOST_TEST(out == expected,
               "text: " << nlohmann::json(text).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    invalid += expected.find("\xEF\xBF\xBD") != std::string::npos ? 1 : 0;
  }
  BOOST_TEST(invalid > 500u);  // the replacement path was taken too
}

BOOST_AUTO_TEST_SUITE_END()

// The one UTF-8 module: validation, decoding, code points and display width (CJK, emoji, marks).
#include <boost/test/unit_test.hpp>

#include "base/text.hpp"

using namespace baomi::base;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(valid_text_has_no_invalid_byte) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("ascii"));
  BOOST_TEST(is_valid_utf8("涉密人员 👍 é"));
  BOOST_TEST(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

BOOST_AUTO_TEST_CASE(invalid_sequences_give_their_first_byte) {
  BOOST_TEST(first_invalid_utf8("ab\xC0\xAF").value() == 2u);        // overlong `/`
  BOOST_TEST(first_invalid_utf8("\xE0\x80\xAF").value() == 0u);      // overlong, three bytes
  BOOST_TEST(first_invalid_utf8("\xF0\x82\x82\xAC").value() == 0u);  // overlong, four bytes
  BOOST_TEST(first_invalid_utf8("x\xED\xA0\x80").value() == 1u);     // U+D800, a surrogate
  BOOST_TEST(first_invalid_utf8("\xF4\x90\x80\x80").value() == 0u);  // beyond U+10FFFF
  BOOST_TEST(first_invalid_utf8("规\xE5\x88").value() == 3u);        // truncated at the end
  BOOST_TEST(first_invalid_utf8("\xE5\x88x").value() == 0u);         // truncated before ASCII
  BOOST_TEST(first_invalid_utf8("a\x80").value() == 1u);             // lone continuation byte
  BOOST_TEST(first_invalid_utf8("\xFF").value() == 0u);
}

BOOST_AUTO_TEST_CASE(decoding_replaces_each_invalid_byte) {
  BOOST_TEST((decode_utf8("a规👍") == U"a规👍"));
  BOOST_TEST((decode_utf8("a\xFF"
                          "b") == U"a\uFFFDb"));
  BOOST_TEST((decode_utf8("\xE5\x88") == U"\uFFFD\uFFFD"));
  std::size_t i = 0;
  BOOST_TEST((next_code_point("\xED\xA0\x80", i) == replacement_character));
  BOOST_TEST(i == 1u);
}

BOOST_AUTO_TEST_CASE(code_points_and_byte_offsets) {
  BOOST_TEST(count_code_points("") == 0u);
  BOOST_TEST(count_code_points("规则 ab") == 5u);
  BOOST_TEST(count_code_points("e\xCC\x81") == 2u);  // e + combining acute
  BOOST_TEST(count_code_points("a\xFF") == 2u);      // an invalid byte counts one
  BOOST_TEST(byte_of_code_point("规则ab", 2) == 6u);
  BOOST_TEST(byte_of_code_point("规则ab", 9) == 8u);
  BOOST_TEST(cut_code_points("规则ab", 1) == "规");
  BOOST_TEST(cut_code_points("👍x", 1) == "👍");
}

BOOST_AUTO_TEST_CASE(cjk_and_full_width_take_two_columns) {
  BOOST_TEST(display_width("abc") == 3u);
  BOOST_TEST(display_width("涉密") == 4u);
  BOOST_TEST(display_width("（一）") == 6u);  // full-width parentheses
  BOOST_TEST(display_width("한국") == 4u);
  BOOST_TEST(display_width("“引号”") == 6u);  // East Asian ambiguous quotes count 1
}

BOOST_AUTO_TEST_CASE(emoji_take_two_columns) {
  BOOST_TEST(display_width("👍") == 2u);
  BOOST_TEST(display_width("✅") == 2u);     // emoji presentation below U+1F000
  BOOST_TEST(display_width("🫡") == 2u);  // Symbols and Pictographs Extended-A
  BOOST_TEST(char_width(U'👍') == 2u);
}

BOOST_AUTO_TEST_CASE(char_width_at_the_edges_of_its_fast_ranges) {
  // Below U+0300 only controls are not one column; U+4E00..U+9FFF are two; the tables decide the rest.
  BOOST_TEST(char_width(U'\x1F') == 0u);
  BOOST_TEST(char_width(U' ') == 1u);
  BOOST_TEST(char_width(U'\x7F') == 0u);
  BOOST_TEST(char_width(U'\x9F') == 0u);
  BOOST_TEST(char_width(U'\xA0') == 1u);
  BOOST_TEST(char_width(U'\x2FF') == 1u);
  BOOST_TEST(char_width(U'\x300') == 0u);   // combining grave accent: the first zero-width range
  BOOST_TEST(char_width(U'\x4DFF') == 1u);  // a hexagram symbol, between the two CJK blocks
  BOOST_TEST(char_width(U'\x4E00') == 2u);
  BOOST_TEST(char_width(U'\x9FFF') == 2u);
  BOOST_TEST(char_width(U'\xA000') == 2u);  // Yi, from the table
  BOOST_TEST(char_width(U'\xFE0F') == 0u);
}

BOOST_AUTO_TEST_CASE(emoji_sequences_are_one_picture) {
  BOOST_TEST(display_width("👨\u200D👩\u200D👧") == 2u);  // ZWJ family
  BOOST_TEST(display_width("👍🏽") == 2u);         // skin-tone modifier
  BOOST_TEST(display_width("❤\uFE0F") == 2u);          // VS16: emoji presentation
  BOOST_TEST(display_width("❤") == 1u);                // text presentation by default
  BOOST_TEST(display_width("✅\uFE0F") == 2u);          // already wide: VS16 adds nothing
  BOOST_TEST(display_width("🇨🇳") == 2u);               // a flag: two regional indicators
}

BOOST_AUTO_TEST_CASE(marks_controls_and_escapes_take_no_columns) {
  BOOST_TEST(display_width("e\xCC\x81") == 1u);  // combining acute accent
  BOOST_TEST(display_width("か\u3099") == 2u);   // combining voiced mark
  BOOST_TEST(display_width("a\u200Bb") == 2u);   // zero-width space
  BOOST_TEST(display_width("\x1b[31mred\x1b[0m") == 3u);
  BOOST_TEST(display_width("a\x01") == 1u);
  BOOST_TEST(display_width("a\xFF") == 2u);  // an invalid byte shows as U+FFFD
}

BOOST_AUTO_TEST_SUITE_END()

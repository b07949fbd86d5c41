// Source locations count code points; diagnostics render a caret under the range.
#include <boost/test/unit_test.hpp>

#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"

using namespace baomi::dsl;

BOOST_AUTO_TEST_SUITE(source)

BOOST_AUTO_TEST_CASE(columns_count_code_points_not_bytes) {
  source_file f("x.baomi", "规则 abc\n第二行x");
  BOOST_TEST(f.locate(0).column == 1u);
  BOOST_TEST(f.locate(3).column == 2u);  // after 规 (3 bytes)
  BOOST_TEST(f.locate(7).column == 4u);  // `a` after `规则 `
  auto second = f.locate(f.text().find('x'));
  BOOST_TEST(second.line == 2u);
  BOOST_TEST(second.column == 4u);
}

BOOST_AUTO_TEST_CASE(line_text_strips_terminators) {
  source_file f("x.baomi", "a\r\nbc\n\nd");
  BOOST_TEST(f.line_count() == 4u);
  BOOST_TEST(f.line_text(1) == "a");
  BOOST_TEST(f.line_text(2) == "bc");
  BOOST_TEST(f.line_text(3) == "");
  BOOST_TEST(f.line_text(4) == "d");
  BOOST_TEST(f.line_text(5) == "");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_found) {
  BOOST_TEST(!source_file("x", "规则 ok").first_invalid_utf8().has_value());
  BOOST_TEST(source_file("x", "ab\xff").first_invalid_utf8().value() == 2u);
  BOOST_TEST(source_file("x", "\xe8\xa7").first_invalid_utf8().value() == 0u);      // truncated
  BOOST_TEST(source_file("x", "a\xc0\xaf").first_invalid_utf8().value() == 1u);     // overlong
  BOOST_TEST(source_file("x", "\xed\xa0\x80").first_invalid_utf8().value() == 0u);  // surrogate
}

BOOST_AUTO_TEST_CASE(caret_aligns_under_wide_characters) {
  source_file f("r.baomi", "message \"规则\" x\n");
  diagnostic d{"E0999",   severity::error,           "r.baomi", f.range(f.text().find('x'), f.text().find('x') + 1),
               "bad `x`", {{"a note", std::nullopt}}};
  BOOST_TEST(render(d, &f) ==
             "r.baomi:1:14: error[E0999]: bad `x`\n"
             " 1 | message \"规则\" x\n"
             "   |                ^\n"
             "note: a note\n");
}

BOOST_AUTO_TEST_CASE(display_width_counts_cjk_double) {
  BOOST_TEST(display_width("abc") == 3u);
  BOOST_TEST(display_width("规则") == 4u);
  BOOST_TEST(display_width("（一）") == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

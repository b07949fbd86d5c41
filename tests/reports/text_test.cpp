// The text report's layout: display width, wrapping, the 80-column limit and colour.
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "reports/text_layout.hpp"
#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"

using namespace baomi;
using reports::display_width;
using reports::wrap;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Removes SGR sequences (ESC [ digits and semicolons m); std::regex trips GCC 12's
// -Wmaybe-uninitialized under the sanitizers.
std::string strip_ansi(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      auto end = text.find_first_not_of("0123456789;", i + 2);
      if (end != std::string::npos && text[end] == 'm') {
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::vector<engine::run_result> all_samples() {
  std::vector<engine::run_result> out;
  out.push_back(testing::samples::full());
  out.push_back(testing::samples::empty());
  out.push_back(testing::samples::awkward());
  return out;
}

reports::report_options showing_everything(bool color) {
  reports::report_options o;
  o.show = {engine::outcome::pass,           engine::outcome::fail,    engine::outcome::unknown,
            engine::outcome::not_applicable, engine::outcome::pending, engine::outcome::waived};
  o.color = color;
  o.tool_version = "0.1.0";
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_text)

BOOST_AUTO_TEST_CASE(display_width_counts_cjk_as_two) {
  BOOST_TEST(display_width("") == 0u);
  BOOST_TEST(display_width("abc") == 3u);
  BOOST_TEST(display_width("保密") == 4u);
  BOOST_TEST(display_width("四(四)") == 6u);
  BOOST_TEST(display_width("（一）") == 6u);     // full-width parentheses
  BOOST_TEST(display_width("，。、") == 6u);     // CJK punctuation
  BOOST_TEST(display_width("“引号”") == 6u);     // ambiguous quotes count 1
  BOOST_TEST(display_width("e\xcc\x81") == 1u);  // combining acute accent
  BOOST_TEST(display_width("\x1b[1;31m不符合\x1b[0m") == 6u);
  BOOST_TEST(display_width("\xff") == 1u);  // an invalid byte
  BOOST_TEST(display_width("𠀀") == 2u);    // CJK extension B
}

BOOST_AUTO_TEST_CASE(wrap_breaks_between_cjk_characters) {
  auto lines = wrap("核心涉密人员为3-5年，重要涉密人员为2-3年", 10);
  for (const auto& l : lines) BOOST_TEST(display_width(l) <= 10u);
  std::string joined;
  for (const auto& l : lines) joined += l;
  BOOST_TEST(joined == "核心涉密人员为3-5年，重要涉密人员为2-3年");
}

BOOST_AUTO_TEST_CASE(wrap_keeps_words_and_drops_spaces_at_breaks) {
  auto lines = wrap("the quick brown fox jumps", 10);
  BOOST_TEST(lines == (std::vector<std::string>{"the quick", "brown fox", "jumps"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(wrap_never_starts_a_line_with_closing_punctuation) {
  // "一二三四，" would fit 8 columns only without its comma: the comma takes 四 with it.
  auto lines = wrap("一二三四，五六", 8);
  BOOST_TEST(lines == (std::vector<std::string>{"一二三", "四，五六"}), boost::test_tools::per_element());
  auto opening = wrap("一二三《四》", 8);
  BOOST_TEST(opening == (std::vector<std::string>{"一二三", "《四》"}), boost::test_tools::per_element());
}

// wrap lays out a paragraph from itself, or from a cleaned copy when it has a control character, a tab
// or invalid UTF-8. A control character is dropped, so appending one must not change the lines: the
// two paths agree on random text.
BOOST_AUTO_TEST_CASE(plain_and_copied_paragraphs_wrap_alike) {
  const std::vector<std::string> pieces{"涉",         "密",
                                        "人",         "员",
                                        "，",         "。",
                                        "（",         "）",
                                        "《",         "》",
                                        "“",          "”",
                                        "：",         "a",
                                        "bc",         "word",
                                        "P0123",      " ",
                                        "  ",         "-",
                                        "(",          ")",
                                        ".",          ",",
                                        "2026-06-30", "https://example.invalid/long",
                                        "ｆｕｌｌ",   "é",
                                        "😀"};
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  std::size_t compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    auto n = 1 + next() % 60;
    for (std::uint32_t i = 0; i < n; ++i) text += pieces[next() % pieces.size()];
    auto width = static_cast<std::size_t>(1 + next() % 40);
    auto plain = wrap(text, width);
    auto copied = wrap(text + "\x01", width);
    BOOST_TEST(plain == copied, "width " << width << ": " << text);
    compared += plain.size() > 1 ? 1 : 0;
  }
  BOOST_TEST(compared > 1000u);  // most paragraphs needed breaking
}

BOOST_AUTO_TEST_CASE(wrap_cuts_words_longer_than_a_line) {
  auto lines = wrap("https://example.invalid/a/long/path", 10);
  for (const auto& l : lines) BOOST_TEST(display_width(l) <= 10u);
  BOOST_TEST(lines.front() == "https://ex");
}

BOOST_AUTO_TEST_CASE(wrap_keeps_explicit_newlines_and_drops_controls) {
  auto lines = wrap("甲\n\n乙\x01丙", 80);
  BOOST_TEST(lines == (std::vector<std::string>{"甲", "", "乙丙"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(wrap_of_a_line_that_fits_is_the_line_as_the_filler_would_leave_it) {
  using lines = std::vector<std::string>;
  BOOST_TEST(wrap("", 10) == lines{""}, boost::test_tools::per_element());
  BOOST_TEST(wrap("  保密 室  ", 10) == lines{"  保密 室"}, boost::test_tools::per_element());  // trailing spaces go
  BOOST_TEST(wrap("一二三四五", 10) == lines{"一二三四五"}, boost::test_tools::per_element());  // exactly full
  BOOST_TEST(wrap("一二三四五六", 10) == (lines{"一二三四五", "六"}), boost::test_tools::per_element());
  BOOST_TEST(wrap("a\tb", 10) == lines{"a b"}, boost::test_tools::per_element());  // a tab is a space
  BOOST_TEST(wrap("a\x01"
                  "b",
                  10) == lines{"ab"},
             boost::test_tools::per_element());
  BOOST_TEST(wrap("a\xff"
                  "b",
                  10) == lines{"a\xEF\xBF\xBD"
                               "b"},
             boost::test_tools::per_element());
  BOOST_TEST(wrap("e\xcc\x81", 10) == lines{"e\xcc\x81"}, boost::test_tools::per_element());
  BOOST_TEST(wrap("ab", 0) == (lines{"a", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_line_fits_eighty_columns) {
  for (const auto& result : all_samples()) {
    for (bool color : {false, true}) {
      auto text = reports::write_report(result, reports::format::text, showing_everything(color));
      for (const auto& line : lines_of(text)) {
        BOOST_TEST_CONTEXT(line) { BOOST_TEST(display_width(line) <= 80u); }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked_and_changes_nothing_else) {
  for (const auto& result : all_samples()) {
    auto plain = reports::write_report(result, reports::format::text, showing_everything(false));
    auto coloured = reports::write_report(result, reports::format::text, showing_everything(true));
    BOOST_TEST(plain.find('\x1b') == std::string::npos);
    BOOST_TEST(coloured.find("\x1b[") != std::string::npos);
    BOOST_TEST(strip_ansi(coloured) == plain);
  }
}

BOOST_AUTO_TEST_CASE(areas_follow_the_checklist_order) {
  auto text = reports::write_report(testing::samples::full(), reports::format::text, showing_everything(false));
  auto third = text.find("\n四(三) 保密宣传教育培训情况\n");
  auto fourth = text.find("\n四(四) 涉密人员管理情况\n");
  auto sixth = text.find("\n四(六) 国家秘密载体管理情况\n");
  auto ninth = text.find("\n四(九) 涉密会议、活动和货物、工程、服务采购等项目管理情况\n");
  BOOST_TEST(third != std::string::npos);
  BOOST_TEST(third < fourth);
  BOOST_TEST(fourth < sixth);
  BOOST_TEST(sixth < ninth);
  BOOST_TEST(ninth != std::string::npos);
}

BOOST_AUTO_TEST_CASE(summary_counts_all_outcomes_whatever_is_listed) {
  reports::report_options only_fail;
  only_fail.show = {engine::outcome::fail};
  auto text = reports::write_report(testing::samples::full(), reports::format::text, only_fail);
  BOOST_TEST(text.find("通过 (pass)") != std::string::npos);
  BOOST_TEST(text.find("不适用 (not_applicable)") != std::string::npos);
  BOOST_TEST(text.find("[待办]") == std::string::npos);
  BOOST_TEST(text.find("[不符合]") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// The one problem type: rendering with a caret or a JSON Pointer, ordering, kinds for exit codes.
#include <boost/test/unit_test.hpp>

#include "base/problem.hpp"

using namespace baomi::base;

BOOST_AUTO_TEST_SUITE(problem_type)

BOOST_AUTO_TEST_CASE(a_located_problem_shows_the_line_and_a_caret) {
  source_file f("r.baomi", "rule 规则 x\n");
  auto at = f.text().find('x');
  problem p{"E0999", severity::error, "r.baomi", f.range(at, at + 1), "bad `x`", {{"a note", std::nullopt}}};
  BOOST_TEST(render(p, &f) ==
             "r.baomi:1:9: error[E0999]: bad `x`\n"
             " 1 | rule 规则 x\n"
             "   |           ^\n"
             "note: a note\n");
  BOOST_TEST(render(p, nullptr) == "r.baomi:1:9: error[E0999]: bad `x`\nnote: a note\n");
}

BOOST_AUTO_TEST_CASE(the_caret_is_as_wide_as_an_emoji) {
  source_file f("r.baomi", "a 👍 b\n");
  problem p{"E0999", severity::warning, "r.baomi", f.range(2, 6), "m"};
  BOOST_TEST(render(p, &f) == "r.baomi:1:3: warning[E0999]: m\n 1 | a 👍 b\n   |   ^^\n");
}

BOOST_AUTO_TEST_CASE(a_json_problem_shows_its_pointer) {
  problem p("F0204", "/people/3/born", "日期无效");
  p.path = "snap.json";
  BOOST_TEST(render_line(p) == "snap.json: error[F0204]: 日期无效 (at /people/3/born)");
  p.range.begin = {3, 26};
  BOOST_TEST(render_line(p) == "snap.json:3:26: error[F0204]: 日期无效 (at /people/3/born)");
  BOOST_TEST(render(p, nullptr) == render_line(p) + "\n");
}

BOOST_AUTO_TEST_CASE(the_data_issue_form_has_no_position) {
  problem p("V0201", "w.json#/waivers/0", "expired");
  BOOST_TEST(!p.has_position());
  BOOST_TEST(p.pointer == "w.json#/waivers/0");
  BOOST_TEST(p.message == "expired");
  BOOST_TEST((p.severity == severity::error));
}

BOOST_AUTO_TEST_CASE(sorting_removes_duplicates) {
  std::vector<problem> ps{{"E2", severity::error, "b", {}, "m"},
                          {"E1", severity::error, "a", {}, "m"},
                          {"E2", severity::error, "b", {}, "m"}};
  sort_and_unique(ps);
  BOOST_TEST(ps.size() == 2u);
  BOOST_TEST(ps[0].path == "a");
}

BOOST_AUTO_TEST_CASE(severity_orders_most_severe_first) {
  BOOST_TEST(at_least(severity::error, severity::warning));
  BOOST_TEST(!at_least(severity::note, severity::warning));
  std::vector<problem> ps{{"W0301", severity::warning, "a", {}, "m"}, {"E0201", severity::error, "a", {}, "m"}};
  BOOST_TEST((worst_severity(ps) == severity::error));
  BOOST_TEST(!worst_severity({}).has_value());
  BOOST_TEST(count_severity(ps, severity::warning) == 1u);
}

BOOST_AUTO_TEST_CASE(kinds_decide_exit_codes) {
  auto make = [](const char* code, severity s) { return problem{code, s, "x", {}, "m"}; };
  BOOST_TEST((kind_of(std::string_view(codes::missing_file)) == problem_kind::usage));
  BOOST_TEST(is_usage_error(make("E0200", severity::error)));
  BOOST_TEST(!is_usage_error(make("E0201", severity::error)));
  BOOST_TEST((kind_of("E0104") == problem_kind::rules));
  BOOST_TEST((kind_of("W0301") == problem_kind::rules));
  BOOST_TEST((kind_of("F0204") == problem_kind::data));
  BOOST_TEST((kind_of("V0201") == problem_kind::waivers));
  BOOST_TEST((kind_of("X") == problem_kind::other));
  BOOST_TEST(is_input_error(make("E0104", severity::error)));
  BOOST_TEST(!is_input_error(make("W0301", severity::warning)));
  BOOST_TEST(is_input_error(make("F0101", severity::error)));
  BOOST_TEST(!is_input_error(make("F0204", severity::error)));
  BOOST_TEST(is_input_error(make("V0101", severity::error)));
  BOOST_TEST(!is_input_error(make("V0201", severity::warning)));
}

BOOST_AUTO_TEST_SUITE_END()

// Golden tests of the front end: parse errors as rendered, formatter output, and the round trip
// over every `.baomi` file in the repository. Adding a case is adding files, no C++.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/language.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

std::string render_all(const dsl::parse_result& r, const dsl::source_file& f) {
  std::string out;
  for (const auto& d : r.diagnostics) out += dsl::render(d, &f);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

// tests/golden/parse-errors/NAME.baomi must fail with exactly NAME.expected (in English; a few in
// Chinese, the default language, under parse-errors-zh/).
static void check_parse_errors(const char* folder_name, std::size_t at_least) {
  auto folder = testing::source_root() / "tests/golden" / folder_name;
  auto inputs = testing::files_with_suffix(folder, ".baomi");
  BOOST_TEST(inputs.size() >= at_least);
  for (const auto& input : inputs) {
    BOOST_TEST_CONTEXT(input.filename().string()) {
      dsl::source_file f(input.filename().string(), testing::read_file(input));
      auto result = dsl::parse(f);
      BOOST_TEST(!result.module.has_value());
      BOOST_TEST(result.diagnostics.size() == 1u);
      auto expected = fs::path(input).replace_extension(".expected");
      BOOST_TEST(testing::matches_golden(expected, render_all(result, f)));
    }
  }
}

BOOST_AUTO_TEST_CASE(parse_errors) {
  testing::scoped_language english(base::language::en);
  check_parse_errors("parse-errors", 25);
}

BOOST_AUTO_TEST_CASE(parse_errors_in_chinese) {
  testing::scoped_language chinese(base::language::zh);
  check_parse_errors("parse-errors-zh", 3);
}

// tests/golden/format/NAME.baomi formats to exactly NAME.formatted.
BOOST_AUTO_TEST_CASE(formatter) {
  auto folder = testing::source_root() / "tests/golden/format";
  auto inputs = testing::files_with_suffix(folder, ".baomi");
  BOOST_TEST(inputs.size() >= 5u);
  for (const auto& input : inputs) {
    BOOST_TEST_CONTEXT(input.filename().string()) {
      dsl::source_file f(input.filename().string(), testing::read_file(input));
      auto result = dsl::parse(f);
      BOOST_TEST_REQUIRE(result.module.has_value(), render_all(result, f));
      auto expected = fs::path(input).replace_extension(".formatted");
      BOOST_TEST(testing::matches_golden(expected, dsl::format(*result.module, f)));
    }
  }
}

// For every `.baomi` file in the repository that parses: parse(format(x)) == parse(x), formatting
// is idempotent, and no comment is lost.
BOOST_AUTO_TEST_CASE(round_trip_every_repository_file) {
  std::size_t checked = 0;
  for (const char* top : {"rulesets", "tests/golden", "facts/examples", "docs"}) {
    auto root = testing::source_root() / top;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".baomi") continue;
      dsl::source_file f(entry.path().string(), testing::read_file(entry.path()));
      auto first = dsl::parse(f);
      if (!first.module) continue;  // parse-error goldens
      BOOST_TEST_CONTEXT(entry.path().string()) {
        auto formatted = dsl::format(*first.module, f);
        dsl::source_file g(f.path(), formatted);
        auto second = dsl::parse(g);
        BOOST_TEST_REQUIRE(second.module.has_value(), render_all(second, g));
        BOOST_TEST(dsl::ast::dump(*second.module) == dsl::ast::dump(*first.module));
        BOOST_TEST(second.module->comments.size() == first.module->comments.size());
        BOOST_TEST(dsl::format(*second.module, g) == formatted);
        ++checked;
      }
    }
  }
  BOOST_TEST(checked >= 5u);
}

BOOST_AUTO_TEST_SUITE_END()

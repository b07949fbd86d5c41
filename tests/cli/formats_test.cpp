// The CLI's formats come from the one table in reports/: each command accepts the formats that can
// write its result, and names them when given another. A missing input is exit 2 by its kind.
#include <boost/test/unit_test.hpp>
#include <string>

#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;

BOOST_AUTO_TEST_SUITE(cli_formats)

BOOST_AUTO_TEST_CASE(each_command_names_the_formats_it_writes) {
  const std::pair<std::string, std::string> cases[] = {
      {"check facts/examples/org.json --format pdf",
       "unknown format `pdf` (text, json, sarif, junit, html, selfcheck-md, selfcheck-html, ndjson, xlsx)"},
      {"diff facts/examples/org.json facts/examples/org.json --format sarif", "unknown format `sarif` (text, json)"},
      {"coverage rulesets --format junit", "unknown format `junit` (text, json)"},
      {"test rulesets --format json", "unknown format `json` (text, junit)"},
  };
  for (const auto& [args, expected] : cases) {
    BOOST_TEST_CONTEXT(args) {
      auto r = run_baomi("--lang en " + args);  // the English message, machine-readable list
      BOOST_TEST(r.code == 2);
      BOOST_TEST(r.out.find(expected) != std::string::npos, r.out);
    }
  }
  auto help = run_baomi("check --help");
  BOOST_TEST(help.out.find("text, json, sarif, junit, html, selfcheck-md, selfcheck-html, ndjson or xlsx") !=
                 std::string::npos,
             help.out);
  auto test_help = run_baomi("test --help");
  BOOST_TEST(test_help.out.find("text or junit") != std::string::npos, test_help.out);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_an_input_error_even_beside_other_problems) {
  auto r = run_baomi("--lang en lint rulesets no-such-file.baomi");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.out.find("no-such-file.baomi: error[E0200]: no such file or folder") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()

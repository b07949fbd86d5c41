// Cite hovers quote the seed document: the quote found with whitespace ignored, its line and the
// text around it; a quote that is not there, and a source without a document, are told apart.
#include <boost/test/unit_test.hpp>
#include <string>

#include "tools/lsp/seeds.hpp"

using namespace baomi::lsp;

namespace {
const std::string seeds = std::string(BAOMI_SOURCE_DIR) + "/tests/lsp/data/seeds";
}

BOOST_AUTO_TEST_SUITE(lsp_seeds)

BOOST_AUTO_TEST_CASE(finds_a_quote_across_whitespace_with_its_context) {
  auto r = find_in_seed(seeds, "004", "必须进行涉密资格审查", 4);
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->found);
  BOOST_TEST(r->passage.file == "004_lsp_test.txt");
  BOOST_TEST(r->passage.line == 2u);
  BOOST_TEST(r->passage.context == "…岗位前，**必须进行 涉密资格审查**，审查合…");
}

BOOST_AUTO_TEST_CASE(tells_a_missing_quote_from_a_missing_document) {
  auto missing_quote = find_in_seed(seeds, "004", "不得私自出境");
  BOOST_REQUIRE(missing_quote.has_value());
  BOOST_TEST(!missing_quote->found);
  BOOST_TEST(missing_quote->file == "004_lsp_test.txt");
  BOOST_TEST(!find_in_seed(seeds, "001", "任何").has_value());
  BOOST_TEST(!find_in_seed(seeds + "/nowhere", "004", "必须").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

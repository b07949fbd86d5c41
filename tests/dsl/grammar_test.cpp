// The grammar has no rule that can loop without consuming input (pegtl::analyze).
#include <boost/test/unit_test.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "dsl/grammar.hpp"

BOOST_AUTO_TEST_CASE(grammar_has_no_infinite_loops) {
  BOOST_TEST(tao::pegtl::analyze<baomi::dsl::grammar::file>(1) == 0u);
}

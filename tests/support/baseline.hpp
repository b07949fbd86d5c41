// The rules of the checkout (`rulesets/`), checked once per test binary, for the tests that run them.
#pragma once

#include <boost/test/unit_test.hpp>

#include "engine/check.hpp"

namespace baomi::testing {

inline const engine::checked_program& baseline_program() {
  static const auto checked = engine::check(engine::load_modules({"rulesets"}));
  BOOST_REQUIRE(checked.program);
  return *checked.program;
}

}  // namespace baomi::testing

// `baomi test`: each fixture file passed or failed, with what differed (text; JUnit is in junit.cpp).
#include <fmt/format.h>

#include "base/language.hpp"
#include "engine/fixture.hpp"
#include "reports/formats.hpp"

namespace baomi::reports {

std::string write_text(const engine::fixture_suite& suite, const report_options& /*options*/) {
  std::string out;
  for (const auto& c : suite.cases) {
    out += fmt::format("{} {}{}\n", c.problems.empty() ? "PASS" : "FAIL", c.path,
                       c.description.empty() ? "" : "  " + c.description);
    for (const auto& p : c.problems) out += fmt::format("    {}\n", p);
  }
  auto failed = suite.failed();
  return out + base::say("通过 {} 个，失败 {} 个\n", "{} passed, {} failed\n", suite.cases.size() - failed, failed);
}

}  // namespace baomi::reports

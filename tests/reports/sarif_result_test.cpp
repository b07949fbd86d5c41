// SARIF results are written directly (reports/sarif.cpp, append_result); each must be byte for byte
// nlohmann's dump of result_json, at the report's indent, for the hand-made samples with and without
// a snapshot path and for seeded random findings (random rule locations, subject files and positions,
// waived results with and without a reason).
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>

#include "reports/sarif_result.hpp"
#include "tests/reports/random_findings.hpp"
#include "tests/reports/samples.hpp"

namespace {

using namespace baomi;

void same_text(const engine::finding& f, const std::string& snapshot) {
  for (std::size_t indent : {0, 8}) {
    auto s = reports::dump_pretty(reports::result_json(f, 3, snapshot));
    std::string expected;
    for (char c : s) {
      expected += c;
      if (c == '\n') expected.append(indent, ' ');
    }
    std::string direct;
    reports::append_result(direct, f, 3, snapshot, indent);
    BOOST_TEST_CONTEXT("indent " << indent << ", snapshot '" << snapshot << "', fingerprint " << f.fingerprint) {
      BOOST_TEST(direct == expected);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_sarif_result)

BOOST_AUTO_TEST_CASE(the_samples_are_written_as_nlohmann_dumps_them) {
  for (auto result : {testing::samples::full(), testing::samples::awkward()}) {
    BOOST_TEST(!result.findings.empty());
    for (const auto& f : result.findings) {
      same_text(f, "");
      same_text(f, result.snapshot_path);
    }
  }
}

BOOST_AUTO_TEST_CASE(random_results_are_written_as_nlohmann_dumps_them) {
  engine::rule_info rule{"R-1", "t", engine::severity::high, "", {}, {}, "", {}};
  std::mt19937_64 rng(20261204);
  for (int i = 0; i < 10000; ++i) {
    auto f = testing::random_finding(rng, rule, i);
    same_text(f, rng() % 3 ? testing::random_text(rng) : std::string());
  }
}

BOOST_AUTO_TEST_SUITE_END()

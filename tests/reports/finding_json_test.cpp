// The findings' JSON text is written directly (reports/finding_json.cpp); it must be byte for byte
// nlohmann's dump of finding_json(f), pretty at any indent and on one line, for any strings: the
// hand-made samples, then seeded random findings whose strings mix escapes, controls, multi-byte
// characters at the edges of UTF-8 and invalid sequences.
#include <boost/test/unit_test.hpp>
#include <random>
#include <string>

#include "reports/json_stream.hpp"
#include "tests/reports/random_findings.hpp"
#include "tests/reports/samples.hpp"

namespace {

using namespace baomi;

std::string reference(const engine::finding& f, bool pretty, std::size_t indent) {
  auto doc = reports::finding_json(f);
  if (!pretty) return doc.dump(-1, ' ', false, reports::ordered_json::error_handler_t::replace);
  auto s = reports::dump_pretty(doc);
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

std::string direct(const engine::finding& f, bool pretty, std::size_t indent) {
  std::string out = "already here|";  // appended to, never cleared
  reports::append_finding_json(out, f, pretty, indent);
  BOOST_REQUIRE(out.rfind("already here|", 0) == 0);
  return out.substr(13);
}

void same_text(const engine::finding& f) {
  for (auto [pretty, indent] : {std::pair{true, 0}, std::pair{true, 4}, std::pair{false, 0}}) {
    BOOST_TEST_CONTEXT("pretty " << pretty << ", indent " << indent << ", fingerprint " << f.fingerprint) {
      BOOST_TEST(direct(f, pretty, indent) == reference(f, pretty, indent));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_finding_json)

BOOST_AUTO_TEST_CASE(the_samples_are_written_as_nlohmann_dumps_them) {
  for (auto result : {testing::samples::full(), testing::samples::awkward()}) {
    BOOST_TEST(!result.findings.empty());
    for (const auto& f : result.findings) same_text(f);
  }
}

BOOST_AUTO_TEST_CASE(random_findings_are_written_as_nlohmann_dumps_them) {
  engine::rule_info rule{"R-1", "t", engine::severity::high, "", {}, {}, "", {}};
  std::mt19937_64 rng(20261203);
  for (int i = 0; i < 20000; ++i) same_text(testing::random_finding(rng, rule, i));
}

BOOST_AUTO_TEST_SUITE_END()

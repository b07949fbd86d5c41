// The findings' JSON text is written directly (reports/finding_json.cpp); it must be byte for byte
// nlohmann's dump of finding_json(f), pretty at any indent and on one line, for any strings: the
// hand-made samples, then seeded random findings whose strings mix escapes, controls, multi-byte
// characters at the edges of UTF-8 and invalid sequences.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "reports/json_stream.hpp"
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

// Pieces random strings are made of: plain text, every escape, controls, the edges of each UTF-8
// length, and sequences nlohmann rejects (overlong, surrogate, past U+10FFFF, cut short, stray bytes).
const char* const pieces[] = {"a",
                              "保密",
                              " ",
                              "\"",
                              "\\",
                              "/",
                              "\b",
                              "\f",
                              "\n",
                              "\r",
                              "\t",
                              "\x01",
                              "\x1f",
                              "\x7f",
                              "\xc2\x80",
                              "\xdf\xbf",
                              "\xe0\xa0\x80",
                              "\xed\x9f\xbf",
                              "\xee\x80\x80",
                              "\xef\xbf\xbf",
                              "\xf0\x90\x80\x80",
                              "\xf4\x8f\xbf\xbf",
                              "\xc0\x80",
                              "\xc1\xbf",
                              "\xe0\x80\x80",
                              "\xed\xa0\x80",
                              "\xf4\x90\x80\x80",
                              "\xf5\x80\x80\x80",
                              "\xff",
                              "\x80",
                              "\xe4\xbf",
                              "\xf0\x9f",
                              "\xe4",
                              "😀",
                              "\xc3",
                              "é",
                              "𠀀"};

std::string random_text(std::mt19937_64& rng) {
  std::string out;
  auto n = rng() % 6;
  for (std::uint64_t i = 0; i < n; ++i) out += pieces[rng() % std::size(pieces)];
  return out;
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
  for (int i = 0; i < 20000; ++i) {
    engine::finding f;
    f.rule = &rule;
    rule.id = random_text(rng);
    f.outcome = static_cast<engine::outcome>(rng() % 6);
    f.severity = static_cast<engine::severity>(rng() % 5);
    f.subject = {random_text(rng), random_text(rng), random_text(rng), random_text(rng), 0, 0, {}};
    f.message = random_text(rng);
    f.remedy = random_text(rng);
    for (auto k = rng() % 4; k > 0; --k) f.evidence.push_back({random_text(rng), random_text(rng), random_text(rng)});
    if (rng() % 2) f.due = random_text(rng);
    if (rng() % 2) f.days_left = static_cast<std::int32_t>(rng() % 2001) - 1000;
    f.fingerprint = std::to_string(i);
    f.waiver_reason = random_text(rng);
    same_text(f);
  }
}

BOOST_AUTO_TEST_SUITE_END()

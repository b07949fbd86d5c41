// evaluate shares a rule's subjects out in parts (evaluate_options::subjects_per_part) among its
// threads: whatever the part size and the number of threads, the run is the same, findings in the same
// order, counts, waivers used and remedies, held or deferred.
#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include "engine/finding_source.hpp"
#include "engine/pipeline.hpp"
#include "tests/support/baseline.hpp"

using namespace baomi;

namespace {

std::string described(const engine::finding& f) {
  std::string out =
      fmt::format("{} {} {} | {} | {} | {} | {}\n", f.rule->id, f.subject.key, engine::to_string(f.outcome), f.message,
                  f.remedy, f.due.value_or("-"), f.waiver_reason);
  for (const auto& e : f.evidence) out += fmt::format("  {} = {} ({})\n", e.pointer, e.value, e.role);
  return out;
}

// The findings in the order a writer gets them, the counts, the run's issues (the waivers' among
// them) and the common remedies.
std::string described(const engine::pipeline_result& result) {
  std::string out;
  if (result.findings) {
    engine::each_finding(*result.findings, [&](const engine::finding& f) { out += described(f); });
    for (const auto& [rule, remedy] : result.findings->common_remedies()) out += rule + " remedy " + remedy + "\n";
  } else {
    for (const auto& f : result.run->findings) out += described(f);
  }
  for (const auto& tally : engine::rule_tallies(*result.run)) {
    for (auto n : tally) out += fmt::format("{} ", n);
    out += '\n';
  }
  out += fmt::format("baseline known {}\n", result.run->baseline_known);
  for (const auto& issue : result.run->issues) out += issue.code + " " + issue.pointer + " " + issue.message + "\n";
  return out;
}

engine::pipeline_result run(std::uint32_t per_part, unsigned jobs, bool defer, engine::outcome_set listed) {
  engine::pipeline_options options;
  options.waivers = engine::waiver_source{"facts/examples/waivers.json", std::nullopt};
  options.subjects_per_part = per_part;
  options.jobs = jobs;
  options.defer_findings = defer;
  options.common_remedies = defer;
  options.listed = listed;
  return engine::run_pipeline(testing::baseline_program(), engine::snapshot_source::file("facts/examples/org.json"),
                              options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parts)

BOOST_AUTO_TEST_CASE(part_size_and_threads_do_not_change_the_run) {
  auto problems = engine::outcome_set{}
                      .add(engine::outcome::fail)
                      .add(engine::outcome::unknown)
                      .add(engine::outcome::pending)
                      .add(engine::outcome::waived);
  for (bool defer : {false, true}) {
    for (auto listed : {engine::outcome_set::all(), problems}) {
      auto whole = run(1u << 30, 1, defer, listed);
      BOOST_TEST_REQUIRE(whole.ok(), whole.error);
      auto expected = described(whole);
      BOOST_TEST(expected.find("waived") != std::string::npos);  // the waivers are matched
      BOOST_TEST(expected.size() > 50000u);                      // the comparison sees findings
      for (std::uint32_t per_part : {1u, 3u, 17u}) {
        for (unsigned jobs : {1u, 2u}) {
          BOOST_TEST_CONTEXT("defer " << defer << ", subjects per part " << per_part << ", jobs " << jobs) {
            auto parts = run(per_part, jobs, defer, listed);
            BOOST_TEST_REQUIRE(parts.ok(), parts.error);
            BOOST_TEST(described(parts) == expected);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Findings made as the writer asks for them (a deferred run) give the same bytes as findings held in
// the run result, for every streaming format, several --show sets, one or two jobs, waivers and a
// baseline: on the example snapshot, and on a generated one large enough that a rule's subjects span
// several chunks.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/pipeline.hpp"
#include "reports/writer.hpp"
#include "tests/support/baseline.hpp"

using namespace baomi;

namespace {

using engine::outcome;

struct variant {
  std::vector<outcome> show;
  unsigned jobs;
  bool baseline;  // leave every other problem finding of the held run out
};

engine::pipeline_options options_for(const std::string& snapshot) {
  engine::pipeline_options options;
  if (snapshot == "facts/examples/org.json")
    options.waivers = engine::waiver_source{"facts/examples/waivers.json", std::nullopt};
  return options;
}

// The problems `check --baseline` would have left out of a held run: every other one, by fingerprint.
std::set<std::string> half_the_problems(const engine::run_result& run) {
  std::set<std::string> out;
  bool take = true;
  for (const auto& f : run.findings) {
    if (f.outcome == outcome::pass || f.outcome == outcome::not_applicable) continue;
    if (take) out.insert(f.fingerprint);
    take = !take;
  }
  return out;
}

// A held run with the baseline's problems erased afterwards, from the findings and the counts, as
// `check` did before the evaluator learned to leave them out.
void erase_known(engine::run_result& run, const std::set<std::string>& known) {
  std::erase_if(run.findings, [&](const engine::finding& f) {
    bool drop = f.outcome != outcome::pass && f.outcome != outcome::not_applicable && known.contains(f.fingerprint);
    for (std::size_t i = 0; drop && i < run.rules.size(); ++i) {
      if (&run.rules[i] == f.rule) --run.tallies[i][static_cast<std::size_t>(f.outcome)];
    }
    return drop;
  });
}

void same_bytes(const std::string& snapshot) {
  auto source = engine::snapshot_source::file(snapshot);
  auto held = engine::run_pipeline(testing::baseline_program(), source, options_for(snapshot));
  BOOST_TEST_REQUIRE(held.ok(), held.error);
  auto known = half_the_problems(*held.run);
  BOOST_TEST_REQUIRE(!known.empty());
  auto with_baseline = engine::run_pipeline(testing::baseline_program(), source, options_for(snapshot));
  erase_known(*with_baseline.run, known);

  const std::vector<variant> variants{
      {reports::default_shown(), 1, false},
      {reports::default_shown(), 2, true},
      {{engine::all_outcomes.begin(), engine::all_outcomes.end()}, 2, false},
      {{engine::all_outcomes.begin(), engine::all_outcomes.end()}, 1, true},
      {{outcome::pass, outcome::pending}, 2, false},
  };
  for (auto f : {reports::format::text, reports::format::json, reports::format::sarif, reports::format::ndjson}) {
    for (const auto& v : variants) {
      reports::report_options report;
      report.show = v.show;
      report.pending_within_days = 30;
      const auto& expected_run = v.baseline ? *with_baseline.run : *held.run;
      auto expected = reports::write_report(expected_run, f, report);

      auto options = options_for(snapshot);
      options.listed = {};
      for (auto o : v.show) options.listed.add(o);
      options.jobs = v.jobs;
      options.defer_findings = true;
      options.common_remedies = f == reports::format::sarif;
      if (v.baseline) options.baseline = &known;
      auto deferred = engine::run_pipeline(testing::baseline_program(), source, options);
      BOOST_TEST_REQUIRE(deferred.ok(), deferred.error);
      BOOST_REQUIRE(deferred.findings);
      BOOST_TEST(deferred.run->findings.empty());
      BOOST_TEST(deferred.run->baseline_known == (v.baseline ? known.size() : 0));
      std::ostringstream out;
      reports::write_report(*deferred.run, *deferred.findings, f, report, out);
      BOOST_TEST_CONTEXT(snapshot << " " << reports::to_string(f) << " show " << v.show.size() << " jobs " << v.jobs
                                  << (v.baseline ? " baseline" : "")) {
        BOOST_TEST(out.str().size() == expected.size());
        BOOST_TEST((out.str() == expected));
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(streaming)

BOOST_AUTO_TEST_CASE(deferred_findings_give_the_held_bytes_on_the_example) { same_bytes("facts/examples/org.json"); }

BOOST_AUTO_TEST_CASE(deferred_findings_give_the_held_bytes_on_a_generated_snapshot) {
  auto gen = std::filesystem::path(BAOMI_BINARY).parent_path() / "baomi-gen";
  BOOST_REQUIRE_MESSAGE(std::filesystem::exists(gen), "baomi-gen is built beside baomi: " << gen);
  auto snapshot = std::filesystem::temp_directory_path() / ("baomi-streaming-" + std::to_string(getpid()) + ".json");
  auto command = "'" + gen.string() + "' --people 300 --seed 11 -o '" + snapshot.string() + "'";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
  same_bytes(snapshot.string());
  std::filesystem::remove(snapshot);
}

BOOST_AUTO_TEST_SUITE_END()

// The one entry point of the engine: a complete result (findings, the loader's data issues, waiver
// issues) and a status that tells input errors from findings.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "engine/check.hpp"
#include "engine/pipeline.hpp"
#include "tests/support/baseline.hpp"

using namespace baomi;

namespace {

// One person with a status the schema does not know (a data issue, not a stop).
const char* snapshot_text =
    R"({"as_of": "2026-06-30", "people": [{"id": "P1", "name": "张立", "status": "bogus", "grade": "important"}]})";

engine::snapshot_source in_memory() { return engine::snapshot_source::memory(snapshot_text, "mem.json", "mem.json"); }

bool has_code(const std::vector<engine::data_issue>& issues, std::string_view prefix) {
  return std::any_of(issues.begin(), issues.end(), [&](const auto& i) { return i.code.starts_with(prefix); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(the_result_carries_loader_and_waiver_issues) {
  engine::pipeline_options options;
  options.waivers = engine::waiver_source{"waivers.json", std::string(R"({"waivers": [{"rule": "PER-080"}]})")};
  auto r = engine::run_pipeline(testing::baseline_program(), in_memory(), options);
  BOOST_TEST_REQUIRE(r.ok(), r.error);
  BOOST_REQUIRE(r.run);
  BOOST_TEST(!r.data_issues.empty());
  BOOST_TEST(r.data_issues.front().pointer.starts_with("/people/0/status"), r.data_issues.front().pointer);
  BOOST_TEST(!r.waiver_issues.empty());
  BOOST_TEST(has_code(r.waiver_issues, "V01"));
  // The run's issues are complete: the loader's, then the waivers' (as `check` reports them).
  const auto& issues = r.run->issues;
  auto loader =
      std::find_if(issues.begin(), issues.end(), [&](const auto& i) { return i.code == r.data_issues.front().code; });
  auto waiver =
      std::find_if(issues.begin(), issues.end(), [&](const auto& i) { return i.code == r.waiver_issues.front().code; });
  BOOST_TEST((loader != issues.end() && waiver != issues.end() && loader < waiver));
  BOOST_TEST(!r.run->findings.empty());
  BOOST_TEST(r.plan.has_value());
  BOOST_TEST(!r.store.has_value());  // dropped after evaluating unless asked for
}

BOOST_AUTO_TEST_CASE(input_errors_have_a_status_not_findings) {
  auto missing =
      engine::run_pipeline(testing::baseline_program(), engine::snapshot_source::file("no-such-snapshot.json"), {});
  BOOST_TEST((missing.status == engine::run_status::snapshot_unreadable));
  BOOST_TEST((missing.failed_stage == engine::stage::load));
  BOOST_TEST(!missing.data_issues.empty());
  BOOST_TEST(!missing.run);

  engine::pipeline_options profile;
  profile.profile = "no.such.profile";
  auto unknown = engine::run_pipeline(testing::baseline_program(), in_memory(), profile);
  BOOST_TEST((unknown.status == engine::run_status::compile_failed));
  BOOST_TEST(!unknown.error.empty());

  engine::pipeline_options waivers;
  waivers.waivers = engine::waiver_source{"no-such-waivers.json", std::nullopt};
  auto unreadable = engine::run_pipeline(testing::baseline_program(), in_memory(), waivers);
  BOOST_TEST((unreadable.status == engine::run_status::waivers_unreadable));
  BOOST_TEST(!unreadable.waiver_issues.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_rule_file_is_an_input_error_by_its_kind) {
  auto modules = engine::load_modules({"no-such-folder/rules.baomi"});
  auto r = engine::run_pipeline(modules, in_memory(), {});
  BOOST_TEST((r.status == engine::run_status::rules_invalid));
  BOOST_TEST(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), base::is_usage_error));
  dsl::diagnostic other{"E0111", dsl::severity::error, "x.baomi", {}, "syntax", {}};
  BOOST_TEST(!base::is_usage_error(other));
}

BOOST_AUTO_TEST_CASE(stages_can_be_run_one_at_a_time) {
  engine::pipeline_options load_only;
  load_only.last_stage = engine::stage::load;
  auto loaded = engine::run_pipeline(testing::baseline_program(), in_memory(), load_only);
  BOOST_TEST_REQUIRE(loaded.ok());
  BOOST_REQUIRE(loaded.plan && loaded.store);
  BOOST_TEST(!loaded.run);
  auto evaluated = engine::run_pipeline(*loaded.plan, engine::snapshot_source::loaded(*loaded.store, "mem.json"), {});
  auto whole = engine::run_pipeline(testing::baseline_program(), in_memory(), {});
  BOOST_REQUIRE(evaluated.run && whole.run);
  BOOST_TEST(evaluated.run->findings.size() == whole.run->findings.size());
}

BOOST_AUTO_TEST_CASE(explain_shares_the_stages) {
  auto whole = engine::run_pipeline(testing::baseline_program(), in_memory(), {});
  BOOST_REQUIRE(whole.run && !whole.run->findings.empty());
  const auto& f = whole.run->findings.front();
  auto e = engine::explain_pipeline(testing::baseline_program(), in_memory(), {}, f.rule->id, f.subject.key);
  BOOST_TEST_REQUIRE(e.pipeline.ok(), e.pipeline.error);
  BOOST_REQUIRE(e.explanation);
  BOOST_TEST((e.explanation->result.outcome == f.outcome));
  BOOST_TEST(e.explanation->result.rule == &e.explanation->rule);
  auto none = engine::explain_pipeline(testing::baseline_program(), in_memory(), {}, "NO-SUCH-RULE", "P1");
  BOOST_TEST((none.pipeline.status == engine::run_status::not_found));
}

BOOST_AUTO_TEST_SUITE_END()

// `check --rule` loads only the fields its rules read (engine::fields_read, load_options::keep): the
// findings must be the same as with everything loaded, for every rule of the baseline and every fixture.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "engine/check.hpp"
#include "engine/compile.hpp"
#include "engine/fixture.hpp"
#include "engine/pipeline.hpp"
#include "engine/projection.hpp"
#include "tests/support/baseline.hpp"

using namespace baomi;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Everything a writer prints of the findings, one line each.
std::string described(const engine::run_result& run) {
  std::string out;
  for (const auto& f : run.findings) {
    out += fmt::format("{} {} {} {} [{}] {} | {} | {} | {} {} | {}\n", f.rule->id, f.subject.collection, f.subject.key,
                       engine::to_string(f.outcome), f.subject.label, f.subject.pointer, f.message, f.remedy,
                       f.due.value_or("-"), f.days_left.value_or(-1), f.fingerprint);
    for (const auto& e : f.evidence) out += fmt::format("  {} = {} ({})\n", e.pointer, e.value, e.role);
  }
  // The reports' department column (engine/pipeline.cpp reads it from the subjects' rows).
  for (const auto& [pointer, name] : run.departments) out += fmt::format("{} in {}\n", pointer, name);
  return out;
}

struct both {
  engine::pipeline_result full;
  engine::pipeline_result projected;
};

both run_both(const engine::snapshot_source& snapshot, engine::pipeline_options options) {
  options.load_read_only = false;
  auto full = engine::run_pipeline(testing::baseline_program(), snapshot, options);
  options.load_read_only = true;
  auto projected = engine::run_pipeline(testing::baseline_program(), snapshot, options);
  return {std::move(full), std::move(projected)};
}

// The projected run's data issues are some of the full run's (those of the fields it read).
bool issues_are_a_subset(const engine::pipeline_result& projected, const engine::pipeline_result& full) {
  return std::all_of(projected.data_issues.begin(), projected.data_issues.end(), [&](const auto& p) {
    return std::any_of(full.data_issues.begin(), full.data_issues.end(),
                       [&](const auto& f) { return f.code == p.code && f.pointer == p.pointer; });
  });
}

const char* person_and_carrier = R"({"as_of": "2026-06-30",
  "posts": [{"id": "PT1", "name": "岗位", "level": "secret"}],
  "people": [{"id": "P1", "name": "张立", "status": "active", "post": "PT1", "grade": "important", "registered_on": "2026-13-01"}],
  "carriers": [{"id": "C1", "title": "文件", "kind": "document", "level": "secret", "status": "in_use", "registered_on": "yesterday"}]})";

}  // namespace

BOOST_AUTO_TEST_SUITE(projection)

BOOST_AUTO_TEST_CASE(each_baseline_rule_alone_finds_the_same_on_the_example) {
  auto snapshot = engine::snapshot_source::file("facts/examples/org.json");
  std::size_t rules = 0, findings = 0;
  for (const auto& rule : testing::baseline_program().rules) {
    engine::pipeline_options options;
    options.only = {rule.info.id};
    auto [full, projected] = run_both(snapshot, options);
    BOOST_TEST_REQUIRE(full.ok(), rule.info.id << ": " << full.error);
    BOOST_TEST_REQUIRE(projected.ok(), rule.info.id << ": " << projected.error);
    BOOST_TEST(described(*projected.run) == described(*full.run), rule.info.id);
    BOOST_TEST(issues_are_a_subset(projected, full), rule.info.id);
    ++rules;
    findings += full.run->findings.size();
  }
  BOOST_TEST(rules > 250u);
  BOOST_TEST(findings > 4000u);  // the comparison saw findings, not empty runs
}

BOOST_AUTO_TEST_CASE(every_fixture_finds_the_same) {
  std::size_t compared = 0;
  for (const auto& path : engine::find_fixtures({"rulesets"})) {
    std::string error;
    auto f = engine::parse_fixture(read_file(path), path, error);
    BOOST_TEST_REQUIRE(f.has_value(), path << ": " << error);
    engine::pipeline_options options;
    options.only = f->rules;
    options.profile = f->profile;
    if (!f->as_of.empty()) options.as_of = facts::parse_date(f->as_of);
    if (!f->waivers.empty()) options.waivers = engine::waiver_source{f->path, f->waivers};
    auto [full, projected] = run_both(engine::snapshot_source::memory(f->snapshot, f->path, f->path), options);
    BOOST_TEST_REQUIRE(full.ok() == projected.ok(), path);
    if (!full.ok()) continue;
    BOOST_TEST(described(*projected.run) == described(*full.run), path);
    BOOST_TEST(projected.data_issues.size() == full.data_issues.size(), path);  // fixtures are clean
    ++compared;
  }
  BOOST_TEST(compared > 100u);
}

BOOST_AUTO_TEST_CASE(a_rule_reads_its_fields_refs_keys_and_labels_only) {
  auto compiled = engine::compile(testing::baseline_program(), "", {"PER-010"});
  BOOST_REQUIRE(compiled.plan);
  const auto& schema = compiled.plan->schema;
  auto keep = engine::fields_read(*compiled.plan);
  auto kept = [&](std::string_view entity, std::string_view field) {
    auto e = schema.find_entity(entity);
    BOOST_REQUIRE(e);
    auto f = schema.entity_at(*e).find_field(field);
    BOOST_REQUIRE(f);
    return static_cast<bool>(keep[*e][*f]);
  };
  // PER-010: `p.post.level is not null` → `p.grade is not null`, for people who are active.
  BOOST_TEST(kept("person", "grade"));
  BOOST_TEST(kept("person", "post"));
  BOOST_TEST(kept("person", "status"));
  BOOST_TEST(kept("person", "id"));    // the key
  BOOST_TEST(kept("person", "name"));  // the label
  BOOST_TEST(kept("post", "level"));
  BOOST_TEST(kept("post", "id"));  // the ref's target
  BOOST_TEST(!kept("person", "registered_on"));
  BOOST_TEST(!kept("carrier", "id"));  // the collection is passed over
  BOOST_TEST(!kept("carrier", "level"));
}

BOOST_AUTO_TEST_CASE(data_issues_of_fields_not_read_are_not_reported_those_read_are) {
  auto snapshot = engine::snapshot_source::memory(person_and_carrier, "mem.json", "mem.json");
  engine::pipeline_options options;
  options.only = {"PER-010"};
  auto [full, projected] = run_both(snapshot, options);
  BOOST_REQUIRE(full.ok() && projected.ok());
  std::vector<std::string> full_pointers, projected_pointers;
  for (const auto& i : full.data_issues) full_pointers.push_back(i.code + " " + i.pointer);
  for (const auto& i : projected.data_issues) projected_pointers.push_back(i.code + " " + i.pointer);
  BOOST_TEST(
      full_pointers == (std::vector<std::string>{"F0204 /people/0/registered_on", "F0204 /carriers/0/registered_on"}),
      boost::test_tools::per_element());
  BOOST_TEST(projected_pointers.empty());
  BOOST_TEST(described(*projected.run) == described(*full.run));

  // A read field's bad value is still reported, and its finding is still not a pass.
  std::string bad_grade = person_and_carrier;
  bad_grade.replace(bad_grade.find("\"important\""), 11, "\"chief\"");
  auto bad = run_both(engine::snapshot_source::memory(bad_grade, "mem.json", "mem.json"), options);
  BOOST_REQUIRE(bad.projected.ok());
  BOOST_TEST_REQUIRE(bad.projected.data_issues.size() == 1u);
  BOOST_TEST(bad.projected.data_issues[0].code == "F0206");
  BOOST_TEST(bad.projected.data_issues[0].pointer == "/people/0/grade");
  BOOST_TEST(described(*bad.projected.run) == described(*bad.full.run));
  BOOST_TEST_REQUIRE(bad.projected.run->findings.size() == 1u);
  BOOST_TEST(std::string(engine::to_string(bad.projected.run->findings[0].outcome)) == "unknown");
}

BOOST_AUTO_TEST_CASE(malformed_json_in_a_collection_not_read_still_stops_the_load) {
  std::string broken = person_and_carrier;
  broken.replace(broken.find("\"yesterday\""), 11, "yesterday");
  engine::pipeline_options options;
  options.only = {"PER-010"};
  auto [full, projected] = run_both(engine::snapshot_source::memory(broken, "mem.json", "mem.json"), options);
  BOOST_TEST((full.status == engine::run_status::snapshot_unreadable));
  BOOST_TEST((projected.status == engine::run_status::snapshot_unreadable));
  // The same error at the same byte; its pointer stops at the collection passed over.
  BOOST_TEST_REQUIRE(projected.data_issues.size() == 1u);
  const auto& error = projected.data_issues[0];
  BOOST_TEST(error.code == "F0101");
  BOOST_TEST(error.pointer == "/carriers");
  const auto& same = full.data_issues.back();
  BOOST_TEST(same.code == "F0101");
  BOOST_TEST(same.pointer == "/carriers/0/registered_on");
  BOOST_TEST(error.message == same.message);
  BOOST_TEST(error.range.begin.line == same.range.begin.line);
  BOOST_TEST(error.range.begin.column == same.range.begin.column);
  BOOST_TEST(error.range.begin.line > 0u);
}

BOOST_AUTO_TEST_SUITE_END()

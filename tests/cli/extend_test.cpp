// `extend entity` end to end (language.md, "Layered rulesets"): the unit folder of the worked example,
// docs/examples/units/jys/, adds two fields to the baseline's `travel`; its rules read them over
// snapshots that have them, lack them, or hold invalid values; the loader, `schema`, `query`, `test`
// and `lint` see them; a clash with a shipped field is reported in the unit's file.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

const std::string unit = "docs/examples/units/jys";
const std::string rules = " --rules " + unit + " --rule JYS-010 --rule JYS-011";

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("baomi-extend-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// A snapshot of three people and the given travels.
fs::path snapshot(const std::string& name, const std::string& travels) {
  auto path = scratch(name);
  testing::write_file(path, R"({"as_of": "2026-06-30",
  "people": [{"id": "N1", "name": "雷雨", "status": "active", "grade": "core"},
             {"id": "N2", "name": "汪洋", "status": "active", "grade": "general"}],
  "travels": [)" + travels + "]}");
  return path;
}

// "RULE SUBJECT" -> outcome of a JSON report made with `--show all`.
std::map<std::string, std::string> outcomes(const std::string& json_text) {
  std::map<std::string, std::string> out;
  auto doc = nlohmann::json::parse(json_text);
  for (const auto& f : doc["findings"])
    out[f["rule"].get<std::string>() + " " + f["subject"]["key"].get<std::string>()] = f["outcome"];
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_extend)

BOOST_AUTO_TEST_CASE(rules_read_the_added_fields) {
  auto file = snapshot("with.json", R"(
    {"id": "T1", "person": "N1", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
     "approved_on": "2026-03-10", "reviewed_on": "2026-03-01", "approved_by_unit": true},
    {"id": "T2", "person": "N2", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
     "approved_on": "2026-03-10", "reviewed_on": "2026-03-15", "approved_by_unit": "否"},
    {"id": "T3", "person": "N1", "kind": "private", "destination": "hmt", "departs_on": "2026-05-01",
     "approved_on": "2026-04-01"})");
  auto r = testing::run_baomi("check " + file.string() + rules + " --format json --show all", false);
  BOOST_TEST(r.code == 1);  // T2 fails
  auto got = outcomes(r.out);
  std::map<std::string, std::string> expected = {
      {"JYS-010 T1", "pass"}, {"JYS-010 T2", "fail"}, {"JYS-010 T3", "unknown"},  // reviewed_on not recorded
      {"JYS-011 T1", "pass"}, {"JYS-011 T2", "fail"}, {"JYS-011 T3", "fail"},     // none: 外事部门未确认
  };
  BOOST_TEST((got == expected), r.out);
  // The evidence of the added fields, with their JSON Pointers; a none reads as its meaning.
  BOOST_TEST(r.out.find("/travels/1/reviewed_on") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("外事部门未确认") != std::string::npos, r.out);
  // No data problem: an added field written without `?` is optional (T3 lacks both).
  BOOST_TEST(r.out.find("F0301") == std::string::npos, r.out);

  // Only passes: exit 0.
  auto clean = snapshot("clean.json", R"(
    {"id": "T1", "person": "N1", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
     "approved_on": "2026-03-10", "reviewed_on": "2026-03-01", "approved_by_unit": true})");
  auto c = testing::run_baomi("check " + clean.string() + rules);
  BOOST_TEST(c.code == 0, c.out);
}

BOOST_AUTO_TEST_CASE(a_snapshot_without_the_added_fields_loads_and_is_not_a_pass) {
  // The national export has no such fields: every JYS-010 is unknown (never a silent pass), every
  // JYS-011 fails (none), and the load reports nothing.
  auto file = snapshot("without.json", R"(
    {"id": "T1", "person": "N1", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
     "approved_on": "2026-03-10"})");
  auto r = testing::run_baomi("check " + file.string() + rules + " --format json --show all", false);
  BOOST_TEST(r.code == 1);
  auto got = outcomes(r.out);
  BOOST_TEST(got["JYS-010 T1"] == "unknown");
  BOOST_TEST(got["JYS-011 T1"] == "fail");
  BOOST_TEST(nlohmann::json::parse(r.out)["issues"].empty(), r.out);
  // Only JYS-010: unknown alone does not fail the run.
  auto u = testing::run_baomi("check " + file.string() + " --rules " + unit + " --rule JYS-010");
  BOOST_TEST(u.code == 0, u.out);
  BOOST_TEST(u.out.find("证据不足 (unknown)               1") != std::string::npos, u.out);
}

BOOST_AUTO_TEST_CASE(the_loader_types_the_added_fields) {
  // An ill-typed added field is a located data problem and `unknown`; an added field on another
  // collection is still an unknown field there.
  auto file = scratch("invalid.json");
  testing::write_file(file, R"({"as_of": "2026-06-30",
  "people": [{"id": "N1", "name": "雷雨", "status": "active", "grade": "core", "reviewed_on": "2026-03-01"}],
  "travels": [{"id": "T1", "person": "N1", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
               "approved_on": "2026-03-10", "reviewed_on": "2026/03/01", "approved_by_unit": "yes"}]})");
  auto r = testing::run_baomi("check " + file.string() + rules + " --format json --show all", false);
  BOOST_TEST(r.code == 2);
  auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> issues;
  for (const auto& i : doc["issues"]) issues[i["pointer"].get<std::string>()] = i["code"];
  BOOST_TEST(issues["/travels/0/reviewed_on"] == "F0204", r.out);
  BOOST_TEST(issues["/travels/0/approved_by_unit"] == "F0203", r.out);
  BOOST_TEST(issues["/people/0/reviewed_on"] == "F0201", r.out);
  auto got = outcomes(r.out);
  BOOST_TEST(got["JYS-010 T1"] == "unknown");
  BOOST_TEST(got["JYS-011 T1"] == "unknown");
}

BOOST_AUTO_TEST_CASE(schema_query_test_and_lint_see_the_added_fields) {
  auto text = testing::run_baomi("schema --rules " + unit);
  BOOST_TEST(text.code == 0);
  // Optional although `approved_by_unit` is written without `?`; a none shows its meaning.
  BOOST_TEST(text.out.find("reviewed_on: date?  # 保密办因私出国(境)审查日期") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("approved_by_unit: boolean? none \"外事部门未确认\"") != std::string::npos, text.out);
  BOOST_TEST(testing::run_baomi("schema").out.find("approved_by_unit") == std::string::npos);

  auto json = testing::run_baomi("schema --json-schema --rules " + unit, false);
  BOOST_TEST_REQUIRE(json.code == 0);
  auto travel = nlohmann::json::parse(json.out)["$defs"]["travel"];
  BOOST_TEST(travel["properties"].contains("reviewed_on"), travel.dump());
  BOOST_TEST(travel["properties"].contains("approved_by_unit"), travel.dump());
  BOOST_TEST(travel["properties"]["reviewed_on"]["format"] == "date", travel.dump());
  for (const auto& name : travel["required"]) {
    BOOST_TEST(name != "reviewed_on");
    BOOST_TEST(name != "approved_by_unit");
  }

  auto file = snapshot("query.json", R"(
    {"id": "T1", "person": "N1", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01",
     "approved_by_unit": true, "reviewed_on": "2026-03-01"},
    {"id": "T2", "person": "N2", "kind": "private", "destination": "foreign", "departs_on": "2026-04-01"})");
  auto q = testing::run_baomi(
      "query " + file.string() +
          " 't in travels where t.approved_by_unit select t.reviewed_on' --format json --rules " + unit,
      false);
  BOOST_TEST_REQUIRE(q.code == 0, q.out);
  auto rows = nlohmann::json::parse(q.out)["rows"];
  BOOST_TEST_REQUIRE(rows.size() == 1u, q.out);
  BOOST_TEST(rows[0]["key"] == "T1");
  BOOST_TEST(q.out.find("2026-03-01") != std::string::npos, q.out);

  auto t = testing::run_baomi("test " + unit);
  BOOST_TEST(t.code == 0, t.out);
  BOOST_TEST(t.out.find("通过 1 个，失败 0 个") != std::string::npos, t.out);
  auto l = testing::run_baomi("lint " + unit);
  BOOST_TEST(l.code == 0, l.out);
}

BOOST_AUTO_TEST_CASE(a_clash_with_a_shipped_field_is_reported_in_the_units_file) {
  auto file = scratch("clash.baomi");
  testing::write_file(file,
                      "import cn.schema\n\nextend entity travel {\n  place: string?\n}\n\n"
                      "extend entity travl {\n  x: int?\n}\n");
  for (std::string command : {"check facts/examples/org.json --rules ", "lint "}) {
    BOOST_TEST_CONTEXT(command) {
      auto r = testing::run_baomi("--lang en " + command + file.string());
      BOOST_TEST(r.code == (command == "lint " ? 1 : 2));
      BOOST_TEST(
          r.out.find(file.string() + ":4:3: error[E0213]: duplicate field `place` of `travel`\n") != std::string::npos,
          r.out);
      BOOST_TEST(r.out.find("note: first declared in rulesets/cn/schema.baomi:185:3\n") != std::string::npos, r.out);
      BOOST_TEST(r.out.find(file.string() + ":7:15: error[E0214]: unknown entity `travl`\n") != std::string::npos,
                 r.out);
      BOOST_TEST(r.out.find("note: did you mean `travel`?") != std::string::npos, r.out);
      BOOST_TEST(r.out.find("\nrulesets/") == std::string::npos, r.out);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

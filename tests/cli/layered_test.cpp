// Layered rulesets (language.md, "Layered rulesets"): a unit's own rules on top of the built-in
// baseline, `--no-baseline`, a clash reported in the unit's file; and `diff --base-ref` comparing
// the working tree's rules with a git revision.
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("baomi-layered-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Runs a shell command line in `dir`, stderr merged unless the command redirects it.
testing::run_output shell(const fs::path& dir, const std::string& command) {
  std::string line =
      "cd '" + dir.string() + "' && " + command + (command.find("2>") == std::string::npos ? " 2>&1" : "");
  testing::run_output r;
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string baomi_in(const fs::path& dir, const std::string& args, int& code) {
  auto r = shell(dir, std::string("'") + BAOMI_BINARY + "' " + args);
  code = r.code;
  return r.out;
}

// A unit's one rule, stricter than the baseline: 机密级以上的载体 in a 保险柜 (docs/language.md).
const char* unit_rule = R"baomi(ruleset jys.storage "本单位载体存放规定" {
  version "2026.1"
}

import cn.schema
import cn.carrier_schema

source "004" "涉密人员工作计划 / 涉密人员管理规定 / 涉密人员保密管理制度"

rule JYS-001 "机密级以上的载体应存放在保险柜" {
  severity medium
  area "四(六)"
  cite "004" "涉密人员应将国家秘密文件、资料和其他物品存放在有保密性能的专用铁柜或保险柜内"
  for c in carriers where c.status == in_use and c.level != confidential
  require c.storage == safe
  message "{c.title}（{c.id}）存放在{c.storage}，本单位规定机密级以上载体存放在保险柜"
  remedy "移入保险柜"
}
)baomi";

// rule id -> (subject -> outcome) of a JSON report made with `--show all`.
std::map<std::string, std::map<std::string, std::string>> by_rule(const std::string& json_text) {
  std::map<std::string, std::map<std::string, std::string>> out;
  auto doc = nlohmann::json::parse(json_text);
  for (const auto& f : doc["findings"])
    out[f["rule"].get<std::string>()][f["subject"]["key"].get<std::string>()] = f["outcome"];
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_layered)

BOOST_AUTO_TEST_CASE(a_units_rule_runs_on_top_of_the_baseline) {
  auto file = scratch("jys.baomi");
  testing::write_file(file, unit_rule);
  auto baseline = by_rule(testing::run_baomi("check facts/examples/org.json --format json --show all", false).out);
  auto layered_run =
      testing::run_baomi("check facts/examples/org.json --rules " + file.string() + " --format json --show all", false);
  BOOST_TEST(layered_run.code == 1);  // the example has failing findings
  auto layered = by_rule(layered_run.out);
  // Every baseline rule, with the same outcomes, and the unit's rule besides.
  BOOST_TEST(layered.size() == baseline.size() + 1);
  for (const auto& [rule, subjects] : baseline) BOOST_TEST((layered[rule] == subjects), rule);
  // JYS-001 read `carriers` (declared in the baseline's cn.carrier_schema): the example's in-use
  // secret and top-secret carriers, computed here from the snapshot.
  auto snapshot = nlohmann::json::parse(testing::read_file(testing::source_root() / "facts/examples/org.json"));
  std::map<std::string, std::string> expected;
  for (const auto& c : snapshot["carriers"]) {
    bool applies = c["status"] == "in_use" && c["level"] != "confidential";
    expected[c["id"].get<std::string>()] = !applies ? "not_applicable" : c["storage"] == "safe" ? "pass" : "fail";
  }
  BOOST_TEST((layered["JYS-001"] == expected));
  BOOST_TEST(std::count_if(expected.begin(), expected.end(), [](const auto& e) { return e.second == "fail"; }) > 0);

  // --no-baseline: the unit's rule alone (the schema modules it imports declare no rules). The
  // example's other collections are then unknown to the schema: data problems, exit 2, still a report.
  auto alone_run = testing::run_baomi(
      "check facts/examples/org.json --rules " + file.string() + " --no-baseline --format json --show all", false);
  BOOST_TEST(alone_run.code == 2);
  auto alone = by_rule(alone_run.out);
  BOOST_TEST(alone.size() == 1u);
  BOOST_TEST((alone["JYS-001"] == expected));
  // --no-baseline means nothing without --rules.
  auto bare = testing::run_baomi("check facts/examples/org.json --no-baseline");
  BOOST_TEST(bare.code == 2);
  BOOST_TEST(bare.out.find("--no-baseline requires --rules") != std::string::npos, bare.out);
}

BOOST_AUTO_TEST_CASE(a_module_named_like_a_baseline_module_replaces_it) {
  // A copy of cn.training with a stricter threshold, given alone: it replaces the baseline's module
  // (no E0213 for its params and rules), and only TRN-010's outcomes change.
  auto file = scratch("training.baomi");
  auto text = testing::read_file(testing::source_root() / "rulesets/cn/training.baomi");
  const std::string from = "param min_trainings_per_year: int = 2";
  BOOST_TEST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "param min_trainings_per_year: int = 5");
  testing::write_file(file, text);
  auto baseline = by_rule(testing::run_baomi("check facts/examples/org.json --format json --show all", false).out);
  auto replaced = by_rule(
      testing::run_baomi("check facts/examples/org.json --rules " + file.string() + " --format json --show all", false)
          .out);
  BOOST_TEST(replaced.size() == baseline.size());
  for (const auto& [rule, subjects] : baseline) {
    if (rule != "TRN-010") BOOST_TEST((replaced[rule] == subjects), rule);
  }
  BOOST_TEST((replaced["TRN-010"] != baseline["TRN-010"]));
}

BOOST_AUTO_TEST_CASE(a_clash_with_the_baseline_is_reported_in_the_units_file) {
  auto file = scratch("clash.baomi");
  testing::write_file(
      file,
      std::string(unit_rule) +
          "\nparam min_trainings_per_year: int = 3\n\nentity carrier_note in carriers key id {\n  id: string\n}\n");
  // check lays the file on the whole baseline: both clashes. lint checks the file with the modules it
  // imports (cn.schema, cn.carrier_schema): the collection clash only.
  for (std::string command : {"check facts/examples/org.json --rules ", "lint "}) {
    auto r = testing::run_baomi("--lang en " + command + file.string());
    bool check = command != "lint ";
    BOOST_TEST_CONTEXT(command) {
      BOOST_TEST(r.code == (check ? 2 : 1));
      BOOST_TEST((r.out.find(file.string() + ":20:7: error[E0213]: duplicate param `min_trainings_per_year`") !=
                  std::string::npos) == check,
                 r.out);
      BOOST_TEST((r.out.find("note: first declared in rulesets/cn/training.baomi:") != std::string::npos) == check,
                 r.out);
      BOOST_TEST(
          r.out.find(file.string() + ":22:24: error[E0213]: duplicate collection `carriers`\n") != std::string::npos,
          r.out);
      BOOST_TEST(r.out.find("note: first declared in rulesets/cn/carrier_schema.baomi:181:19\n") != std::string::npos,
                 r.out);
      // Nothing is blamed on a shipped file: every diagnostic line names the unit's file.
      BOOST_TEST(r.out.find("\nrulesets/") == std::string::npos, r.out);
      BOOST_TEST(r.out.rfind("rulesets/", 0) == std::string::npos, r.out);
    }
  }
}

// (rule, subject) of every change of a `baomi diff --format json` report.
std::set<std::pair<std::string, std::string>> changes(const std::string& json_text) {
  std::set<std::pair<std::string, std::string>> out;
  auto doc = nlohmann::json::parse(json_text);
  for (const auto& c : doc["changes"])
    out.insert({c["rule"].get<std::string>(), c["subject"]["key"].get<std::string>()});
  return out;
}

// An author's working-tree edit against the last commit, in a repository of its own (so the test
// does not depend on this repository's history): `diff --base-ref HEAD` shows the change.
BOOST_AUTO_TEST_CASE(diff_base_ref_compares_the_working_tree_with_the_revision) {
  auto repo = scratch("repo");
  fs::remove_all(repo);
  fs::create_directories(repo / "notes");
  fs::copy(testing::source_root() / "rulesets", repo / "rulesets", fs::copy_options::recursive);
  fs::remove_all(repo / "rulesets/cn/tests");
  auto setup = shell(repo,
                     "git init -q && git add -A && git -c user.name=baomi -c user.email=baomi@example.org "
                     "commit -qm base");
  BOOST_TEST_REQUIRE(setup.code == 0, setup.out);
  auto snapshot = (testing::source_root() / "facts/examples/org.json").string();
  int code = 0;
  // Nothing edited yet: nothing changed.
  baomi_in(repo, "diff --base-ref HEAD " + snapshot, code);
  BOOST_TEST(code == 0);

  auto training = repo / "rulesets/cn/training.baomi";
  auto text = testing::read_file(training);
  const std::string from = "param min_trainings_per_year: int = 2";
  BOOST_TEST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "param min_trainings_per_year: int = 5");
  testing::write_file(training, text);

  // The same change as between the two folders given explicitly.
  auto expected = changes(testing::run_baomi("diff --no-baseline --base-rules rulesets --rules " +
                                                 (repo / "rulesets").string() + " " + snapshot + " --format json",
                                             false)
                              .out);
  BOOST_TEST(!expected.empty());
  for (const auto& [rule, subject] : expected) BOOST_TEST(rule == "TRN-010");
  auto out = baomi_in(repo, "diff --base-ref HEAD " + snapshot + " --format json 2>/dev/null", code);
  BOOST_TEST(code == 1);
  BOOST_TEST((changes(out) == expected));
  auto said = baomi_in(repo, "diff --base-ref HEAD " + snapshot + " -o /dev/null", code);
  BOOST_TEST(said == "比较 rulesets/（工作区）与 rulesets/@HEAD\n");
  // From a subfolder of the checkout: the same folders.
  out = baomi_in(repo / "notes", "diff --base-ref HEAD " + snapshot + " --format json 2>/dev/null", code);
  BOOST_TEST(code == 1);
  BOOST_TEST((changes(out) == expected));
  // Outside a checkout with rulesets/, --base-ref needs --rules.
  auto outside = scratch("no-checkout");
  fs::create_directories(outside);
  said = baomi_in(outside, "diff --base-ref HEAD " + snapshot, code);
  BOOST_TEST(code == 2);
  BOOST_TEST(said.find("不带 --rules 的 --base-ref 须在含 rulesets/ 目录的 git 工作区中运行") != std::string::npos,
             said);
  fs::remove_all(repo);
}

BOOST_AUTO_TEST_SUITE_END()

// The author's shortcuts: `baomi test --update` rewrites a failing fixture's expectations (only
// them, for review, never in CI) and `baomi new rule|profile|fixture` starts files from templates.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("baomi-scaffold-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Sets or unsets the environment variable CI for the commands the test runs, restoring it after.
class ci_variable {
 public:
  explicit ci_variable(const char* value) {
    if (const char* old = std::getenv("CI")) m_old = old;
    value ? ::setenv("CI", value, 1) : ::unsetenv("CI");
  }
  ~ci_variable() { m_old ? ::setenv("CI", m_old->c_str(), 1) : ::unsetenv("CI"); }
  ci_variable(const ci_variable&) = delete;
  ci_variable& operator=(const ci_variable&) = delete;

 private:
  std::optional<std::string> m_old;
};

void replace(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_scaffold)

BOOST_AUTO_TEST_CASE(test_update_rewrites_only_the_expectations) {
  const auto shipped = testing::source_root() / "rulesets/cn/tests/departure/carriers.fixture.json";
  const auto original = testing::read_file(shipped);
  // A copy with three wrong expectations: an outcome changed, one removed, one that matches nothing.
  auto folder = scratch("update");
  fs::create_directories(folder);
  auto fixture = folder / "carriers.fixture.json";
  auto broken = original;
  replace(broken, R"({"rule": "DEP-030", "subject": "DC-1", "outcome": "pass"})",
          R"({"rule": "DEP-030", "subject": "DC-1", "outcome": "fail"})");
  replace(broken, "    {\"rule\": \"DEP-030\", \"subject\": \"DC-3\", \"outcome\": \"fail\"},\n", "");
  replace(broken, R"({"rule": "DEP-031", "subject": "DC-7", "outcome": "not_applicable"})",
          R"({"rule": "DEP-031", "subject": "DC-7", "outcome": "not_applicable"},
    {"rule": "DEP-031", "subject": "NOPE", "outcome": "pass"})");
  testing::write_file(fixture, broken);
  const std::string args = "test " + folder.string() + " --rules rulesets";
  BOOST_TEST(testing::run_baomi(args).code == 1);

  {
    ci_variable ci("true");  // CI never rewrites a fixture
    auto refused = testing::run_baomi(args + " --update");
    BOOST_TEST(refused.code == 2);
    BOOST_TEST(refused.out.find("环境变量 CI 已设置") != std::string::npos, refused.out);
    BOOST_TEST(testing::read_file(fixture) == broken);
  }
  ci_variable no_ci(nullptr);
  auto updated = testing::run_baomi(args + " --update", false);
  BOOST_TEST(updated.code == 0, updated.out);
  BOOST_TEST(updated.out == "更新 " + fixture.string() +
                                "\n"
                                "  ~ DEP-030 DC-1: fail → pass\n"
                                "  - DEP-031 NOPE: pass（无此结果）\n"
                                "  + DEP-030 DC-3: fail\n"
                                "已更新 1 个用例的 3 项期望，请用 git diff 审阅\n");
  // Back to the shipped file byte for byte: the kept lines untouched, DC-3 back in its place.
  BOOST_TEST(testing::read_file(fixture) == original);
  BOOST_TEST(testing::run_baomi(args).code == 0);
  // Nothing failing: nothing to update, the file untouched.
  auto again = testing::run_baomi(args + " --update", false);
  BOOST_TEST(again.code == 0);
  BOOST_TEST(again.out == "已更新 0 个用例的 0 项期望，请用 git diff 审阅\n");
  fs::remove_all(folder);
}

BOOST_AUTO_TEST_CASE(new_rule_and_profile_parse_and_check) {
  auto rule = scratch("jys-002.baomi");
  fs::remove(rule);
  BOOST_TEST(testing::run_baomi("new rule JYS-002 -o " + rule.string()).code == 0);
  auto text = testing::read_file(rule);
  BOOST_TEST(text.find("rule JYS-002 \"") != std::string::npos, text);
  BOOST_TEST(testing::run_baomi("parse " + rule.string()).code == 0);
  BOOST_TEST(testing::run_baomi("fmt --check " + rule.string()).code == 0);
  // It checks against the baseline schema; lint flags the cite placeholder until it is written.
  auto lint = testing::run_baomi("--lang en lint " + rule.string());
  BOOST_TEST(lint.code == 1);
  BOOST_TEST(lint.out.find("warning[W0304]: source `TODO` is not declared") != std::string::npos, lint.out);
  BOOST_TEST(lint.out.find("error[") == std::string::npos, lint.out);
  // Never over an existing file.
  auto again = testing::run_baomi("new rule JYS-003 -o " + rule.string());
  BOOST_TEST(again.code == 2);
  BOOST_TEST(again.out.find("已存在；baomi new 不覆盖已有文件") != std::string::npos, again.out);
  BOOST_TEST(testing::read_file(rule) == text);

  auto profile = testing::run_baomi("new profile jys.strict", false);
  BOOST_TEST(profile.code == 0);
  auto profile_file = scratch("strict.baomi");
  testing::write_file(profile_file, profile.out);
  BOOST_TEST(testing::run_baomi("parse " + profile_file.string()).code == 0);
  auto listed = testing::run_baomi("profiles --rules " + profile_file.string() + " --format json", false);
  BOOST_TEST(listed.code == 0);
  BOOST_TEST(listed.out.find("\"jys.strict\"") != std::string::npos, listed.out);
  BOOST_TEST(testing::run_baomi("new bogus X").code == 2);
  // The id or name is what the grammar reads as one, or nothing is printed.
  for (std::string bad : {"'1-ABC'", "'JYS--1'", "'JYS-1 \"x\" {} rule B-2'", "JYS-", "'JYS 1'"}) {
    BOOST_TEST_CONTEXT(bad) {
      auto r = testing::run_baomi("new rule " + bad);
      BOOST_TEST(r.code == 2);
      BOOST_TEST(r.out.find("不是规则编号：以字母开头") != std::string::npos, r.out);
      BOOST_TEST(r.out.find("待填写") == std::string::npos, r.out);  // no scaffold printed
    }
  }
  for (std::string good : {"JYS-1", "CAR-020a", "x_1"})
    BOOST_TEST(testing::run_baomi("new rule " + good).code == 0, good);
  auto bad_profile = testing::run_baomi("new profile 'jys..strict'");
  BOOST_TEST(bad_profile.code == 2);
  BOOST_TEST(bad_profile.out.find("不是配置名") != std::string::npos, bad_profile.out);
}

BOOST_AUTO_TEST_CASE(new_fixture_loads_for_a_shipped_rule) {
  auto folder = scratch("fixture");
  fs::remove_all(folder);
  fs::create_directories(folder);
  for (const std::string rule : {"DEP-040", "CAR-010", "MTG-031"}) {
    auto file = folder / (rule + ".fixture.json");
    BOOST_TEST_REQUIRE(testing::run_baomi("new fixture " + rule + " -o " + file.string()).code == 0);
    auto doc = nlohmann::json::parse(testing::read_file(file));
    BOOST_TEST(doc["rules"] == nlohmann::json::array({rule}));
    BOOST_TEST(doc["expect"].size() == 2u);
    BOOST_TEST(doc["expect"][0]["outcome"] == "pass");
    BOOST_TEST(doc["expect"][1]["outcome"] == "fail");
    // The fixture is read and its snapshot loads without data issues; its expectations wait for the
    // author (the two rows are alike, so one of them cannot hold yet).
    auto r = testing::run_baomi("--lang en test " + file.string() + " --rules rulesets");
    BOOST_TEST_CONTEXT(rule) {
      BOOST_TEST(r.code == 1, r.out);
      BOOST_TEST(r.out.find("invalid fixture") == std::string::npos, r.out);
      BOOST_TEST(r.out.find("data issue") == std::string::npos, r.out);
      BOOST_TEST((r.out.find(rule + " PASS-1: expected") != std::string::npos ||
                  r.out.find(rule + " FAIL-1: expected") != std::string::npos),
                 r.out);
    }
  }
  auto unknown = testing::run_baomi("new fixture NOPE-1");
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.out.find("NOPE-1") != std::string::npos, unknown.out);
  fs::remove_all(folder);
}

BOOST_AUTO_TEST_SUITE_END()

// Parallel evaluation and streamed writers give the same bytes as one thread, on the example snapshot
// and on a generated one; NDJSON lists the JSON report's findings, one per line.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support/run.hpp"

namespace {

using baomi::testing::run_baomi;

const std::string example = "facts/examples/org.json";

// `baomi check SNAPSHOT ARGS`: stdout only, with its exit code checked (0 clean, 1 findings).
std::string check(const std::string& snapshot, const std::string& args) {
  auto r = run_baomi("check " + snapshot + " " + args, false);
  BOOST_TEST_CONTEXT("check " << snapshot << " " << args) {
    BOOST_TEST((r.code == 0 || r.code == 1));
    BOOST_TEST(!r.out.empty());
  }
  return r.out;
}

// `--jobs 0` (the machine's cores) is tried on the example only: on CI's two cores it is `--jobs 2`.
void same_for_any_jobs(const std::string& snapshot, const std::string& args,
                       std::initializer_list<const char*> jobs_tried = {"2", "3", "0"}) {
  auto one = check(snapshot, args + " --jobs 1");
  for (const char* jobs : jobs_tried) {
    BOOST_TEST_CONTEXT(args << " --jobs " << jobs) {
      auto many = check(snapshot, args + " --jobs " + jobs);
      BOOST_TEST(many.size() == one.size());
      BOOST_TEST((many == one));
    }
  }
}

const char* cases[] = {
    "--format text",
    "--format json",
    "--format sarif",
    "--format ndjson",
    "--format junit",
    "--format json --show all",
    "--format text --show all",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_parallel)

BOOST_AUTO_TEST_CASE(the_example_is_byte_identical_for_any_number_of_threads) {
  for (const auto* args : cases) same_for_any_jobs(example, args);
}

BOOST_AUTO_TEST_CASE(a_generated_snapshot_is_byte_identical_for_any_number_of_threads) {
  auto gen = std::filesystem::path(BAOMI_BINARY).parent_path() / "baomi-gen";
  BOOST_REQUIRE_MESSAGE(std::filesystem::exists(gen), "baomi-gen is built beside baomi: " << gen);
  auto snapshot = std::filesystem::temp_directory_path() / ("baomi-parallel-" + std::to_string(getpid()) + ".json");
  std::string command = "'";
  command += gen.string();
  command += "' --people 300 --seed 7 -o '";
  command += snapshot.string();
  command += "'";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
  // 300 people: 900 carriers, so a rule's subjects span several of the chunks the threads make ahead.
  for (const auto* args : {"--format json --show all", "--format ndjson --show all", "--format text --show all",
                           "--format sarif --show all", "--format text", "--format sarif"})
    same_for_any_jobs(snapshot.string(), args, {"2", "3"});
  // A check of some rules loads only what they read (docs/facts-loader.md), on one thread or two, and
  // finds what the whole check finds for them.
  const std::string some = "--format json --show all --rule PER-010 --rule TRN-030 --rule CAR-056 --rule DEP-010";
  same_for_any_jobs(snapshot.string(), some, {"2"});
  auto part = nlohmann::json::parse(check(snapshot.string(), some))["findings"];
  auto whole = nlohmann::json::parse(check(snapshot.string(), "--format json --show all"))["findings"];
  nlohmann::json same_rules = nlohmann::json::array();
  for (const auto& f : whole) {
    for (const char* rule : {"PER-010", "TRN-030", "CAR-056", "DEP-010"}) {
      if (f["rule"] == rule) same_rules.push_back(f);
    }
  }
  BOOST_TEST(part.size() > 1000u);
  BOOST_TEST(part.size() == same_rules.size());
  BOOST_TEST((part == same_rules));
  std::filesystem::remove(snapshot);
}

BOOST_AUTO_TEST_CASE(ndjson_lines_are_the_json_reports_findings) {
  for (const char* show : {"", " --show all", " --show pass"}) {
    BOOST_TEST_CONTEXT("show" << show) {
      auto report = nlohmann::json::parse(check(example, std::string("--format json") + show));
      std::istringstream lines(check(example, std::string("--format ndjson") + show));
      std::size_t n = 0;
      for (std::string line; std::getline(lines, line); ++n) {
        BOOST_REQUIRE(n < report["findings"].size());
        BOOST_TEST((nlohmann::json::parse(line) == report["findings"][n]));
      }
      BOOST_TEST(n == report["findings"].size());
      BOOST_TEST(n > 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(counts_cover_the_findings_not_listed) {
  // Listing fewer outcomes changes the listed findings, never the summary's counts.
  auto all = nlohmann::json::parse(check(example, "--format json --show all"));
  auto fails = nlohmann::json::parse(check(example, "--format json --show fail"));
  BOOST_TEST((all["summary"] == fails["summary"]));
  BOOST_TEST(all["summary"]["findings"].get<std::size_t>() == all["findings"].size());
  std::size_t listed_fails = 0;
  for (const auto& f : all["findings"]) listed_fails += f["outcome"] == "fail" ? 1 : 0;
  BOOST_TEST(fails["findings"].size() == listed_fails);
  BOOST_TEST(listed_fails > 0);
}

BOOST_AUTO_TEST_SUITE_END()

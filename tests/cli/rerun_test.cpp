// Byte-identical reruns (issue 15): the same inputs give the same bytes in every format, across two
// runs and when the rules arrive in another order (rule files listed in reverse), so that findings
// produced in a different internal order are still written in one order.
#include <unistd.h>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;

namespace {

const std::string example = "check facts/examples/org.json --waivers facts/examples/waivers.json --show all";

// The `--format` values of `check`, read from the binary's formats table through its error message
// ("unknown format `pdf` (text, json, sarif, junit)"), so that a new format is covered by itself.
std::vector<std::string> check_formats() {
  auto r = run_baomi("--lang en check facts/examples/org.json --format no-such-format");
  auto open = r.out.find('(', r.out.find("unknown format"));
  auto close = r.out.find(')', open);
  std::vector<std::string> formats;
  if (open == std::string::npos || close == std::string::npos) return formats;
  std::string list = r.out.substr(open + 1, close - open - 1);
  for (std::size_t start = 0; start < list.size();) {
    auto comma = list.find(", ", start);
    formats.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return formats;
}

// `--rules F` for every `.baomi` file of the baseline, in path order or reversed.
std::string baseline_files(bool reversed) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator("rulesets/cn")) {
    if (e.is_regular_file() && e.path().extension() == ".baomi") files.push_back(e.path().generic_string());
  }
  std::sort(files.begin(), files.end());
  if (reversed) std::reverse(files.begin(), files.end());
  std::string args;
  for (const auto& f : files) args += " --rules " + f;
  return args;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_rerun)

BOOST_AUTO_TEST_CASE(the_formats_table_is_read) {
  auto formats = check_formats();
  BOOST_TEST(formats.size() >= 4u);
  BOOST_TEST((std::find(formats.begin(), formats.end(), "text") != formats.end()));
}

// `baomi check ARGS --format F`; a binary format goes to a file (-o) whose bytes become `out`.
testing::run_output run_format(const std::string& args, const std::string& format) {
  if (format != "xlsx") return run_baomi(args + " --format " + format);
  auto path = std::filesystem::temp_directory_path() / ("baomi-rerun-" + std::to_string(::getpid()) + ".xlsx");
  auto r = run_baomi(args + " --format " + format + " -o " + path.string());
  std::ifstream in(path, std::ios::binary);
  r.out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return r;
}

BOOST_AUTO_TEST_CASE(two_runs_give_the_same_bytes_in_every_format) {
  for (const auto& format : check_formats()) {
    BOOST_TEST_CONTEXT(format) {
      auto first = run_format(example, format);
      auto second = run_format(example, format);
      BOOST_TEST(first.code == 1);  // the example has failing findings
      BOOST_TEST(second.code == first.code);
      BOOST_TEST(first.out.size() > 1000u);
      BOOST_TEST((first.out == second.out));
    }
  }
}

void compare_orders(const std::string& format) {
  auto a = run_format(example + baseline_files(false), format);
  auto b = run_format(example + baseline_files(true), format);
  BOOST_TEST(a.code == 1);
  BOOST_TEST(b.code == a.code);
  BOOST_TEST(a.out.size() > 1000u);
  BOOST_TEST((a.out == b.out));
  if (a.out != b.out) {
    auto at = std::mismatch(a.out.begin(), a.out.end(), b.out.begin(), b.out.end()).first - a.out.begin();
    BOOST_TEST_MESSAGE("first difference at byte " << at << ":\n"
                                                   << a.out.substr(at > 200 ? at - 200 : 0, 400) << "\n---\n"
                                                   << b.out.substr(at > 200 ? at - 200 : 0, 400));
  }
}

BOOST_AUTO_TEST_CASE(rules_in_another_order_give_the_same_findings) {
  // The findings are produced rule by rule in load order, then sorted: the same bytes either way.
  compare_orders("text");
  auto a = nlohmann::json::parse(run_baomi(example + " --format json" + baseline_files(false), false).out);
  auto b = nlohmann::json::parse(run_baomi(example + " --format json" + baseline_files(true), false).out);
  BOOST_TEST(a["findings"].size() > 100u);
  BOOST_TEST((a["findings"].dump() == b["findings"].dump()));
  BOOST_TEST((a["summary"].dump() == b["summary"].dump()));
  BOOST_TEST((a["issues"].dump() == b["issues"].dump()));
}

// The table of rules too (json `rules`, SARIF `tool.driver.rules` and each result's `ruleIndex`, the
// JUnit test cases) is in id order, so every format is byte-identical.
BOOST_AUTO_TEST_CASE(rules_in_another_order_give_the_same_bytes_in_every_format) {
  for (const auto& format : check_formats()) {
    BOOST_TEST_CONTEXT(format) { compare_orders(format); }
  }
}

BOOST_AUTO_TEST_CASE(a_rule_selection_in_another_order_gives_the_same_bytes) {
  auto a = run_baomi(example + " --format json --rule PER-080 --rule PER-050 --rule DEP-040");
  auto b = run_baomi(example + " --format json --rule DEP-040 --rule PER-050 --rule PER-080");
  BOOST_TEST(a.out.size() > 100u);
  BOOST_TEST((a.out == b.out));
}

BOOST_AUTO_TEST_SUITE_END()

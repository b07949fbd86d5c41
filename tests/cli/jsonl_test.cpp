// `baomi check DIR` on a JSON Lines folder says what `baomi check FILE` says of the same snapshot in
// one file (but for the snapshot's name), for any --jobs; SARIF points rows at their `.jsonl` file.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/run.hpp"

namespace {

namespace fs = std::filesystem;
using baomi::testing::run_baomi;

const std::string example = "facts/examples/org.json";

// The example as a folder: snapshot.json with the members that are not arrays, NAME.jsonl per array.
std::string example_folder() {
  std::ifstream in(example);
  auto doc = nlohmann::ordered_json::parse(in);
  fs::path dir = fs::temp_directory_path() / "baomi-cli-jsonl-example";
  fs::remove_all(dir);
  fs::create_directories(dir);
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  for (const auto& [name, value] : doc.items()) {
    if (!value.is_array()) {
      header[name] = value;
      continue;
    }
    std::ofstream out(dir / (name + ".jsonl"), std::ios::binary);
    for (const auto& row : value) out << row.dump() << "\n";
  }
  std::ofstream(dir / "snapshot.json", std::ios::binary) << header.dump(2) << "\n";
  return dir.string();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_jsonl)

BOOST_AUTO_TEST_CASE(check_of_a_folder_says_what_check_of_the_file_says) {
  std::string dir = example_folder();
  for (const char* format : {"text", "json", "ndjson", "junit"}) {
    BOOST_TEST_CONTEXT(format) {
      auto file = run_baomi("check " + example + " --format " + std::string(format), false);
      auto folder = run_baomi("check " + dir + " --format " + std::string(format) + " --jobs 1", false);
      auto folder2 = run_baomi("check " + dir + " --format " + std::string(format) + " --jobs 2", false);
      BOOST_TEST((file.code == 0 || file.code == 1));
      BOOST_TEST(file.code == folder.code);
      BOOST_TEST(file.out.size() > 1000u);
      BOOST_TEST((replaced(folder.out, dir, example) == file.out));
      BOOST_TEST((folder.out == folder2.out));
    }
  }
}

BOOST_AUTO_TEST_CASE(sarif_points_a_finding_at_its_row_s_line_in_its_jsonl_file) {
  std::string dir = example_folder();
  auto r = run_baomi("check " + dir + " --format sarif", false);
  BOOST_TEST((r.code == 0 || r.code == 1));
  auto sarif = nlohmann::json::parse(r.out);
  int checked = 0;
  for (const auto& result : sarif["runs"][0]["results"]) {
    const auto& where = result["locations"][0];
    if (!where.contains("logicalLocations")) continue;
    std::string pointer = where["logicalLocations"][0]["fullyQualifiedName"];
    if (!pointer.starts_with("/people/")) continue;
    std::string uri = where["physicalLocation"]["artifactLocation"]["uri"];
    BOOST_TEST(uri.ends_with("/people.jsonl"), uri);
    // Row n of people is line n + 1 of people.jsonl, its object at column 1.
    int row = std::stoi(pointer.substr(8));
    BOOST_TEST(where["physicalLocation"]["region"]["startLine"].get<int>() == row + 1);
    BOOST_TEST(where["physicalLocation"]["region"]["startColumn"].get<int>() == 1);
    ++checked;
  }
  BOOST_TEST(checked > 5);
}

BOOST_AUTO_TEST_CASE(a_bad_line_is_reported_at_its_file_line_and_column) {
  std::string dir = example_folder();
  {
    std::ofstream out(fs::path(dir) / "people.jsonl", std::ios::binary | std::ios::app);
    out << "{\"id\": \"P-X\", \"name\": nope}\n";
  }
  auto lines = run_baomi("check " + dir, true);
  auto count = [&] {
    std::ifstream in(fs::path(dir) / "people.jsonl");
    return std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
  }();
  // `DIR/people.jsonl:LINE:COL: error[F0101]`, the column within the bad literal `nope`.
  std::string where = (fs::path(dir) / "people.jsonl").string() + ":" + std::to_string(count) + ":2";
  auto at = lines.out.find(where);
  BOOST_TEST_REQUIRE(at != std::string::npos, lines.out);
  BOOST_TEST(lines.out.substr(at + where.size(), 17).find(": error[F0101]") != std::string::npos, lines.out);
  BOOST_TEST(lines.code != 0);
  BOOST_TEST(lines.code != 1);  // not "findings": the load is incomplete
}

BOOST_AUTO_TEST_CASE(explain_diff_and_query_take_a_folder) {
  std::string dir = example_folder();
  for (const std::string& command :
       std::vector<std::string>{"explain TRN-010 P012 {}", "query {} 'people where p.grade == core'", "diff {} {}",
                                "diff " + example + " {} --format json"}) {
    BOOST_TEST_CONTEXT(command) {
      auto file = run_baomi(replaced(command, "{}", example), false);
      auto folder = run_baomi(replaced(command, "{}", dir), false);
      BOOST_TEST(file.out.size() > 100u);
      BOOST_TEST(file.code == folder.code);
      BOOST_TEST((replaced(folder.out, dir, example) == file.out));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_generated_folder_checks_as_the_generated_file) {
  auto gen = fs::path(BAOMI_BINARY).parent_path() / "baomi-gen";
  auto base = fs::temp_directory_path() / "baomi-cli-jsonl-gen";
  fs::remove_all(base);
  fs::create_directories(base);
  std::string file = (base / "s.json").string();
  std::string dir = (base / "s").string();
  BOOST_REQUIRE(std::system(("'" + gen.string() + "' --people 300 --seed 7 -o '" + file + "' >/dev/null").c_str()) ==
                0);
  BOOST_REQUIRE(
      std::system(("'" + gen.string() + "' --people 300 --seed 7 --jsonl -o '" + dir + "' >/dev/null").c_str()) == 0);
  BOOST_TEST(fs::exists(fs::path(dir) / "snapshot.json"));
  BOOST_TEST(fs::file_size(fs::path(dir) / "people.jsonl") > 10000u);
  for (const char* args : {" --format json --show all --jobs 1", " --format json --show all --jobs 2"}) {
    auto one = run_baomi("check " + file + args, false);
    auto two = run_baomi("check " + dir + args, false);
    BOOST_TEST((one.code == 0 || one.code == 1));
    BOOST_TEST(one.code == two.code);
    BOOST_TEST(one.out.size() > 10000u);
    BOOST_TEST((replaced(two.out, dir, file) == one.out));
  }
  fs::remove_all(base);
}

BOOST_AUTO_TEST_SUITE_END()

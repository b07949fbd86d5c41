// `baomi query SNAPSHOT QUERY`: rows of a collection where a condition holds, as text, JSON and CSV;
// `count …`; errors located in the query text; rows whose condition is unknown are never answers.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run.hpp"

using baomi::testing::run_baomi;

namespace {

const std::string org = "facts/examples/org.json";

}  // namespace

BOOST_AUTO_TEST_SUITE(query)

BOOST_AUTO_TEST_CASE(lists_matching_rows_with_the_fields_the_condition_read) {
  auto r = run_baomi("query " + org + " 'people where p.grade is not null and p.grade == core'", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out ==
             "编号  名称    person.grade\n"
             "P001  周建华  核心\n"
             "P009  冯国庆  核心\n"
             "P045  范文博  核心\n"
             "3 行\n");
}

BOOST_AUTO_TEST_CASE(rows_it_cannot_decide_are_reported) {
  // `p.employment_type != permanent` is unknown when the employment type is not recorded
  // (docs/language.md §9): that person is neither an answer nor silently dropped; the exit status
  // says the answer is incomplete.
  auto r = run_baomi("query " + org + " 'people where p.employment_type != permanent'");
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find("7 行\n") != std::string::npos);
  BOOST_TEST(r.out.find("另有 1 行数据缺失，无法判定条件是否成立：P016") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_declared_none_is_decided) {
  // The issue's example: `grade` is declared `none "非涉密人员"`, so `p.grade == core` is false for
  // the 17 people without a grade (it was unknown before the declaration), and `vetted_on` is
  // declared `none "未见审查记录"`: the answer is complete.
  auto r = run_baomi("query " + org + " 'people where p.grade == core and p.vetted_on is null'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out == "编号  名称\n0 行\n");
}

BOOST_AUTO_TEST_CASE(count_prints_a_number) {
  auto r = run_baomi("query " + org + " 'count people where p.vetted_on is null'", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out == "18\n");
}

BOOST_AUTO_TEST_CASE(select_json_and_csv) {
  auto q = " 'd in departures where d.person.grade is not null select d.person.name, d.left_on'";
  auto json = run_baomi("query " + org + q + " --format json", false);
  BOOST_TEST(json.code == 0);
  auto doc = nlohmann::json::parse(json.out);
  BOOST_TEST(doc["collection"] == "departures");
  BOOST_TEST(doc["count"] == 7);
  BOOST_TEST(doc["columns"] == nlohmann::json::parse(R"(["d.person.name", "d.left_on"])"));
  BOOST_TEST(doc["rows"][0]["key"] == "LG-2023-01");
  BOOST_TEST(doc["rows"][0]["values"]["d.left_on"] == "2023-01-31");
  BOOST_TEST(doc["unknown"].empty());
  auto csv = run_baomi("query " + org + q + " --format csv", false);
  BOOST_TEST(csv.code == 0);
  BOOST_TEST(csv.out.rfind("编号,名称,d.person.name,d.left_on\r\nLG-2023-01,,彭淑华,2023-01-31\r\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(errors_are_located_in_the_query) {
  auto field = run_baomi("--lang en query " + org + " 'people where p.grde == core'");
  BOOST_TEST(field.code == 2);
  BOOST_TEST(field.out.find("query:1:16: error[E0202]: `person` has no field `grde`") != std::string::npos);
  BOOST_TEST(field.out.find("did you mean `grade`?") != std::string::npos);
  auto collection = run_baomi("--lang en query " + org + " 'peple where p.grade == core'");
  BOOST_TEST(collection.code == 2);
  BOOST_TEST(collection.out.find("query:1:1: error[E0201]: `peple` is not a collection") != std::string::npos);
  auto type = run_baomi("query " + org + " 'people where p.grade == 3'");
  BOOST_TEST(type.code == 2);
  BOOST_TEST(type.out.find("query:1:14: error[E0203]") != std::string::npos);
  auto syntax = run_baomi("query " + org + " 'people where p.grade == '");
  BOOST_TEST(syntax.code == 2);
  BOOST_TEST(syntax.out.find("query:1:24: error[E0104]") != std::string::npos);
  auto unclosed = run_baomi("query " + org + " 'people where (p.grade'");
  BOOST_TEST(unclosed.code == 2);
  BOOST_TEST(unclosed.out.find("query:1:22: error[E0105]") != std::string::npos);  // at the end of the query
  auto shape = run_baomi("query " + org + " 'where x'");
  BOOST_TEST(shape.code == 2);
  BOOST_TEST(shape.out.find("query:1:1: error[E0107]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_input_exits_2) {
  BOOST_TEST(run_baomi("query missing.json people").code == 2);
  BOOST_TEST(run_baomi("query " + org + " people --format xml").code == 2);
  BOOST_TEST(run_baomi("query " + org + " people --as-of 2026-13-01").code == 2);
  auto format = run_baomi("query " + org + " people --format xml");
  BOOST_TEST(format.out.find("未知的格式 `xml`（可用：text, json, csv）") != std::string::npos, format.out);
}

BOOST_AUTO_TEST_CASE(takes_the_common_profile_and_output_options) {
  const std::string q = " 'people where p.grade is not null and p.grade == core'";
  auto plain = run_baomi("query " + org + q, false);
  // A profile is compiled with the query (an unknown one is an error, as in `check`) ...
  auto unknown = run_baomi("query " + org + q + " --profile cn.profiles.nosuch");
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.out.find("未知的配置 `cn.profiles.nosuch`") != std::string::npos, unknown.out);
  auto profiled = run_baomi("query " + org + q + " --profile cn.profiles.s004_3c", false);
  BOOST_TEST(profiled.code == 0);
  BOOST_TEST(profiled.out == plain.out);
  // ... and -o writes the same answer to a file instead of stdout.
  auto path = std::filesystem::temp_directory_path() / "baomi-query-output.csv";
  std::filesystem::remove(path);
  auto written = run_baomi("query " + org + q + " --format csv -o " + path.string(), false);
  BOOST_TEST(written.code == 0);
  BOOST_TEST(written.out.empty(), written.out);
  std::ifstream in(path, std::ios::binary);
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(csv == run_baomi("query " + org + q + " --format csv", false).out);
  BOOST_TEST(csv.find("P009,冯国庆,核心\r\n") != std::string::npos, csv);
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_SUITE_END()

// Limits on hostile input (issue 15; the table in docs/testing.md): hitting one is a located error
// and, for the rules and a malformed snapshot, exit 2; deep or huge input never crashes the process.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A temporary file holding `text`, removed at the end of the test.
struct temp_file {
  std::string path;
  temp_file(const std::string& name, const std::string& text)
      : path("/tmp/baomi-limits-" + std::to_string(::getpid()) + "-" + name) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~temp_file() { std::remove(path.c_str()); }
};

// `baomi check` of the example against one rule file: exit 2 and the error at `where` with `code`.
void rules_rejected(const std::string& name, const std::string& text, const std::string& where,
                    const std::string& code) {
  temp_file f(name, text);
  auto r = run_baomi("check facts/examples/org.json --rules " + f.path);
  BOOST_TEST_CONTEXT(name) {
    BOOST_TEST(r.code == 2, r.out.substr(0, 400));
    BOOST_TEST(r.out.find(f.path + ":" + where + ": error[" + code + "]") != std::string::npos, r.out.substr(0, 400));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_limits)

BOOST_AUTO_TEST_CASE(expression_nesting_is_bounded_in_the_rules) {
  // max_expression_depth = 64 (dsl/parser.hpp): 10,000 parentheses stop at the 65th.
  rules_rejected("parens.baomi", "param x: int = " + repeat("(", 10000) + "1" + repeat(")", 10000) + "\n", "1:80",
                 "E0103");
  // The AST depth bound, 256: prefix operators and operator chains.
  rules_rejected("nots.baomi", "param x: bool = " + repeat("not ", 10000) + "true\n", "1:17", "E0103");
  rules_rejected("plus.baomi", "param x: int = " + repeat("1 + ", 10000) + "1\n", "1:16", "E0103");
}

BOOST_AUTO_TEST_CASE(literals_are_bounded_in_the_rules) {
  rules_rejected("duration.baomi", "param x: duration = 100001d\n", "1:21", "E0113");
  rules_rejected("integer.baomi", "param x: int = 99999999999999999999999\n", "1:16", "E0203");
}

BOOST_AUTO_TEST_CASE(a_malformed_snapshot_is_a_located_input_error) {
  temp_file truncated("truncated.json", R"({"as_of": "2026-06-30", "people": [{"id": "P1",)");
  auto r = run_baomi("check " + truncated.path);
  BOOST_TEST(r.code == 2, r.out.substr(0, 400));
  BOOST_TEST(r.out.find(truncated.path + ":1:48: error[F0101]") != std::string::npos, r.out.substr(0, 400));
  temp_file huge_number("number.json", R"({"as_of": "2026-06-30", "people": [{"id": 1e999}]})");
  auto n = run_baomi("check " + huge_number.path);
  BOOST_TEST(n.code != -1);  // exited normally, whatever it reports
  BOOST_TEST(n.out.find(huge_number.path + ":1:") != std::string::npos, n.out.substr(0, 400));
}

BOOST_AUTO_TEST_CASE(deep_json_nesting_is_skipped_without_recursion) {
  // No depth limit is needed: the loader's SAX handler counts the depth of what it skips. 100,000
  // nested arrays where a row should be give one located issue, not a stack overflow.
  temp_file deep("deep.json",
                 R"({"as_of": "2026-06-30", "people": )" + repeat("[", 100000) + repeat("]", 100000) + "}");
  auto r = run_baomi("check " + deep.path);
  BOOST_TEST(r.code == 2, r.out.substr(0, 400));  // a data error (--fail-on-data error)
  BOOST_TEST(r.out.find(deep.path + ":1:36: error[F0108]") != std::string::npos, r.out.substr(0, 400));
  temp_file deep_waivers("deep-waivers.json", repeat("[", 100000) + repeat("]", 100000));
  auto w = run_baomi("check facts/examples/org.json --waivers " + deep_waivers.path);
  BOOST_TEST(w.code == 2, w.out.substr(0, 400));  // not {"waivers": [...]}: an input error, no crash
}

BOOST_AUTO_TEST_CASE(evidence_per_finding_is_capped) {
  // pipeline_options::max_evidence = 24 (engine/pipeline.hpp); not settable from the command line.
  auto r = run_baomi("check facts/examples/org.json --format json --show all", false);
  auto report = nlohmann::json::parse(r.out);
  std::size_t most = 0;
  for (const auto& f : report["findings"]) most = std::max(most, f.value("evidence", nlohmann::json::array()).size());
  BOOST_TEST(most == 24u);  // the example reaches the cap
}

BOOST_AUTO_TEST_CASE(a_rule_file_larger_than_the_limit_is_refused_before_reading) {
  // base::max_text_file_bytes = 16 MiB: one byte more is refused (E0200), not parsed.
  temp_file big("big.baomi", "# " + std::string((std::size_t{16} << 20) - 2, 'x') + "\n");
  auto r = run_baomi("--lang en lint " + big.path);
  BOOST_TEST(r.code == 2, r.out.substr(0, 400));
  BOOST_TEST(r.out.find(big.path + ": error[E0200]: the file is larger than 16 MiB") != std::string::npos,
             r.out.substr(0, 400));
  temp_file waivers("big-waivers.json", std::string((std::size_t{16} << 20) + 1, ' '));
  auto w = run_baomi("check facts/examples/org.json --waivers " + waivers.path);
  BOOST_TEST(w.code == 2, w.out.substr(0, 400));
  BOOST_TEST(w.out.find("豁免文件超过 16 MiB 的上限") != std::string::npos, w.out.substr(0, 400));
}

BOOST_AUTO_TEST_CASE(a_rule_past_its_time_budget_stops_the_check) {
  // A cubic rule over the example's people: far beyond 10 ms, so --timeout stops it with exit 2,
  // naming the rule and its place; without --timeout the default (10m) lets it finish.
  temp_file rules("slow.baomi", R"(import cn.schema

rule SLOW-001 "三重循环" {
  severity low
  cite "001" "涉密人员"
  for p in people
  require (count a in people where (count b in people where (count c in people where c.name == b.name) > 0) > 0) > 0
}
)");
  auto slow = run_baomi("check facts/examples/org.json --rules rulesets --rules " + rules.path +
                        " --rule SLOW-001 --timeout 0.01s");
  BOOST_TEST(slow.code == 2, slow.out.substr(0, 400));
  BOOST_TEST(slow.out.find(rules.path + ":3:6: error[E0401]: 规则 SLOW-001 超出时间限制 0.01 秒（--timeout）") !=
                 std::string::npos,
             slow.out.substr(0, 400));
  BOOST_TEST(slow.out.find("error: facts/examples/org.json") == std::string::npos, slow.out.substr(0, 400));
  auto bad = run_baomi("check facts/examples/org.json --timeout 10x");
  BOOST_TEST(bad.code == 2);
  BOOST_TEST(bad.out.find("--timeout `10x` 不是时间限制") != std::string::npos, bad.out);
}

BOOST_AUTO_TEST_CASE(snapshot_rows_and_strings_are_bounded_with_located_errors) {
  // Rows: the first row past --max-rows stops the load; exit 2, no report, the place named.
  auto rows = run_baomi("check facts/examples/org.json --max-rows 3 --format json");
  BOOST_TEST(rows.code == 2);
  BOOST_TEST(rows.out.find("error[F0110]: 集合 `") != std::string::npos, rows.out.substr(0, 600));
  BOOST_TEST(rows.out.find("超过 3 行的上限") != std::string::npos, rows.out.substr(0, 600));
  BOOST_TEST(rows.out.find("\"findings\"") == std::string::npos);
  BOOST_TEST(run_baomi("check facts/examples/org.json --max-rows 0").code == 2);  // not a positive number

  // Strings: a value past --max-string is refused where it is; its cell is invalid, so the check
  // goes on, says so (a data error, exit 2 by --fail-on-data) and never reads the value as absent.
  temp_file snap("long-name.json", R"({"as_of": "2026-06-30", "people": [{"id": "P1", "name": ")" +
                                       repeat("很长的名字", 10) + R"(", "status": "active"}]})");
  auto strings = run_baomi("check " + snap.path + " --max-string 32");
  BOOST_TEST(strings.code == 2);
  BOOST_TEST(
      strings.out.find(snap.path + ":1:57: error[F0209]: 字符串长 150 字节，超过 32 字节的上限") != std::string::npos,
      strings.out.substr(0, 600));
  BOOST_TEST(strings.out.find("(at /people/0/name)") != std::string::npos, strings.out.substr(0, 600));
  BOOST_TEST(run_baomi("check " + snap.path).out.find("F0209") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

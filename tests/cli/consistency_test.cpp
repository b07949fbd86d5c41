// One consistent command line (issue 17): the shared options in every command that should take
// them, empty inputs as usage errors, --color and NO_COLOR, fmt --diff, profiles, lint's JSON and
// SARIF, explain's JSON. Runs the built `baomi` binary.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

using testing::run_baomi;

fs::path scratch(const std::string& name) {
  auto path = fs::temp_directory_path() / ("baomi-consistency-test-" + name);
  fs::remove_all(path);
  return path;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

nlohmann::json json_of(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_consistency)

BOOST_AUTO_TEST_CASE(empty_inputs_are_usage_errors) {
  auto empty = scratch("empty");
  fs::create_directories(empty);
  for (const std::string command : {"lint ", "fmt --check ", "fmt ", "fmt --diff ", "parse "}) {
    BOOST_TEST_CONTEXT(command) {
      auto r = run_baomi(command + quoted(empty));
      BOOST_TEST(r.code == 2);
      BOOST_TEST(r.out.find("error") != std::string::npos, r.out);
    }
  }
  BOOST_TEST(run_baomi("lint " + quoted(empty)).out.find("下没有 .baomi 文件") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(check_takes_one_snapshot) {
  auto r = run_baomi("check facts/examples/org.json facts/examples/org.json");
  BOOST_TEST(r.code == 2);
  auto help = run_baomi("check --help", false).out;
  BOOST_TEST(help.find("snapshot TEXT ...") == std::string::npos, help);
  BOOST_TEST(help.find("snapshot TEXT") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(show_error_names_the_bad_value) {
  auto r = run_baomi("check facts/examples/org.json --show fail,bogus");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.out.find("`bogus`") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(color_modes_and_no_color) {
  const std::string base = "check facts/examples/org.json --rule DEP-010";
  auto always = run_baomi(base + " --color always", false);
  BOOST_TEST(always.out.find("\x1b[") != std::string::npos);
  auto never = run_baomi(base + " --color never", false);
  BOOST_TEST(never.out.find("\x1b[") == std::string::npos);
  // auto: a pipe is not a terminal, so no colour.
  auto piped = run_baomi(base, false);
  BOOST_TEST(piped.out.find("\x1b[") == std::string::npos);
  // auto on a terminal (a pseudo-terminal from `script`): colour, unless NO_COLOR is set.
  const std::string binary = std::string("'") + BAOMI_BINARY + "' ";
  auto on_tty = [&](const std::string& env) {
    return run_baomi(
        "--version >/dev/null && command -v script >/dev/null && script -qec \"" + env + binary + base + "\" /dev/null",
        false);
  };
  auto tty = on_tty("");
  if (tty.code != 127 && !tty.out.empty()) {
    BOOST_TEST(tty.out.find("\x1b[") != std::string::npos);
    BOOST_TEST(on_tty("NO_COLOR=1 ").out.find("\x1b[") == std::string::npos);
    BOOST_TEST(on_tty("NO_COLOR= ").out.find("\x1b[") != std::string::npos);  // empty: not set
  }
  auto no_color = run_baomi("--version >/dev/null && NO_COLOR=1 " + binary + base + " --color always", false);
  BOOST_TEST(no_color.out.find("\x1b[") != std::string::npos);  // always is always
  BOOST_TEST(run_baomi(base + " --color sometimes").code == 2);
  auto text = run_baomi(base, false).out;
  BOOST_TEST(never.out == text);
}

BOOST_AUTO_TEST_CASE(fmt_diff_shows_the_change_and_changes_nothing) {
  auto dir = scratch("fmt-diff");
  fs::create_directories(dir);
  auto file = dir / "messy.baomi";
  testing::write_file(file, "param   n: int = 2\n");
  auto r = run_baomi("fmt --diff " + quoted(file), false);
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find("--- " + file.string()) != std::string::npos, r.out);
  BOOST_TEST(r.out.find("@@ -1,1 +1,1 @@\n-param   n: int = 2\n+param n: int = 2\n") != std::string::npos, r.out);
  BOOST_TEST(testing::read_file(file) == "param   n: int = 2\n");
  BOOST_TEST(run_baomi("fmt --diff rulesets", false).code == 0);
  BOOST_TEST(run_baomi("fmt --diff --check rulesets").code == 2);
}

BOOST_AUTO_TEST_CASE(every_printing_command_writes_to_output) {
  auto dir = scratch("outputs");
  fs::create_directories(dir);
  struct row {
    std::string args;
    int code;
    std::string contains;
  };
  const row rows[] = {
      {"test rulesets --format junit", 0, "<testsuite"},
      {"explain TRN-010 P012 facts/examples/org.json --format json", 0, "\"baomi.explanation\""},
      {"diff facts/examples/org.json facts/examples/org.json --format json", 0, "\"baomi.diff\""},
      {"coverage --format json", 0, "{"},
      {"schema --format json-schema", 0, "2020-12"},
      {"plan DEP-010 --format json", 0, "{"},
      {"profiles --format json", 0, "\"baomi.profiles\""},
      {"lint rulesets --format sarif", 0, "\"2.1.0\""},
      {"help --man", 0, ".TH BAOMI"},
      {"completion bash", 0, "complete -o filenames -F _baomi baomi"},
  };
  int n = 0;
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.args) {
      auto out = dir / ("out-" + std::to_string(n++));
      auto result = run_baomi(r.args + " -o " + quoted(out));
      BOOST_TEST(result.code == r.code, result.out);
      BOOST_TEST(result.out.empty(), result.out);
      BOOST_TEST(testing::read_file(out).find(r.contains) != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(diff_takes_as_of_and_waivers) {
  auto plain = json_of(run_baomi("diff facts/examples/org.json facts/examples/org.json --format json", false).out);
  auto waived = run_baomi(
      "diff facts/examples/org.json facts/examples/org.json --waivers facts/examples/waivers.json --as-of 2025-06-30 "
      "--format json",
      false);
  BOOST_TEST(waived.code == 0);  // the same snapshot on both sides: nothing changed
  BOOST_TEST(json_of(waived.out).is_object());
  BOOST_TEST(plain.is_object());
  BOOST_TEST(run_baomi("diff facts/examples/org.json facts/examples/org.json --as-of 2025-02-30").code == 2);
  BOOST_TEST(run_baomi("diff facts/examples/org.json facts/examples/org.json --waivers nope.json").code == 2);
}

BOOST_AUTO_TEST_CASE(explain_json_has_the_steps_and_result) {
  auto r = run_baomi("explain TRN-010 P012 facts/examples/org.json --format json", false);
  BOOST_TEST(r.code == 0);
  auto j = json_of(r.out);
  BOOST_TEST(j["format"] == "baomi.explanation");
  BOOST_TEST(j["rule"]["id"] == "TRN-010");
  BOOST_TEST(j["steps"].is_array());
  BOOST_TEST(!j["steps"].empty());
  BOOST_TEST(j["result"]["subject"]["key"] == "P012");
  BOOST_TEST(run_baomi("explain TRN-010 P012 facts/examples/org.json --format sarif").code == 2);
}

BOOST_AUTO_TEST_CASE(coverage_defaults_to_the_built_in_rules_outside_a_checkout) {
  auto dir = scratch("elsewhere");
  fs::create_directories(dir);
  auto r = run_baomi("coverage --format json -o " + quoted(dir / "c.json") + " && cd " + quoted(dir) + " && '" +
                     std::string(BAOMI_BINARY) + "' coverage");
  BOOST_TEST(r.code == 0, r.out);
  BOOST_TEST(r.out.find("E0200") == std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(profiles_lists_titles_and_changes) {
  auto r = run_baomi("profiles", false);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("cn.profiles.s004_1a  004 篇一A 七、篇三B 5：脱密期一般为6个月至3年") != std::string::npos,
             r.out);
  BOOST_TEST(r.out.find("    severity DEP-010 medium") != std::string::npos);
  BOOST_TEST(r.out.find("    disable MTG-031") != std::string::npos);
  BOOST_TEST(r.out.find("    param annual_calendar_year = ") != std::string::npos);
  auto j = json_of(run_baomi("profiles --format json", false).out);
  BOOST_TEST(j["profiles"].size() >= 18u);
  BOOST_TEST(run_baomi("profiles --rules no-such-folder").code == 2);
}

BOOST_AUTO_TEST_CASE(lint_json_and_sarif_locate_each_problem) {
  auto dir = scratch("lint-formats");
  fs::create_directories(dir);
  auto file = dir / "broken.baomi";
  testing::write_file(file, "rule R-1 \"规则\" {\n  severity urgent\n}\n");
  auto r = run_baomi("lint " + quoted(file) + " --format json", false);
  BOOST_TEST(r.code == 1);
  auto j = json_of(r.out);
  BOOST_TEST(j["format"] == "baomi.lint");
  BOOST_TEST(j["summary"]["errors"] == 1);
  BOOST_TEST(j["diagnostics"][0]["code"] == "E0111");
  BOOST_TEST(j["diagnostics"][0]["range"]["line"] == 2);
  BOOST_TEST(j["diagnostics"][0]["range"]["column"] == 12);
  auto s = json_of(run_baomi("lint " + quoted(file) + " --format sarif", false).out);
  const auto& result = s["runs"][0]["results"][0];
  BOOST_TEST(result["ruleId"] == "E0111");
  BOOST_TEST(result["level"] == "error");
  BOOST_TEST(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  BOOST_TEST(run_baomi("lint " + quoted(file) + " --format html").code == 2);
  auto clean = json_of(run_baomi("lint rulesets --format json", false).out);
  BOOST_TEST(clean["diagnostics"].empty());
  BOOST_TEST(clean["summary"]["rules"] > 100);
}

// E0301 with a hint: the passage that differs only in full-/half-width punctuation, else the nearest
// one. The match itself stays exact: both quotes are still errors.
BOOST_AUTO_TEST_CASE(quote_errors_show_the_nearest_passage) {
  auto dir = scratch("quotes");
  fs::create_directories(dir / "seeds");
  testing::write_file(dir / "seeds" / "004_规定.txt", "第十条 涉密人员出国（境）应当经过批准，并接受保密教育。\n");
  const std::string rule_head =
      "source \"004\" \"规定\"\nentity person in people key id {\n  id: string\n  ok: bool\n}\n";
  auto rules = dir / "rules.baomi";
  testing::write_file(rules,
                      rule_head +
                          "rule PER-001 \"a\" {\n  severity low\n  cite \"004\" \"涉密人员出国(境)应当经过批准\"\n"
                          "  for p in people\n  require p.ok\n}\n"
                          "rule PER-002 \"b\" {\n  severity low\n  cite \"004\" \"涉密人员出国（境）应当经批准\"\n"
                          "  for p in people\n  require p.ok\n}\n");
  auto r = run_baomi("--lang en lint " + quoted(rules) + " --sources " + quoted(dir / "seeds"));
  BOOST_TEST(r.code == 1);
  BOOST_TEST(
      r.out.find("the source has 「涉密人员出国（境）应当经过批准」: it differs only in full-width and half-width "
                 "punctuation") != std::string::npos,
      r.out);
  BOOST_TEST(r.out.find("nearest passage in the source: 「涉密人员出国（境）应当经过批准") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("the quote agrees up to 「涉密人员出国（境）应当经」") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("2 errors") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()

// The command line as users meet it: the example check in every format, and every bad-input path
// with its message and exit code. Runs the built `baomi` binary.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

using testing::run_baomi;

fs::path golden(const std::string& name) { return testing::source_root() / "tests/golden/cli" / name; }

fs::path temp_file(const std::string& name, const std::string& text) {
  auto path = fs::temp_directory_path() / ("baomi-cli-test-" + name);
  testing::write_file(path, text);
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(version_and_help) {
  auto v = run_baomi("--version");
  BOOST_TEST(v.code == 0);
  BOOST_TEST(v.out.rfind("baomi ", 0) == 0u);
  auto h = run_baomi("--help");
  BOOST_TEST(h.code == 0);
  for (const char* sub : {"check", "lint", "fmt", "test", "schema"})
    BOOST_TEST(h.out.find(sub) != std::string::npos, sub);
  BOOST_TEST(run_baomi("frobnicate").code == 2);
  BOOST_TEST(run_baomi("").code == 2);
}

// The example organization, in every format: reviewed goldens; exit 1 because it has failures.
BOOST_AUTO_TEST_CASE(example_check_in_every_format) {
  const std::pair<const char*, const char*> formats[] = {
      {"text", "example.txt"},        {"json", "example.json"}, {"sarif", "example.sarif"},
      {"junit", "example.junit.xml"}, {"html", "example.html"}, {"selfcheck-md", "example.selfcheck.md"}};
  for (const auto& [format, file] : formats) {
    BOOST_TEST_CONTEXT(format) {
      auto r = run_baomi(
          std::string("check facts/examples/org.json --waivers facts/examples/waivers.json --format ") + format, false);
      BOOST_TEST(r.code == 1);
      BOOST_TEST(testing::matches_golden(golden(file), r.out));
    }
  }
}

BOOST_AUTO_TEST_CASE(output_is_deterministic_and_atomic) {
  auto out = fs::temp_directory_path() / "baomi-cli-test-report.json";
  fs::remove(out);
  auto a = run_baomi("check facts/examples/org.json --format json -o " + out.string());
  BOOST_TEST(a.code == 1);
  auto first = testing::read_file(out);
  auto b = run_baomi("check facts/examples/org.json --format json -o " + out.string());
  BOOST_TEST(b.code == 1);
  BOOST_TEST(testing::read_file(out) == first);
  // A failed run leaves the earlier report untouched and no temporary file behind.
  auto c = run_baomi("check no-such-snapshot.json --format json -o " + out.string());
  BOOST_TEST(c.code == 2);
  BOOST_TEST(testing::read_file(out) == first);
  BOOST_TEST(!fs::exists(out.string() + ".baomi-tmp"));
}

// `-o` to a device writes to it (never replaces it with a file); through a symlink, the target gets
// the report and the link stays a link.
BOOST_AUTO_TEST_CASE(output_to_devices_and_symlinks) {
  auto r = run_baomi("check facts/examples/org.json --rule DEP-010 --format json -o /dev/stdout", false);
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find("\"format\": \"baomi.findings\"") != std::string::npos);
  auto target = fs::temp_directory_path() / "baomi-cli-test-target.json";
  auto link = fs::temp_directory_path() / "baomi-cli-test-link.json";
  fs::remove(target);
  fs::remove(link);
  testing::write_file(target, "old");
  fs::create_symlink(target, link);
  BOOST_TEST(run_baomi("check facts/examples/org.json --rule DEP-010 --format json -o " + link.string()).code == 1);
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(testing::read_file(target).find("baomi.findings") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fail_on_and_show) {
  BOOST_TEST(run_baomi("check facts/examples/org.json --fail-on critical", false).code == 1);
  auto none = run_baomi("check facts/examples/org.json --rule TRV-030 --fail-on critical", false);
  BOOST_TEST(none.code == 0);
  auto shown = run_baomi("check facts/examples/org.json --rule DEP-010 --show pass --format json", false);
  BOOST_TEST(shown.out.find("\"outcome\": \"pass\"") != std::string::npos);
  BOOST_TEST(shown.out.find("\"outcome\": \"fail\"") == std::string::npos);
  BOOST_TEST(run_baomi("check facts/examples/org.json --show bogus").code == 2);
  BOOST_TEST(run_baomi("check facts/examples/org.json --fail-on urgent").code == 2);
  BOOST_TEST(run_baomi("check facts/examples/org.json --format pdf").code == 2);
}

BOOST_AUTO_TEST_CASE(bad_inputs_have_messages_and_exit_2) {
  struct bad_case {
    std::string args;
    std::string expected_text;
  };
  auto malformed =
      temp_file("malformed.json", "{\"as_of\": \"2026-06-30\",\n \"people\": [ {\"id\": \"P1\",, } ]\n}\n");
  auto no_as_of = temp_file("no-as-of.json", "{\"people\": []}\n");
  const bad_case cases[] = {
      {"check no-such-file.json", "no-such-file.json"},
      {"check " + malformed.string(), ":2:"},
      {"check facts/examples/org.json --rule NOPE-999", "未知的规则 `NOPE-999`"},
      {"check facts/examples/org.json --profile no.such.profile", "未知的配置 `no.such.profile`（可用："},
      {"check facts/examples/org.json --as-of 2026-02-30", "--as-of `2026-02-30` 不是日期"},
      {"check facts/examples/org.json --rules no-such-folder", "no-such-folder"},
      {"check facts/examples/org.json --waivers no-such-waivers.json", "no-such-waivers.json"},
      {"check " + no_as_of.string(), "as_of"},
      {"lint no-such-file.baomi", "no-such-file.baomi"},
      {"fmt no-such-file.baomi", "no-such-file.baomi"},
      {"test no-such-folder", "no"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.args) {
      auto r = run_baomi(c.args);
      BOOST_TEST(r.code == 2);
      BOOST_TEST(r.out.find(c.expected_text) != std::string::npos, r.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(lint_and_fmt_report_problems_with_exit_1) {
  auto broken = temp_file("broken.baomi", "rule R-1 \"规则\" {\n  severity urgent\n}\n");
  auto r = run_baomi("lint " + broken.string());
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find(":2:12: error[E0111]") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("^") != std::string::npos);
  auto messy = temp_file("messy.baomi", "param   n: int = 2\n");
  auto f = run_baomi("fmt --check " + messy.string());
  BOOST_TEST(f.code == 1);
  BOOST_TEST(f.out.find(messy.string()) != std::string::npos);
  BOOST_TEST(run_baomi("fmt " + messy.string()).code == 0);
  BOOST_TEST(testing::read_file(messy) == "param n: int = 2\n");
  BOOST_TEST(run_baomi("fmt --check " + messy.string()).code == 0);
}

BOOST_AUTO_TEST_CASE(schema_prints_collections_and_json_schema) {
  auto text = run_baomi("schema", false);
  BOOST_TEST(text.code == 0);
  BOOST_TEST(text.out.find("departures") != std::string::npos);
  auto json = run_baomi("schema --json-schema", false);
  BOOST_TEST(json.code == 0);
  BOOST_TEST(json.out.find("\"$schema\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_profiles_apply_in_order) {
  // s000_p13 disables MTG-031; s004_1a sets DEP-010 to medium: both hold in one run, written as two
  // options or as one list, and the report names both.
  const std::string a = "cn.profiles.s000_p13", b = "cn.profiles.s004_1a";
  auto two = run_baomi("check facts/examples/org.json --format json --profile " + a + " --profile " + b, false);
  auto list = run_baomi("check facts/examples/org.json --format json --profile " + a + "," + b, false);
  BOOST_TEST(two.code == 1);
  BOOST_TEST((two.out == list.out));
  auto report = nlohmann::json::parse(two.out);
  BOOST_TEST(report["profile"] == a + "," + b);
  bool mtg031 = false;
  std::string dep010;
  for (const auto& r : report["rules"]) {
    mtg031 = mtg031 || r["id"] == "MTG-031";
    if (r["id"] == "DEP-010") dep010 = r["severity"];
  }
  BOOST_TEST(!mtg031);
  BOOST_TEST(dep010 == "medium");
  auto one = nlohmann::json::parse(run_baomi("check facts/examples/org.json --format json --profile " + b, false).out);
  bool still = false;
  for (const auto& r : one["rules"]) still = still || r["id"] == "MTG-031";
  BOOST_TEST(still);  // the first profile's change came from it
  auto unknown = run_baomi("check facts/examples/org.json --profile " + a + ",cn.profiles.nope");
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.out.find("未知的配置 `cn.profiles.nope`") != std::string::npos, unknown.out);
}

BOOST_AUTO_TEST_SUITE_END()

// The language of baomi's own messages (docs/cli.md, "Message language"): Chinese by default,
// English with `--lang en` or an English locale; `--lang` wins over the environment, BAOMI_LANG over
// the locale, and LC_ALL over LANG. Rule text (titles, messages) is never translated.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/language.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;

namespace {

// Sets (or unsets, with nullopt) environment variables for one test; restores them after.
class scoped_environment {
 public:
  explicit scoped_environment(std::vector<std::pair<std::string, std::optional<std::string>>> values) {
    for (auto& [name, value] : values) {
      const char* old = std::getenv(name.c_str());
      m_saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      set(name, value);
    }
  }
  ~scoped_environment() {
    for (auto& [name, value] : m_saved) set(name, value);
  }
  scoped_environment(const scoped_environment&) = delete;
  scoped_environment& operator=(const scoped_environment&) = delete;

 private:
  static void set(const std::string& name, const std::optional<std::string>& value) {
    if (value)
      ::setenv(name.c_str(), value->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

scoped_environment locale(std::optional<std::string> baomi_lang, std::optional<std::string> lc_all,
                          std::optional<std::string> lang) {
  return scoped_environment({{"BAOMI_LANG", std::move(baomi_lang)},
                             {"LC_ALL", std::move(lc_all)},
                             {"LC_MESSAGES", std::nullopt},
                             {"LANG", std::move(lang)}});
}

const std::string missing = "check /nonexistent/snapshot.json";
const std::string chinese_missing = "无法打开快照文件 /nonexistent/snapshot.json";
const std::string english_missing = "cannot open the snapshot file /nonexistent/snapshot.json";

bool says(const testing::run_output& r, const std::string& text) { return r.out.find(text) != std::string::npos; }

// The English goldens of the text report, explain and diff (tests/golden/cli/en/).
std::filesystem::path golden(const std::string& name) { return testing::source_root() / "tests/golden/cli/en" / name; }

std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("baomi-language-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(message_language)

BOOST_AUTO_TEST_CASE(locale_names_are_read_by_their_language_only) {
  BOOST_TEST((base::parse_language("en") == base::language::en));
  BOOST_TEST((base::parse_language("en_US.UTF-8") == base::language::en));
  BOOST_TEST((base::parse_language("zh_CN.UTF-8") == base::language::zh));
  BOOST_TEST((base::parse_language("zh") == base::language::zh));
  BOOST_TEST(!base::parse_language("C").has_value());
  BOOST_TEST(!base::parse_language("C.UTF-8").has_value());
  BOOST_TEST(!base::parse_language("english").has_value());  // not `en` followed by a separator
  BOOST_TEST(!base::parse_language("fr_FR.UTF-8").has_value());
}

BOOST_AUTO_TEST_CASE(chinese_is_the_default) {
  auto env = locale(std::nullopt, std::nullopt, std::nullopt);
  auto r = run_baomi(missing);
  BOOST_TEST(r.code == 2);
  BOOST_TEST(says(r, chinese_missing), r.out);
  auto c = locale(std::nullopt, std::nullopt, "C.UTF-8");
  BOOST_TEST(says(run_baomi(missing), chinese_missing));
}

BOOST_AUTO_TEST_CASE(an_english_locale_gives_english_messages) {
  auto env = locale(std::nullopt, std::nullopt, "en_US.UTF-8");
  auto r = run_baomi(missing);
  BOOST_TEST(r.code == 2);
  BOOST_TEST(says(r, english_missing), r.out);
  BOOST_TEST(!says(r, chinese_missing));
}

BOOST_AUTO_TEST_CASE(the_flag_wins_over_the_environment_and_baomi_lang_over_the_locale) {
  {
    auto env = locale(std::nullopt, std::nullopt, "en_US.UTF-8");
    BOOST_TEST(says(run_baomi("--lang zh " + missing), chinese_missing));
    BOOST_TEST(says(run_baomi(missing + " --lang=zh"), chinese_missing));  // after the command too
  }
  {
    auto env = locale("zh", std::nullopt, "en_US.UTF-8");
    BOOST_TEST(says(run_baomi(missing), chinese_missing));
    BOOST_TEST(says(run_baomi(missing + " --lang en"), english_missing));
  }
  {
    auto env = locale(std::nullopt, "C", "en_US.UTF-8");  // LC_ALL=C overrides LANG: not a language, so zh
    BOOST_TEST(says(run_baomi(missing), chinese_missing));
  }
}

BOOST_AUTO_TEST_CASE(command_line_errors_follow_the_language) {
  auto env = locale(std::nullopt, std::nullopt, std::nullopt);
  auto zh = run_baomi("check --show foo facts/examples/org.json");
  BOOST_TEST(zh.code == 2);
  BOOST_TEST(says(zh, "--show 的结果 `foo` 无效"), zh.out);
  auto en = run_baomi("--lang en check --show foo facts/examples/org.json");
  BOOST_TEST(en.code == 2);
  BOOST_TEST(says(en, "--show `foo` is not an outcome"), en.out);
  // CLI11's own parse errors too.
  auto required = run_baomi("check");
  BOOST_TEST(required.code == 2);
  BOOST_TEST(says(required, "缺少必需的参数 snapshot"), required.out);
  BOOST_TEST(says(required, "baomi check --help"), required.out);
  auto extra = run_baomi("check facts/examples/org.json --bogus");
  BOOST_TEST(extra.code == 2);
  BOOST_TEST(says(extra, "无法识别的参数：--bogus"), extra.out);
  auto bad = run_baomi("--lang fr check facts/examples/org.json");
  BOOST_TEST(bad.code == 2);
  BOOST_TEST(says(bad, "--lang"), bad.out);
}

BOOST_AUTO_TEST_CASE(data_issues_follow_the_language) {
  auto env = locale(std::nullopt, std::nullopt, std::nullopt);
  // The example unit's snapshot with its `people` key misspelt: a data issue (an F-code message).
  std::ifstream in(testing::source_root() / "facts/examples/org.json", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.find("\"people\"");
  BOOST_REQUIRE(at != std::string::npos);
  text.replace(at, 8, "\"peopel\"");
  std::string path = "/tmp/baomi-language-" + std::to_string(::getpid()) + ".json";
  std::ofstream(path, std::ios::binary) << text;
  auto zh = run_baomi("check " + path + " --format json -o /dev/null");
  auto en = run_baomi("--lang en check " + path + " --format json -o /dev/null");
  std::remove(path.c_str());
  BOOST_TEST(says(zh, "未知的集合 `peopel`"), zh.out);
  BOOST_TEST(says(en, "unknown collection `peopel`"), en.out);
  BOOST_TEST(says(en, "did you mean `people`?"), en.out);
  BOOST_TEST(!says(en, "未知的集合"));
}

// The auditors' output and the authors' diagnostics, each in both languages: words that only the
// chosen language has, and none of the other's.
BOOST_AUTO_TEST_CASE(the_text_report_follows_the_language) {
  auto zh = run_baomi("--lang zh check facts/examples/org.json", false);
  auto en = run_baomi("--lang en check facts/examples/org.json", false);
  BOOST_TEST(zh.code == en.code);
  BOOST_TEST(says(zh, "baomi 保密检查报告"), zh.out);
  BOOST_TEST(says(zh, "按结果统计"));
  BOOST_TEST(says(zh, "[不符合]"));
  BOOST_TEST(says(en, "baomi compliance check report"), en.out);
  BOOST_TEST(says(en, "By outcome"));
  BOOST_TEST(says(en, "non-compliant (fail)"));
  BOOST_TEST(says(en, "[non-compliant][high]"));
  BOOST_TEST(says(en, "      Evidence: "));
  BOOST_TEST(!says(en, "[不符合]"));  // (rule messages may say 不符合: they are the ruleset's words)
  BOOST_TEST(!says(en, "按结果统计"));
  BOOST_TEST(!says(en, "证据："));
  // Text from the rulesets stays as written: the same rule title in both.
  BOOST_TEST(says(zh, "全体人员每年应集中接受两次保密教育"));
  BOOST_TEST(says(en, "全体人员每年应集中接受两次保密教育"));
  BOOST_TEST(testing::matches_golden(golden("example.txt"), en.out));
}

BOOST_AUTO_TEST_CASE(explain_follows_the_language) {
  auto zh = run_baomi("--lang zh explain TRN-030 P012 facts/examples/org.json", false);
  auto en = run_baomi("explain TRN-030 P012 facts/examples/org.json --lang en", false);
  BOOST_TEST(zh.code == 0);
  BOOST_TEST(en.code == 0);
  BOOST_TEST(says(zh, "结论：不符合（fail）"), zh.out);
  BOOST_TEST(says(en, "Outcome: non-compliant (fail)"), en.out);
  BOOST_TEST(says(en, "1. for `"), en.out);
  BOOST_TEST(!says(en, "结论"));
  BOOST_TEST(testing::matches_golden(golden("explain-fail.txt"), en.out));
}

BOOST_AUTO_TEST_CASE(diff_follows_the_language) {
  auto later = scratch("org-later.json");
  auto text = testing::read_file(testing::source_root() / "facts/examples/org.json");
  const std::string from = "\"as_of\": \"2026-06-30\"";
  BOOST_TEST_REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "\"as_of\": \"2026-09-30\"");
  testing::write_file(later, text);
  auto zh = run_baomi("--lang zh diff facts/examples/org.json " + later.string(), false);
  auto en = run_baomi("--lang en diff facts/examples/org.json " + later.string(), false);
  BOOST_TEST(zh.code == 1);
  BOOST_TEST(en.code == 1);
  BOOST_TEST(says(zh, "新增 0 项，已解决 0 项，有变化 14 项"), zh.out);
  BOOST_TEST(says(zh, "\n有变化（changed）\n"), zh.out);
  BOOST_TEST(says(en, "0 new, 0 resolved, 14 changed"), en.out);
  BOOST_TEST(says(en, "\nchanged\n"), en.out);
  BOOST_TEST(says(en, "pending → non-compliant"), en.out);
  BOOST_TEST(!says(en, "有变化"));
  // The snapshot's path differs from run to run: the golden has it as SNAPSHOT.
  auto out = en.out;
  for (auto at = out.find(later.string()); at != std::string::npos; at = out.find(later.string()))
    out.replace(at, later.string().size(), "SNAPSHOT");
  BOOST_TEST(testing::matches_golden(golden("diff-snapshots.txt"), out));
}

BOOST_AUTO_TEST_CASE(lint_diagnostics_follow_the_language) {
  auto file = scratch("misspelt.baomi");
  testing::write_file(file, "rule R-1 \"规则\" {\n  sevrity low\n}\n");
  auto zh = run_baomi("--lang zh lint " + file.string());
  auto en = run_baomi("--lang en lint " + file.string());
  BOOST_TEST(zh.code == 1);
  BOOST_TEST(en.code == 1);
  BOOST_TEST(says(zh, ":2:3: error[E0105]: 此处应为规则项"), zh.out);
  BOOST_TEST(says(zh, "是否应为 `severity`？"), zh.out);
  BOOST_TEST(says(zh, "1 个错误，0 个警告"), zh.out);
  BOOST_TEST(says(en, ":2:3: error[E0105]: expected a rule item"), en.out);
  BOOST_TEST(says(en, "did you mean `severity`?"), en.out);
  BOOST_TEST(says(en, "1 error, 0 warnings"), en.out);
  // A checker error (E0201) as well as a parse error.
  auto enum_file = testing::source_root() / "tests/golden/check-errors/e0201-unknown-enum-value.baomi";
  auto zc = run_baomi("--lang zh lint " + enum_file.string());
  auto ec = run_baomi("--lang en lint " + enum_file.string());
  BOOST_TEST(says(zc, "`oversea` 不是枚举 `trip_kind` 的值"), zc.out);
  BOOST_TEST(says(ec, "`oversea` is not a value of enum `trip_kind`"), ec.out);
  // One whole lint run in Chinese, reviewed line by line.
  auto out = zc.out;
  auto root = testing::source_root().string() + "/";
  for (auto at = out.find(root); at != std::string::npos; at = out.find(root)) out.erase(at, root.size());
  BOOST_TEST(testing::matches_golden(testing::source_root() / "tests/golden/cli/zh/lint-e0201.txt", out));
}

BOOST_AUTO_TEST_CASE(a_failing_fixture_follows_the_language) {
  auto fixture = scratch("wrong.fixture.json");
  testing::write_file(fixture, R"({"description": "故意写错的期望", "rules": ["DEP-040"],
    "snapshot": {"as_of": "2026-06-30",
      "people": [{"id": "P1", "name": "张三", "grade": "重要", "status": "离岗"}],
      "departures": [{"id": "D1", "person": "P1", "kind": "辞职", "approved_on": "2026-01-05", "left_on": "2026-01-10"}],
      "commitments": []},
    "expect": [{"rule": "DEP-040", "subject": "D1", "outcome": "pass"}]})");
  auto zh = run_baomi("--lang zh test " + fixture.string() + " --rules rulesets", false);
  auto en = run_baomi("--lang en test " + fixture.string() + " --rules rulesets", false);
  BOOST_TEST(zh.code == 1);
  BOOST_TEST(en.code == 1);
  BOOST_TEST(says(zh, "DEP-040 D1：期望 pass，实际 fail"), zh.out);
  BOOST_TEST(says(zh, "通过 0 个，失败 1 个"), zh.out);
  BOOST_TEST(says(en, "DEP-040 D1: expected pass, got fail"), en.out);
  BOOST_TEST(says(en, "0 passed, 1 failed"), en.out);
  BOOST_TEST(!says(en, "：期望"));
  BOOST_TEST(!says(en, "通过 0 个"));
}

BOOST_AUTO_TEST_CASE(coverage_follows_the_language) {
  auto zh = run_baomi("--lang zh coverage rulesets", false);
  auto en = run_baomi("--lang en coverage rulesets", false);
  BOOST_TEST(zh.code == 0);
  BOOST_TEST(en.code == 0);
  BOOST_TEST(says(zh, "测试样例覆盖"), zh.out);
  BOOST_TEST(says(zh, "引用来源"));
  BOOST_TEST(says(en, "Fixture coverage ("), en.out);
  BOOST_TEST(says(en, "Sources cited"));
  BOOST_TEST(!says(en, "测试样例覆盖"));
  // The checklist's own titles are the regulation's words in both.
  BOOST_TEST(says(en, "涉密人员管理情况"));
}

BOOST_AUTO_TEST_SUITE_END()

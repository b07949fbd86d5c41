// The language of baomi's own messages (docs/cli.md, "Message language"): Chinese by default,
// English with `--lang en` or an English locale; `--lang` wins over the environment, BAOMI_LANG over
// the locale, and LC_ALL over LANG. Rule text (titles, messages) is never translated.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
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

BOOST_AUTO_TEST_SUITE_END()

// The `--help` of every command against its golden (tests/golden/cli/help/COMMAND.txt; regenerate
// with BAOMI_UPDATE_GOLDEN=1 after adding a command or an option, and review the diff), docs/cli.md
// against the help (every command has its section, every option is named there), and the man page
// and completions written from the same help.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/golden.hpp"
#include "tests/support/run.hpp"

namespace fs = std::filesystem;
using namespace baomi;

namespace {

using testing::run_baomi;

// The subcommand names `baomi --help` lists, in its order.
std::vector<std::string> commands() {
  auto help = run_baomi("--help", false).out;
  std::vector<std::string> out;
  std::istringstream in(help);
  std::string line;
  bool listing = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0) {
      listing = true;
      continue;
    }
    if (!listing || line.size() < 3 || line[0] != ' ') continue;
    std::istringstream words(line);
    std::string name;
    words >> name;
    out.push_back(name);
  }
  return out;
}

// The long options (`--name`) a help text lists in its Options section.
std::vector<std::string> long_options(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help);
  std::string line;
  while (std::getline(in, line)) {
    // An option line starts with its names at column 3 (descriptions are further right).
    if (line.find_first_not_of(' ') != 2 || line[2] != '-') continue;
    auto p = line.find("--");
    if (p == std::string::npos || line.find(' ', 2) < p) continue;
    auto end = line.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", p + 2);
    auto name = line.substr(p, end - p);
    if (name != "--help" && name != "--help-all") out.push_back(name);
  }
  return out;
}

// The `## \`baomi NAME…\`` section of docs/cli.md, up to the next `## `.
std::string docs_section(const std::string& doc, const std::string& name) {
  auto start = doc.find("\n## `baomi " + name);
  if (start == std::string::npos) return {};
  auto end = doc.find("\n## ", start + 1);
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_help)

BOOST_AUTO_TEST_CASE(every_help_matches_its_golden) {
  auto names = commands();
  BOOST_TEST(names.size() >= 12u);
  auto top = run_baomi("--help", false);
  BOOST_TEST(top.code == 0);
  BOOST_TEST(testing::matches_golden(testing::source_root() / "tests/golden/cli/help/baomi.txt", top.out));
  for (const auto& name : names) {
    BOOST_TEST_CONTEXT(name) {
      auto r = run_baomi(name + " --help", false);
      BOOST_TEST(r.code == 0);
      BOOST_TEST(testing::matches_golden(testing::source_root() / "tests/golden/cli/help" / (name + ".txt"), r.out));
      // `baomi help NAME` prints the same text.
      BOOST_TEST(run_baomi("help " + name, false).out == r.out);
    }
  }
  // No golden left over from a command that is gone.
  for (const auto& file : testing::files_with_suffix(testing::source_root() / "tests/golden/cli/help", ".txt")) {
    auto stem = file.stem().string();
    BOOST_TEST((stem == "baomi" || std::find(names.begin(), names.end(), stem) != names.end()), stem);
  }
}

BOOST_AUTO_TEST_CASE(docs_name_every_command_and_option) {
  auto doc = testing::read_file(testing::source_root() / "docs/cli.md");
  for (const auto& name : commands()) {
    BOOST_TEST_CONTEXT(name) {
      auto section = docs_section(doc, name);
      BOOST_TEST(!section.empty(), "docs/cli.md has no section ## `baomi " << name << "`");
      for (const auto& option : long_options(run_baomi(name + " --help", false).out))
        BOOST_TEST((section.find(option) != std::string::npos ||
                    (option == "--output" && section.find("-o FILE") != std::string::npos)),
                   "docs/cli.md, baomi " << name << ": " << option);
    }
  }
}

BOOST_AUTO_TEST_CASE(man_page_and_completions_cover_every_command) {
  auto man = run_baomi("help --man", false);
  BOOST_TEST(man.code == 0);
  BOOST_TEST(man.out.rfind(".TH BAOMI 1", 0) == 0u);
  auto bash = run_baomi("completion bash", false);
  auto zsh = run_baomi("completion zsh", false);
  BOOST_TEST(bash.code == 0);
  BOOST_TEST(zsh.code == 0);
  for (const auto& name : commands()) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(man.out.find(".SS \"baomi " + name) != std::string::npos);
      BOOST_TEST(bash.out.find("    " + name + ")\n") != std::string::npos);
      BOOST_TEST(zsh.out.find("    '" + name + ":") != std::string::npos);
      // Every option of the help is in the man page (roff escapes each `-`).
      for (const auto& option : long_options(run_baomi(name + " --help", false).out)) {
        std::string escaped;
        for (char c : option) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
        BOOST_TEST(man.out.find(escaped) != std::string::npos, option);
      }
    }
  }
  BOOST_TEST(run_baomi("completion fish").code == 2);
  auto unknown = run_baomi("help frobnicate");
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.out.find("frobnicate") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

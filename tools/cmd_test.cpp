// `baomi test [PATH…]`: run ruleset fixtures and report each case; JUnit XML for CI.
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>

#include "engine/fixture.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct case_result {
  std::string path;
  std::string description;
  std::vector<std::string> problems;
};

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string junit(const std::vector<case_result>& cases, std::size_t failed) {
  std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"baomi test\" tests=\"{}\" failures=\"{}\">\n", cases.size(), failed);
  out += fmt::format("  <testsuite name=\"fixtures\" tests=\"{}\" failures=\"{}\">\n", cases.size(), failed);
  for (const auto& c : cases) {
    out += fmt::format("    <testcase classname=\"fixtures\" name=\"{}\"", xml_escape(c.path));
    if (c.problems.empty()) {
      out += "/>\n";
      continue;
    }
    std::string body;
    for (const auto& p : c.problems) body += p + "\n";
    out += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n", xml_escape(c.problems.front().substr(0, c.problems.front().find('\n'))), xml_escape(body));
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

int run_test(const std::vector<std::string>& paths, const std::vector<std::string>& rule_paths, const std::string& format) {
  if (format != "text" && format != "junit") {
    fmt::print(stderr, "error: unknown format `{}` (text, junit)\n", format);
    return exit_usage;
  }
  auto rules = load_rules(rule_paths.empty() ? paths : rule_paths);
  if (!rules.checked.program) {
    print_diagnostics(rules);
    return exit_usage;
  }
  auto files = engine::find_fixtures(paths);
  if (files.empty()) {
    fmt::print(stderr, "error: no *.fixture.json files under the given paths\n");
    return exit_usage;
  }
  std::vector<case_result> cases;
  std::size_t failed = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    case_result c{file, "", {}};
    std::string error;
    auto f = engine::parse_fixture(text.str(), file, error);
    if (!f) {
      c.problems.push_back("invalid fixture: " + error);
    } else {
      c.description = f->description;
      c.problems = engine::run_fixture(*rules.checked.program, *f).problems;
    }
    if (!c.problems.empty()) ++failed;
    if (format == "text") {
      fmt::print("{} {}{}\n", c.problems.empty() ? "PASS" : "FAIL", file, c.description.empty() ? "" : "  " + c.description);
      for (const auto& p : c.problems) fmt::print("    {}\n", p);
    }
    cases.push_back(std::move(c));
  }
  if (format == "junit") fmt::print("{}", junit(cases, failed));
  else fmt::print("{} passed, {} failed\n", cases.size() - failed, failed);
  return failed == 0 ? exit_clean : exit_problems;
}

}  // namespace

command add_test(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto rules = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  auto* sub = app.add_subcommand("test", "Run ruleset fixtures (*.fixture.json) and compare the findings");
  sub->add_option("paths", *paths, "Fixture files or folders (their .baomi files are the rules unless --rules)")->required();
  sub->add_option("--rules", *rules, "Rule files or folders (repeatable)")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", *format, "text or junit")->capture_default_str();
  return {sub, [=] { return run_test(*paths, *rules, *format); }};
}

}  // namespace baomi::tools

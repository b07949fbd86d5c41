// The `baomi` command line: one subcommand per job, exit codes as in docs/cli.md.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "tools/files.hpp"

namespace {

using namespace baomi;

enum exit_code : int { clean = 0, problems = 1, usage = 2 };

struct loaded {
  dsl::source_file source;
  dsl::parse_result result;
};

std::optional<loaded> load(const std::string& path) {
  auto source = dsl::source_file::read(path);
  if (!source) {
    fmt::print(stderr, "{}: error: cannot read the file\n", path);
    return std::nullopt;
  }
  auto result = dsl::parse(*source);
  return loaded{std::move(*source), std::move(result)};
}

void print_diagnostics(const loaded& l) {
  for (const auto& d : l.result.diagnostics) fmt::print(stderr, "{}", dsl::render(d, &l.source));
}

std::vector<std::string> files_or_fail(const std::vector<std::string>& paths, bool& failed) {
  std::vector<std::string> missing;
  auto files = tools::find_baomi_files(paths, missing);
  for (const auto& m : missing) fmt::print(stderr, "{}: error: no such file or folder\n", m);
  failed = !missing.empty();
  return files;
}

bool write_atomically(const std::string& path, const std::string& text) {
  auto tmp = path + ".baomi-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

int run_fmt(const std::vector<std::string>& paths, bool check) {
  bool failed = false;
  auto files = files_or_fail(paths, failed);
  int code = failed ? usage : clean;
  for (const auto& file : files) {
    auto l = load(file);
    if (!l || !l->result.module) {
      if (l) print_diagnostics(*l);
      code = usage;
      continue;
    }
    auto formatted = dsl::format(*l->result.module, l->source);
    if (formatted == l->source.text()) continue;
    if (check) {
      fmt::print("{}\n", file);
      if (code == clean) code = problems;
    } else if (!write_atomically(file, formatted)) {
      fmt::print(stderr, "{}: error: cannot write the file\n", file);
      code = usage;
    }
  }
  return code;
}

int run_lint(const std::vector<std::string>& paths) {
  bool failed = false;
  auto files = files_or_fail(paths, failed);
  std::size_t errors = 0;
  for (const auto& file : files) {
    auto l = load(file);
    if (!l) {
      failed = true;
      continue;
    }
    print_diagnostics(*l);
    errors += l->result.diagnostics.size();
  }
  if (failed) return usage;
  if (errors > 0) {
    fmt::print(stderr, "{} problem{} in {} file{}\n", errors, errors == 1 ? "" : "s", files.size(), files.size() == 1 ? "" : "s");
    return problems;
  }
  fmt::print("{} file{} checked, no problems\n", files.size(), files.size() == 1 ? "" : "s");
  return clean;
}

int run_parse(const std::string& path) {
  auto l = load(path);
  if (!l) return usage;
  print_diagnostics(*l);
  if (!l->result.module) return problems;
  fmt::print("{}", dsl::ast::dump(*l->result.module));
  return clean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"baomi (保密): checks confidentiality-management rules against exported facts", "baomi"};
  app.set_version_flag("--version", std::string("baomi ") + BAOMI_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> fmt_paths;
  bool fmt_check = false;
  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite .baomi files in the canonical layout");
  fmt_cmd->add_option("paths", fmt_paths, "Files or folders")->required();
  fmt_cmd->add_flag("--check", fmt_check, "List files that are not formatted and exit 1; change nothing");

  std::vector<std::string> lint_paths;
  auto* lint_cmd = app.add_subcommand("lint", "Check .baomi files for errors");
  lint_cmd->add_option("paths", lint_paths, "Files or folders")->required();

  std::string parse_path;
  auto* parse_cmd = app.add_subcommand("parse", "Print the syntax tree of one .baomi file (for debugging)");
  parse_cmd->add_option("file", parse_path, "A .baomi file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? clean : usage;
  }
  if (fmt_cmd->parsed()) return run_fmt(fmt_paths, fmt_check);
  if (lint_cmd->parsed()) return run_lint(lint_paths);
  if (parse_cmd->parsed()) return run_parse(parse_path);
  return usage;
}

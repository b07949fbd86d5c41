// `baomi fmt [--check] PATH…` and `baomi parse FILE`: the formatter and the AST dump.
#include <fmt/format.h>
#include <memory>

#include "base/files.hpp"
#include "dsl/formatter.hpp"
#include "dsl/parser.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct parsed_file {
  dsl::source_file source;
  dsl::parse_result result;
};

std::optional<parsed_file> parse_file(const std::string& path) {
  auto source = dsl::source_file::read(path);
  if (!source) {
    fmt::print(stderr, "{}: error[{}]: cannot read the file\n", path, engine::missing_file_code);
    return std::nullopt;
  }
  auto result = dsl::parse(*source);
  for (const auto& d : result.diagnostics) fmt::print(stderr, "{}", dsl::render(d, &*source));
  return parsed_file{std::move(*source), std::move(result)};
}

int run_fmt(const std::vector<std::string>& paths, bool check) {
  auto found = base::find_files(paths, ".baomi");
  for (const auto& m : found.missing)
    fmt::print(stderr, "{}: error[{}]: no such file or folder\n", m, engine::missing_file_code);
  int code = found.missing.empty() ? exit_clean : exit_usage;
  for (const auto& f : found.files) {
    const auto& file = f.path;
    auto parsed = parse_file(file);
    if (!parsed || !parsed->result.module) {
      code = exit_usage;
      continue;
    }
    auto formatted = dsl::format(*parsed->result.module, parsed->source);
    if (formatted == parsed->source.text()) continue;
    if (check) {
      fmt::print("{}\n", file);
      if (code == exit_clean) code = exit_problems;
    } else if (!write_atomically(file, formatted)) {
      fmt::print(stderr, "{}: error: cannot write the file\n", file);
      code = exit_usage;
    }
  }
  return code;
}

}  // namespace

command add_fmt(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto check = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("fmt", "Rewrite .baomi files in the canonical layout");
  sub->add_option("paths", *paths, "Files or folders")->required();
  sub->add_flag("--check", *check, "List the files that are not formatted and exit 1; change nothing");
  return {sub, [=] { return run_fmt(*paths, *check); }};
}

command add_parse(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("parse", "Print the syntax tree of one .baomi file (for debugging)");
  sub->add_option("file", *path, "A .baomi file")->required();
  return {sub, [=] {
            auto parsed = parse_file(*path);
            if (!parsed) return int(exit_usage);
            if (!parsed->result.module) return int(exit_problems);
            fmt::print("{}", dsl::ast::dump(*parsed->result.module));
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

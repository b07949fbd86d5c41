// `baomi fmt [--check|--diff] PATH…` and `baomi parse FILE`: the formatter and the AST dump.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <filesystem>
#include <memory>
#include <vector>

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
  base::read_failure why{};
  auto source = dsl::source_file::read(path, &why);
  if (!source) {
    fmt::print(stderr, "{}: error[{}]: {}\n", path, base::codes::missing_file, base::describe(why));
    return std::nullopt;
  }
  auto result = dsl::parse(*source);
  for (const auto& d : result.diagnostics) fmt::print(stderr, "{}", dsl::render(d, &*source));
  return parsed_file{std::move(*source), std::move(result)};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A unified diff (3 lines of context) from `before` to `after`, both named `path`; the lines are
// matched by a longest common subsequence (rule files are small).
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  auto a = split_lines(before);
  auto b = split_lines(after);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  struct edit {
    char op;  // ' ', '-', '+'
    std::size_t i, j;
  };
  std::vector<edit> edits;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      edits.push_back({' ', i++, j++});
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      edits.push_back({'-', i++, j});  // removals before additions, as diff -u
    } else {
      edits.push_back({'+', i, j++});
    }
  }
  std::string out = fmt::format("--- {}\n+++ {} (baomi fmt)\n", path, path);
  constexpr std::size_t context = 3;
  std::size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].op == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2 * context unchanged lines from the next.
    std::size_t begin = k >= context ? k - context : 0;
    std::size_t end = k;
    while (end < edits.size()) {
      if (edits[end].op != ' ') {
        ++end;
        continue;
      }
      std::size_t run = end;
      while (run < edits.size() && edits[run].op == ' ') ++run;
      if (run == edits.size() || run - end > 2 * context) {
        end = std::min(run, end + context);
        break;
      }
      end = run;
    }
    std::size_t old_count = 0, new_count = 0;
    std::string body;
    for (std::size_t x = begin; x < end; ++x) {
      const auto& e = edits[x];
      if (e.op != '+') ++old_count;
      if (e.op != '-') ++new_count;
      body += e.op;
      body += e.op == '+' ? b[e.j] : a[e.i];
      body += '\n';
    }
    auto old_start = edits[begin].i + (old_count > 0 ? 1 : 0);
    auto new_start = edits[begin].j + (new_count > 0 ? 1 : 0);
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_start, old_count, new_start, new_count) + body;
    k = end;
  }
  return out;
}

int run_fmt(const std::vector<std::string>& paths, bool check, bool diff) {
  auto found = base::find_files(paths, ".baomi");
  for (const auto& m : found.missing)
    complain("{}: error[{}]: 文件或目录不存在\n", "{}: error[{}]: no such file or folder\n", m,
             base::codes::missing_file);
  if (found.missing.empty() && found.files.empty()) {
    complain("error: {} 下没有 .baomi 文件\n", "error: no .baomi files under {}\n", fmt::join(paths, ", "));
    return exit_usage;
  }
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
    if (check || diff) {
      if (diff)
        fmt::print("{}", unified_diff(file, std::string(parsed->source.text()), formatted));
      else
        fmt::print("{}\n", file);
      if (code == exit_clean) code = exit_problems;
    } else if (!write_atomically(file, formatted)) {
      complain("{}: error: 无法写入文件\n", "{}: error: cannot write the file\n", file);
      code = exit_usage;
    }
  }
  return code;
}

}  // namespace

command add_fmt(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto check = std::make_shared<bool>(false);
  auto diff = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand("fmt", "Rewrite .baomi files in the canonical layout");
  sub->add_option("paths", *paths, "Files or folders")->required();
  auto* check_flag =
      sub->add_flag("--check", *check, "List the files that are not formatted and exit 1; change nothing");
  sub->add_flag("--diff", *diff, "Print what formatting would change as a unified diff and exit 1; change nothing")
      ->excludes(check_flag);
  return {sub, [=] { return run_fmt(*paths, *check, *diff); }};
}

command add_parse(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("parse", "Print the syntax tree of one .baomi file (for debugging)");
  sub->add_option("file", *path, "A .baomi file")->required();
  return {sub, [=] {
            std::error_code ec;
            if (std::filesystem::is_directory(*path, ec)) {
              complain("{}: error: 这是目录；parse 只接受一个 .baomi 文件\n",
                       "{}: error: a folder; parse takes one .baomi file\n", *path);
              return int(exit_usage);
            }
            auto parsed = parse_file(*path);
            if (!parsed) return int(exit_usage);
            if (!parsed->result.module) return int(exit_problems);
            fmt::print("{}", dsl::ast::dump(*parsed->result.module));
            return int(exit_clean);
          }};
}

}  // namespace baomi::tools

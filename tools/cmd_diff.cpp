// `baomi diff`: what changed between two snapshots (same rules), or between two versions of the
// rules over the same snapshots — the report a reviewer needs on a pull request.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/diff.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

namespace fs = std::filesystem;

struct diff_options {
  std::vector<std::string> snapshots;
  run_options run;  // --rules is the new version in a rules diff
  std::vector<std::string> base_rules;
  std::string base_ref;
  output_options output;
  bool unchanged = false;
};

std::string capture(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  status = pclose(pipe);
  return out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The `.baomi` files of `path` as they are at git revision `ref`, written below a temporary folder;
// returns the folder that stands for `path`.
std::optional<std::string> checkout_rules(const std::string& ref, const std::string& path) {
  int status = 0;
  auto files = capture(
      "git ls-tree -r --name-only --full-name " + shell_quote(ref) + " -- " + shell_quote(path) + " 2>/dev/null",
      status);
  if (status != 0 || files.empty()) {
    complain("error: 无法列出 git 版本中的 `{}`（版本 `{}`）\n", "error: cannot list `{}` at git revision `{}`\n", path,
             ref);
    return std::nullopt;
  }
  auto prefix = capture("git rev-parse --show-prefix 2>/dev/null", status);
  while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
  auto root = fs::temp_directory_path() / fmt::format("baomi-base-{}", ::getpid());
  fs::remove_all(root);
  std::size_t start = 0;
  while (start < files.size()) {
    auto end = files.find('\n', start);
    auto file = files.substr(start, end - start);
    start = end == std::string::npos ? files.size() : end + 1;
    if (!file.ends_with(".baomi")) continue;
    auto text = capture("git show " + shell_quote(ref + ":" + file), status);
    if (status != 0) return std::nullopt;
    // Below `root` as below the checkout's top, so that `path` relative to a subfolder stays inside.
    auto target = root / fs::path(file).lexically_normal();
    fs::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << text;
  }
  return (root / (fs::path(prefix) / path).lexically_normal()).string();
}

// The working tree's `rulesets/` when the current folder is inside a git checkout that has one, as
// a path relative to the current folder (what `diff --base-ref` compares without --rules).
std::optional<std::string> checkout_rulesets() {
  int status = 0;
  auto top = capture("git rev-parse --show-toplevel 2>/dev/null", status);
  while (!top.empty() && top.back() == '\n') top.pop_back();
  if (status != 0 || top.empty()) return std::nullopt;
  std::error_code ec;
  auto folder = fs::path(top) / "rulesets";
  if (!fs::is_directory(folder, ec)) return std::nullopt;
  auto relative = fs::relative(folder, fs::current_path(ec), ec);
  if (ec || relative.empty()) return std::nullopt;
  return relative.generic_string() + "/";
}

// Runs `program` on one snapshot as `check` would, printing data issues; nullopt after an input error.
std::optional<engine::run_result> run_on(const engine::checked_program& program,
                                         const engine::pipeline_options& options, const std::string& snapshot) {
  auto result = engine::run_pipeline(program, engine::snapshot_source::file(snapshot), options);
  print_problems(result, snapshot);
  return std::move(result.run);
}

int run_diff(const diff_options& o) {
  auto format = parse_output_format(o.output, reports::result_kind::diff);
  if (!format) return exit_usage;
  engine::pipeline_options options;
  if (!apply_run_options(o.run, options)) return exit_usage;
  bool rules_mode = !o.base_rules.empty() || !o.base_ref.empty();
  engine::run_diff result;
  std::string title;
  if (!rules_mode) {
    if (o.snapshots.size() != 2) {
      complain("error: 请给出两个快照（OLD NEW），或用 --base-rules/--base-ref 比较两个规则版本\n",
               "error: give two snapshots (OLD NEW), or --base-rules/--base-ref to compare rule versions\n");
      return exit_usage;
    }
    auto rules = load_valid_rules(o.run.rules.paths, !o.run.rules.no_baseline);
    if (!rules) return exit_usage;
    auto base = run_on(*rules->checked.program, options, o.snapshots[0]);
    if (!base) return exit_usage;
    auto head = run_on(*rules->checked.program, options, o.snapshots[1]);
    if (!head) return exit_usage;
    result = engine::diff_runs(*base, *head);
    title = baomi::base::say("{}（{}）→ {}（{}）", "{} ({}) → {} ({})", o.snapshots[0], base->as_of, o.snapshots[1],
                             head->as_of);
  } else {
    if (o.snapshots.empty()) {
      complain("error: 请给出至少一个快照，用来评估两个规则版本\n",
               "error: give one or more snapshots to evaluate both rule versions on\n");
      return exit_usage;
    }
    std::vector<std::string> base_paths = o.base_rules;
    std::vector<std::string> head_paths = o.run.rules.paths;
    bool with_baseline = !o.run.rules.no_baseline;
    if (!o.base_ref.empty()) {
      if (head_paths.empty()) {
        // The checkout's own rules, whole on both sides: not layered on the binary's baseline, which
        // may be older or newer than either.
        auto folder = checkout_rulesets();
        if (!folder) {
          complain("error: 不带 --rules 的 --base-ref 须在含 rulesets/ 目录的 git 工作区中运行\n",
                   "error: --base-ref without --rules needs a git checkout with a rulesets/ folder\n");
          return exit_usage;
        }
        head_paths.push_back(*folder);
        with_baseline = false;
      }
      for (const auto& p : head_paths) {
        auto folder = checkout_rules(o.base_ref, p);
        if (!folder) return exit_usage;
        base_paths.push_back(*folder);
      }
      std::string at_ref;
      for (const auto& p : head_paths) at_ref += (at_ref.empty() ? "" : " ") + p + "@" + o.base_ref;
      complain("比较 {}（工作区）与 {}\n", "comparing {} (working tree) with {}\n", fmt::join(head_paths, " "), at_ref);
    }
    auto base_rules = load_rules(base_paths, with_baseline);
    auto head_rules = load_rules(head_paths, with_baseline);
    if (!base_rules.checked.program || !head_rules.checked.program) {
      print_diagnostics(base_rules.checked.program ? head_rules : base_rules);
      return exit_usage;
    }
    for (const auto& snapshot : o.snapshots) {
      auto base = run_on(*base_rules.checked.program, options, snapshot);
      auto head = run_on(*head_rules.checked.program, options, snapshot);
      if (!base || !head) return exit_usage;
      auto d = engine::diff_runs(*base, *head, o.snapshots.size() > 1 ? snapshot : "");
      result.changes.insert(result.changes.end(), d.changes.begin(), d.changes.end());
    }
    std::stable_sort(result.changes.begin(), result.changes.end(),
                     [](const auto& a, const auto& b) { return a.kind < b.kind; });
    title = baomi::base::say("规则 {} → {}，快照 {} 个", "rules {} → {}, {} snapshots",
                             o.base_ref.empty() ? fmt::format("{}", fmt::join(o.base_rules, " ")) : o.base_ref,
                             head_paths.empty() ? std::string(baomi::base::pick("内置基线", "the built-in baseline"))
                                                : fmt::format("{}", fmt::join(head_paths, " ")),
                             o.snapshots.size());
  }
  reports::diff_report report{&result, title, rules_mode ? "rules" : "snapshots", o.unchanged};
  if (auto code = emit(o.output, reports::write_report(report, *format, {})); code != exit_clean) return code;
  return result.any_change() ? exit_problems : exit_clean;
}

}  // namespace

command add_diff(CLI::App& app) {
  auto o = std::make_shared<diff_options>();
  auto* sub =
      app.add_subcommand("diff", "Compare findings: two snapshots, or two versions of the rules over snapshots");
  sub->add_option("snapshots", o->snapshots, "OLD NEW snapshots, or the snapshots to run both rule versions on")
      ->required();
  add_run_options(sub, o->run);
  sub->add_option("--base-rules", o->base_rules, "The old version of the rules (files or folders)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--base-ref", o->base_ref, "The old version of the rules: the same paths at this git revision");
  add_output_options(sub, o->output, reports::result_kind::diff);
  sub->add_flag("--unchanged", o->unchanged, "Also list the findings that did not change (text)");
  return {sub, [=] { return run_diff(*o); }};
}

}  // namespace baomi::tools

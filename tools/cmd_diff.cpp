// `baomi diff`: what changed between two snapshots (same rules), or between two versions of the
// rules over the same snapshots — the report a reviewer needs on a pull request.
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <memory>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "engine/diff.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

namespace fs = std::filesystem;

struct diff_options {
  std::vector<std::string> snapshots;
  std::vector<std::string> rules;
  std::vector<std::string> base_rules;
  std::string base_ref;
  std::string profile;
  std::string format = "text";
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
  auto files = capture("git ls-tree -r --name-only --full-name " + shell_quote(ref) + " -- " + shell_quote(path) + " 2>/dev/null", status);
  if (status != 0 || files.empty()) {
    fmt::print(stderr, "error: cannot list `{}` at git revision `{}`\n", path, ref);
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
    auto relative = fs::path(file).lexically_relative(prefix.empty() ? fs::path(".") : fs::path(prefix));
    auto target = root / relative;
    fs::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << text;
  }
  return (root / fs::path(path).lexically_normal()).string();
}

std::string outcome_text(const std::optional<engine::outcome>& o) { return o ? engine::to_chinese(*o) : "无"; }

std::string render_text(const engine::run_diff& d, const std::string& title, bool unchanged) {
  std::string out = fmt::format("baomi diff：{}\n", title);
  out += fmt::format("新增 {} 项，已解决 {} 项，有变化 {} 项，未变 {} 项\n", d.count(engine::change_kind::added),
                     d.count(engine::change_kind::resolved), d.count(engine::change_kind::changed),
                     d.count(engine::change_kind::unchanged));
  for (auto kind : {engine::change_kind::added, engine::change_kind::resolved, engine::change_kind::changed,
                    engine::change_kind::unchanged}) {
    if (d.count(kind) == 0 || (kind == engine::change_kind::unchanged && !unchanged)) continue;
    out += fmt::format("\n{}（{}）\n", engine::to_chinese(kind), engine::to_string(kind));
    for (const auto& c : d.changes) {
      if (c.kind != kind) continue;
      auto subject = fmt::format("{}/{}{}", c.subject.collection, c.subject.key, c.subject.label.empty() ? "" : " " + c.subject.label);
      out += fmt::format("  {} {} {}  {} → {}{}\n", c.rule, c.title, subject, outcome_text(c.base_outcome), outcome_text(c.head_outcome),
                         c.snapshot.empty() ? "" : "  [" + c.snapshot + "]");
      if (c.base_severity && c.head_severity && c.base_severity != c.head_severity) {
        out += fmt::format("      严重程度 {} → {}\n", engine::to_chinese(*c.base_severity), engine::to_chinese(*c.head_severity));
      }
      if (!c.message.empty()) out += "      " + c.message + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json render_json(const engine::run_diff& d, const std::string& mode) {
  nlohmann::ordered_json out;
  out["format"] = "baomi.diff";
  out["version"] = 1;
  out["mode"] = mode;
  out["summary"] = {{"new", d.count(engine::change_kind::added)}, {"resolved", d.count(engine::change_kind::resolved)},
                    {"changed", d.count(engine::change_kind::changed)}, {"unchanged", d.count(engine::change_kind::unchanged)}};
  auto changes = nlohmann::ordered_json::array();
  for (const auto& c : d.changes) {
    if (c.kind == engine::change_kind::unchanged) continue;
    nlohmann::ordered_json j;
    j["change"] = engine::to_string(c.kind);
    j["rule"] = c.rule;
    j["subject"] = {{"collection", c.subject.collection}, {"key", c.subject.key}, {"pointer", c.subject.pointer}};
    j["fingerprint"] = c.fingerprint;
    if (c.base_outcome) j["base"] = {{"outcome", engine::to_string(*c.base_outcome)}, {"severity", engine::to_string(*c.base_severity)}};
    if (c.head_outcome) j["head"] = {{"outcome", engine::to_string(*c.head_outcome)}, {"severity", engine::to_string(*c.head_severity)}};
    if (!c.snapshot.empty()) j["snapshot"] = c.snapshot;
    if (!c.message.empty()) j["message"] = c.message;
    changes.push_back(std::move(j));
  }
  out["changes"] = std::move(changes);
  return out;
}

int run_diff(const diff_options& o) {
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "error: unknown format `{}` (text, json)\n", o.format);
    return exit_usage;
  }
  bool rules_mode = !o.base_rules.empty() || !o.base_ref.empty();
  engine::run_diff result;
  std::string title;
  if (!rules_mode) {
    if (o.snapshots.size() != 2) {
      fmt::print(stderr, "error: give two snapshots (OLD NEW), or --base-rules/--base-ref to compare rule versions\n");
      return exit_usage;
    }
    auto rules = load_rules(o.rules);
    if (!rules.checked.program) {
      print_diagnostics(rules);
      return exit_usage;
    }
    auto base = run_snapshot(*rules.checked.program, o.profile, o.snapshots[0], std::nullopt);
    if (!base) return exit_usage;
    auto head = run_snapshot(*rules.checked.program, o.profile, o.snapshots[1], std::nullopt);
    if (!head) return exit_usage;
    result = engine::diff_runs(*base, *head);
    title = fmt::format("{}（{}）→ {}（{}）", o.snapshots[0], base->as_of, o.snapshots[1], head->as_of);
  } else {
    if (o.snapshots.empty()) {
      fmt::print(stderr, "error: give one or more snapshots to evaluate both rule versions on\n");
      return exit_usage;
    }
    std::vector<std::string> base_paths = o.base_rules;
    if (!o.base_ref.empty()) {
      std::vector<std::string> head_paths = o.rules.empty() ? std::vector<std::string>{"rulesets"} : o.rules;
      for (const auto& p : head_paths) {
        auto folder = checkout_rules(o.base_ref, p);
        if (!folder) return exit_usage;
        base_paths.push_back(*folder);
      }
    }
    auto base_rules = load_rules(base_paths);
    auto head_rules = load_rules(o.rules);
    if (!base_rules.checked.program || !head_rules.checked.program) {
      print_diagnostics(base_rules.checked.program ? head_rules : base_rules);
      return exit_usage;
    }
    for (const auto& snapshot : o.snapshots) {
      auto base = run_snapshot(*base_rules.checked.program, o.profile, snapshot, std::nullopt);
      auto head = run_snapshot(*head_rules.checked.program, o.profile, snapshot, std::nullopt);
      if (!base || !head) return exit_usage;
      auto d = engine::diff_runs(*base, *head, o.snapshots.size() > 1 ? snapshot : "");
      result.changes.insert(result.changes.end(), d.changes.begin(), d.changes.end());
    }
    std::stable_sort(result.changes.begin(), result.changes.end(), [](const auto& a, const auto& b) { return a.kind < b.kind; });
    title = fmt::format("规则 {} → {}，快照 {} 个", o.base_ref.empty() ? fmt::format("{}", fmt::join(o.base_rules, " ")) : o.base_ref,
                        o.rules.empty() ? std::string("内置基线") : fmt::format("{}", fmt::join(o.rules, " ")), o.snapshots.size());
  }
  if (o.format == "json") fmt::print("{}\n", render_json(result, rules_mode ? "rules" : "snapshots").dump(2));
  else fmt::print("{}", render_text(result, title, o.unchanged));
  return result.any_change() ? exit_problems : exit_clean;
}

}  // namespace

command add_diff(CLI::App& app) {
  auto o = std::make_shared<diff_options>();
  auto* sub = app.add_subcommand("diff", "Compare findings: two snapshots, or two versions of the rules over snapshots");
  sub->add_option("snapshots", o->snapshots, "OLD NEW snapshots, or the snapshots to run both rule versions on")->required();
  sub->add_option("--rules", o->rules, "Rules (the new version in a rules diff; default: the built-in baseline)")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--base-rules", o->base_rules, "The old version of the rules (files or folders)")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--base-ref", o->base_ref, "The old version of the rules: the same paths at this git revision");
  sub->add_option("--profile", o->profile, "Profile to apply to both sides");
  sub->add_option("--format", o->format, "text or json")->capture_default_str();
  sub->add_flag("--unchanged", o->unchanged, "Also list the findings that did not change (text)");
  return {sub, [=] { return run_diff(*o); }};
}

}  // namespace baomi::tools

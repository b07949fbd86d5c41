// `baomi lint PATH…`: parse and type-check rules; every problem with file:line:col and a caret, or
// as JSON or SARIF for CI annotations.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/citations.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct lint_options {
  std::vector<std::string> paths;
  std::string sources;
  output_options output;
};

std::vector<const dsl::diagnostic*> all_diagnostics(const checked_rules& rules) {
  std::vector<const dsl::diagnostic*> out;
  for (const auto& d : rules.modules.diagnostics) out.push_back(&d);
  for (const auto& d : rules.checked.diagnostics) out.push_back(&d);
  return out;
}

nlohmann::json position(const dsl::diagnostic& d) {
  if (!d.has_position()) return nullptr;
  return {{"line", d.range.begin.line},
          {"column", d.range.begin.column},
          {"end_line", d.range.end.line},
          {"end_column", d.range.end.column}};
}

// `{"format": "baomi.lint", "version": 1, "summary": {…}, "diagnostics": [{code, severity, path,
// range, message, notes}]}` (docs/cli.md).
std::string lint_json(const checked_rules& rules) {
  auto list = nlohmann::json::array();
  for (const auto* d : all_diagnostics(rules)) {
    auto notes = nlohmann::json::array();
    for (const auto& n : d->notes) {
      nlohmann::json note{{"message", n.message}, {"line", nullptr}, {"column", nullptr}};
      if (n.range && n.range->begin.line > 0) {
        note["line"] = n.range->begin.line;
        note["column"] = n.range->begin.column;
      }
      notes.push_back(note);
    }
    list.push_back({{"code", d->code},
                    {"severity", dsl::to_string(d->severity)},
                    {"path", d->path},
                    {"range", position(*d)},
                    {"message", d->message},
                    {"notes", notes}});
  }
  nlohmann::json j{{"format", "baomi.lint"},
                   {"version", 1},
                   {"summary",
                    {{"files", rules.modules.modules.size()},
                     {"rules", rules.checked.program ? rules.checked.program->rules.size() : 0},
                     {"errors", rules.errors},
                     {"warnings", rules.warnings}}},
                   {"diagnostics", list}};
  return j.dump(2) + "\n";
}

// SARIF 2.1.0: one result per diagnostic, its code as ruleId, its file and range as the location.
std::string lint_sarif(const checked_rules& rules) {
  auto results = nlohmann::json::array();
  std::vector<std::string> codes;
  for (const auto* d : all_diagnostics(rules)) {
    if (std::find(codes.begin(), codes.end(), d->code) == codes.end()) codes.push_back(d->code);
    std::string message = d->message;
    for (const auto& n : d->notes) message += "\n" + n.message;
    nlohmann::json physical{{"artifactLocation", {{"uri", d->path}}}};
    if (d->has_position())
      physical["region"] = {{"startLine", d->range.begin.line},
                            {"startColumn", d->range.begin.column},
                            {"endLine", d->range.end.line},
                            {"endColumn", d->range.end.column}};
    nlohmann::json result{{"ruleId", d->code},
                          {"level", d->severity == dsl::severity::error     ? "error"
                                    : d->severity == dsl::severity::warning ? "warning"
                                                                            : "note"},
                          {"message", {{"text", message}}}};
    if (!d->path.empty()) result["locations"] = nlohmann::json::array({{{"physicalLocation", physical}}});
    results.push_back(result);
  }
  std::sort(codes.begin(), codes.end());
  auto rule_list = nlohmann::json::array();
  for (const auto& c : codes)
    rule_list.push_back({{"id", c}, {"helpUri", "https://github.com/baomi/baomi/blob/main/docs/diagnostics.md"}});
  nlohmann::json j{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", nlohmann::json::array({{{"tool",
                                                     {{"driver",
                                                       {{"name", "baomi"},
                                                        {"version", BAOMI_VERSION},
                                                        {"informationUri", "https://github.com/baomi/baomi"},
                                                        {"rules", rule_list}}}}},
                                                    {"results", results}}})}};
  return j.dump(2) + "\n";
}

int run_lint(const lint_options& o) {
  const auto& f = o.output.format;
  if (f != "text" && f != "json" && f != "sarif") {
    fmt::print(stderr, "error: unknown format `{}` (text, json, sarif)\n", f);
    return exit_usage;
  }
  auto rules = load_rules(o.paths);
  if (!o.sources.empty()) {
    for (auto& d : engine::verify_citations(rules.modules, o.sources)) {
      rules.checked.diagnostics.push_back(std::move(d));
      ++rules.errors;
    }
    dsl::sort_and_unique(rules.checked.diagnostics);
  }
  auto files = rules.modules.modules.size() + rules.modules.unparsed.size();
  if (!rules.missing_input && !o.paths.empty() && files == 0) {
    fmt::print(stderr, "error: no .baomi files under {}\n", fmt::join(o.paths, ", "));
    return exit_usage;
  }
  int code = rules.missing_input ? exit_usage : rules.errors + rules.warnings > 0 ? exit_problems : exit_clean;
  if (f != "text") {
    if (auto written = emit(o.output, f == "json" ? lint_json(rules) : lint_sarif(rules)); written != exit_clean)
      return written;
    return code;
  }
  print_diagnostics(rules);
  if (code != exit_clean) {
    if (code == exit_problems)
      fmt::print(stderr, "{} error{}, {} warning{}\n", rules.errors, rules.errors == 1 ? "" : "s", rules.warnings,
                 rules.warnings == 1 ? "" : "s");
    return code;
  }
  auto count = rules.checked.program->rules.size();
  return emit(o.output, fmt::format("{} file{} checked, {} rule{}, no problems\n", rules.modules.modules.size(),
                                    rules.modules.modules.size() == 1 ? "" : "s", count, count == 1 ? "" : "s"));
}

}  // namespace

command add_lint(CLI::App& app) {
  auto o = std::make_shared<lint_options>();
  auto* sub = app.add_subcommand("lint", "Check .baomi files: syntax, names, types, rule metadata");
  sub->add_option("paths", o->paths, "Files or folders (default: the built-in baseline)");
  sub->add_option("--sources", o->sources,
                  "A folder of source documents (ID_*.txt): verify every cite quote against them")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--format", o->output.format, "text, json or sarif")->capture_default_str();
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_lint(*o); }};
}

}  // namespace baomi::tools

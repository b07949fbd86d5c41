// `baomi lint PATH…`: parse and type-check rules; every problem with file:line:col and a caret, or
// as JSON or SARIF for CI annotations.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>

#include "base/language.hpp"
#include "engine/citations.hpp"
#include "reports/listings.hpp"
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

std::vector<const base::problem*> all_diagnostics(const checked_rules& rules) {
  std::vector<const base::problem*> out;
  for (const auto& d : rules.modules.diagnostics) out.push_back(&d);
  for (const auto& d : rules.checked.diagnostics) out.push_back(&d);
  return out;
}

int run_lint(const lint_options& o) {
  const auto& f = o.output.format;
  if (!format_is_one_of(f, {"text", "json", "sarif"})) return exit_usage;
  auto rules = load_rules(o.paths, false);  // these files, with the baseline modules they import
  if (!o.sources.empty()) {
    for (auto& d : engine::verify_citations(rules.modules, o.sources)) {
      rules.checked.diagnostics.push_back(std::move(d));
      ++rules.errors;
    }
    dsl::sort_and_unique(rules.checked.diagnostics);
  }
  auto files = rules.modules.modules.size() + rules.modules.unparsed.size();
  if (!rules.missing_input && !o.paths.empty() && files == 0) {
    complain("error: {} 下没有 .baomi 文件\n", "error: no .baomi files under {}\n", fmt::join(o.paths, ", "));
    return exit_usage;
  }
  int code = rules.missing_input ? exit_usage : rules.errors + rules.warnings > 0 ? exit_problems : exit_clean;
  if (f != "text") {
    reports::lint_summary summary{rules.modules.modules.size(),
                                  rules.checked.program ? rules.checked.program->rules.size() : 0, rules.errors,
                                  rules.warnings};
    auto problems = all_diagnostics(rules);
    auto text = f == "json" ? reports::render_lint_json(problems, summary)
                            : reports::render_lint_sarif(problems, BAOMI_VERSION);
    if (auto written = emit(o.output, text); written != exit_clean) return written;
    return code;
  }
  print_diagnostics(rules);
  if (code != exit_clean) {
    if (code == exit_problems)
      complain("{0} 个错误，{2} 个警告\n", "{} error{}, {} warning{}\n", rules.errors, rules.errors == 1 ? "" : "s",
               rules.warnings, rules.warnings == 1 ? "" : "s");
    return code;
  }
  auto count = rules.checked.program->rules.size();
  auto checked = rules.modules.modules.size();
  return emit(o.output, base::message_language() == base::language::en
                            ? fmt::format("{} file{} checked, {} rule{}, no problems\n", checked,
                                          checked == 1 ? "" : "s", count, count == 1 ? "" : "s")
                            : fmt::format("已检查 {} 个文件、{} 条规则，没有问题\n", checked, count));
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

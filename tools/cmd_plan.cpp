// `baomi plan RULE`: the compiled plan of one rule — params folded, profile applied, and which
// quantifiers and aggregates run as index lookups — for authors who want to know why it is slow.
#include <fmt/format.h>
#include <memory>

#include "engine/describe.hpp"
#include "reports/plan.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct plan_options {
  std::string rule;
  rules_options rules;
  std::string profile;
  output_options output;
};

int run_plan(const plan_options& o) {
  if (!format_is_one_of(o.output.format, {"text", "json"})) return exit_usage;
  auto rules = load_valid_rules(o.rules.paths, !o.rules.no_baseline);
  if (!rules) return exit_usage;
  auto described = engine::describe_rule(*rules->checked.program, o.profile, o.rule);
  if (!described.plan) {
    fmt::print(stderr, "error: {}\n", described.error);
    return exit_usage;
  }
  return emit(o.output, o.output.format == "json" ? reports::render_plan_json(*described.plan)
                                                  : reports::render_plan_text(*described.plan));
}

}  // namespace

command add_plan(CLI::App& app) {
  auto o = std::make_shared<plan_options>();
  auto* sub = app.add_subcommand("plan", "Print the compiled plan of one rule (index lookups or scans)");
  sub->add_option("rule", o->rule, "Rule id, e.g. DEP-010")->required();
  add_rules_option(sub, o->rules);
  add_profile_option(sub, o->profile);
  sub->add_option("--format", o->output.format, "text or json")->capture_default_str();
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_plan(*o); }};
}

}  // namespace baomi::tools

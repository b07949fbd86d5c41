// `baomi plan RULE`: the compiled plan of one rule — params folded, profile applied, and which
// quantifiers and aggregates run as index lookups — for authors who want to know why it is slow.
#include <fmt/format.h>
#include <memory>

#include "engine/describe.hpp"
#include "reports/plan.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct plan_options {
  std::string rule;
  std::vector<std::string> rules;
  std::string profile;
  std::string format = "text";
};

int run_plan(const plan_options& o) {
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "error: --format `{}` is not one of text, json\n", o.format);
    return exit_usage;
  }
  auto rules = load_rules(o.rules);
  if (!rules.checked.program) {
    print_diagnostics(rules);
    return exit_usage;
  }
  auto described = engine::describe_rule(*rules.checked.program, o.profile, o.rule);
  if (!described.plan) {
    fmt::print(stderr, "error: {}\n", described.error);
    return exit_usage;
  }
  fmt::print("{}", o.format == "json" ? reports::render_plan_json(*described.plan)
                                      : reports::render_plan_text(*described.plan));
  return exit_clean;
}

}  // namespace

command add_plan(CLI::App& app) {
  auto o = std::make_shared<plan_options>();
  auto* sub = app.add_subcommand("plan", "Print the compiled plan of one rule (index lookups or scans)");
  sub->add_option("rule", o->rule, "Rule id, e.g. DEP-010")->required();
  sub->add_option("--rules", o->rules, "Rule files or folders (default: the built-in national baseline)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--profile", o->profile, "Profile to apply");
  sub->add_option("--format", o->format, "text (default) or json");
  return {sub, [=] { return run_plan(*o); }};
}

}  // namespace baomi::tools

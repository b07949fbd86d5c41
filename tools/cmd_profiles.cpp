// `baomi profiles`: the profiles the rules declare, each with its title and what it changes.
#include <fmt/format.h>
#include <memory>

#include "engine/describe.hpp"
#include "reports/listings.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct profiles_options {
  rules_options rules;
  output_options output;
};

int run_profiles(const profiles_options& o) {
  if (!format_is_one_of(o.output.format, {"text", "json"})) return exit_usage;
  auto rules = load_valid_rules(o.rules.paths, !o.rules.no_baseline);
  if (!rules) return exit_usage;
  auto list = engine::describe_profiles(rules->modules);
  auto text = o.output.format == "json" ? reports::render_profiles_json(list) : reports::render_profiles_text(list);
  return emit(o.output, text);
}

}  // namespace

command add_profiles(CLI::App& app) {
  auto o = std::make_shared<profiles_options>();
  auto* sub = app.add_subcommand("profiles", "List the profiles of the rules with their titles and what they change");
  add_rules_option(sub, o->rules);
  sub->add_option("--format", o->output.format, "text or json")->capture_default_str();
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_profiles(*o); }};
}

}  // namespace baomi::tools

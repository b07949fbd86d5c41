// `baomi explain RULE SUBJECT SNAPSHOT`: why one rule gave its outcome for one subject, step by step.
#include <fmt/format.h>
#include <memory>

#include "engine/evaluate.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct explain_options {
  std::string rule;
  std::string subject;
  std::string snapshot;
  std::vector<std::string> rules;
  std::string profile;
  std::string as_of;
  std::string waivers;
};

int run_explain(const explain_options& o) {
  std::optional<facts::day_number> as_of;
  if (!o.as_of.empty() && !(as_of = facts::parse_date(o.as_of))) {
    fmt::print(stderr, "error: --as-of `{}` is not a date (YYYY-MM-DD)\n", o.as_of);
    return exit_usage;
  }
  auto rules = load_rules(o.rules);
  if (!rules.checked.program) {
    print_diagnostics(rules);
    return exit_usage;
  }
  engine::pipeline_options options;
  options.profile = o.profile;
  options.as_of = as_of;
  if (!o.waivers.empty()) options.waivers = engine::waiver_source{o.waivers, std::nullopt};
  auto result = engine::explain_pipeline(*rules.checked.program, engine::snapshot_source::file(o.snapshot), options,
                                         o.rule, o.subject);
  if (auto code = print_problems(result.pipeline, o.snapshot); !result.pipeline.ok()) return code;
  fmt::print("{}", reports::write_report(*result.explanation, reports::format::text, {}));
  return exit_clean;
}

}  // namespace

command add_explain(CLI::App& app) {
  auto o = std::make_shared<explain_options>();
  auto* sub = app.add_subcommand("explain", "Explain why a rule gave its outcome for one subject");
  sub->add_option("rule", o->rule, "Rule id, e.g. DEP-010")->required();
  sub->add_option("subject", o->subject, "The key of the subject entity, e.g. D-1")->required();
  sub->add_option("snapshot", o->snapshot, "The snapshot JSON file")->required();
  sub->add_option("--rules", o->rules, "Rule files or folders (default: the built-in national baseline)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--profile", o->profile, "Profile to apply");
  sub->add_option("--as-of", o->as_of, "Evaluation date (default: the snapshot's as_of)");
  sub->add_option("--waivers", o->waivers, "A waivers JSON file");
  return {sub, [=] { return run_explain(*o); }};
}

}  // namespace baomi::tools

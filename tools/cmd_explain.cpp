// `baomi explain RULE SUBJECT SNAPSHOT`: why one rule gave its outcome for one subject, step by step.
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/evaluate.hpp"
#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct explain_options {
  std::string rule;
  std::string subject;
  std::string snapshot;
  run_options run;
  output_options output;
};

nlohmann::json evidence_json(const std::vector<engine::evidence>& facts) {
  auto out = nlohmann::json::array();
  for (const auto& e : facts) out.push_back({{"pointer", e.pointer}, {"value", e.value}, {"role", e.role}});
  return out;
}

// The explanation as JSON (`{"format": "baomi.explanation", "version": 1, …}`): the same steps,
// facts and conclusion the text shows. The reports layer has no JSON writer for explanations.
std::string explanation_json(const engine::explanation& e) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : e.steps) {
    steps.push_back({{"kind", s.kind},
                     {"text", s.text},
                     {"value", s.value},
                     {"unknown", s.unknown},
                     {"holds", s.holds},
                     {"facts", evidence_json(s.facts)},
                     {"partners", s.partners}});
  }
  nlohmann::json citations = nlohmann::json::array();
  for (const auto& c : e.rule.citations)
    citations.push_back({{"source", c.source}, {"title", c.title}, {"quote", c.quote}, {"locator", c.locator}});
  const auto& f = e.result;
  nlohmann::json result{{"outcome", engine::to_string(f.outcome)},
                        {"severity", engine::to_string(f.severity)},
                        {"subject",
                         {{"collection", f.subject.collection},
                          {"key", f.subject.key},
                          {"pointer", f.subject.pointer},
                          {"label", f.subject.label}}},
                        {"message", f.message},
                        {"remedy", f.remedy},
                        {"evidence", evidence_json(f.evidence)},
                        {"due", f.due ? nlohmann::json(*f.due) : nlohmann::json(nullptr)}};
  nlohmann::json j{{"format", "baomi.explanation"},
                   {"version", 1},
                   {"rule",
                    {{"id", e.rule.id},
                     {"title", e.rule.title},
                     {"severity", engine::to_string(e.rule.severity)},
                     {"area", e.rule.area},
                     {"citations", citations}}},
                   {"as_of", e.as_of},
                   {"in_force", e.in_force},
                   {"steps", steps},
                   {"result", result}};
  return j.dump(2) + "\n";
}

int run_explain(const explain_options& o) {
  if (o.output.format != "text" && o.output.format != "json") {
    complain("error: 未知的格式 `{}`（可用：text、json）\n", "error: unknown format `{}` (text, json)\n",
             o.output.format);
    return exit_usage;
  }
  engine::pipeline_options options;
  if (!apply_run_options(o.run, options)) return exit_usage;
  auto rules = load_valid_rules(o.run.rules.paths, !o.run.rules.no_baseline);
  if (!rules) return exit_usage;
  auto result = engine::explain_pipeline(*rules->checked.program, engine::snapshot_source::file(o.snapshot), options,
                                         o.rule, o.subject);
  if (auto code = print_problems(result.pipeline, o.snapshot); !result.pipeline.ok()) return code;
  return emit(o.output, o.output.format == "json"
                            ? explanation_json(*result.explanation)
                            : reports::write_report(*result.explanation, reports::format::text, {}));
}

}  // namespace

command add_explain(CLI::App& app) {
  auto o = std::make_shared<explain_options>();
  auto* sub = app.add_subcommand("explain", "Explain why a rule gave its outcome for one subject");
  sub->add_option("rule", o->rule, "Rule id, e.g. DEP-010")->required();
  sub->add_option("subject", o->subject, "The key of the subject entity, e.g. D-1")->required();
  sub->add_option("snapshot", o->snapshot, "The snapshot JSON file")->required();
  add_run_options(sub, o->run);
  sub->add_option("--format", o->output.format, "text or json")->capture_default_str();
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_explain(*o); }};
}

}  // namespace baomi::tools

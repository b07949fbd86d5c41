// `evaluate`: every rule in force for every subject of its collection, then waivers.
#include <algorithm>

#include "engine/eval/decide.hpp"
#include "engine/eval/findings.hpp"
#include "engine/eval/waivers.hpp"
#include "engine/evaluate.hpp"

namespace baomi::engine {

using namespace evaluation;

evaluate_result evaluate(const plan& p, const facts::store& store, const evaluate_options& options) {
  evaluate_result result;
  auto as_of = run_date(store, options);
  if (!as_of) {
    result.error = "the snapshot has no `as_of` date and none was given with --as-of";
    return result;
  }
  run_result run;
  run.snapshot_path = options.snapshot_path;
  run.as_of = facts::format_date(*as_of);
  run.profile = p.profile;
  evaluator ev(p, &store, *as_of, options.calendar ? options.calendar : &facts::china_calendar());
  ev.max_reads = options.max_evidence;
  std::vector<const rule_program*> rules;
  for (const auto& rule : p.rules) {
    if (!in_force(rule, *as_of)) continue;
    rules.push_back(&rule);
    run.rules.push_back(rule.info);
  }
  run.not_exported = not_exported(p, rules, store);
  std::vector<bool> waiver_used(options.waivers ? options.waivers->size() : 0, false);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = *rules[i];
    const auto& table = store.table_at(rule.subject_table);
    for (std::uint32_t row = 0; row < table.row_count(); ++row) {
      auto d = decide(ev, rule, row, *as_of, nullptr, store, p.schema);
      auto f = make_finding(ev, p, store, rule, &run.rules[i], row, d);
      if (options.waivers) apply_waivers(f, *options.waivers, waiver_used, *as_of);
      run.findings.push_back(std::move(f));
    }
    if (options.progress) options.progress(i + 1, rules.size());
  }
  if (options.waivers) report_waivers(run, *options.waivers, waiver_used, *as_of);
  std::stable_sort(run.findings.begin(), run.findings.end(), [](const finding& a, const finding& b) {
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.subject.key < b.subject.key;
  });
  result.run = std::move(run);
  return result;
}

}  // namespace baomi::engine

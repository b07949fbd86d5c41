// `explain`: one rule for one subject, keeping every step with its value and the facts it read.
#include <fmt/format.h>

#include "engine/eval/decide.hpp"
#include "engine/eval/findings.hpp"
#include "engine/eval/waivers.hpp"
#include "engine/evaluate.hpp"

namespace baomi::engine {

using namespace evaluation;

std::optional<explanation> explain(const plan& p, const facts::store& store, const evaluate_options& options,
                                   const std::string& rule_id, const std::string& subject, std::string& error) {
  auto as_of = run_date(store, options);
  if (!as_of) {
    error = "the snapshot has no `as_of` date and none was given with --as-of";
    return std::nullopt;
  }
  const rule_program* rule = nullptr;
  for (const auto& r : p.rules) {
    if (r.info.id == rule_id) rule = &r;
  }
  if (!rule) {
    error = fmt::format("unknown rule `{}`", rule_id);
    return std::nullopt;
  }
  const auto& table = store.table_at(rule->subject_table);
  auto key_field = table.type().key_field();
  std::optional<std::uint32_t> row;
  if (key_field) {
    std::deque<std::vector<value>> arena;
    for (std::uint32_t r = 0; r < table.row_count() && !row; ++r) {
      if (render(read_cell(table.column_at(*key_field), r, arena), &store, p.schema) == subject) row = r;
    }
  }
  if (!row) {
    error = fmt::format("no `{}` with key `{}` in the snapshot", *table.type().collection, subject);
    return std::nullopt;
  }
  explanation out;
  out.rule = rule->info;
  out.as_of = facts::format_date(*as_of);
  out.in_force = in_force(*rule, *as_of);
  evaluator ev(p, &store, *as_of, options.calendar ? options.calendar : &facts::china_calendar());
  ev.max_reads = 200;
  std::vector<explained_step> steps;
  auto d = decide(ev, *rule, *row, *as_of, &steps, store, p.schema);
  out.result = make_finding(ev, p, store, *rule, &out.rule, *row, d);
  if (options.waivers) {
    std::vector<bool> used(options.waivers->size(), false);
    apply_waivers(out.result, *options.waivers, used, *as_of);
  }
  for (auto& s : steps) {
    explanation::step step{s.kind, s.text, s.value, s.unknown, s.holds, {}, std::move(s.partners)};
    for (const auto& r : s.facts) step.facts.push_back(to_evidence(store, r, subject_row{rule->subject_table, *row}));
    out.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace baomi::engine

// Deciding a rule's outcome for one subject: filters, lets, due dates, requirements.
#include "engine/eval/decide.hpp"

#include "facts/store.hpp"

namespace baomi::engine::evaluation {

decision decide(evaluator& ev, const rule_program& rule, std::uint32_t row, facts::day_number as_of,
                std::vector<explained_step>* trace, const facts::store& store, const facts::schema& schema) {
  ev.frame.assign(rule.frame_size, value::null());
  ev.frame[rule.subject_slot] = value::entity(rule.subject_table, row);
  ev.reads.clear();
  ev.causes.clear();
  ev.recording = true;
  ev.reset_arena();
  bool failed = false, unknown = false, filtered = false, filter_unknown = false, due_unknown = false;
  std::uint32_t filter_cause = 0, require_cause = 0, due_cause = 0;
  decision d;
  auto run = [&](const char* kind, const ir::node& n) {
    std::vector<std::string> partners;
    auto first_read = ev.reads.size();
    ev.partners = trace ? &partners : nullptr;
    auto v = ev.eval(n);
    ev.partners = nullptr;
    if (trace) {
      explained_step step{kind, n.source_text,      render(v, &store, schema), v.is_unknown(), v.is_true(),
                          {},   std::move(partners)};
      for (auto i = first_read; i < ev.reads.size(); ++i) step.facts.push_back(ev.reads[i]);
      trace->push_back(std::move(step));
    }
    return v;
  };
  auto filter = [&](const value& v) {
    if (v.is_unknown()) {
      filter_unknown = true;
      filter_cause = ev.join_causes(filter_cause, v.cause);
    } else if (!v.is_true()) {
      filtered = true;  // false, or a none: the event the rule is about did not happen
    }
  };
  if (rule.filter) filter(run("for", *rule.filter));
  for (std::size_t s = 0; s < rule.steps.size() && !filtered; ++s) {
    const auto& step = rule.steps[s];
    switch (step.kind) {
      case step_kind::let:
        ev.frame[step.slot] = run("let", step.value);
        break;
      case step_kind::where:
        filter(run("where", step.value));
        break;
      case step_kind::due: {
        auto v = run("due", step.value);
        if (v.is_unknown()) {
          due_unknown = true;
          due_cause = v.cause;
        } else if (!v.is_none()) {  // no starting event, no deadline: the requirement decides
          d.due = v.u.date;
        }
        break;
      }
      case step_kind::require:
      case step_kind::forbid: {
        auto v = run(step.kind == step_kind::require ? "require" : "forbid", step.value);
        if (v.is_unknown()) {
          unknown = true;
          require_cause = ev.join_causes(require_cause, v.cause);
        } else if (v.is_true() != (step.kind == step_kind::require)) {
          failed = true;
        }
        break;
      }
    }
  }
  // Whether the rule applies at all comes first: an unknown filter leaves the outcome unknown even
  // when a requirement fails, since the subject may not be in the rule's scope.
  if (filtered)
    d.result = outcome::not_applicable;
  else if (filter_unknown)
    d.result = outcome::unknown;
  else if (failed)
    d.result = outcome::fail;
  else if (unknown)
    d.result = outcome::unknown;
  if (!filtered && d.result != outcome::pass) {
    // Up to and including the due date a requirement not yet met is pending ("within N days of X" is
    // met on day X+N, language.md §6 `due`); it decides the day after. A known date is needed to fail.
    if (d.due && as_of <= *d.due) {
      d.result = outcome::pending;
      d.days_left = *d.due - as_of;
    } else if (due_unknown && d.result == outcome::fail) {
      d.result = outcome::unknown;
      require_cause = due_cause;
    }
  }
  if (d.result == outcome::unknown) ev.causes_of(filter_unknown ? filter_cause : require_cause).swap(d.causes);
  return d;
}

bool in_force(const rule_program& rule, facts::day_number as_of) {
  return !(rule.effective && as_of < *rule.effective) && !(rule.expires && as_of >= *rule.expires);
}
namespace {

void tables_read(const plan& p, const ir::node& n, std::vector<bool>& read, std::vector<bool>& functions_seen) {
  if (n.op == ir::op::collection) read[n.table] = true;
  if (n.op == ir::op::field && n.type.kind == facts::type_kind::ref) read[n.type.target] = true;
  if (n.op == ir::op::field && n.type.kind == facts::type_kind::list && !n.type.args.empty() &&
      n.type.args[0].kind == facts::type_kind::ref)
    read[n.type.args[0].target] = true;
  if (n.op == ir::op::call && n.slot < p.functions.size() && !functions_seen[n.slot]) {
    functions_seen[n.slot] = true;
    tables_read(p, p.functions[n.slot].body, read, functions_seen);
  }
  for (const auto& c : n.children) tables_read(p, c, read, functions_seen);
}

}  // namespace

std::vector<std::string> not_exported(const plan& p, const std::vector<const rule_program*>& rules,
                                      const facts::store& store) {
  std::vector<bool> read(store.table_count(), false);
  std::vector<bool> functions_seen(p.functions.size(), false);
  for (const auto* rule : rules) {
    read[rule->subject_table] = true;
    if (rule->filter) tables_read(p, *rule->filter, read, functions_seen);
    for (const auto& step : rule->steps) tables_read(p, step.value, read, functions_seen);
  }
  std::vector<std::string> result;
  for (std::uint32_t t = 0; t < store.table_count(); ++t) {
    const auto& table = store.table_at(t);
    if (read[t] && table.type().collection && !table.exported()) result.push_back(*table.type().collection);
  }
  return result;
}

std::optional<facts::day_number> run_date(const facts::store& store, const evaluate_options& options) {
  return options.as_of ? options.as_of : store.as_of();
}

}  // namespace baomi::engine::evaluation

// `evaluate`: every rule in force for every subject of its collection, then waivers. Outcomes are
// counted for every (rule, subject); a finding with its strings is made only for the outcomes the run
// lists. Rules are spread over threads; the result does not depend on how many.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <numeric>
#include <thread>

#include "engine/eval/decide.hpp"
#include "engine/eval/findings.hpp"
#include "engine/eval/waivers.hpp"
#include "engine/evaluate.hpp"
#include "facts/issue.hpp"

namespace baomi::engine {

using namespace evaluation;

namespace {

// The subjects of one table in report order: each row's key, and its rank among the rows sorted by
// key (ties keep row order).
struct subject_order {
  std::vector<std::string> keys;
  std::vector<std::uint32_t> rank;
  std::vector<std::uint32_t> sorted;  // rows by rank
};

subject_order order_subjects(const plan& p, const facts::store& store, std::uint32_t table) {
  subject_order out;
  auto rows = store.table_at(table).row_count();
  out.keys.reserve(rows);
  for (std::uint32_t row = 0; row < rows; ++row) out.keys.push_back(subject_key(store, p.schema, table, row));
  out.sorted.resize(rows);
  std::iota(out.sorted.begin(), out.sorted.end(), 0u);
  std::stable_sort(out.sorted.begin(), out.sorted.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return out.keys[a] < out.keys[b]; });
  out.rank.resize(rows);
  for (std::uint32_t i = 0; i < rows; ++i) out.rank[out.sorted[i]] = i;
  return out;
}

// What one rule gives: its counts, its listed findings in report order, the waivers it matched.
struct rule_output {
  outcome_tally tally{};
  std::vector<finding> findings;
  std::vector<std::size_t> used_waivers;
  std::uint32_t timed_out_at = facts::no_row;  // the subject row evaluated when the budget ran out
};

// The outcomes always made into findings, whatever is listed: the baseline, the exit code and
// SARIF's common remedies read them.
constexpr outcome_set always_made() {
  return outcome_set{}.add(outcome::fail).add(outcome::unknown).add(outcome::pending).add(outcome::waived);
}

struct shared_inputs {
  const plan& p;
  const facts::store& store;
  const evaluate_options& options;
  facts::day_number as_of;
  outcome_set made;
  const std::vector<subject_order*>& orders;  // by table, for the rules' subject tables
};

void evaluate_rule(evaluator& ev, const shared_inputs& in, const rule_program& rule, const rule_info* info,
                   rule_output& out) {
  const auto& store = in.store;
  const auto& order = *in.orders[rule.subject_table];
  // The waivers naming this rule; usually none.
  std::vector<waiver> waivers;
  std::vector<std::size_t> waiver_index;
  if (in.options.waivers) {
    for (std::size_t w = 0; w < in.options.waivers->size(); ++w) {
      if ((*in.options.waivers)[w].rule == info->id) {
        waivers.push_back((*in.options.waivers)[w]);
        waiver_index.push_back(w);
      }
    }
  }
  std::vector<bool> used(waivers.size(), false);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> listed;  // (rank, index in out.findings)
  auto rows = store.table_at(rule.subject_table).row_count();
  ev.out_of_time = false;
  ev.deadline.reset();
  if (in.options.rule_timeout) ev.deadline = std::chrono::steady_clock::now() + *in.options.rule_timeout;
  for (std::uint32_t row = 0; row < rows; ++row) {
    auto d = decide(ev, rule, row, in.as_of, nullptr, store, in.p.schema);
    if (ev.past_deadline()) {
      out.timed_out_at = row;
      return;
    }
    auto result = d.result;
    std::string reason;
    if (!waivers.empty()) {
      finding probe;
      probe.rule = info;
      probe.outcome = result;
      probe.subject.key = order.keys[row];
      apply_waivers(probe, waivers, used, in.as_of);
      result = probe.outcome;
      reason = std::move(probe.waiver_reason);
    }
    ++out.tally[static_cast<std::size_t>(result)];
    if (!in.made.contains(result)) continue;
    auto f = make_finding(ev, in.p, store, rule, info, row, d, &order.keys[row]);
    f.outcome = result;
    f.waiver_reason = std::move(reason);
    listed.emplace_back(order.rank[row], static_cast<std::uint32_t>(out.findings.size()));
    out.findings.push_back(std::move(f));
  }
  for (std::size_t w = 0; w < used.size(); ++w) {
    if (used[w]) out.used_waivers.push_back(waiver_index[w]);
  }
  // Sort the indexes, then move each finding once.
  std::sort(listed.begin(), listed.end());
  std::vector<finding> sorted;
  sorted.reserve(listed.size());
  for (const auto& [rank, index] : listed) sorted.push_back(std::move(out.findings[index]));
  out.findings = std::move(sorted);
}

}  // namespace

evaluate_result evaluate(const plan& p, const facts::store& store, const evaluate_options& options) {
  evaluate_result result;
  auto as_of = run_date(store, options);
  if (!as_of) {
    result.error =
        base::problem{std::string(facts::codes::missing_as_of), base::severity::error, options.snapshot_path,
                      base::unknown_range, "the snapshot has no `as_of` date and none was given with --as-of"};
    return result;
  }
  run_result run;
  run.snapshot_path = options.snapshot_path;
  run.as_of = facts::format_date(*as_of);
  run.profile = p.profile;
  // Rules by id (ties keep plan order): every table of rules and every finding list comes out in
  // one order, whatever order the rule files were given in.
  std::vector<const rule_program*> rules;
  for (const auto& rule : p.rules) {
    if (in_force(rule, *as_of)) rules.push_back(&rule);
  }
  std::stable_sort(rules.begin(), rules.end(), [](const auto* a, const auto* b) { return a->info.id < b->info.id; });
  for (const auto* rule : rules) run.rules.push_back(rule->info);
  run.not_exported = not_exported(p, rules, store);
  auto made = options.listed;
  for (auto o : all_outcomes) {
    if (always_made().contains(o)) made.add(o);
  }
  run.listed = made;

  // Each subject table's order, once for all the rules over it.
  std::vector<std::unique_ptr<subject_order>> order_storage(store.table_count());
  std::vector<subject_order*> orders(store.table_count(), nullptr);
  for (const auto* rule : rules) {
    if (orders[rule->subject_table] != nullptr) continue;
    order_storage[rule->subject_table] = std::make_unique<subject_order>(order_subjects(p, store, rule->subject_table));
    orders[rule->subject_table] = order_storage[rule->subject_table].get();
  }

  shared_inputs in{p, store, options, *as_of, made, orders};
  std::vector<rule_output> outputs(rules.size());
  unsigned jobs = options.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.jobs;
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(rules.size(), 1)));
  const auto* cal = options.calendar ? options.calendar : &facts::china_calendar();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};  // a rule ran out of time: take no further rule
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto work = [&] {
    evaluator ev(p, &store, *as_of, cal);
    ev.max_reads = options.max_evidence;
    for (std::size_t i = next++; i < rules.size() && !stop; i = next++) {
      evaluate_rule(ev, in, *rules[i], &run.rules[i], outputs[i]);
      if (outputs[i].timed_out_at != facts::no_row) stop = true;
      if (options.progress) {
        std::lock_guard lock(progress_mutex);
        options.progress(++done, rules.size());
      }
    }
  };
  if (jobs <= 1) {
    work();
  } else {
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
  }

  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (outputs[i].timed_out_at == facts::no_row) continue;
    const auto& info = run.rules[i];
    const auto& order = *orders[rules[i]->subject_table];
    base::source_range at = base::unknown_range;
    at.begin = at.end = {info.location.line, info.location.column};
    result.error =
        base::problem{std::string(codes::rule_timeout), base::severity::error, info.location.path, at,
                      fmt::format("规则 {} 超出时间限制 {} 秒（--timeout），停在对象 {}；可用 --timeout 放宽", info.id,
                                  options.rule_timeout->count() / 1000.0, order.keys[outputs[i].timed_out_at])};
    return result;
  }
  std::size_t total = 0;
  for (const auto& o : outputs) total += o.findings.size();
  run.findings.reserve(total);
  run.tallies.reserve(rules.size());
  std::vector<bool> waiver_used(options.waivers ? options.waivers->size() : 0, false);
  for (auto& o : outputs) {
    run.tallies.push_back(o.tally);
    for (auto w : o.used_waivers) waiver_used[w] = true;
  }
  for (auto& o : outputs) {  // each rule's findings are already in subject-key order
    for (auto& f : o.findings) run.findings.push_back(std::move(f));
    o.findings = {};
  }
  if (options.waivers) report_waivers(run, *options.waivers, waiver_used, *as_of);
  result.run = std::move(run);
  return result;
}

}  // namespace baomi::engine

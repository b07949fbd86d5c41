// `evaluate`: every rule in force for every subject of its collection, then waivers. Outcomes are
// counted for every (rule, subject); a finding with its strings is made only for the outcomes the run
// lists. Rules are spread over threads; the result does not depend on how many.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <numeric>
#include <thread>

#include "base/language.hpp"
#include "engine/eval/decide.hpp"
#include "engine/eval/deferred.hpp"
#include "engine/eval/findings.hpp"
#include "engine/eval/waivers.hpp"
#include "engine/evaluate.hpp"
#include "facts/issue.hpp"

namespace baomi::engine {

using namespace evaluation;

namespace {

// What one rule gives: its counts, its listed findings (or, deferred, their records) in report
// order, the waivers it matched, its common remedy. A part of a rule (a range of its subject rows)
// gives the same, with its findings in row order and `listed` saying each one's report rank.
struct rule_output {
  outcome_tally tally{};
  std::vector<finding> findings;
  std::vector<compact_finding> records;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> listed;  // (rank, index in findings or records)
  std::vector<bool> used;                                       // per waiver of the rule
  std::vector<std::size_t> used_waivers;                        // their places in the waivers file
  std::uint32_t timed_out_at = facts::no_row;                   // the subject row evaluated when the budget ran out
  std::size_t baseline_known = 0;
  std::optional<std::string> remedy;  // the one every problem finding's remedy has so far
  bool remedies_differ = false;
};

// The outcomes always made into findings, whatever is listed: the exit code and SARIF's common
// remedies read them.
constexpr outcome_set always_made() {
  return outcome_set{}.add(outcome::fail).add(outcome::unknown).add(outcome::pending).add(outcome::waived);
}

struct shared_inputs {
  const plan& p;
  const facts::store& store;
  const evaluate_options& options;
  facts::day_number as_of;
  outcome_set made;
  bool every_subject;                         // deferred, with pass or not_applicable listed
  const std::vector<subject_order*>& orders;  // by table, for the rules' subject tables
};

void merge_remedy(std::string remedy, rule_output& out) {
  if (remedy.empty() || out.remedies_differ) return;
  if (!out.remedy)
    out.remedy = std::move(remedy);
  else if (*out.remedy != remedy)
    out.remedies_differ = true;
}

// A problem finding's remedy, compared with the rule's others (deferred runs, for SARIF).
void note_remedy(evaluator& ev, const shared_inputs& in, const rule_program& rule, rule_output& out) {
  if (!rule.remedy || out.remedies_differ) return;
  ev.recording = false;
  merge_remedy(render(ev.eval(*rule.remedy), &in.store, in.p.schema), out);
}

// One rule over the subject rows [begin, end).
void evaluate_rows(evaluator& ev, const shared_inputs& in, const rule_program& rule, const rule_info* info,
                   std::uint32_t rule_index, const rule_waivers& waivers, std::uint32_t begin, std::uint32_t end,
                   rule_output& out) {
  const auto& store = in.store;
  const auto& order = *in.orders[rule.subject_table];
  const auto& collection = *store.table_at(rule.subject_table).type().collection;
  out.used.assign(waivers.list.size(), false);
  for (std::uint32_t row = begin; row < end; ++row) {
    auto d = decide(ev, rule, row, in.as_of, nullptr, store, in.p.schema);
    if (ev.past_deadline()) {
      out.timed_out_at = row;
      return;
    }
    std::string reason;
    auto result = waive(info, d.result, order.keys[row], waivers, out.used, in.as_of, reason);
    if (is_problem(result) && in_baseline(in.options.baseline, info->id, collection, order.keys[row])) {
      ++out.baseline_known;
      continue;
    }
    ++out.tally[static_cast<std::size_t>(result)];
    if (in.options.defer) {
      if (in.options.common_remedies && is_problem(result)) note_remedy(ev, in, rule, out);
      if (in.every_subject || !in.made.contains(result)) continue;
      out.listed.emplace_back(order.rank[row], static_cast<std::uint32_t>(out.records.size()));
      out.records.push_back({rule_index, row, d.due.value_or(0), result, d.due.has_value()});
      continue;
    }
    if (!in.made.contains(result)) continue;
    auto f = make_finding(ev, in.p, store, rule, info, row, d, &order.keys[row]);
    f.outcome = result;
    f.waiver_reason = std::move(reason);
    out.listed.emplace_back(order.rank[row], static_cast<std::uint32_t>(out.findings.size()));
    out.findings.push_back(std::move(f));
  }
}

// The parts of one rule, in row order, as one output with its findings (or records) in report order.
rule_output join_parts(std::vector<rule_output>& parts, const rule_waivers& waivers, bool deferred) {
  rule_output out;
  std::vector<bool> used(waivers.list.size(), false);
  struct place {
    std::uint32_t rank;
    std::uint32_t part;
    std::uint32_t index;
    bool operator<(const place& o) const { return rank < o.rank; }
  };
  std::vector<place> listed;
  for (std::uint32_t k = 0; k < parts.size(); ++k) {
    auto& part = parts[k];
    for (std::size_t o = 0; o < out.tally.size(); ++o) out.tally[o] += part.tally[o];
    out.baseline_known += part.baseline_known;
    if (out.timed_out_at == facts::no_row) out.timed_out_at = part.timed_out_at;
    for (std::size_t w = 0; w < part.used.size(); ++w) used[w] = used[w] || part.used[w];
    if (part.remedies_differ) out.remedies_differ = true;
    if (part.remedy) merge_remedy(std::move(*part.remedy), out);
    for (const auto& [rank, index] : part.listed) listed.push_back({rank, k, index});
  }
  for (std::size_t w = 0; w < used.size(); ++w) {
    if (used[w]) out.used_waivers.push_back(waivers.index[w]);
  }
  // Sort the indexes, then move each finding (or record) once.
  std::sort(listed.begin(), listed.end());
  if (deferred) {
    out.records.reserve(listed.size());
    for (const auto& l : listed) out.records.push_back(parts[l.part].records[l.index]);
  } else {
    out.findings.reserve(listed.size());
    for (const auto& l : listed) out.findings.push_back(std::move(parts[l.part].findings[l.index]));
  }
  return out;
}

// The finding source of a deferred run: the records and what making the findings again needs.
std::unique_ptr<finding_source> defer(const plan& p, const facts::store& store, const evaluate_options& options,
                                      facts::day_number as_of, const facts::calendar* cal,
                                      const std::vector<const rule_program*>& rules, const run_result& run,
                                      std::vector<rule_output>& outputs,
                                      std::vector<std::shared_ptr<const subject_order>> orders) {
  deferred_run d;
  d.p = &p;
  d.store = &store;
  d.calendar = cal;
  d.as_of = as_of;
  d.max_evidence = options.max_evidence;
  d.jobs = options.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.jobs;
  d.baseline = options.baseline;
  d.listed = run.listed;
  d.every_subject = run.listed.contains(outcome::pass) || run.listed.contains(outcome::not_applicable);
  d.programs = rules;
  d.rules = run.rules;
  d.orders = std::move(orders);
  std::size_t total = 0;
  for (const auto& o : outputs) total += o.records.size();
  d.records.reserve(total);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    d.waivers.push_back(waivers_of(options.waivers, run.rules[i].id));
    d.first_record.push_back(d.records.size());
    d.records.insert(d.records.end(), outputs[i].records.begin(), outputs[i].records.end());
    outputs[i].records = {};
    if (outputs[i].remedy && !outputs[i].remedies_differ) d.remedies.emplace(run.rules[i].id, *outputs[i].remedy);
  }
  d.first_record.push_back(d.records.size());
  return deferred_findings(std::move(d));
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
  // Deferred: records of the listed outcomes only (the source lists nothing else); none at all when
  // pass or not_applicable is listed, since every subject is then decided again.
  if (options.defer) made = options.listed;
  bool every_subject = options.defer && (made.contains(outcome::pass) || made.contains(outcome::not_applicable));
  run.listed = made;

  // Each subject table's order, once for all the rules over it.
  std::vector<std::shared_ptr<const subject_order>> order_storage(store.table_count());
  std::vector<subject_order*> orders(store.table_count(), nullptr);
  for (const auto* rule : rules) {
    if (orders[rule->subject_table] != nullptr) continue;
    auto order = std::make_shared<subject_order>(order_subjects(p, store, rule->subject_table));
    orders[rule->subject_table] = order.get();
    order_storage[rule->subject_table] = std::move(order);
  }

  shared_inputs in{p, store, options, *as_of, made, every_subject, orders};
  // The work: each rule's subject rows in parts, so that one slow rule does not leave the other
  // threads idle at the end; the parts of a rule are joined in row order.
  struct part {
    std::uint32_t rule;
    std::uint32_t begin;
    std::uint32_t end;
  };
  const std::uint32_t part_rows = std::max<std::uint32_t>(options.subjects_per_part, 1);
  std::vector<part> work_list;
  std::vector<std::vector<rule_output>> parts(rules.size());
  std::vector<rule_waivers> waivers(rules.size());
  for (std::uint32_t i = 0; i < rules.size(); ++i) {
    waivers[i] = waivers_of(options.waivers, run.rules[i].id);
    auto rows = static_cast<std::uint32_t>(store.table_at(rules[i]->subject_table).row_count());
    std::uint32_t at = 0;
    do {  // one part, empty, for a rule without subjects
      parts[i].emplace_back();
      work_list.push_back({i, at, std::min(rows, at + part_rows)});
      at += part_rows;
    } while (at < rows);
  }
  // A rule's time limit runs from when its first part starts.
  std::vector<std::optional<std::chrono::steady_clock::time_point>> deadlines(rules.size());
  std::vector<std::once_flag> started(rules.size());
  unsigned jobs = options.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options.jobs;
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(work_list.size(), 1)));
  const auto* cal = options.calendar ? options.calendar : &facts::china_calendar();
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};  // a rule ran out of time: take no further part
  std::mutex progress_mutex;
  std::vector<std::size_t> parts_left(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) parts_left[i] = parts[i].size();
  std::size_t done = 0;
  auto work = [&] {
    evaluator ev(p, &store, *as_of, cal);
    ev.max_reads = options.max_evidence;
    for (std::size_t w = next++; w < work_list.size() && !stop; w = next++) {
      const auto& item = work_list[w];
      auto i = item.rule;
      std::call_once(started[i], [&] {
        if (options.rule_timeout) deadlines[i] = std::chrono::steady_clock::now() + *options.rule_timeout;
      });
      ev.out_of_time = false;
      ev.deadline = deadlines[i];
      auto& out = parts[i][item.begin / part_rows];
      evaluate_rows(ev, in, *rules[i], &run.rules[i], i, waivers[i], item.begin, item.end, out);
      if (out.timed_out_at != facts::no_row) stop = true;
      if (options.progress) {
        std::lock_guard lock(progress_mutex);
        if (--parts_left[i] == 0) options.progress(++done, rules.size());
      }
    }
  };
  if (jobs <= 1) {
    work();
  } else {
    std::vector<std::jthread> threads;  // and this thread: one malloc arena fewer
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
  }
  std::vector<rule_output> outputs(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) outputs[i] = join_parts(parts[i], waivers[i], options.defer);

  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (outputs[i].timed_out_at == facts::no_row) continue;
    const auto& info = run.rules[i];
    const auto& order = *orders[rules[i]->subject_table];
    base::source_range at = base::unknown_range;
    at.begin = at.end = {info.location.line, info.location.column};
    result.error = base::problem{
        std::string(codes::rule_timeout), base::severity::error, info.location.path, at,
        base::say("规则 {} 超出时间限制 {} 秒（--timeout），停在对象 {}；可用 --timeout 放宽",
                  "rule {} exceeded the time limit of {} s (--timeout) at subject {}; --timeout can raise it", info.id,
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
    run.baseline_known += o.baseline_known;
    for (auto w : o.used_waivers) waiver_used[w] = true;
  }
  for (auto& o : outputs) {  // each rule's findings are already in subject-key order
    for (auto& f : o.findings) run.findings.push_back(std::move(f));
    o.findings = {};
  }
  if (options.waivers) report_waivers(run, *options.waivers, waiver_used, *as_of);
  if (options.defer) result.findings = defer(p, store, options, *as_of, cal, rules, run, outputs, order_storage);
  result.run = std::move(run);
  return result;
}

}  // namespace baomi::engine

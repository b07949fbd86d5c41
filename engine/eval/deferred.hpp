// What counting a run's outcomes and making its findings later share: the subjects' report order, a
// rule's waivers, and the finding source of a deferred run (evaluate_options::defer).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/eval/decide.hpp"
#include "engine/finding_source.hpp"
#include "engine/waivers.hpp"

namespace baomi::engine::evaluation {

/// The subjects of one table in report order: each row's key, and its rank among the rows sorted by
/// key (ties keep row order).
struct subject_order {
  std::vector<std::string> keys;
  std::vector<std::uint32_t> rank;
  std::vector<std::uint32_t> sorted;  // rows by rank
};

subject_order order_subjects(const plan& p, const facts::store& store, std::uint32_t table);

/// The waivers naming one rule (usually none), with their places in the waivers file's list.
struct rule_waivers {
  std::vector<waiver> list;
  std::vector<std::size_t> index;
};

rule_waivers waivers_of(const std::vector<waiver>* all, const std::string& rule_id);

/// The outcome of a decision after the rule's waivers; `reason` is set when one waives it.
outcome waive(const rule_info* info, outcome result, const std::string& key, const rule_waivers& waivers,
              std::vector<bool>& used, facts::day_number as_of, std::string& reason);

/// fail, unknown, pending, waived: the outcomes the baseline, the exit code and SARIF read.
bool is_problem(outcome o);

/// Whether `baseline` lists the finding of `rule` for the subject `key` of `collection`.
bool in_baseline(const std::set<std::string>* baseline, const std::string& rule, const std::string& collection,
                 const std::string& key);

/// What a deferred run keeps to make its findings: everything evaluate counted with, and the listed
/// findings' compact records in report order.
struct deferred_run {
  const plan* p = nullptr;
  const facts::store* store = nullptr;
  const facts::calendar* calendar = nullptr;
  facts::day_number as_of = 0;
  std::size_t max_evidence = 24;
  unsigned jobs = 1;
  const std::set<std::string>* baseline = nullptr;
  outcome_set listed;
  /// pass or not_applicable is listed: every subject is decided again, so none is recorded.
  bool every_subject = false;
  std::vector<const rule_program*> programs;                 // in run order
  std::vector<rule_info> rules;                              // the same, the findings point here
  std::vector<rule_waivers> waivers;                         // per rule
  std::vector<std::shared_ptr<const subject_order>> orders;  // by table
  std::vector<compact_finding> records;                      // by rule, then report order
  std::vector<std::size_t> first_record;                     // per rule, and one past the last
  std::map<std::string, std::string> remedies;
};

std::unique_ptr<finding_source> deferred_findings(deferred_run run);

}  // namespace baomi::engine::evaluation

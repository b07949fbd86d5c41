// Evaluation of a plan against a fact store: outcomes, messages, evidence, waivers.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/compile.hpp"
#include "engine/finding_source.hpp"
#include "engine/findings.hpp"
#include "engine/waivers.hpp"
#include "facts/calendar.hpp"
#include "facts/store.hpp"

namespace baomi::engine {

struct evaluate_options {
  std::optional<facts::day_number> as_of;  // overrides the snapshot's `as_of`
  const std::vector<waiver>* waivers = nullptr;
  const facts::calendar* calendar = nullptr;  // default: the China holiday calendar
  std::string snapshot_path;
  std::size_t max_evidence = 24;  // per finding
  /// The outcomes whose findings are made, with their strings; the others are only counted
  /// (run_result::tallies). fail, unknown, pending and waived are always made: the baseline, the exit
  /// code and SARIF's common remedies read them.
  outcome_set listed = outcome_set::all();
  /// Threads evaluating rules at once (0: the hardware's cores); the result is the same for any value.
  unsigned jobs = 1;
  /// Subjects of one rule a thread takes at a time: the threads share out a slow rule too. The result
  /// is the same for any value; tests make it small.
  std::uint32_t subjects_per_part = 4096;
  /// Called after each rule with (rules done, rules in force); for a progress line.
  std::function<void(std::size_t, std::size_t)> progress;
  /// The wall-clock budget of one rule over all its subjects (`--timeout`); none: no limit. A rule
  /// past it stops the run with an error naming the rule and its place.
  std::optional<std::chrono::milliseconds> rule_timeout;
  /// The fingerprints of the findings an earlier report lists (`--baseline`): fail, unknown, pending
  /// and waived findings with one of them are left out, and not counted (run_result::baseline_known).
  /// Kept by address: it must outlive a deferred run's finding source.
  const std::set<std::string>* baseline = nullptr;
  /// Make no findings while evaluating: count the outcomes, keep compact records of the listed ones
  /// and hand back a finding source (evaluate_result::findings) that makes them, rule by rule, as a
  /// writer asks. The plan, the store, the calendar and `baseline` must outlive that source.
  bool defer = false;
  /// With `defer`: work out each rule's common remedy (finding_source::common_remedies, for SARIF)
  /// while counting; without it a deferred source gives none.
  bool common_remedies = false;
};

namespace codes {
inline constexpr std::string_view rule_timeout = "E0401";  // a rule ran past --timeout
}  // namespace codes

/// Evaluates every rule in force on as_of for every entity of its collection. Throws nothing for
/// bad data: missing facts give `unknown`. `error` is set, and `run` not, when there is no as_of
/// (F0103, on the snapshot) or a rule runs past `rule_timeout` (E0401, at the rule).
struct evaluate_result {
  std::optional<run_result> run;
  std::optional<base::problem> error;
  /// With evaluate_options::defer: the findings, made as they are asked for (`run->findings` is empty).
  std::unique_ptr<finding_source> findings;
};
evaluate_result evaluate(const plan& p, const facts::store& store, const evaluate_options& options);

/// Folds an expression that reads no facts (a param value) to a value, storing lists in `pool`.
/// `params` are the values of params it may read; `functions` those it may call.
std::optional<value> evaluate_constant(const ir::node& n, constant_pool& pool,
                                       const std::vector<function_info>& functions = {},
                                       const std::vector<value>& params = {}, const facts::calendar* cal = nullptr);

/// A stable 16-hex-digit fingerprint of a (rule, collection, key).
std::string fingerprint(std::string_view rule, std::string_view collection, std::string_view key);

}  // namespace baomi::engine

namespace baomi::engine {

/// Why one rule gave its outcome for one subject: every step with its value and the facts it read.
struct explanation {
  rule_info rule;
  std::string as_of;
  bool in_force = true;
  engine::finding result;  // its `rule` points at `rule` above: keep the explanation where it is
  struct step {
    std::string kind;   // for, let, where, due, require, forbid
    std::string text;   // the expression as written
    std::string value;  // rendered
    bool unknown = false;
    bool holds = false;
    std::vector<evidence> facts;
    std::vector<std::string> partners;  // elements a quantifier or aggregate examined
  };
  std::vector<step> steps;
};

/// Evaluates `rule_id` for the subject whose key is `subject`, keeping every step.
std::optional<explanation> explain(const plan& p, const facts::store& store, const evaluate_options& options,
                                   const std::string& rule_id, const std::string& subject, std::string& error);

}  // namespace baomi::engine

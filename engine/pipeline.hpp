// The one entry point of the engine: rules and a snapshot in, a complete result out — findings, the
// loader's data issues, waiver issues and what every stage found, with a status that tells an input
// error (exit 2) from findings. `check`, `explain`, `diff`, `test` and the bench all run it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/check.hpp"
#include "engine/check/codes.hpp"
#include "engine/compile.hpp"
#include "engine/evaluate.hpp"
#include "engine/findings.hpp"
#include "engine/waivers.hpp"
#include "facts/date.hpp"
#include "facts/issue.hpp"
#include "facts/loader.hpp"
#include "facts/store.hpp"

namespace baomi::engine {

/// The stages in the order they run.
enum class stage { rules, compile, waivers, load, evaluate };

/// How a run ended. Everything but `evaluated` is an input or usage error (exit 2); `evaluated`
/// means the findings are complete, whatever their outcomes.
enum class run_status {
  evaluated,            // `run` is set (or, with `last_stage`, the stages asked for ran)
  rules_invalid,        // the rules have errors (`diagnostics`)
  compile_failed,       // an unknown profile or rule id, a param that is not constant (`error`)
  waivers_unreadable,   // the waivers file is missing or is not JSON (`waiver_issues`)
  snapshot_unreadable,  // the snapshot is missing or malformed JSON (`data_issues`)
  evaluate_failed,      // no as_of (`error`)
  not_found,            // explain: no such rule or subject (`error`)
};

/// Where the facts come from: a file streamed by the loader, JSON text in memory, or a store that
/// is already loaded (the bench loads once and evaluates many times).
struct snapshot_source {
  std::string path;   // the file, or what the run result names as its snapshot
  std::string label;  // the name in the loader's messages (default: path)
  std::optional<std::string> text;
  const facts::store* store = nullptr;

  static snapshot_source file(std::string path);
  static snapshot_source memory(std::string text, std::string path, std::string label);
  static snapshot_source loaded(const facts::store& store, std::string path = {});
  static snapshot_source none() { return {}; }
};

/// Waivers: a file to read, or JSON text (a fixture's), or none.
struct waiver_source {
  std::string path;
  std::optional<std::string> text;
};

struct pipeline_options {
  std::string profile;
  std::optional<facts::day_number> as_of;  // default: the snapshot's as_of
  std::optional<waiver_source> waivers;
  std::vector<std::string> only;  // rule ids to evaluate; empty: all
  std::size_t max_evidence = 24;  // per finding
  facts::load_options load;       // the loader's limits (rows per collection, string length)
  /// Type and store only the fields the plan's rules read (engine::fields_read, load_options::keep):
  /// data issues of the other fields are then not reported. `check --rule` sets it.
  bool load_read_only = false;
  /// The outcomes whose findings the run lists (evaluate_options::listed); the others are counted.
  outcome_set listed = outcome_set::all();
  /// Threads evaluating rules at once (0: the hardware's cores); the output does not depend on it.
  unsigned jobs = 1;
  /// evaluate_options::subjects_per_part.
  std::uint32_t subjects_per_part = 4096;
  /// The wall-clock budget of one rule (evaluate_options::rule_timeout); none: no limit.
  std::optional<std::chrono::milliseconds> rule_timeout;
  /// Called with (stage::load, 0, 1) before and (stage::load, 1, 1) after the load, and with
  /// (stage::evaluate, rules done, rules in force) after each rule.
  std::function<void(stage, std::size_t, std::size_t)> progress;
  /// Stop after this stage (the bench times the stages); the result keeps the plan and the store.
  stage last_stage = stage::evaluate;
  /// Keep the loaded store in the result after evaluating (it is dropped by default: memory).
  bool keep_store = false;
  /// evaluate_options::baseline: the fingerprints an earlier report lists, left out of the run. Kept
  /// by address; it must outlive the result's finding source.
  const std::set<std::string>* baseline = nullptr;
  /// evaluate_options::defer: the result's `findings` makes the listed findings as a writer asks for
  /// them, `run->findings` stays empty; the source keeps the plan and the store alive (the result's
  /// `plan` and `store` are then not set).
  bool defer_findings = false;
  /// evaluate_options::common_remedies, with `defer_findings` (SARIF).
  bool common_remedies = false;
};

struct pipeline_result {
  run_status status = run_status::evaluated;
  stage failed_stage = stage::evaluate;      // meaningful when status != evaluated
  std::vector<dsl::diagnostic> diagnostics;  // of the rules: loading and checking (when given modules)
  std::string error;                         // compile, evaluate or explain error text
  std::optional<base::problem> run_error;    // evaluate_failed: the evaluator's error with its place
  std::vector<facts::issue> data_issues;     // the loader's, with line and column
  std::vector<data_issue> waiver_issues;     // of the waivers file (W01xx)
  std::optional<engine::plan> plan;
  std::optional<facts::store> store;  // when loaded here and kept (last_stage, keep_store)
  /// The findings. Its `issues` are complete: the evaluator's, then the loader's, then the waivers'.
  std::optional<run_result> run;
  /// With `defer_findings`: the run's findings, made as they are asked for.
  std::unique_ptr<finding_source> findings;

  bool ok() const { return status == run_status::evaluated; }
};

/// Checks the modules, then runs as below. Errors in the rules stop before compiling.
pipeline_result run_pipeline(const module_set& modules, const snapshot_source& snapshot,
                             const pipeline_options& options);
/// Compiles with the profile and rule selection, reads the waivers, loads the snapshot, evaluates.
pipeline_result run_pipeline(const checked_program& program, const snapshot_source& snapshot,
                             const pipeline_options& options);
/// Runs an already compiled plan (profile and rule selection in `options` are not applied again).
pipeline_result run_pipeline(const plan& compiled, const snapshot_source& snapshot, const pipeline_options& options);

struct explain_result {
  pipeline_result pipeline;  // `run` is not set: one rule, one subject
  std::optional<engine::explanation> explanation;
};

/// The same stages up to the load, then `engine::explain` of one rule for one subject.
explain_result explain_pipeline(const checked_program& program, const snapshot_source& snapshot,
                                const pipeline_options& options, const std::string& rule_id,
                                const std::string& subject);

}  // namespace baomi::engine

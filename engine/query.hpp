// `baomi query`: an ad-hoc question to a snapshot — `[count] [x in] COLLECTION [where COND] [select E, …]`
// — compiled as a one-off rule over the collection and run through the checker and the evaluator,
// so its names and types are checked and its errors located in the query text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/modules.hpp"
#include "engine/pipeline.hpp"

namespace baomi::engine {

/// One row of the collection: its key, its label, and a value per column.
struct query_row {
  std::string key;
  std::string label;
  std::vector<std::string> values;
};

struct query_result {
  /// The query's own problems (a syntax or type error), located in `source` (path `query`, one line).
  std::vector<dsl::diagnostic> diagnostics;
  dsl::source_file source{"query", ""};
  std::string collection;
  bool count = false;  // `count …`: the number of matching rows is the answer
  /// The columns after key and label: the `select` expressions, else the facts the condition read
  /// (`person.grade`).
  std::vector<std::string> columns;
  std::vector<query_row> rows;     // the condition holds
  std::vector<query_row> unknown;  // the condition cannot be decided: data missing
  /// The run itself (data issues, a snapshot that cannot be read); `run` is dropped.
  pipeline_result pipeline;
  bool ok() const { return diagnostics.empty() && pipeline.ok(); }
};

/// Runs `query` over `snapshot` with `rules` (every module imported by the query), evaluated on
/// `options.as_of` when set.
query_result run_query(module_set rules, const std::string& query, const snapshot_source& snapshot,
                       const pipeline_options& options);

}  // namespace baomi::engine

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
#include "engine/query_table.hpp"

namespace baomi::engine {

/// The table (engine/query_table.hpp) and how the query and its run went.
struct query_result : query_table {
  /// The query's own problems (a syntax or type error), located in `source` (path `query`, one line).
  std::vector<dsl::diagnostic> diagnostics;
  dsl::source_file source{"query", ""};
  /// The run itself (data issues, a snapshot that cannot be read); `run` is dropped.
  pipeline_result pipeline;
  bool ok() const { return diagnostics.empty() && pipeline.ok(); }
};

/// Runs `query` over `snapshot` with `rules` (every module imported by the query), evaluated on
/// `options.as_of` when set.
query_result run_query(module_set rules, const std::string& query, const snapshot_source& snapshot,
                       const pipeline_options& options);

}  // namespace baomi::engine

// What the authoring commands print besides findings: lint diagnostics (JSON, SARIF), the profiles
// of the rules (text, JSON) and the rows a query matched (text, JSON, CSV).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/problem.hpp"
#include "engine/describe.hpp"
#include "engine/query_table.hpp"

namespace baomi::reports {

/// What `baomi lint` read, for its summary.
struct lint_summary {
  std::size_t files = 0;
  std::size_t rules = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

/// `{"format": "baomi.lint", "version": 1, "summary": {…}, "diagnostics": [{code, severity, path,
/// range, message, notes}]}` (docs/cli.md).
std::string render_lint_json(const std::vector<const base::problem*>& problems, const lint_summary& summary);
/// SARIF 2.1.0: one result per diagnostic, its code as ruleId, its file and range as the location.
std::string render_lint_sarif(const std::vector<const base::problem*>& problems, const std::string& tool_version);

/// One block per profile: name and title, then `extends` and each change indented; a count at the end.
std::string render_profiles_text(const std::vector<engine::profile_summary>& profiles);
/// `{"format": "baomi.profiles", "version": 1, "profiles": [{name, title, extends, changes}]}`.
std::string render_profiles_json(const std::vector<engine::profile_summary>& profiles);

/// The matched rows as an aligned table (编号, 名称, then the selected columns) and a row count.
std::string render_query_text(const engine::query_table& result);
/// The same as CSV (RFC 4180: CRLF line ends, quoted cells where needed).
std::string render_query_csv(const engine::query_table& result);
/// `{query, collection, count, columns, rows, unknown}`, each row `{key, label, values}`.
std::string render_query_json(const engine::query_table& result, const std::string& query);

}  // namespace baomi::reports

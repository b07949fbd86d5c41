// NDJSON: one listed finding per line, each the JSON report's finding object on one line, for loading
// into a database (`duckdb`: `read_json('report.ndjson')`). No header: the run's metadata is the JSON
// report's.
#include <ostream>
#include <sstream>

#include "reports/formats.hpp"
#include "reports/json_stream.hpp"
#include "reports/summary.hpp"

namespace baomi::reports {

void stream_ndjson(const engine::run_result&, const engine::finding_source& findings, const report_options& options,
                   std::ostream& out) {
  std::string line;
  engine::each_finding(findings, [&](const engine::finding& f) {
    if (!is_shown(options, f.outcome)) return;
    line.clear();
    append_finding_json(line, f, false, 0);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  });
}

std::string write_ndjson(const engine::run_result& result, const report_options& options) {
  std::ostringstream out;
  stream_ndjson(result, *engine::held_findings(result), options, out);
  return std::move(out).str();
}

}  // namespace baomi::reports

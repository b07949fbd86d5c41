// The one interface of the writers: a result in, the text of one output format out. Every command's
// output comes from here: check results, explanations, diffs, coverage and fixture results.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {
class finding_source;
struct explanation;
struct run_diff;
struct coverage;
struct fixture_suite;
}  // namespace baomi::engine

namespace baomi::reports {

/// A row of the table of formats (reports/formats.cpp): its name, extension and writers live there.
enum class format { text, json, sarif, junit, html, selfcheck_md, selfcheck_html, ndjson, xlsx };

/// What a command hands to a writer; each format supports some of them.
enum class result_kind { check, explain, diff, coverage, test };

/// The format called `name` when it can write `kind`; nullopt for anything else.
std::optional<format> parse_format(std::string_view name, result_kind kind = result_kind::check);
const char* to_string(format f);
/// The file extension of the format, with its dot (".txt", ".sarif", ".junit.xml").
std::string_view extension(format f);
bool supports(format f, result_kind kind);
/// Every format, in the table's order.
std::vector<format> all_formats();
/// The formats that can write `kind`, joined: "text, json" with `last` ", ", "text or json" with " or ".
std::string format_names(result_kind kind, std::string_view last = ", ");

/// Whether the format's output is binary (xlsx): it goes to a file, never to a terminal.
bool is_binary(format f);

/// Whether the format reads only the findings `report_options::show` lists (and the run's counts), so
/// that a run may make findings for those outcomes only; false when it reads every finding.
bool lists_shown_only(format f);

/// The outcomes a person acts on, listed unless told otherwise.
std::vector<engine::outcome> default_shown();

struct report_options {
  /// Outcomes whose findings are listed (text findings, json `findings`, sarif `results`); the summary
  /// always counts all of them, and junit always judges each rule on all its findings.
  std::vector<engine::outcome> show = default_shown();
  /// ANSI colours in the text format (the caller decides, e.g. only on a TTY).
  bool color = false;
  /// The tool's version, written into json and sarif; omitted when empty.
  std::string tool_version;
  /// Text: `pending` findings due more than this many days after as_of are counted, not listed
  /// (the command line's `--pending-within`, 90 days by default); nullopt lists them all.
  std::optional<std::int32_t> pending_within_days;
};

/// A comparison of two runs as `baomi diff` prints it.
struct diff_report {
  const engine::run_diff* diff = nullptr;
  std::string title;       // text: what was compared
  std::string mode;        // json: "snapshots" or "rules"
  bool unchanged = false;  // text: also list the unchanged findings
};

/// The report, byte-identical for the same input: findings keep the order of the run result.
/// Throws std::invalid_argument when a finding has no rule (an engine fault) or when the format
/// cannot write that kind of result.
std::string write_report(const engine::run_result& result, format f, const report_options& options);
/// The same bytes, written to `out`: text, json, sarif and ndjson write each finding as they go and
/// never hold the whole report; the other formats are written whole.
void write_report(const engine::run_result& result, format f, const report_options& options, std::ostream& out);
/// The same bytes, with the findings taken from `findings` (the run's own, or made as the writer asks
/// for them: engine/finding_source.hpp) rather than from `result.findings`. Only the formats that
/// `streams` accepts; the others need the findings held in `result`.
void write_report(const engine::run_result& result, const engine::finding_source& findings, format f,
                  const report_options& options, std::ostream& out);
/// Whether the format reads its findings one rule at a time, in the run's order, so that they can be
/// made as it asks for them (text, json, sarif, ndjson).
bool streams(format f);
std::string write_report(const engine::explanation& result, format f, const report_options& options);
std::string write_report(const diff_report& result, format f, const report_options& options);
std::string write_report(const engine::coverage& result, format f, const report_options& options);
std::string write_report(const engine::fixture_suite& result, format f, const report_options& options);

}  // namespace baomi::reports

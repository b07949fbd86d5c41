// The table of formats and the writers it names. A new format: one .cpp with its writers, one row in
// reports/formats.cpp (and its name in `enum class format`).
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

#include "engine/finding_source.hpp"
#include "engine/findings.hpp"
#include "reports/writer.hpp"

namespace baomi::reports {

template <class Result>
using writer = std::string (*)(const Result&, const report_options&);

/// One row: a format, the extension of its files, and its writer for each kind of result (null: the
/// format does not write that kind).
struct format_info {
  format id;
  std::string_view name;
  std::string_view extension;
  writer<engine::run_result> check;
  writer<engine::explanation> explain;
  writer<diff_report> diff;
  writer<engine::coverage> coverage;
  writer<engine::fixture_suite> test;
};

/// The table, in `enum class format` order.
std::span<const format_info> format_table();

// check results (text.cpp, json.cpp, sarif.cpp, junit.cpp, ndjson.cpp)
std::string write_text(const engine::run_result& result, const report_options& options);
std::string write_json(const engine::run_result& result, const report_options& options);
std::string write_sarif(const engine::run_result& result, const report_options& options);
std::string write_junit(const engine::run_result& result, const report_options& options);
std::string write_ndjson(const engine::run_result& result, const report_options& options);
// the same, written to a stream as they go, with the findings from a source (text.cpp, json.cpp,
// sarif.cpp, ndjson.cpp)
void stream_text(const engine::run_result& result, const engine::finding_source& findings,
                 const report_options& options, std::ostream& out);
void stream_json(const engine::run_result& result, const engine::finding_source& findings,
                 const report_options& options, std::ostream& out);
void stream_sarif(const engine::run_result& result, const engine::finding_source& findings,
                  const report_options& options, std::ostream& out);
void stream_ndjson(const engine::run_result& result, const engine::finding_source& findings,
                   const report_options& options, std::ostream& out);
// check results for people (html.cpp)
std::string write_html(const engine::run_result& result, const report_options& options);
// the 自查自评 report (selfcheck.cpp)
std::string write_selfcheck_md(const engine::run_result& result, const report_options& options);
// its HTML twin (selfcheck_html.cpp)
std::string write_selfcheck_html(const engine::run_result& result, const report_options& options);
// the 整改台账 and the finding list as a spreadsheet (xlsx.cpp): the bytes of an .xlsx file
std::string write_xlsx(const engine::run_result& result, const report_options& options);
// explain (explain.cpp)
std::string write_text(const engine::explanation& result, const report_options& options);
// diff (diff.cpp)
std::string write_text(const diff_report& result, const report_options& options);
std::string write_json(const diff_report& result, const report_options& options);
// coverage (coverage.cpp)
std::string write_text(const engine::coverage& result, const report_options& options);
std::string write_json(const engine::coverage& result, const report_options& options);
// fixture results (fixtures.cpp, junit.cpp)
std::string write_text(const engine::fixture_suite& result, const report_options& options);
std::string write_junit(const engine::fixture_suite& result, const report_options& options);

}  // namespace baomi::reports

// The one interface of the report writers: a run result in, the text of one output format out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::reports {

/// The output formats (see docs/findings.md for json; SARIF 2.1.0; JUnit XML).
enum class format { text, json, sarif, junit };

/// `text`, `json`, `sarif` or `junit`; nullopt for anything else.
std::optional<format> parse_format(std::string_view name);
const char* to_string(format f);

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
};

/// The report, byte-identical for the same input: findings keep the order of the run result.
/// Throws std::invalid_argument when a finding has no rule (an engine fault).
std::string write_report(const engine::run_result& result, format f, const report_options& options);

}  // namespace baomi::reports

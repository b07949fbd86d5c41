// What the subcommands share: exit codes, loading and checking rules, printing diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/compile.hpp"

namespace baomi::tools {

/// Exit codes (docs/cli.md): 0 clean, 1 problems or findings at or above --fail-on, 2 usage or input error.
enum exit_code : int { exit_clean = 0, exit_problems = 1, exit_usage = 2 };

/// Loaded and checked rules, with everything needed to print their diagnostics.
struct checked_rules {
  engine::module_set modules;
  engine::check_result checked;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

/// Loads rules from `paths` (files or folders), or the embedded baseline when `paths` is empty, and
/// checks them. Missing paths are reported and counted as errors.
checked_rules load_rules(const std::vector<std::string>& paths);

/// Prints every diagnostic of `rules` to stderr with its source line and caret.
void print_diagnostics(const checked_rules& rules);

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename.
bool write_atomically(const std::string& path, const std::string& text);

}  // namespace baomi::tools

#include "engine/findings.hpp"
#include "engine/waivers.hpp"
#include "facts/date.hpp"

namespace baomi::tools {

/// Reads the waivers file at `path` into `waivers` when `path` is not empty. Returns false, after
/// printing why, when the file is missing or malformed (an input error).
bool read_waivers(const std::string& path, std::optional<engine::waiver_file>& waivers);

/// Compiles `program` with `profile`, loads `snapshot` (printing its data issues to stderr) and
/// evaluates it; with `progress`, a progress line on stderr (for large snapshots on a terminal).
/// On failure prints why and returns nullopt (an input error: exit 2).
std::optional<engine::run_result> run_snapshot(const engine::checked_program& program, const std::string& profile,
                                               const std::string& snapshot, std::optional<facts::day_number> as_of,
                                               const std::vector<engine::waiver>* waivers = nullptr,
                                               const std::vector<std::string>& only = {}, bool progress = false);

}  // namespace baomi::tools

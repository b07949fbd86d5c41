// What the subcommands share: exit codes, loading and checking rules, printing diagnostics.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/language.hpp"
#include "engine/check.hpp"
#include "engine/compile.hpp"
#include "engine/pipeline.hpp"

namespace baomi::tools {

/// Exit codes (docs/cli.md): 0 clean, 1 problems or findings at or above --fail-on, 2 usage or input error.
enum exit_code : int { exit_clean = 0, exit_problems = 1, exit_usage = 2 };

/// Prints a message to stderr in the message language (base/language.hpp): `zh` or `en`.
template <class... Args>
void complain(fmt::format_string<Args...> zh, fmt::format_string<Args...> en, Args&&... args) {
  fmt::print(stderr, "{}", base::say<Args...>(zh, en, std::forward<Args>(args)...));
}

/// Loaded and checked rules, with everything needed to print their diagnostics.
struct checked_rules {
  engine::module_set modules;
  engine::check_result checked;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool missing_input = false;  // a path that is not there (base::is_usage_error): exit 2
};

/// Loads rules from `paths` (files or folders) on top of the embedded baseline (`with_baseline`), or
/// only them and the baseline modules they import; the baseline alone when `paths` is empty. Checks
/// them. Missing paths are reported and counted as errors.
checked_rules load_rules(const std::vector<std::string>& paths, bool with_baseline = true);

/// Prints every diagnostic of `rules` to stderr with its source line and caret.
void print_diagnostics(const checked_rules& rules);

/// load_rules for a command that needs rules without errors: when there are errors, prints every
/// diagnostic and returns nullopt (the command exits 2).
std::optional<checked_rules> load_valid_rules(const std::vector<std::string>& paths, bool with_baseline = true);

/// Whether `format` is one of `allowed` (the formats of a command that has no row in the formats
/// table); if not, prints `error: unknown format `x` (a, b)` on stderr.
bool format_is_one_of(const std::string& format, std::initializer_list<std::string_view> allowed);

/// Prints on stderr what the pipeline found besides findings: the loader's data issues (named after
/// `snapshot`), and why it stopped when it did. Returns the exit code of a run that stopped
/// (exit_usage: an input error), or exit_clean when the run is complete.
int print_problems(const engine::pipeline_result& result, const std::string& snapshot);

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename.
bool write_atomically(const std::string& path, const std::string& text);
/// The same for a report written as it is made (`write` streams into the file).
bool write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace baomi::tools

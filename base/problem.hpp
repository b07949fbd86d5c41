// The one problem type of every layer: a diagnostic in a rules file, an issue in a snapshot or a
// waivers file, a data issue of a run. Code, severity, where (file:line:col, JSON Pointer), message,
// notes; its one rendering; and what a problem means for a command's exit code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace baomi::base {

/// Codes the base layer knows by name (the others live with their layer: dsl/codes.hpp,
/// facts/issue.hpp, engine/waivers.hpp).
namespace codes {
inline constexpr std::string_view missing_file = "E0200";  // a file or folder named on the command line
}  // namespace codes

/// Most severe first: `a < b` means a is more severe than b.
enum class severity { error, warning, note };

const char* to_string(severity s);  // "error", "warning", "note"
constexpr bool at_least(severity s, severity threshold) { return s <= threshold; }

/// A secondary message attached to a problem, optionally pointing at another place in its file.
struct note {
  std::string message;
  std::optional<source_range> range;
};

/// One problem: a stable code (`E0101`, `F0204`, `V0201`; catalogue in docs/diagnostics.md), where it
/// is and what. `path` is the file (rules file, snapshot, waivers file); `range` its place in it
/// (1-based lines, columns in code points; `unknown_range`, line 0, when not known; a default range
/// is 1:1); `pointer` a JSON Pointer when the problem is in JSON (may be empty).
struct problem {
  std::string code;
  base::severity severity = severity::error;
  std::string path;
  source_range range;
  std::string message;
  std::vector<note> notes;
  std::string pointer;

  problem() = default;
  /// The front end's form, field by field (aggregate order of the former `dsl::diagnostic`).
  problem(std::string code_, base::severity severity_, std::string path_, source_range range_, std::string message_,
          std::vector<note> notes_ = {}, std::string pointer_ = {});
  /// The engine's data-issue form (the former `engine::data_issue{code, pointer, message}`): an
  /// error with no file position. `pointer_` is a JSON Pointer, or `file#pointer` for waivers.
  problem(std::string code_, std::string pointer_, std::string message_);

  bool has_position() const { return range.begin.line > 0; }
  /// Appends a note. Out of line: GCC 12 at -O3 reports a false -Warray-bounds when a note's move is
  /// inlined into the caller's vector growth.
  problem& add_note(std::string text, std::optional<source_range> at = std::nullopt);
};

/// `path:line:col: error[CODE]: message (at /json/pointer)` on one line without a newline; the
/// position is left out when unknown (line 0) or when there is no path, the path when empty, the
/// pointer part when empty.
std::string render_line(const problem& p);

/// render_line and a newline; then, when `source` (the file's text) is given and the problem has a
/// position in it, the source line with a caret under the range; then one line per note.
std::string render(const problem& p, const source_file* source);

/// Sorts by path, position and code, and removes exact duplicates.
void sort_and_unique(std::vector<problem>& problems);

/// What a problem means for a command: its family, decided by the code's letter and number.
enum class problem_kind {
  usage,    // E0200: a file or folder named on the command line is missing or unreadable (exit 2)
  rules,    // E01xx syntax, E02xx checker, E03xx citations, W03xx lint: the rules themselves
  data,     // Fxxxx: the snapshot
  waivers,  // Vxxxx: the waivers file and how its waivers matched
  other,    // anything else
};
problem_kind kind_of(std::string_view code);
inline problem_kind kind_of(const problem& p) { return kind_of(p.code); }

/// A usage error: the command cannot run as asked (E0200). Commands exit 2.
inline bool is_usage_error(const problem& p) { return kind_of(p) == problem_kind::usage; }
/// An input error: a usage error, or an error that stops a run — rules that do not parse or check,
/// a snapshot or waivers file that cannot be read or is not the expected JSON (F0100–F0102, V0100–
/// V0102). `baomi check` exits 2 on one; `baomi lint` reports rules errors as problems (exit 1).
bool is_input_error(const problem& p);

/// The most severe of `problems`, nullopt when there are none.
std::optional<severity> worst_severity(const std::vector<problem>& problems);
/// How many of `problems` have severity `s`.
std::size_t count_severity(const std::vector<problem>& problems, severity s);

}  // namespace baomi::base

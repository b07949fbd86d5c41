// Diagnostics: coded, located messages about a source file, and their rendering with a caret.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace baomi::dsl {

enum class severity { error, warning, note };

/// A secondary message attached to a diagnostic, optionally pointing at another place.
struct diagnostic_note {
  std::string message;
  std::optional<source_range> range;
};

/// One problem found in a source: a stable code (`E0101`), where, what, and notes with advice.
struct diagnostic {
  std::string code;
  dsl::severity severity = severity::error;
  std::string path;
  source_range range;
  std::string message;
  std::vector<diagnostic_note> notes;
};

/// Renders `path:line:col: error[E0101]: message`, the source line with a caret under the range,
/// then the notes. `source` may be null when the text is not at hand (the caret is then omitted).
std::string render(const diagnostic& d, const source_file* source);

/// Sorts by path, position and code, and removes exact duplicates.
void sort_and_unique(std::vector<diagnostic>& diagnostics);

const char* to_string(severity s);

}  // namespace baomi::dsl

// Verifying `cite` quotes against the source documents they name.
#pragma once

#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/program.hpp"

namespace baomi::engine {

/// For every `cite "ID" "QUOTE"` in `modules`, checks that QUOTE occurs in the document of source
/// ID in `folder` (a file named `ID_….txt` or `ID.txt`), comparing with all whitespace removed.
/// E0301: quote not found (at the quote); E0302: no document for the source id.
std::vector<dsl::diagnostic> verify_citations(const module_set& modules, const std::string& folder);

}  // namespace baomi::engine

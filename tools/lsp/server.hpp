// `baomi lsp`: the JSON-RPC loop of the language server over a pair of streams.
#pragma once

#include <istream>
#include <ostream>

#include "tools/lsp/workspace.hpp"

namespace baomi::lsp {

/// Serves LSP requests read from `in` until `exit` or the end of input, writing responses and
/// notifications to `out`; `log` receives one line per problem with the input. Returns 0 after
/// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
int serve(std::istream& in, std::ostream& out, std::ostream& log, file_list baseline, const char* version);

}  // namespace baomi::lsp

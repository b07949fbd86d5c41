// `baomi lsp`: the language server on stdin/stdout, checking open files with the built-in baseline.
#include <iostream>
#include <memory>

#include "tools/commands.hpp"
#include "tools/embedded_rules.hpp"
#include "tools/lsp/server.hpp"

namespace baomi::tools {

command add_lsp(CLI::App& app) {
  auto* sub = app.add_subcommand("lsp", "Run the language server (LSP over stdin and stdout) for editors");
  auto stdio = std::make_shared<bool>(false);  // accepted for clients that pass it (VS Code's does)
  sub->add_flag("--stdio", *stdio, "Talk over stdin and stdout (the default and only transport)");
  return {sub, [] {
            std::ios::sync_with_stdio(false);
            return lsp::serve(std::cin, std::cout, std::cerr, embedded_rules(), BAOMI_VERSION);
          }};
}

}  // namespace baomi::tools

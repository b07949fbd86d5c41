// The language features over an analysis: diagnostics, hover, definition, completion, document
// symbols and formatting, each returning the LSP result as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "tools/lsp/workspace.hpp"

namespace baomi::lsp {

/// Maps a diagnostic code to a link into the diagnostics catalogue (docs/diagnostics.md).
class diagnostic_links {
 public:
  /// Reads the catalogue's `### CODE title` headings from `<root>/docs/diagnostics.md`, if there.
  void load(const std::string& root);
  /// The link of `code`, empty when the catalogue was not found or has no such heading.
  std::string href(const std::string& code) const;

 private:
  std::string m_file_uri;
  std::map<std::string, std::string> m_anchors;
};

/// The `textDocument/publishDiagnostics` params of `doc`.
nlohmann::json diagnostics(workspace& ws, const document& doc, const diagnostic_links& links);
nlohmann::json hover(workspace& ws, const document& doc, position at);
nlohmann::json definition(workspace& ws, const document& doc, position at);
nlohmann::json completion(workspace& ws, const document& doc, position at);
nlohmann::json document_symbols(workspace& ws, const document& doc);
nlohmann::json formatting(workspace& ws, const document& doc);

}  // namespace baomi::lsp

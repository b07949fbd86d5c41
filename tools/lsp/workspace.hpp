// The server's view of the rules: the open documents over the built-in baseline, parsed and checked
// together, and an index of every declaration for hover, definition and completion.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/check.hpp"
#include "engine/modules.hpp"
#include "tools/lsp/protocol.hpp"

namespace baomi::lsp {

/// (path, text) of each built-in `.baomi` file, the path relative to the repository.
using file_list = std::vector<std::pair<std::string, std::string>>;

/// One open document: its URI as the client spells it, its file path, text and version.
struct document {
  std::string uri;
  std::string path;  // the path its module has in the analysis (a baseline path when it replaces one)
  std::string text;
  long version = 0;
};

/// A declaration found by name: where it is (a path in the module set) and its AST node.
template <typename Decl>
struct declared {
  const Decl* decl = nullptr;
  const engine::module_source* module = nullptr;
};

/// An enum symbol: the enum (or the field of an inline enum) it belongs to.
struct enum_symbol {
  std::string owner;  // the enum's name, or `entity.field` for an inline enum
  const dsl::ast::enum_member* member = nullptr;
  const engine::module_source* module = nullptr;
};

/// Every declaration of the analysed modules by name.
struct symbol_index {
  std::map<std::string, declared<dsl::ast::entity_decl>> entities;  // by type name
  std::map<std::string, std::string> collections;                   // collection → entity type
  /// The fields `extend entity` declarations add, by entity type name.
  std::map<std::string, std::vector<declared<dsl::ast::field_decl>>> added_fields;
  std::map<std::string, declared<dsl::ast::enum_decl>> enums;
  std::map<std::string, std::vector<enum_symbol>> symbols;
  std::map<std::string, declared<dsl::ast::param_decl>> params;
  std::map<std::string, declared<dsl::ast::function_decl>> functions;
  std::map<std::string, declared<dsl::ast::rule_decl>> rules;
  std::map<std::string, declared<dsl::ast::profile_decl>> profiles;
  std::map<std::string, const engine::module_source*> modules;  // by module name
};

/// The open documents parsed and checked with the baseline.
struct analysis {
  engine::module_set modules;
  engine::check_result checked;
  symbol_index index;
  /// The module of a path, nullptr if it did not parse.
  const engine::module_source* module_at(const std::string& path) const;
};

/// Builds the index of `modules` (which must outlive it).
symbol_index index_modules(const engine::module_set& modules);

/// `file:///a/b%20c` → `/a/b c`; empty when `uri` is not a file URI.
std::string path_of_uri(const std::string& uri);
/// `/a/b c` → `file:///a/b%20c`.
std::string uri_of_path(const std::string& path);

/// The open documents and the analysis of the latest texts.
class workspace {
 public:
  explicit workspace(file_list baseline) : m_baseline(std::move(baseline)) {}

  /// The folder the baseline's relative paths resolve in on disk (for definitions in files that are
  /// not open, and the diagnostics catalogue); empty when unknown.
  void set_root(std::string root) { m_root = std::move(root); }
  const std::string& root() const { return m_root; }
  /// The folder of seed documents (`ID_….txt`) that cite hovers quote from; empty when none.
  void set_sources(std::string folder) { m_sources = std::move(folder); }
  const std::string& sources() const { return m_sources; }

  void open(const std::string& uri, std::string text, long version);
  /// Applies a change: the whole text when `range` is empty, else the text between two positions.
  void change(const std::string& uri, const std::optional<std::pair<position, position>>& range,
              const std::string& text, long version);
  void close(const std::string& uri);

  const document* find(const std::string& uri) const;
  const std::map<std::string, document>& documents() const { return m_documents; }

  /// The analysis of the current texts (rebuilt after a change).
  const analysis& current();

  /// The URI of a path of the module set: the open document's, else the file under the root.
  std::string uri_for(const std::string& path) const;

 private:
  file_list m_baseline;
  std::string m_root;
  std::string m_sources;
  std::map<std::string, document> m_documents;  // by URI
  std::unique_ptr<analysis> m_analysis;
  std::string path_in_analysis(const std::string& file) const;
};

}  // namespace baomi::lsp

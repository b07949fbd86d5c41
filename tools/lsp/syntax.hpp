// What the features share: ranges as LSP JSON, types and comments as text, and reading the text
// around the cursor (the word, the member chain before it, the binder it names).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/lsp/workspace.hpp"

namespace baomi::lsp {

using source_range = base::source_range;

nlohmann::json to_json(position p);
/// An LSP range from a source range's byte offsets.
nlohmann::json to_json(const line_index& lines, const source_range& r);
/// An LSP Location of a range in the module set's file `path`.
nlohmann::json location_json(const workspace& ws, const engine::module_source& m, const source_range& r);

/// A type as written (`ref post?`, `map<level, grade>`).
std::string type_text(const dsl::ast::type_expr& t);

/// The comment lines directly above `r` (without their `#`), joined by newlines.
std::string leading_comment(const engine::module_source& m, const source_range& r);

/// The identifier at `offset` in `text` (rule ids keep their `-`): its bytes [begin, end).
struct word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};
std::optional<word> word_at(std::string_view text, std::size_t offset);

/// The names of a member chain ending just before byte `end` (`p.post.` before `level` → {p, post}).
std::vector<std::string> chain_before(std::string_view text, std::size_t end);

/// The entity a name written at `offset` stands for: a binder (`for p in people`, `exists c in …`,
/// a function parameter `c: commitment`) found looking back from `offset`.
const dsl::ast::entity_decl* entity_of_binder(const symbol_index& index, std::string_view text, std::size_t offset,
                                              const std::string& name);

/// The field reached by following `chain` from the binder `chain[0]`, and the entity it is on.
struct field_ref {
  const dsl::ast::entity_decl* entity = nullptr;
  const dsl::ast::field_decl* field = nullptr;  // null when the chain is only the binder
  /// The module of an `extend entity` that added the field; null for the entity's own fields.
  const engine::module_source* added_by = nullptr;
};
std::optional<field_ref> resolve_chain(const symbol_index& index, std::string_view text, std::size_t offset,
                                       const std::vector<std::string>& chain);

/// The entity a field's type leads to (`ref post`, a nested record), or null.
const dsl::ast::entity_decl* entity_of_type(const symbol_index& index, const dsl::ast::type_expr& t);

}  // namespace baomi::lsp

// Parsing `.baomi` text into an AST; the only entry point into the PEGTL grammar.
#pragma once

#include <optional>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"

namespace baomi::dsl {

/// The result of parsing one file: the module, or the diagnostics that stopped it.
/// Parsing stops at the first syntax error; `module` is set only when `diagnostics` has no error.
struct parse_result {
  std::optional<ast::module> module;
  std::vector<diagnostic> diagnostics;
};

parse_result parse(const source_file& source);

/// Deepest expression nesting the parser accepts; deeper input is error E0103, never a crash.
inline constexpr std::size_t max_expression_depth = 64;

}  // namespace baomi::dsl

// The formatter: prints a module in baomi's one canonical layout, keeping its comments.
#pragma once

#include <string>

#include "dsl/ast.hpp"
#include "dsl/source.hpp"

namespace baomi::dsl {

/// Canonical text of a module parsed from `source` (which supplies comments and blank lines).
std::string format(const ast::module& m, const source_file& source);

/// One-line canonical text of an expression, with only the parentheses precedence needs.
std::string format_expr(const ast::expr& e);

/// Canonical text of a string literal's body, quoted and escaped.
std::string quote_string(std::string_view text);

/// Lines longer than this are broken where the layout allows.
inline constexpr std::size_t format_width = 100;

}  // namespace baomi::dsl

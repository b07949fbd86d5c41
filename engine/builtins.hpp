// The built-in functions of the rule language, in one table: the checker reads their signatures,
// the evaluator their implementations, and docs and `baomi plan` their names and one-line docs.
// To add one: a row in engine/builtins.cpp and an `ir::builtin` id in engine/ir.hpp.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "engine/ir.hpp"
#include "engine/value.hpp"
#include "facts/schema.hpp"

namespace baomi::facts {
class calendar;
}

namespace baomi::engine {

/// Parameter kinds beyond plain scalar types (`facts::type_kind` values reused as markers).
namespace builtin_param {
/// A list of any element type, or a string.
inline constexpr facts::type_kind list_or_string = facts::type_kind::list;
/// An ordered type (number, date, duration, string), the same for every such argument; the result
/// has this type too.
inline constexpr facts::type_kind same_ordered = facts::type_kind::record;
}  // namespace builtin_param

/// An implementation: arguments are never null (a null argument makes the call's result null
/// before it is reached). `calendar` is null while folding constants without one.
using builtin_impl = value (*)(std::span<const value> args, const facts::calendar* calendar);

struct builtin_function {
  std::string_view name;
  ir::builtin id;
  std::vector<facts::type_kind> params;  // a scalar kind or a `builtin_param` marker
  facts::type_kind result;               // `same_ordered`: the first argument's type
  bool may_be_unknown = false;           // null even for known arguments (no calendar data)
  builtin_impl impl = nullptr;
  std::string_view doc;
};

/// Every built-in function, sorted by name.
const std::vector<builtin_function>& builtin_functions();

/// The built-in called `name`, or nullptr.
const builtin_function* find_builtin(std::string_view name);

/// The built-in with id `id`.
const builtin_function& builtin_of(ir::builtin id);

}  // namespace baomi::engine

// The checked, typed intermediate form of expressions. It refers to schema slots (tables, fields,
// enum values) and frame slots, never to the AST; the evaluator runs it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dsl/source.hpp"
#include "engine/value.hpp"
#include "facts/schema.hpp"

namespace baomi::engine::ir {

enum class op : std::uint8_t {
  constant,
  local,
  as_of,
  param,
  collection,
  field,
  index,
  builtin,
  call,
  neg,
  logical_not,
  logical_and,
  logical_or,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  not_in,
  matches,
  make_range,
  coalesce,
  add,
  sub,
  mul,
  div,
  mod,
  is_null,
  is_not_null,
  conditional,
  exists,
  all,
  none,
  count,
  sum,
  min,
  max,
  latest,
  make_list,
  make_map,
  concat,
};

/// The quantifiers and aggregates: they bind each element of `children[0]` to `slot` and read it in
/// `children[1]` (the condition or the aggregated value). They stay contiguous in `op`, exists to latest.
constexpr bool binds_element(op o) { return o >= op::exists && o <= op::latest; }

enum class builtin : std::uint8_t {
  year,
  month,
  days_between,
  working_days,
  len,
  contains,
  starts_with,
  ends_with,
  min2,
  max2
};

/// A reverse-index lookup replacing a scan: elements of `table` whose ref (or list-of-ref) `field`
/// points at the entity that `children[key]` evaluates to.
struct join {
  bool enabled = false;
  std::uint32_t field = 0;
  std::uint32_t key = 0;  // index into children
};

/// One expression node. `children` by op: unary ops 1, binary 2, conditional 3, call args; a
/// quantifier or aggregate has [collection, condition?, projection?] with `slot` its binder.
struct node {
  ir::op op = ir::op::constant;
  facts::type type;
  bool null_type = false;  // the type of the literal `null`
  bool poisoned = false;   // an expression already reported as wrong: no follow-on errors
  dsl::source_range range;
  std::vector<node> children;
  std::uint32_t slot = 0;   // local slot, binder slot, param index, function index
  std::uint32_t table = 0;  // collection / field's table
  std::uint32_t field = 0;
  ir::builtin builtin = ir::builtin::year;
  bool has_condition = false;
  bool has_projection = false;
  ir::join join;
  value constant;           // for op::constant (storage owned by the program's constants)
  std::string text;         // string constant text, regex pattern
  std::string source_text;  // the expression as written (for explanations)
};

}  // namespace baomi::engine::ir

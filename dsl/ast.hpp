// The abstract syntax tree of a `.baomi` module; every node carries its source range.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dsl/source.hpp"

namespace baomi::dsl::ast {

struct expr;
using expr_ptr = std::unique_ptr<expr>;

/// A name as written, with where it was written.
struct name {
  std::string text;
  source_range range;
};

enum class duration_unit { day, working_day, week, month, year };
enum class unary_op { negate, logical_not };
enum class binary_op {
  logical_or,
  logical_and,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  in,
  not_in,
  matches,
  range,
  coalesce,
  add,
  sub,
  mul,
  div,
  mod
};
enum class quantifier_kind { exists, all, none };
enum class aggregate_kind { count, sum, min, max, latest };
enum class severity_level { info, low, medium, high, critical };

struct null_literal {};
struct bool_literal {
  bool value = false;
};
/// A number as written (`2`, `0.5`); `is_integer` when it has no fraction.
struct number_literal {
  std::string text;
  bool is_integer = true;
};
struct date_literal {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};
struct duration_literal {
  std::int64_t amount = 0;
  duration_unit unit = duration_unit::day;
};
/// One piece of a string: literal text, or an interpolated `{expr}`.
struct string_part {
  std::string text;
  expr_ptr interpolation;
};
struct string_literal {
  std::vector<string_part> parts;
};
struct variable {
  std::string name;
};
struct member {
  expr_ptr object;
  name field;
};
struct index {
  expr_ptr object;
  expr_ptr key;
};
struct call {
  name callee;
  std::vector<expr_ptr> args;
};
struct unary {
  unary_op op = unary_op::negate;
  expr_ptr operand;
};
struct binary {
  binary_op op = binary_op::add;
  expr_ptr lhs;
  expr_ptr rhs;
};
struct is_null {
  expr_ptr operand;
  bool negated = false;
};
struct conditional {
  expr_ptr condition;
  expr_ptr then_branch;
  expr_ptr else_branch;
};
/// `exists x in C where P`; `condition` may be null.
struct quantifier {
  quantifier_kind kind = quantifier_kind::exists;
  name binder;
  expr_ptr collection;
  expr_ptr condition;
};
/// `count x in C where P`, `sum x in C where P of E`, `latest x in C where P by E`.
struct aggregate {
  aggregate_kind kind = aggregate_kind::count;
  name binder;
  expr_ptr collection;
  expr_ptr condition;   // may be null
  expr_ptr projection;  // `of E` / `by E`; null for a plain count
};
struct list_literal {
  std::vector<expr_ptr> items;
};
struct map_entry {
  expr_ptr key;
  expr_ptr value;
};
struct map_literal {
  std::vector<map_entry> entries;
};

using expr_node = std::variant<null_literal, bool_literal, number_literal, date_literal, duration_literal,
                               string_literal, variable, member, index, call, unary, binary, is_null, conditional,
                               quantifier, aggregate, list_literal, map_literal>;

struct expr {
  source_range range;
  expr_node node;
};

// ---- types ----
enum class type_kind { named, ref, list, map, range, inline_enum };
struct enum_member {
  name symbol;
  std::string label;
  source_range range;
};
struct type_expr {
  type_kind kind = type_kind::named;
  name target;                       // the type name (named) or the entity (ref)
  std::vector<type_expr> args;       // list<T>: 1, map<K, V>: 2, range<T>: 1
  std::vector<enum_member> members;  // inline enum
  bool optional = false;
  source_range range;
};

// ---- declarations ----
struct metadata_entry {
  name key;
  std::string value;
  source_range range;
};
struct ruleset_decl {
  name module;
  std::optional<std::string> title;
  std::vector<metadata_entry> entries;
};
struct import_decl {
  name module;
};
struct source_decl {
  std::string id;
  std::string title;
};
struct enum_decl {
  name type;
  std::vector<enum_member> members;
};
struct field_decl {
  name field;
  type_expr type;
  std::optional<std::string> doc;
  source_range range;
  /// `none "在保密室"`: a null value means "not done / none", with this Chinese meaning.
  std::optional<std::string> none;
};
/// `entity person in people key id label name { … }`; without `in` it is a nested record type.
struct entity_decl {
  name type;
  std::optional<name> collection;
  std::optional<name> key;
  std::vector<field_decl> fields;
  /// `label FIELD` (a variable) or `label "{kind} {serial}"` (a string literal); null when undeclared.
  expr_ptr label;
};
/// `extend entity travel { … }`: fields added to an entity declared in another loaded module.
struct extend_decl {
  name type;
  std::vector<field_decl> fields;
};
struct param_decl {
  name param;
  type_expr type;
  expr_ptr value;
};
struct fn_param {
  name param;
  type_expr type;
};
struct function_decl {
  name function;
  std::vector<fn_param> params;
  std::optional<type_expr> result;
  expr_ptr body;
};

struct cite {
  std::string source;
  std::string quote;
  std::optional<std::string> locator;
  source_range quote_range;
  source_range range;
};
struct rule_subject {
  name binder;
  expr_ptr collection;
  expr_ptr condition;
  source_range range;
};
enum class step_kind { let, where, due, require, forbid };
/// One step of a rule body, in order: `let x = E`, `where P`, `due D`, `require P`, `forbid P`.
struct rule_step {
  step_kind kind = step_kind::where;
  std::optional<name> binding;  // for `let`
  expr_ptr value;
  source_range range;
};
template <typename T>
struct located {
  T value;
  source_range range;
};
struct rule_decl {
  name id;
  std::string title;
  std::optional<located<severity_level>> severity;
  std::optional<located<std::string>> area;
  std::vector<cite> cites;
  std::vector<located<std::string>> tags;
  std::optional<located<date_literal>> effective;
  std::optional<located<date_literal>> expires;
  std::optional<rule_subject> subject;
  std::vector<rule_step> steps;
  expr_ptr message;  // a string literal, possibly with interpolations
  expr_ptr remedy;
  source_range message_range;
  source_range remedy_range;
};

enum class profile_item_kind { param, disable, severity };
struct profile_item {
  profile_item_kind kind = profile_item_kind::disable;
  name target;  // param name or rule id
  expr_ptr value;
  severity_level level = severity_level::medium;
  source_range range;
};
struct profile_decl {
  name profile;
  std::optional<std::string> title;
  name extends;
  std::vector<profile_item> items;
};

using decl_node = std::variant<ruleset_decl, import_decl, source_decl, enum_decl, entity_decl, extend_decl, param_decl,
                               function_decl, rule_decl, profile_decl>;
struct declaration {
  source_range range;
  decl_node node;
};

struct comment {
  std::string text;  // including the leading `#`
  source_range range;
};

/// One parsed `.baomi` file.
struct module {
  std::string path;
  std::vector<declaration> decls;
  std::vector<comment> comments;
};

/// A location-free S-expression of the tree; equal dumps mean equal trees (comments excluded).
std::string dump(const module& m);
std::string dump(const expr& e);

const char* to_string(severity_level s);
const char* to_string(binary_op op);
const char* to_string(duration_unit u);
std::optional<severity_level> parse_severity(std::string_view text);

}  // namespace baomi::dsl::ast

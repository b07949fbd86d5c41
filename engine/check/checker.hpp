// The checker's shared state: one `checker` per `check` call, its passes defined in the files of
// engine/check/ named after them (collect, schema, declarations, scope, lower_*, rules, profiles).
// Private to the checker, which may see the AST.
#pragma once

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/formatter.hpp"
#include "engine/check.hpp"
#include "engine/check/codes.hpp"
#include "engine/compile.hpp"
#include "facts/date.hpp"

namespace baomi::engine::checking {

namespace ast = dsl::ast;
using facts::type;
using facts::type_kind;

/// The closest candidate within a small edit distance, for "did you mean" notes.
std::optional<std::string> closest(std::string_view name, const std::vector<std::string>& candidates);

inline bool same_base(const type& a, const type& b) {
  if (a.kind != b.kind) return false;
  if ((a.kind == type_kind::enumeration || a.kind == type_kind::ref || a.kind == type_kind::record) &&
      a.target != b.target)
    return false;
  if (a.args.size() != b.args.size()) return false;
  for (std::size_t i = 0; i < a.args.size(); ++i) {
    if (!same_base(a.args[i], b.args[i])) return false;
  }
  return true;
}

inline bool numeric(const type& t) { return t.kind == type_kind::integer || t.kind == type_kind::number; }
inline bool ordered(const type& t) {
  return numeric(t) || t.kind == type_kind::date || t.kind == type_kind::duration || t.kind == type_kind::string;
}
inline type with_optional(type t, bool optional) {
  t.optional = t.optional || optional;
  return t;
}
inline type plain(type t) {
  t.optional = false;
  return t;
}

struct local {
  std::string name;
  std::uint32_t slot = 0;
  type t;
  bool null_type = false;  // bound to `null` (or to an expression already reported as wrong)
  dsl::source_range range;
  bool is_let = false;
  bool used = false;
};

class checker {
 public:
  explicit checker(const module_set& modules) : m_modules(modules) {
    m_program.constants = std::make_shared<constant_pool>();
  }
  check_result run();

 private:
  template <typename Decl>
  struct located_decl {
    const module_source* module;
    const Decl* decl;
    dsl::source_range range;
  };
  const module_set& m_modules;
  checked_program m_program;
  std::vector<dsl::diagnostic> m_diagnostics;
  const module_source* m_module = nullptr;  // the module being checked
  std::vector<located_decl<ast::enum_decl>> m_enums;
  std::vector<located_decl<ast::entity_decl>> m_entities;
  std::vector<located_decl<ast::extend_decl>> m_extensions;
  std::vector<located_decl<ast::param_decl>> m_params;
  std::vector<located_decl<ast::function_decl>> m_functions;
  std::vector<located_decl<ast::rule_decl>> m_rules;
  std::vector<located_decl<ast::profile_decl>> m_profiles;
  std::map<std::string, std::string> m_sources;  // id -> title
  std::map<std::string, std::uint32_t> m_param_index;
  std::map<std::string, std::uint32_t> m_function_index;
  std::vector<bool> m_param_used;
  std::map<std::string, const ast::param_decl*> m_first_param_decl;

  // scope of the expression being checked
  std::vector<local> m_scope;
  std::uint32_t m_next_slot = 0;
  std::uint32_t m_frame_size = 0;
  std::vector<std::string> m_slot_names;
  bool m_constant_context = false;  // params and profile values: no facts
  std::optional<std::uint32_t> m_in_function;
  std::vector<std::set<std::uint32_t>> m_calls;  // function -> functions it calls

  // ---- diagnostics ----
  dsl::diagnostic& report(dsl::severity s, std::string_view code, const dsl::source_range& range, std::string message);
  dsl::diagnostic& error(std::string_view code, const dsl::source_range& range, std::string message);
  dsl::diagnostic& warning(std::string_view code, const dsl::source_range& range, std::string message);
  void suggest(dsl::diagnostic& d, std::string_view name, const std::vector<std::string>& candidates);
  /// "first declared in PATH:L:C" on a duplicate (E0213), so a clash with the baseline names both files.
  void note_first(dsl::diagnostic& d, const module_source* m, const dsl::source_range& r);

  // Types as the language writes them (`int`, `bool`), not as the schema model names them.
  std::string type_name(const type& t) const;
  std::string type_name(const ir::node& n) const { return n.null_type ? "null" : type_name(n.type); }

  // ---- pass 1: collect declarations ----
  void collect();
  void collect_one(const module_source& m, const ast::import_decl& d, const dsl::source_range&,
                   const std::set<std::string>& names);
  void collect_one(const module_source&, const ast::ruleset_decl&, const dsl::source_range&,
                   const std::set<std::string>&) {}
  void collect_one(const module_source&, const ast::source_decl& d, const dsl::source_range&,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::enum_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::entity_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::extend_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::param_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::function_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::rule_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);
  void collect_one(const module_source& m, const ast::profile_decl& d, const dsl::source_range& r,
                   const std::set<std::string>&);

  // ---- pass 2: the schema ----
  std::map<std::string, std::uint32_t> m_enum_by_name;
  std::map<std::string, std::uint32_t> m_entity_by_name;
  std::vector<facts::enum_type> m_enum_types;
  std::uint32_t add_enum(std::string name, const std::vector<ast::enum_member>& members,
                         const dsl::source_range& range);
  void build_schema();
  /// A field an `extend entity` adds, with the module that declares it.
  struct added_field {
    const module_source* module;
    const ast::field_decl* decl;
  };
  /// The fields `extend entity` declarations add, by entity index, after reporting an unknown entity
  /// and a field declared twice (E0213 with a note on the first declaration); those are left out.
  std::map<std::uint32_t, std::vector<added_field>> extension_fields();
  void add_extension_fields(facts::entity_type& t, const std::vector<added_field>& fields);
  type resolve_type(const ast::type_expr& t, const std::string& inline_name);
  std::vector<facts::label_part> resolve_label(const ast::expr& label, const facts::entity_type& t);
  template <typename Map>
  static std::vector<std::string> keys(const Map& m) {
    std::vector<std::string> out;
    for (const auto& [k, v] : m) out.push_back(k);
    return out;
  }
  type named_type(const ast::name& n);

  // ---- params ----
  void check_params();
  void expect_assignable(const ir::node& value, const type& t, const dsl::source_range& range, const char* what);

  // ---- functions ----
  // Signatures first, so params may call functions; bodies after params, so functions may read them.
  void declare_functions();
  void check_function_bodies();

  // ---- scope ----
  void begin_frame();
  std::uint32_t bind(const ast::name& n, const type& t, bool is_let);
  void unbind();
  const local* find_local(const std::string& name);

  // ---- expressions ----
  ir::node make(ir::op op, type t, const ast::expr& e);
  ir::node bad(const ast::expr& e);
  static bool poisoned(const ir::node& a, const ir::node& b) { return a.poisoned || b.poisoned; }
  ir::node expr(const ast::expr& e, const type* expected);
  ir::node constant(const ast::expr& e, type t, value v);
  ir::node lower(const ast::expr& e, const ast::null_literal&, const type*);
  ir::node lower(const ast::expr& e, const ast::bool_literal& b, const type*);
  ir::node lower(const ast::expr& e, const ast::number_literal& n, const type*);
  ir::node lower(const ast::expr& e, const ast::date_literal& d, const type*);
  ir::node lower(const ast::expr& e, const ast::duration_literal& d, const type*);
  ir::node lower(const ast::expr& e, const ast::string_literal& s, const type*);
  std::vector<std::string> visible_names();
  bool resolvable(const std::string& name);
  bool is_bare_symbol(const ast::expr& e);
  ir::node lower(const ast::expr& e, const ast::variable& v, const type* expected);
  ir::node lower(const ast::expr& e, const ast::member& m, const type*);
  ir::node lower(const ast::expr& e, const ast::index& ix, const type*);
  ir::node lower(const ast::expr& e, const ast::call& c, const type*);
  ir::node lower(const ast::expr& e, const ast::unary& u, const type*);
  void expect_bool(const ir::node& n, const dsl::source_range& range, const char* where);
  ir::node lower(const ast::expr& e, const ast::is_null& x, const type*);
  ir::node lower(const ast::expr& e, const ast::conditional& c, const type* expected);
  ir::node lower(const ast::expr& e, const ast::binary& b, const type* expected);

  // Checks lhs and rhs, letting a typed side give an enum symbol on the other side its type.
  std::pair<ir::node, ir::node> operands(const ast::binary& b, bool rhs_is_collection);
  ir::node comparison(const ast::expr& e, const ast::binary& b);
  ir::node arithmetic(const ast::expr& e, const ast::binary& b);

  // The collection of a quantifier or aggregate, and its element type.
  std::optional<std::pair<ir::node, type>> collection(const ast::expr& c);
  ir::node lower(const ast::expr& e, const ast::quantifier& q, const type*);
  ir::node lower(const ast::expr& e, const ast::aggregate& a, const type*);
  void warn_cross_product(ir::node& n, const ast::expr& e);

  // Whether the condition reads locals bound outside the quantifier.
  bool depends_on_outer(const ir::node& q);
  ir::node lower(const ast::expr& e, const ast::list_literal& l, const type* expected);
  ir::node lower(const ast::expr& e, const ast::map_literal& m, const type* expected);

  // ---- rules ----
  void check_rules();
  void check_rule(const located_decl<ast::rule_decl>& r);

  // ---- profiles ----
  void check_profiles();
  void warn_unused_params();
};

}  // namespace baomi::engine::checking

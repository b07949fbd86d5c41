// The checker: builds the schema from `entity`/`enum`, then types every expression against it and
// lowers it to IR. Every problem is collected with a stable code; nothing stops at the first.
#include "engine/check.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "dsl/formatter.hpp"
#include "engine/compile.hpp"
#include "facts/date.hpp"

namespace baomi::engine {

namespace {

namespace ast = dsl::ast;
using facts::type;
using facts::type_kind;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// The closest candidate within a small edit distance, for "did you mean" notes.
std::optional<std::string> closest(std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    auto d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

bool same_base(const type& a, const type& b) {
  if (a.kind != b.kind) return false;
  if ((a.kind == type_kind::enumeration || a.kind == type_kind::ref || a.kind == type_kind::record) && a.target != b.target) return false;
  if (a.args.size() != b.args.size()) return false;
  for (std::size_t i = 0; i < a.args.size(); ++i) {
    if (!same_base(a.args[i], b.args[i])) return false;
  }
  return true;
}

bool numeric(const type& t) { return t.kind == type_kind::integer || t.kind == type_kind::number; }
bool ordered(const type& t) {
  return numeric(t) || t.kind == type_kind::date || t.kind == type_kind::duration || t.kind == type_kind::string;
}
type with_optional(type t, bool optional) {
  t.optional = t.optional || optional;
  return t;
}
type plain(type t) {
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

  check_result run() {
    collect();
    build_schema();
    declare_functions();
    check_params();
    check_function_bodies();
    check_rules();
    check_profiles();
    warn_unused_params();
    check_result result;
    dsl::sort_and_unique(m_diagnostics);
    bool errors = std::any_of(m_diagnostics.begin(), m_diagnostics.end(),
                              [](const auto& d) { return d.severity == dsl::severity::error; });
    if (!errors) result.program = std::move(m_program);
    result.diagnostics = std::move(m_diagnostics);
    return result;
  }

private:
  template <typename Decl> struct located_decl {
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
  bool m_constant_context = false;        // params and profile values: no facts
  std::optional<std::uint32_t> m_in_function;
  std::vector<std::set<std::uint32_t>> m_calls;  // function -> functions it calls

  // ---- diagnostics ----
  dsl::diagnostic& report(dsl::severity s, const char* code, const dsl::source_range& range, std::string message) {
    m_diagnostics.push_back({code, s, m_module ? m_module->source.path() : "", range, std::move(message), {}});
    return m_diagnostics.back();
  }
  dsl::diagnostic& error(const char* code, const dsl::source_range& range, std::string message) {
    return report(dsl::severity::error, code, range, std::move(message));
  }
  dsl::diagnostic& warning(const char* code, const dsl::source_range& range, std::string message) {
    return report(dsl::severity::warning, code, range, std::move(message));
  }
  void suggest(dsl::diagnostic& d, std::string_view name, const std::vector<std::string>& candidates) {
    if (auto best = closest(name, candidates)) d.notes.push_back({fmt::format("did you mean `{}`?", *best), std::nullopt});
  }

  // Types as the language writes them (`int`, `bool`), not as the schema model names them.
  std::string type_name(const type& t) const {
    auto text = facts::to_string(t, m_program.schema);
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"integer", "int"}, {"boolean", "bool"}}) {
      for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        bool word_end = at + from.size() == text.size() || !std::isalnum(static_cast<unsigned char>(text[at + from.size()]));
        if (word_start && word_end) text.replace(at, from.size(), to);
      }
    }
    return text;
  }
  std::string type_name(const ir::node& n) const { return n.null_type ? "null" : type_name(n.type); }

  // ---- pass 1: collect declarations ----
  void collect() {
    std::set<std::string> module_names;
    for (const auto& m : m_modules.modules) module_names.insert(m.name);
    for (const auto& m : m_modules.modules) {
      m_module = &m;
      for (const auto& d : m.ast.decls) {
        std::visit([&](const auto& n) { collect_one(m, n, d.range, module_names); }, d.node);
      }
    }
    m_module = nullptr;
  }

  void collect_one(const module_source& m, const ast::import_decl& d, const dsl::source_range&, const std::set<std::string>& names) {
    if (!names.count(d.module.text)) {
      auto& diag = error("E0212", d.module.range, fmt::format("module `{}` not found", d.module.text));
      std::vector<std::string> others;
      for (const auto& n : names) {
        if (n != m.name) others.push_back(n);
      }
      suggest(diag, d.module.text, others);
    }
  }
  void collect_one(const module_source&, const ast::ruleset_decl&, const dsl::source_range&, const std::set<std::string>&) {}
  void collect_one(const module_source&, const ast::source_decl& d, const dsl::source_range&, const std::set<std::string>&) {
    m_sources[d.id] = d.title;
  }
  void collect_one(const module_source& m, const ast::enum_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_enums.push_back({&m, &d, r});
  }
  void collect_one(const module_source& m, const ast::entity_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_entities.push_back({&m, &d, r});
  }
  void collect_one(const module_source& m, const ast::param_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_params.push_back({&m, &d, r});
  }
  void collect_one(const module_source& m, const ast::function_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_functions.push_back({&m, &d, r});
  }
  void collect_one(const module_source& m, const ast::rule_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_rules.push_back({&m, &d, r});
  }
  void collect_one(const module_source& m, const ast::profile_decl& d, const dsl::source_range& r, const std::set<std::string>&) {
    m_profiles.push_back({&m, &d, r});
  }

  // ---- pass 2: the schema ----
  std::map<std::string, std::uint32_t> m_enum_by_name;
  std::map<std::string, std::uint32_t> m_entity_by_name;
  std::vector<facts::enum_type> m_enum_types;

  std::uint32_t add_enum(std::string name, const std::vector<ast::enum_member>& members, const dsl::source_range& range) {
    facts::enum_type e{std::move(name), {}};
    std::set<std::string> seen;
    for (const auto& mem : members) {
      if (!seen.insert(mem.symbol.text).second) {
        error("E0213", mem.symbol.range, fmt::format("duplicate enum value `{}`", mem.symbol.text));
      }
      e.values.push_back({mem.symbol.text, mem.label});
    }
    (void)range;
    m_enum_types.push_back(std::move(e));
    return static_cast<std::uint32_t>(m_enum_types.size() - 1);
  }

  void build_schema() {
    std::vector<std::string> names;
    for (const auto& e : m_enums) {
      m_module = e.module;
      if (m_enum_by_name.count(e.decl->type.text)) {
        error("E0213", e.decl->type.range, fmt::format("duplicate enum `{}`", e.decl->type.text));
        continue;
      }
      m_enum_by_name[e.decl->type.text] = add_enum(e.decl->type.text, e.decl->members, e.range);
    }
    for (std::size_t i = 0; i < m_entities.size(); ++i) {
      m_module = m_entities[i].module;
      const auto& d = *m_entities[i].decl;
      if (m_entity_by_name.count(d.type.text) || m_enum_by_name.count(d.type.text)) {
        error("E0213", d.type.range, fmt::format("duplicate type `{}`", d.type.text));
      }
      m_entity_by_name.emplace(d.type.text, static_cast<std::uint32_t>(i));
    }
    std::vector<facts::entity_type> entities;
    std::set<std::string> collections;
    for (const auto& e : m_entities) {
      m_module = e.module;
      const auto& d = *e.decl;
      facts::entity_type t;
      t.name = d.type.text;
      if (d.collection) {
        t.collection = d.collection->text;
        if (!collections.insert(d.collection->text).second) {
          error("E0213", d.collection->range, fmt::format("duplicate collection `{}`", d.collection->text));
        }
      }
      if (d.key) t.key = d.key->text;
      std::set<std::string> seen;
      for (const auto& f : d.fields) {
        if (!seen.insert(f.field.text).second) error("E0213", f.field.range, fmt::format("duplicate field `{}`", f.field.text));
        t.fields.push_back({f.field.text, resolve_type(f.type, d.type.text + "." + f.field.text), f.doc.value_or("")});
      }
      if (d.key && !t.find_field(d.key->text)) {
        error("E0214", d.key->range, fmt::format("key `{}` is not a field of `{}`", d.key->text, d.type.text));
      }
      if (d.collection && !d.key) error("E0214", d.type.range, fmt::format("entity `{}` has a collection but no `key`", d.type.text));
      entities.push_back(std::move(t));
    }
    for (auto& e : m_enum_types) m_program.schema.add_enum(std::move(e));
    for (auto& e : entities) m_program.schema.add_entity(std::move(e));
    m_module = nullptr;
    // The schema validator repeats what E0213/E0214 already said; ask it only about what they cannot see.
    bool reported = std::any_of(m_diagnostics.begin(), m_diagnostics.end(),
                                [](const auto& d) { return d.code == "E0213" || d.code == "E0214"; });
    if (!reported) {
      for (const auto& p : m_program.schema.validate()) {
        bool is_enum = p.where.rfind("enum ", 0) == 0;
        auto name = is_enum ? p.where.substr(5) : p.where.substr(0, p.where.find('.'));
        name = name.substr(0, name.find_first_of(" ."));
        auto message = fmt::format("{}: {}", p.where, p.message);
        if (auto it = m_entity_by_name.find(name); !is_enum && it != m_entity_by_name.end()) {
          m_module = m_entities[it->second].module;
          error("E0215", m_entities[it->second].decl->type.range, message);
          continue;
        }
        auto e = std::find_if(m_enums.begin(), m_enums.end(), [&](const auto& d) { return d.decl->type.text == name; });
        if (e != m_enums.end()) {
          m_module = e->module;
          error("E0215", e->decl->type.range, message);
        } else if (!m_entities.empty()) {
          m_module = m_entities.front().module;  // an inline enum: point at the first entity file
          error("E0215", m_entities.front().decl->type.range, message);
        }
      }
    }
    m_module = nullptr;
  }

  type resolve_type(const ast::type_expr& t, const std::string& inline_name) {
    type out;
    switch (t.kind) {
      case ast::type_kind::named: out = named_type(t.target); break;
      case ast::type_kind::ref: {
        auto it = m_entity_by_name.find(t.target.text);
        if (it == m_entity_by_name.end()) {
          auto& d = error("E0214", t.target.range, fmt::format("unknown entity `{}`", t.target.text));
          suggest(d, t.target.text, keys(m_entity_by_name));
        } else if (!m_entities[it->second].decl->collection) {
          error("E0214", t.target.range, fmt::format("`{}` has no collection: use it as a record type, without `ref`", t.target.text));
        } else {
          out = facts::ref_to(it->second);
        }
        break;
      }
      case ast::type_kind::list: out = facts::list_of(resolve_type(t.args.at(0), inline_name)); break;
      case ast::type_kind::map:
        out = facts::map_of(resolve_type(t.args.at(0), inline_name), resolve_type(t.args.at(1), inline_name));
        break;
      case ast::type_kind::range: out = facts::range_of(resolve_type(t.args.at(0), inline_name)); break;
      case ast::type_kind::inline_enum: {
        auto index = add_enum(inline_name, t.members, t.range);
        m_enum_by_name.emplace(inline_name, index);
        out = facts::enum_of(index);
        break;
      }
    }
    out.optional = t.optional;
    return out;
  }

  template <typename Map> static std::vector<std::string> keys(const Map& m) {
    std::vector<std::string> out;
    for (const auto& [k, v] : m) out.push_back(k);
    return out;
  }

  type named_type(const ast::name& n) {
    static const std::map<std::string, type_kind> primitives = {
        {"string", type_kind::string}, {"int", type_kind::integer}, {"number", type_kind::number},
        {"bool", type_kind::boolean}, {"date", type_kind::date}, {"duration", type_kind::duration}};
    if (auto p = primitives.find(n.text); p != primitives.end()) return facts::scalar(p->second);
    if (auto e = m_enum_by_name.find(n.text); e != m_enum_by_name.end()) return facts::enum_of(e->second);
    if (auto e = m_entity_by_name.find(n.text); e != m_entity_by_name.end()) {
      if (m_entities[e->second].decl->collection) {
        return facts::ref_to(e->second);  // a parameter or result typed by an entity means a reference to one
      }
      return facts::record_of(e->second);
    }
    auto& d = error("E0214", n.range, fmt::format("unknown type `{}`", n.text));
    auto candidates = keys(m_enum_by_name);
    for (const auto& k : keys(m_entity_by_name)) candidates.push_back(k);
    for (const auto& [k, v] : primitives) candidates.push_back(k);
    suggest(d, n.text, candidates);
    return facts::scalar(type_kind::string);
  }

  // ---- params ----
  void check_params() {
    for (const auto& p : m_params) {
      m_module = p.module;
      const auto& d = *p.decl;
      if (m_param_index.count(d.param.text)) {
        error("E0213", d.param.range, fmt::format("duplicate param `{}`", d.param.text));
        continue;
      }
      m_first_param_decl[d.param.text] = &d;
      auto t = resolve_type(d.type, d.param.text);
      m_constant_context = true;
      auto value = expr(*d.value, &t);
      m_constant_context = false;
      expect_assignable(value, t, d.value->range, "the default value");
      m_param_index[d.param.text] = static_cast<std::uint32_t>(m_program.params.size());
      m_program.params.push_back({d.param.text, t, std::move(value)});
      m_param_used.push_back(false);
    }
    m_module = nullptr;
  }

  void expect_assignable(const ir::node& value, const type& t, const dsl::source_range& range, const char* what) {
    if (value.poisoned) return;
    if (value.null_type) {
      if (!t.optional) error("E0203", range, fmt::format("{} is `null` but the type `{}` is not optional", what, type_name(t)));
      return;
    }
    bool ok = same_base(value.type, t) || (t.kind == type_kind::number && value.type.kind == type_kind::integer);
    if (!ok) error("E0203", range, fmt::format("{} has type `{}`, expected `{}`", what, type_name(value), type_name(t)));
  }

  // ---- functions ----
  // Signatures first, so params may call functions; bodies after params, so functions may read them.
  void declare_functions() {
    for (const auto& f : m_functions) {
      m_module = f.module;
      const auto& d = *f.decl;
      if (m_function_index.count(d.function.text)) {
        error("E0213", d.function.range, fmt::format("duplicate function `{}`", d.function.text));
        continue;
      }
      m_function_index[d.function.text] = static_cast<std::uint32_t>(m_program.functions.size());
      function_info info{d.function.text, {}, {}, 0, {}};
      for (const auto& p : d.params) info.params.push_back(resolve_type(p.type, d.function.text + "." + p.param.text));
      if (d.result) info.result = resolve_type(*d.result, d.function.text + ".result");
      m_program.functions.push_back(std::move(info));
    }
    m_calls.assign(m_program.functions.size(), {});
    m_module = nullptr;
  }

  void check_function_bodies() {
    for (const auto& f : m_functions) {
      m_module = f.module;
      const auto& d = *f.decl;
      auto index = m_function_index.at(d.function.text);
      if (m_program.functions[index].name != d.function.text) continue;
      begin_frame();
      for (std::size_t i = 0; i < d.params.size(); ++i) {
        bind(d.params[i].param, m_program.functions[index].params[i], false);
        m_scope.back().used = true;
      }
      m_in_function = index;
      auto body = expr(*d.body, d.result ? &m_program.functions[index].result : nullptr);
      m_in_function.reset();
      if (d.result) {
        expect_assignable(body, m_program.functions[index].result, d.body->range, "the function body");
      } else {
        m_program.functions[index].result = body.type;
      }
      m_program.functions[index].body = std::move(body);
      m_program.functions[index].frame_size = m_frame_size;
      m_scope.clear();
    }
    // Non-recursion: the call graph has no cycle.
    std::vector<int> state(m_program.functions.size(), 0);
    std::function<bool(std::uint32_t)> cyclic = [&](std::uint32_t f) {
      if (state[f] == 1) return true;
      if (state[f] == 2) return false;
      state[f] = 1;
      for (auto callee : m_calls[f]) {
        if (cyclic(callee)) return true;
      }
      state[f] = 2;
      return false;
    };
    for (const auto& f : m_functions) {
      auto index = m_function_index.at(f.decl->function.text);
      std::fill(state.begin(), state.end(), 0);
      if (m_program.functions[index].name == f.decl->function.text && cyclic(index)) {
        m_module = f.module;
        error("E0216", f.decl->function.range, fmt::format("function `{}` calls itself (directly or through other functions): rules must terminate", f.decl->function.text));
      }
    }
    m_module = nullptr;
  }

  // ---- scope ----
  void begin_frame() {
    m_scope.clear();
    m_next_slot = 0;
    m_frame_size = 0;
    m_slot_names.clear();
  }

  std::uint32_t bind(const ast::name& n, const type& t, bool is_let) {
    auto slot = m_next_slot++;
    m_frame_size = std::max(m_frame_size, m_next_slot);
    if (m_slot_names.size() <= slot) m_slot_names.resize(slot + 1);
    m_slot_names[slot] = n.text;
    m_scope.push_back({n.text, slot, t, false, n.range, is_let, false});
    return slot;
  }

  void unbind() {
    m_scope.pop_back();
    --m_next_slot;
  }

  const local* find_local(const std::string& name) {
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
      if (it->name == name) {
        it->used = true;
        return &*it;
      }
    }
    return nullptr;
  }

  // ---- expressions ----
  ir::node make(ir::op op, type t, const ast::expr& e) {
    ir::node n;
    n.op = op;
    n.type = std::move(t);
    n.range = e.range;
    return n;
  }

  ir::node bad(const ast::expr& e) {
    auto n = make(ir::op::constant, facts::scalar(type_kind::boolean), e);
    n.null_type = true;
    n.poisoned = true;
    return n;
  }

  static bool poisoned(const ir::node& a, const ir::node& b) { return a.poisoned || b.poisoned; }

  ir::node expr(const ast::expr& e, const type* expected) {
    auto n = std::visit([&](const auto& node) { return lower(e, node, expected); }, e.node);
    return n;
  }

  ir::node constant(const ast::expr& e, type t, value v) {
    auto n = make(ir::op::constant, std::move(t), e);
    n.constant = v;
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::null_literal&, const type*) {
    auto n = make(ir::op::constant, facts::scalar(type_kind::boolean), e);
    n.null_type = true;
    return n;
  }
  ir::node lower(const ast::expr& e, const ast::bool_literal& b, const type*) {
    return constant(e, facts::scalar(type_kind::boolean), value::boolean(b.value));
  }
  ir::node lower(const ast::expr& e, const ast::number_literal& n, const type*) {
    if (n.is_integer) {
      std::int64_t i = 0;
      try {
        i = std::stoll(n.text);
      } catch (...) {
        error("E0203", e.range, fmt::format("integer `{}` is too large", n.text));
      }
      return constant(e, facts::scalar(type_kind::integer), value::integer(i));
    }
    return constant(e, facts::scalar(type_kind::number), value::number(std::stod(n.text)));
  }
  ir::node lower(const ast::expr& e, const ast::date_literal& d, const type*) {
    auto day = facts::make_date(d.year, d.month, d.day);
    return constant(e, facts::scalar(type_kind::date), value::date(day.value_or(0)));
  }
  ir::node lower(const ast::expr& e, const ast::duration_literal& d, const type*) {
    facts::duration dur;
    auto amount = static_cast<std::int32_t>(d.amount);
    switch (d.unit) {
      case ast::duration_unit::day: dur.days = amount; break;
      case ast::duration_unit::week: dur.days = amount * 7; break;
      case ast::duration_unit::working_day: dur.working_days = amount; break;
      case ast::duration_unit::month: dur.months = amount; break;
      case ast::duration_unit::year: dur.months = amount * 12; break;
    }
    return constant(e, facts::scalar(type_kind::duration), value::duration(dur));
  }
  ir::node lower(const ast::expr& e, const ast::string_literal& s, const type*) {
    bool plain = std::none_of(s.parts.begin(), s.parts.end(), [](const auto& p) { return p.interpolation != nullptr; });
    if (plain) {
      std::string text;
      for (const auto& p : s.parts) text += p.text;
      auto n = constant(e, facts::scalar(type_kind::string), value::string(m_program.constants->keep(text)));
      n.text = text;
      return n;
    }
    auto n = make(ir::op::concat, facts::scalar(type_kind::string), e);
    for (const auto& p : s.parts) {
      if (p.interpolation) {
        auto part = expr(*p.interpolation, nullptr);
        part.source_text = dsl::format_expr(*p.interpolation);
        n.children.push_back(std::move(part));
      } else {
        auto c = constant(e, facts::scalar(type_kind::string), value::string(m_program.constants->keep(p.text)));
        c.text = p.text;
        n.children.push_back(std::move(c));
      }
    }
    return n;
  }

  std::vector<std::string> visible_names() {
    std::vector<std::string> names;
    for (const auto& l : m_scope) names.push_back(l.name);
    for (const auto& [name, i] : m_param_index) names.push_back(name);
    for (const auto& e : m_program.schema.entities()) {
      if (e.collection) names.push_back(*e.collection);
    }
    names.push_back("as_of");
    return names;
  }

  bool resolvable(const std::string& name) {
    for (const auto& l : m_scope) {
      if (l.name == name) return true;
    }
    return name == "as_of" || m_param_index.count(name) || m_program.schema.find_collection(name).has_value();
  }

  bool is_bare_symbol(const ast::expr& e) {
    const auto* v = std::get_if<ast::variable>(&e.node);
    return v && !resolvable(v->name);
  }

  ir::node lower(const ast::expr& e, const ast::variable& v, const type* expected) {
    if (const auto* l = find_local(v.name)) {
      auto n = make(ir::op::local, l->t, e);
      n.slot = l->slot;
      n.null_type = l->null_type;
      n.poisoned = l->null_type;
      return n;
    }
    if (v.name == "as_of") {
      if (m_constant_context) error("E0206", e.range, "`as_of` cannot be used in a param value");
      return make(ir::op::as_of, facts::scalar(type_kind::date), e);
    }
    if (auto p = m_param_index.find(v.name); p != m_param_index.end()) {
      m_param_used[p->second] = true;
      auto n = make(ir::op::param, m_program.params[p->second].type, e);
      n.slot = p->second;
      return n;
    }
    if (auto c = m_program.schema.find_collection(v.name)) {
      if (m_constant_context) error("E0206", e.range, fmt::format("collection `{}` cannot be used in a param value", v.name));
      auto n = make(ir::op::collection, facts::list_of(facts::ref_to(*c)), e);
      n.table = *c;
      return n;
    }
    // An enum symbol: first the expected enum, then any enum that has it.
    if (expected && expected->kind == type_kind::enumeration) {
      const auto& en = m_program.schema.enum_at(expected->target);
      for (std::uint32_t i = 0; i < en.values.size(); ++i) {
        if (en.values[i].symbol == v.name) return constant(e, plain(*expected), value::enumeration(expected->target, i));
      }
      auto& d = error("E0201", e.range, fmt::format("`{}` is not a value of enum `{}`", v.name, en.name));
      std::vector<std::string> symbols;
      for (const auto& val : en.values) symbols.push_back(val.symbol);
      suggest(d, v.name, symbols);
      return bad(e);
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
    const auto& enums = m_program.schema.enums();
    for (std::uint32_t i = 0; i < enums.size(); ++i) {
      for (std::uint32_t j = 0; j < enums[i].values.size(); ++j) {
        if (enums[i].values[j].symbol == v.name) found.emplace_back(i, j);
      }
    }
    if (found.size() == 1) return constant(e, facts::enum_of(found[0].first), value::enumeration(found[0].first, found[0].second));
    if (found.size() > 1) {
      auto& d = error("E0217", e.range, fmt::format("`{}` is a value of several enums", v.name));
      for (const auto& [i, j] : found) d.notes.push_back({fmt::format("enum `{}` has it", enums[i].name), std::nullopt});
      d.notes.push_back({"compare it with a field of the enum you mean, so its type decides", std::nullopt});
      return bad(e);
    }
    auto& d = error("E0201", e.range, fmt::format("unknown name `{}`", v.name));
    suggest(d, v.name, visible_names());
    return bad(e);
  }

  ir::node lower(const ast::expr& e, const ast::member& m, const type*) {
    auto object = expr(*m.object, nullptr);
    if (object.null_type) return bad(e);
    const auto& t = object.type;
    if (t.kind != type_kind::ref && t.kind != type_kind::record) {
      error("E0202", m.field.range, fmt::format("`{}` has type `{}`, which has no fields", dsl::format_expr(*m.object), type_name(t)));
      return bad(e);
    }
    const auto& entity = m_program.schema.entity_at(t.target);
    auto field = entity.find_field(m.field.text);
    if (!field) {
      auto& d = error("E0202", m.field.range, fmt::format("`{}` has no field `{}`", entity.name, m.field.text));
      std::vector<std::string> names;
      for (const auto& f : entity.fields) names.push_back(f.name);
      suggest(d, m.field.text, names);
      return bad(e);
    }
    auto n = make(ir::op::field, with_optional(entity.fields[*field].type, t.optional), e);
    n.table = t.target;
    n.field = *field;
    n.children.push_back(std::move(object));
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::index& ix, const type*) {
    auto object = expr(*ix.object, nullptr);
    if (object.null_type) return bad(e);
    const auto& t = object.type;
    if (t.kind == type_kind::map) {
      auto key = expr(*ix.key, &t.args.at(0));
      if (!key.null_type && !same_base(key.type, t.args.at(0))) {
        error("E0203", ix.key->range, fmt::format("the key has type `{}`, the map's keys are `{}`", type_name(key), type_name(t.args.at(0))));
      }
      auto n = make(ir::op::index, with_optional(t.args.at(1), true), e);
      n.children.push_back(std::move(object));
      n.children.push_back(std::move(key));
      return n;
    }
    if (t.kind == type_kind::list) {
      auto key = expr(*ix.key, nullptr);
      if (!key.null_type && key.type.kind != type_kind::integer) error("E0203", ix.key->range, "a list index must be an `int`");
      auto n = make(ir::op::index, with_optional(t.args.at(0), true), e);
      n.children.push_back(std::move(object));
      n.children.push_back(std::move(key));
      return n;
    }
    error("E0203", e.range, fmt::format("`{}` has type `{}`, which cannot be indexed", dsl::format_expr(*ix.object), type_name(t)));
    return bad(e);
  }

  struct builtin_sig {
    ir::builtin id;
    std::vector<type_kind> args;  // type_kind::list means any list; record means "ordered, same as result"
    type_kind result;
  };

  ir::node lower(const ast::expr& e, const ast::call& c, const type*) {
    static const std::map<std::string, builtin_sig> builtins = {
        {"year", {ir::builtin::year, {type_kind::date}, type_kind::integer}},
        {"month", {ir::builtin::month, {type_kind::date}, type_kind::integer}},
        {"days_between", {ir::builtin::days_between, {type_kind::date, type_kind::date}, type_kind::integer}},
        {"working_days", {ir::builtin::working_days, {type_kind::date, type_kind::date}, type_kind::integer}},
        {"len", {ir::builtin::len, {type_kind::list}, type_kind::integer}},
        {"contains", {ir::builtin::contains, {type_kind::string, type_kind::string}, type_kind::boolean}},
        {"starts_with", {ir::builtin::starts_with, {type_kind::string, type_kind::string}, type_kind::boolean}},
        {"ends_with", {ir::builtin::ends_with, {type_kind::string, type_kind::string}, type_kind::boolean}},
        {"min", {ir::builtin::min2, {type_kind::record, type_kind::record}, type_kind::record}},
        {"max", {ir::builtin::max2, {type_kind::record, type_kind::record}, type_kind::record}},
    };
    std::vector<ir::node> args;
    for (const auto& a : c.args) args.push_back(expr(*a, nullptr));
    bool optional = false;
    for (const auto& a : args) optional = optional || a.type.optional || a.null_type;
    if (auto b = builtins.find(c.callee.text); b != builtins.end()) {
      const auto& sig = b->second;
      if (args.size() != sig.args.size()) {
        error("E0204", e.range, fmt::format("`{}` takes {} argument{}, not {}", c.callee.text, sig.args.size(), sig.args.size() == 1 ? "" : "s", args.size()));
        return bad(e);
      }
      type result = facts::scalar(sig.result);
      for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].null_type) continue;
        auto want = sig.args[i];
        const auto& got = args[i].type;
        bool ok = want == type_kind::list ? (got.kind == type_kind::list || got.kind == type_kind::string)
                  : want == type_kind::record ? ordered(got) && (i == 0 || args[0].null_type || same_base(plain(args[0].type), plain(got)) || (numeric(got) && numeric(args[0].type)))
                                              : got.kind == want;
        if (!ok) {
          error("E0203", c.args[i]->range, fmt::format("argument {} of `{}` has type `{}`", i + 1, c.callee.text, type_name(args[i])));
        }
        if (want == type_kind::record && i == 0) result = plain(got);
      }
      auto n = make(ir::op::builtin, with_optional(result, optional || sig.id == ir::builtin::working_days), e);
      n.builtin = sig.id;
      n.children = std::move(args);
      return n;
    }
    auto f = m_function_index.find(c.callee.text);
    if (f == m_function_index.end()) {
      auto& d = error("E0204", c.callee.range, fmt::format("unknown function `{}`", c.callee.text));
      auto names = keys(m_function_index);
      for (const auto& [k, v] : builtins) names.push_back(k);
      suggest(d, c.callee.text, names);
      return bad(e);
    }
    const auto& fn = m_program.functions[f->second];
    if (m_in_function) m_calls[*m_in_function].insert(f->second);
    if (args.size() != fn.params.size()) {
      error("E0204", e.range, fmt::format("`{}` takes {} argument{}, not {}", fn.name, fn.params.size(), fn.params.size() == 1 ? "" : "s", args.size()));
      return bad(e);
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!args[i].null_type && !same_base(args[i].type, fn.params[i]) && !(fn.params[i].kind == type_kind::number && args[i].type.kind == type_kind::integer)) {
        error("E0203", c.args[i]->range, fmt::format("argument {} of `{}` has type `{}`, expected `{}`", i + 1, fn.name, type_name(args[i]), type_name(fn.params[i])));
      }
    }
    auto n = make(ir::op::call, with_optional(fn.result, optional), e);
    n.slot = f->second;
    n.children = std::move(args);
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::unary& u, const type*) {
    auto operand = expr(*u.operand, nullptr);
    if (u.op == ast::unary_op::logical_not) {
      expect_bool(operand, u.operand->range, "`not`");
      auto n = make(ir::op::logical_not, with_optional(facts::scalar(type_kind::boolean), operand.type.optional), e);
      n.children.push_back(std::move(operand));
      return n;
    }
    if (operand.poisoned) return bad(e);
    if (!operand.null_type && !numeric(operand.type) && operand.type.kind != type_kind::duration) {
      error("E0203", e.range, fmt::format("cannot negate a value of type `{}`", type_name(operand)));
      return bad(e);
    }
    auto n = make(ir::op::neg, operand.type, e);
    n.children.push_back(std::move(operand));
    return n;
  }

  void expect_bool(const ir::node& n, const dsl::source_range& range, const char* where) {
    if (!n.null_type && n.type.kind != type_kind::boolean) {
      error("E0205", range, fmt::format("{} needs a `bool`, this is `{}`", where, type_name(n)));
    }
  }

  ir::node lower(const ast::expr& e, const ast::is_null& x, const type*) {
    auto operand = expr(*x.operand, nullptr);
    auto n = make(x.negated ? ir::op::is_not_null : ir::op::is_null, facts::scalar(type_kind::boolean), e);
    n.children.push_back(std::move(operand));
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::conditional& c, const type* expected) {
    auto cond = expr(*c.condition, nullptr);
    expect_bool(cond, c.condition->range, "`if`");
    auto a = expr(*c.then_branch, expected);
    auto b = expr(*c.else_branch, a.null_type ? expected : &a.type);
    if (a.null_type && !b.null_type) a = expr(*c.then_branch, &b.type);
    if (!a.null_type && !b.null_type && !same_base(plain(a.type), plain(b.type)) && !(numeric(a.type) && numeric(b.type))) {
      error("E0203", e.range, fmt::format("the branches of `if` have different types: `{}` and `{}`", type_name(a), type_name(b)));
    }
    type t = a.null_type ? b.type : a.type;
    t.optional = a.type.optional || b.type.optional || a.null_type || b.null_type || cond.type.optional;
    auto n = make(ir::op::conditional, t, e);
    n.null_type = a.null_type && b.null_type;
    n.children.push_back(std::move(cond));
    n.children.push_back(std::move(a));
    n.children.push_back(std::move(b));
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::binary& b, const type* expected) {
    using bop = ast::binary_op;
    switch (b.op) {
      case bop::logical_and:
      case bop::logical_or: {
        auto l = expr(*b.lhs, nullptr);
        auto r = expr(*b.rhs, nullptr);
        expect_bool(l, b.lhs->range, b.op == bop::logical_and ? "`and`" : "`or`");
        expect_bool(r, b.rhs->range, b.op == bop::logical_and ? "`and`" : "`or`");
        auto n = make(b.op == bop::logical_and ? ir::op::logical_and : ir::op::logical_or,
                      with_optional(facts::scalar(type_kind::boolean), l.type.optional || r.type.optional), e);
        n.children.push_back(std::move(l));
        n.children.push_back(std::move(r));
        return n;
      }
      case bop::range: {
        const type* bound = expected && expected->kind == type_kind::range ? &expected->args.at(0) : nullptr;
        auto l = expr(*b.lhs, bound);
        auto r = expr(*b.rhs, bound ? bound : &l.type);
        if (!l.null_type && !r.null_type && !same_base(plain(l.type), plain(r.type))) {
          error("E0203", e.range, fmt::format("the ends of the range have different types: `{}` and `{}`", type_name(l), type_name(r)));
        }
        if (!l.null_type && !ordered(l.type)) error("E0203", e.range, fmt::format("a range of `{}` has no order", type_name(l)));
        auto n = make(ir::op::make_range, facts::range_of(plain(l.type)), e);
        n.children.push_back(std::move(l));
        n.children.push_back(std::move(r));
        return n;
      }
      case bop::coalesce: {
        auto l = expr(*b.lhs, expected);
        auto r = expr(*b.rhs, l.null_type ? expected : &l.type);
        if (!l.null_type && !r.null_type && !same_base(plain(l.type), plain(r.type)) && !(numeric(l.type) && numeric(r.type))) {
          error("E0203", e.range, fmt::format("`??` needs the same type on both sides: `{}` and `{}`", type_name(l), type_name(r)));
        }
        type t = l.null_type ? r.type : plain(l.type);
        t.optional = r.type.optional || r.null_type;
        auto n = make(ir::op::coalesce, t, e);
        n.children.push_back(std::move(l));
        n.children.push_back(std::move(r));
        return n;
      }
      case bop::add:
      case bop::sub:
      case bop::mul:
      case bop::div:
      case bop::mod: return arithmetic(e, b);
      default: return comparison(e, b);
    }
  }

  // Checks lhs and rhs, letting a typed side give an enum symbol on the other side its type.
  std::pair<ir::node, ir::node> operands(const ast::binary& b, bool rhs_is_collection) {
    if (is_bare_symbol(*b.lhs) && !is_bare_symbol(*b.rhs)) {
      auto r = expr(*b.rhs, nullptr);
      const type* hint = nullptr;
      if (!r.null_type) hint = rhs_is_collection && !r.type.args.empty() ? &r.type.args.at(0) : &r.type;
      auto l = expr(*b.lhs, hint);
      return {std::move(l), std::move(r)};
    }
    auto l = expr(*b.lhs, nullptr);
    type hint = l.type;
    if (rhs_is_collection) hint = facts::list_of(plain(l.type));
    auto r = expr(*b.rhs, l.null_type ? nullptr : &hint);
    return {std::move(l), std::move(r)};
  }

  ir::node comparison(const ast::expr& e, const ast::binary& b) {
    using bop = ast::binary_op;
    bool membership = b.op == bop::in || b.op == bop::not_in;
    auto [l, r] = operands(b, membership);
    if (poisoned(l, r)) return bad(e);
    auto boolean = facts::scalar(type_kind::boolean);
    bool optional = l.type.optional || r.type.optional;
    if ((b.op == bop::eq || b.op == bop::ne) && (l.null_type || r.null_type)) {
      // `x == null` is a null test, never unknown.
      auto n = make(b.op == bop::eq ? ir::op::is_null : ir::op::is_not_null, boolean, e);
      n.children.push_back(l.null_type ? std::move(r) : std::move(l));
      return n;
    }
    ir::op op = ir::op::eq;
    switch (b.op) {
      case bop::eq: op = ir::op::eq; break;
      case bop::ne: op = ir::op::ne; break;
      case bop::lt: op = ir::op::lt; break;
      case bop::le: op = ir::op::le; break;
      case bop::gt: op = ir::op::gt; break;
      case bop::ge: op = ir::op::ge; break;
      case bop::in: op = ir::op::in; break;
      case bop::not_in: op = ir::op::not_in; break;
      default: op = ir::op::matches; break;
    }
    if (!l.null_type && !r.null_type) {
      const auto& lt = l.type;
      const auto& rt = r.type;
      bool ok = true;
      if (membership) {
        ok = (rt.kind == type_kind::list || rt.kind == type_kind::range) && !rt.args.empty() &&
             (same_base(plain(lt), plain(rt.args[0])) || (numeric(lt) && numeric(rt.args[0])) ||
              (rt.kind == type_kind::range && lt.kind == type_kind::duration && rt.args[0].kind == type_kind::duration));
      } else if (op == ir::op::matches) {
        ok = lt.kind == type_kind::string && rt.kind == type_kind::string;
        if (ok && r.op != ir::op::constant) {
          error("E0203", b.rhs->range, "the pattern of `matches` must be a string literal");
        } else if (ok) {
          try {
            std::regex check(r.text, std::regex::ECMAScript);
          } catch (const std::regex_error&) {
            error("E0203", b.rhs->range, fmt::format("invalid regular expression `{}`", r.text));
          }
        }
      } else {
        ok = same_base(plain(lt), plain(rt)) || (numeric(lt) && numeric(rt));
        if (ok && op != ir::op::eq && op != ir::op::ne && !ordered(lt)) ok = false;
      }
      if (!ok) {
        error("E0203", e.range, fmt::format("cannot compare `{}` with `{}` using `{}`", type_name(l), type_name(r), ast::to_string(b.op)));
        return bad(e);
      }
    }
    auto n = make(op, with_optional(boolean, optional), e);
    n.children.push_back(std::move(l));
    n.children.push_back(std::move(r));
    return n;
  }

  ir::node arithmetic(const ast::expr& e, const ast::binary& b) {
    using bop = ast::binary_op;
    auto l = expr(*b.lhs, nullptr);
    auto r = expr(*b.rhs, nullptr);
    if (poisoned(l, r)) return bad(e);
    bool optional = l.type.optional || r.type.optional || l.null_type || r.null_type;
    type t = facts::scalar(type_kind::integer);
    auto lk = l.type.kind;
    auto rk = r.type.kind;
    bool ok = !l.null_type && !r.null_type;
    if (ok) {
      if (numeric(l.type) && numeric(r.type)) {
        t = facts::scalar(lk == type_kind::number || rk == type_kind::number || b.op == bop::div ? type_kind::number : type_kind::integer);
        if (b.op == bop::mod && t.kind != type_kind::integer) ok = false;
      } else if (lk == type_kind::date && rk == type_kind::duration && (b.op == bop::add || b.op == bop::sub)) {
        t = facts::scalar(type_kind::date);
      } else if (lk == type_kind::duration && rk == type_kind::date && b.op == bop::add) {
        t = facts::scalar(type_kind::date);
      } else if (lk == type_kind::date && rk == type_kind::date && b.op == bop::sub) {
        t = facts::scalar(type_kind::duration);
      } else if (lk == type_kind::duration && rk == type_kind::duration && (b.op == bop::add || b.op == bop::sub)) {
        t = facts::scalar(type_kind::duration);
      } else if (b.op == bop::mul && ((lk == type_kind::duration && rk == type_kind::integer) || (lk == type_kind::integer && rk == type_kind::duration))) {
        t = facts::scalar(type_kind::duration);
      } else if (b.op == bop::add && lk == type_kind::string && rk == type_kind::string) {
        t = facts::scalar(type_kind::string);
      } else {
        ok = false;
      }
      if (!ok) {
        error("E0203", e.range, fmt::format("cannot apply `{}` to `{}` and `{}`", ast::to_string(b.op), type_name(l), type_name(r)));
        return bad(e);
      }
    }
    static const std::map<bop, ir::op> ops = {{bop::add, ir::op::add}, {bop::sub, ir::op::sub}, {bop::mul, ir::op::mul},
                                              {bop::div, ir::op::div}, {bop::mod, ir::op::mod}};
    auto n = make(ops.at(b.op), with_optional(t, optional), e);
    n.children.push_back(std::move(l));
    n.children.push_back(std::move(r));
    return n;
  }

  // The collection of a quantifier or aggregate, and its element type.
  std::optional<std::pair<ir::node, type>> collection(const ast::expr& c) {
    auto coll = expr(c, nullptr);
    if (coll.null_type) return std::nullopt;
    if (coll.type.kind != type_kind::list) {
      error("E0203", c.range, fmt::format("`{}` has type `{}`, not a list or collection", dsl::format_expr(c), type_name(coll)));
      return std::nullopt;
    }
    auto element = plain(coll.type.args.at(0));
    return std::make_pair(std::move(coll), element);
  }

  ir::node lower(const ast::expr& e, const ast::quantifier& q, const type*) {
    auto coll = collection(*q.collection);
    if (!coll) return bad(e);
    static const ir::op ops[] = {ir::op::exists, ir::op::all, ir::op::none};
    auto n = make(ops[static_cast<int>(q.kind)], facts::scalar(type_kind::boolean), e);
    n.slot = bind(q.binder, coll->second, false);
    n.children.push_back(std::move(coll->first));
    if (q.condition) {
      auto cond = expr(*q.condition, nullptr);
      expect_bool(cond, q.condition->range, "the condition of a quantifier");
      n.type.optional = cond.type.optional;
      n.children.push_back(std::move(cond));
      n.has_condition = true;
    }
    unbind();
    warn_cross_product(n, e);
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::aggregate& a, const type*) {
    auto coll = collection(*a.collection);
    if (!coll) return bad(e);
    static const ir::op ops[] = {ir::op::count, ir::op::sum, ir::op::min, ir::op::max, ir::op::latest};
    auto n = make(ops[static_cast<int>(a.kind)], facts::scalar(type_kind::integer), e);
    auto element = coll->second;
    n.slot = bind(a.binder, element, false);
    n.children.push_back(std::move(coll->first));
    if (a.condition) {
      auto cond = expr(*a.condition, nullptr);
      expect_bool(cond, a.condition->range, "the condition of an aggregate");
      n.children.push_back(std::move(cond));
      n.has_condition = true;
    }
    if (a.projection) {
      auto proj = expr(*a.projection, nullptr);
      n.has_projection = true;
      if (!proj.null_type) {
        bool ok = a.kind == ast::aggregate_kind::sum
                      ? numeric(proj.type) || proj.type.kind == type_kind::duration
                      : ordered(proj.type);
        if (!ok) error("E0203", a.projection->range, fmt::format("cannot aggregate values of type `{}` here", type_name(proj)));
        if (a.kind == ast::aggregate_kind::latest) n.type = with_optional(element, true);
        else n.type = with_optional(plain(proj.type), a.kind != ast::aggregate_kind::sum);
      }
      n.children.push_back(std::move(proj));
    }
    unbind();
    warn_cross_product(n, e);
    return n;
  }

  void warn_cross_product(ir::node& n, const ast::expr& e) {
    if (m_constant_context || n.children.empty() || n.children[0].op != ir::op::collection) return;
    if (detect_join(n, m_program.schema)) return;
    if (!depends_on_outer(n)) return;  // a whole-collection question, asked once per subject
    auto& d = warning("W0303", e.range, fmt::format("this scans all of `{}` for each subject",
                                                     *m_program.schema.entity_at(n.children[0].table).collection));
    d.notes.push_back({"compare a `ref` field of the element with the subject (`x.person == p`) or test `p in x.list` so it becomes an index lookup", std::nullopt});
  }

  // Whether the condition reads locals bound outside the quantifier.
  bool depends_on_outer(const ir::node& q) {
    bool found = false;
    std::function<void(const ir::node&)> walk = [&](const ir::node& n) {
      if (n.op == ir::op::local && n.slot < q.slot) found = true;
      for (const auto& c : n.children) walk(c);
    };
    for (std::size_t i = 1; i < q.children.size(); ++i) walk(q.children[i]);
    return found;
  }

  ir::node lower(const ast::expr& e, const ast::list_literal& l, const type* expected) {
    const type* element = expected && expected->kind == type_kind::list ? &expected->args.at(0) : nullptr;
    std::vector<ir::node> items;
    std::optional<type> first;
    for (const auto& item : l.items) {
      auto n = expr(*item, element ? element : (first ? &*first : nullptr));
      if (!n.null_type) {
        if (!first) first = plain(n.type);
        else if (!same_base(*first, plain(n.type)) && !(numeric(*first) && numeric(n.type))) {
          error("E0203", item->range, fmt::format("list items have different types: `{}` and `{}`", type_name(*first), type_name(n)));
        }
      }
      items.push_back(std::move(n));
    }
    type element_type = first ? *first : (element ? plain(*element) : facts::scalar(type_kind::string));
    auto n = make(ir::op::make_list, facts::list_of(element_type), e);
    n.children = std::move(items);
    return n;
  }

  ir::node lower(const ast::expr& e, const ast::map_literal& m, const type* expected) {
    if (!expected || expected->kind != type_kind::map) {
      error("E0203", e.range, "a map literal needs a declared type: use it as the value of a `map<…>` param");
      return bad(e);
    }
    auto n = make(ir::op::make_map, plain(*expected), e);
    for (const auto& entry : m.entries) {
      auto k = expr(*entry.key, &expected->args.at(0));
      auto v = expr(*entry.value, &expected->args.at(1));
      if (!k.null_type && !same_base(k.type, expected->args.at(0))) {
        error("E0203", entry.key->range, fmt::format("the key has type `{}`, expected `{}`", type_name(k), type_name(expected->args.at(0))));
      }
      expect_assignable(v, expected->args.at(1), entry.value->range, "the value");
      n.children.push_back(std::move(k));
      n.children.push_back(std::move(v));
    }
    return n;
  }

  // ---- rules ----
  void check_rules() {
    std::map<std::string, const located_decl<ast::rule_decl>*> ids;
    for (const auto& r : m_rules) {
      m_module = r.module;
      const auto& d = *r.decl;
      if (auto it = ids.find(d.id.text); it != ids.end()) {
        auto& diag = error("E0207", d.id.range, fmt::format("duplicate rule id `{}`", d.id.text));
        diag.notes.push_back({fmt::format("first defined in {}:{}:{}", it->second->module->source.path(),
                                          it->second->decl->id.range.begin.line, it->second->decl->id.range.begin.column), std::nullopt});
        continue;
      }
      ids[d.id.text] = &r;
      check_rule(r);
    }
    m_module = nullptr;
  }

  void check_rule(const located_decl<ast::rule_decl>& r) {
    const auto& d = *r.decl;
    rule_program rule;
    rule.info.id = d.id.text;
    rule.info.title = d.title;
    rule.info.module = r.module->name;
    rule.info.location = {r.module->source.path(), d.id.range.begin.line, d.id.range.begin.column};
    if (d.severity) {
      rule.info.severity = static_cast<engine::severity>(d.severity->value);
    } else {
      error("E0208", d.id.range, fmt::format("rule `{}` has no `severity`", d.id.text))
          .notes.push_back({"add `severity info|low|medium|high|critical`", std::nullopt});
    }
    if (d.cites.empty()) {
      error("E0209", d.id.range, fmt::format("rule `{}` cites no regulation", d.id.text))
          .notes.push_back({"add `cite \"SOURCE\" \"the exact words of the regulation\"`", std::nullopt});
    }
    if (d.area) rule.info.area = d.area->value;
    for (const auto& c : d.cites) {
      if (!m_sources.count(c.source)) {
        warning("W0304", c.range, fmt::format("source `{}` is not declared", c.source))
            .notes.push_back({fmt::format("declare it once: `source \"{}\" \"the document's title\"`", c.source), std::nullopt});
      }
      auto title = m_sources.find(c.source);
      rule.info.citations.push_back({c.source, title == m_sources.end() ? "" : title->second, c.quote, c.locator.value_or("")});
    }
    for (const auto& t : d.tags) rule.info.tags.push_back(t.value);
    if (d.effective) rule.effective = facts::make_date(d.effective->value.year, d.effective->value.month, d.effective->value.day);
    if (d.expires) rule.expires = facts::make_date(d.expires->value.year, d.expires->value.month, d.expires->value.day);
    if (rule.effective && rule.expires && *rule.expires <= *rule.effective) {
      error("E0219", d.expires->range, "`expires` must be after `effective`");
    }
    if (!d.subject) {
      error("E0210", d.id.range, fmt::format("rule `{}` has no subject", d.id.text))
          .notes.push_back({"add `for x in COLLECTION`", std::nullopt});
      return;
    }
    bool decides = std::any_of(d.steps.begin(), d.steps.end(), [](const auto& s) {
      return s.kind == ast::step_kind::require || s.kind == ast::step_kind::forbid;
    });
    if (!decides) {
      error("E0211", d.id.range, fmt::format("rule `{}` has no `require` or `forbid`", d.id.text));
    }
    begin_frame();
    const auto* coll = std::get_if<ast::variable>(&d.subject->collection->node);
    auto table = coll ? m_program.schema.find_collection(coll->name) : std::nullopt;
    if (!table) {
      auto& diag = error("E0201", d.subject->collection->range,
                         fmt::format("`{}` is not a collection", dsl::format_expr(*d.subject->collection)));
      std::vector<std::string> names;
      for (const auto& en : m_program.schema.entities()) {
        if (en.collection) names.push_back(*en.collection);
      }
      if (coll) suggest(diag, coll->name, names);
      return;
    }
    rule.subject_table = *table;
    rule.subject_slot = bind(d.subject->binder, facts::ref_to(*table), false);
    m_scope.back().used = true;
    if (d.subject->condition) {
      auto cond = expr(*d.subject->condition, nullptr);
      expect_bool(cond, d.subject->condition->range, "`where`");
      cond.source_text = dsl::format_expr(*d.subject->condition);
      rule.filter = std::move(cond);
    }
    bool has_due = false;
    for (const auto& s : d.steps) {
      rule_step step;
      step.kind = static_cast<step_kind>(s.kind);
      if (s.kind == ast::step_kind::let) {
        step.value = expr(*s.value, nullptr);
        step.slot = bind(*s.binding, step.value.type, true);
        m_scope.back().null_type = step.value.null_type;
      } else {
        step.value = expr(*s.value, nullptr);
        if (s.kind == ast::step_kind::due) {
          if (has_due) error("E0114", s.range, "duplicate `due` in the rule");
          has_due = true;
          if (!step.value.null_type && step.value.type.kind != type_kind::date) {
            error("E0206", s.value->range, fmt::format("`due` needs a `date`, this is `{}`", type_name(step.value)));
          }
        } else {
          expect_bool(step.value, s.value->range, s.kind == ast::step_kind::where ? "`where`" : s.kind == ast::step_kind::require ? "`require`" : "`forbid`");
        }
      }
      step.value.source_text = dsl::format_expr(*s.value);
      rule.steps.push_back(std::move(step));
    }
    if (d.message) rule.message = expr(*d.message, nullptr);
    if (d.remedy) rule.remedy = expr(*d.remedy, nullptr);
    for (const auto& l : m_scope) {
      if (l.is_let && !l.used) warning("W0301", l.range, fmt::format("`{}` is never used", l.name));
    }
    rule.frame_size = m_frame_size;
    rule.slot_names = m_slot_names;
    m_program.rules.push_back(std::move(rule));
    m_scope.clear();
  }

  // ---- profiles ----
  void check_profiles() {
    std::set<std::string> module_names;
    for (const auto& m : m_modules.modules) module_names.insert(m.name);
    std::set<std::string> rule_ids;
    for (const auto& r : m_program.rules) rule_ids.insert(r.info.id);
    for (const auto& p : m_profiles) {
      m_module = p.module;
      const auto& d = *p.decl;
      profile_info info{d.profile.text, d.title.value_or(""), d.extends.text, {}, {}, {}};
      if (!module_names.count(d.extends.text)) {
        auto& diag = error("E0218", d.extends.range, fmt::format("profile extends unknown module `{}`", d.extends.text));
        suggest(diag, d.extends.text, {module_names.begin(), module_names.end()});
      }
      for (const auto& item : d.items) {
        if (item.kind == ast::profile_item_kind::param) {
          auto it = m_param_index.find(item.target.text);
          if (it == m_param_index.end()) {
            auto& diag = error("E0218", item.target.range, fmt::format("unknown param `{}`", item.target.text));
            suggest(diag, item.target.text, keys(m_param_index));
            continue;
          }
          const auto& t = m_program.params[it->second].type;
          m_constant_context = true;
          auto value = expr(*item.value, &t);
          m_constant_context = false;
          expect_assignable(value, t, item.value->range, "the value");
          info.params.emplace_back(it->second, std::move(value));
        } else if (!rule_ids.count(item.target.text)) {
          auto& diag = error("E0218", item.target.range, fmt::format("unknown rule `{}`", item.target.text));
          suggest(diag, item.target.text, {rule_ids.begin(), rule_ids.end()});
        } else if (item.kind == ast::profile_item_kind::disable) {
          info.disabled.push_back(item.target.text);
        } else {
          info.severities.emplace_back(item.target.text, static_cast<engine::severity>(item.level));
        }
      }
      m_program.module_of_profile[info.name] = p.module->name;
      m_program.profiles.push_back(std::move(info));
    }
    m_module = nullptr;
  }

  void warn_unused_params() {
    for (const auto& p : m_params) {
      auto it = m_param_index.find(p.decl->param.text);
      if (it == m_param_index.end() || m_param_used[it->second]) continue;
      if (m_first_param_decl.at(p.decl->param.text) != p.decl) continue;  // a duplicate, already an error
      m_module = p.module;
      warning("W0302", p.decl->param.range, fmt::format("param `{}` is never used", p.decl->param.text));
    }
    m_module = nullptr;
  }
};

}  // namespace

check_result check(const module_set& modules) { return checker(modules).run(); }

}  // namespace baomi::engine

// The AST's location-free dump (for tests and `baomi parse --dump`) and its small enum helpers.
#include "dsl/ast.hpp"

#include <fmt/format.h>

namespace baomi::dsl::ast {

const char* to_string(severity_level s) {
  switch (s) {
    case severity_level::info:
      return "info";
    case severity_level::low:
      return "low";
    case severity_level::medium:
      return "medium";
    case severity_level::high:
      return "high";
    case severity_level::critical:
      return "critical";
  }
  return "medium";
}

std::optional<severity_level> parse_severity(std::string_view text) {
  for (auto s : {severity_level::info, severity_level::low, severity_level::medium, severity_level::high,
                 severity_level::critical}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

const char* to_string(binary_op op) {
  switch (op) {
    case binary_op::logical_or:
      return "or";
    case binary_op::logical_and:
      return "and";
    case binary_op::eq:
      return "==";
    case binary_op::ne:
      return "!=";
    case binary_op::lt:
      return "<";
    case binary_op::le:
      return "<=";
    case binary_op::gt:
      return ">";
    case binary_op::ge:
      return ">=";
    case binary_op::in:
      return "in";
    case binary_op::not_in:
      return "not in";
    case binary_op::matches:
      return "matches";
    case binary_op::range:
      return "..";
    case binary_op::coalesce:
      return "??";
    case binary_op::add:
      return "+";
    case binary_op::sub:
      return "-";
    case binary_op::mul:
      return "*";
    case binary_op::div:
      return "/";
    case binary_op::mod:
      return "%";
  }
  return "?";
}

const char* to_string(duration_unit u) {
  switch (u) {
    case duration_unit::day:
      return "d";
    case duration_unit::working_day:
      return "wd";
    case duration_unit::week:
      return "w";
    case duration_unit::month:
      return "mo";
    case duration_unit::year:
      return "y";
  }
  return "d";
}

namespace {

const char* to_string(quantifier_kind k) {
  return k == quantifier_kind::exists ? "exists" : k == quantifier_kind::all ? "all" : "none";
}

const char* to_string(aggregate_kind k) {
  switch (k) {
    case aggregate_kind::count:
      return "count";
    case aggregate_kind::sum:
      return "sum";
    case aggregate_kind::min:
      return "min";
    case aggregate_kind::max:
      return "max";
    case aggregate_kind::latest:
      return "latest";
  }
  return "count";
}

const char* to_string(step_kind k) {
  switch (k) {
    case step_kind::let:
      return "let";
    case step_kind::where:
      return "where";
    case step_kind::due:
      return "due";
    case step_kind::require:
      return "require";
    case step_kind::forbid:
      return "forbid";
  }
  return "where";
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string dump_ptr(const expr_ptr& e) { return e ? dump(*e) : "_"; }

std::string dump_date(const date_literal& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string dump_type(const type_expr& t) {
  std::string out;
  switch (t.kind) {
    case type_kind::named:
      out = t.target.text;
      break;
    case type_kind::ref:
      out = "(ref " + t.target.text + ")";
      break;
    case type_kind::inline_enum:
      out = "(enum";
      for (const auto& m : t.members) out += " " + m.symbol.text + " " + quoted(m.label);
      out += ")";
      break;
    default:
      out = t.kind == type_kind::list ? "(list" : t.kind == type_kind::map ? "(map" : "(range";
      for (const auto& a : t.args) (out += ' ') += dump_type(a);
      out += ")";
  }
  return t.optional ? out + "?" : out;
}

struct expr_dumper {
  std::string operator()(const null_literal&) const { return "null"; }
  std::string operator()(const bool_literal& b) const { return b.value ? "true" : "false"; }
  std::string operator()(const number_literal& n) const { return n.text; }
  std::string operator()(const date_literal& d) const { return dump_date(d); }
  std::string operator()(const duration_literal& d) const { return fmt::format("{}{}", d.amount, to_string(d.unit)); }
  std::string operator()(const string_literal& s) const {
    std::string out = "(str";
    // Appended piece by piece: `" " + std::string` draws a false -Wrestrict from GCC 12 at -O3.
    for (const auto& part : s.parts) {
      out += ' ';
      if (part.interpolation) {
        out += '{';
        out += dump(*part.interpolation);
        out += '}';
      } else {
        out += quoted(part.text);
      }
    }
    return out + ")";
  }
  std::string operator()(const variable& v) const { return v.name; }
  std::string operator()(const member& m) const { return "(. " + dump_ptr(m.object) + " " + m.field.text + ")"; }
  std::string operator()(const index& i) const { return "([] " + dump_ptr(i.object) + " " + dump_ptr(i.key) + ")"; }
  std::string operator()(const call& c) const {
    std::string out = "(call " + c.callee.text;
    for (const auto& a : c.args) (out += ' ') += dump_ptr(a);
    return out + ")";
  }
  std::string operator()(const unary& u) const {
    return std::string(u.op == unary_op::negate ? "(neg " : "(not ") + dump_ptr(u.operand) + ")";
  }
  std::string operator()(const binary& b) const {
    return fmt::format("({} {} {})", to_string(b.op), dump_ptr(b.lhs), dump_ptr(b.rhs));
  }
  std::string operator()(const is_null& n) const {
    return fmt::format("({} {})", n.negated ? "is-not-null" : "is-null", dump_ptr(n.operand));
  }
  std::string operator()(const conditional& c) const {
    return fmt::format("(if {} {} {})", dump_ptr(c.condition), dump_ptr(c.then_branch), dump_ptr(c.else_branch));
  }
  std::string operator()(const quantifier& q) const {
    return fmt::format("({} {} {} {})", to_string(q.kind), q.binder.text, dump_ptr(q.collection),
                       dump_ptr(q.condition));
  }
  std::string operator()(const aggregate& a) const {
    return fmt::format("({} {} {} {} {})", to_string(a.kind), a.binder.text, dump_ptr(a.collection),
                       dump_ptr(a.condition), dump_ptr(a.projection));
  }
  std::string operator()(const list_literal& l) const {
    std::string out = "(list";
    for (const auto& i : l.items) (out += ' ') += dump_ptr(i);
    return out + ")";
  }
  std::string operator()(const map_literal& m) const {
    std::string out = "(map";
    for (const auto& e : m.entries) out += " (" + dump_ptr(e.key) + " " + dump_ptr(e.value) + ")";
    return out + ")";
  }
};

struct decl_dumper {
  std::string operator()(const ruleset_decl& r) const {
    std::string out = "(ruleset " + r.module.text + (r.title ? " " + quoted(*r.title) : "");
    for (const auto& e : r.entries) out += " (" + e.key.text + " " + quoted(e.value) + ")";
    return out + ")";
  }
  std::string operator()(const import_decl& i) const { return "(import " + i.module.text + ")"; }
  std::string operator()(const source_decl& s) const { return "(source " + quoted(s.id) + " " + quoted(s.title) + ")"; }
  std::string operator()(const enum_decl& e) const {
    std::string out = "(enum " + e.type.text;
    for (const auto& m : e.members) out += " (" + m.symbol.text + " " + quoted(m.label) + ")";
    return out + ")";
  }
  static std::string fields(const std::vector<field_decl>& fields) {
    std::string out;
    for (const auto& f : fields) {
      out += fmt::format(" ({} {}", f.field.text, dump_type(f.type));
      if (f.none) out += " (none " + quoted(*f.none) + ")";
      if (f.doc) (out += ' ') += quoted(*f.doc);
      out += ')';
    }
    return out;
  }
  std::string operator()(const entity_decl& e) const {
    std::string out = "(entity " + e.type.text;
    if (e.collection) out += " in " + e.collection->text;
    if (e.key) out += " key " + e.key->text;
    if (e.label) out += " (label " + dump_ptr(e.label) + ")";
    return out + fields(e.fields) + ")";
  }
  std::string operator()(const extend_decl& e) const {
    return "(extend entity " + e.type.text + fields(e.fields) + ")";
  }
  std::string operator()(const param_decl& p) const {
    return "(param " + p.param.text + " " + dump_type(p.type) + " " + dump_ptr(p.value) + ")";
  }
  std::string operator()(const function_decl& f) const {
    std::string out = "(fn " + f.function.text + " (";
    for (const auto& p : f.params) out += "(" + p.param.text + " " + dump_type(p.type) + ")";
    out += ")";
    if (f.result) out += " " + dump_type(*f.result);
    return out + " " + dump_ptr(f.body) + ")";
  }
  std::string operator()(const rule_decl& r) const {
    std::string out = "(rule " + r.id.text + " " + quoted(r.title);
    if (r.severity) out += fmt::format(" (severity {})", to_string(r.severity->value));
    if (r.area) out += " (area " + quoted(r.area->value) + ")";
    for (const auto& c : r.cites) {
      out += fmt::format(" (cite {} {}", quoted(c.source), quoted(c.quote));
      if (c.locator) (out += ' ') += quoted(*c.locator);
      out += ')';
    }
    for (const auto& t : r.tags) out += " (tag " + quoted(t.value) + ")";
    if (r.effective) out += " (effective " + dump_date(r.effective->value) + ")";
    if (r.expires) out += " (expires " + dump_date(r.expires->value) + ")";
    if (r.subject) {
      out += " (for " + r.subject->binder.text + " " + dump_ptr(r.subject->collection) + " " +
             dump_ptr(r.subject->condition) + ")";
    }
    for (const auto& s : r.steps) {
      out += fmt::format(" ({}{} {})", to_string(s.kind), s.binding ? " " + s.binding->text : "", dump_ptr(s.value));
    }
    if (r.message) out += " (message " + dump(*r.message) + ")";
    if (r.remedy) out += " (remedy " + dump(*r.remedy) + ")";
    return out + ")";
  }
  std::string operator()(const profile_decl& p) const {
    std::string out =
        "(profile " + p.profile.text + (p.title ? " " + quoted(*p.title) : "") + " extends " + p.extends.text;
    for (const auto& i : p.items) {
      switch (i.kind) {
        case profile_item_kind::param:
          out += " (param " + i.target.text + " " + dump_ptr(i.value) + ")";
          break;
        case profile_item_kind::disable:
          out += " (disable " + i.target.text + ")";
          break;
        case profile_item_kind::severity:
          out += fmt::format(" (severity {} {})", i.target.text, to_string(i.level));
          break;
      }
    }
    return out + ")";
  }
};

}  // namespace

std::string dump(const expr& e) { return std::visit(expr_dumper{}, e.node); }

std::string dump(const module& m) {
  std::string out;
  for (const auto& d : m.decls) out += std::visit(decl_dumper{}, d.node) + "\n";
  return out;
}

}  // namespace baomi::dsl::ast

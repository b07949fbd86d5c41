// The canonical layout: two-space indent, one item per line, minimal parentheses, comments kept.
#include "dsl/formatter.hpp"

#include <fmt/format.h>

namespace baomi::dsl {

namespace {

using namespace ast;

// Binding strength, loosest first; operands bind tighter than their operator.
enum prec : int { p_cond = 1, p_or, p_and, p_not, p_cmp, p_range, p_coalesce, p_add, p_mul, p_neg, p_postfix, p_atom };

int precedence(binary_op op) {
  switch (op) {
    case binary_op::logical_or:
      return p_or;
    case binary_op::logical_and:
      return p_and;
    case binary_op::range:
      return p_range;
    case binary_op::coalesce:
      return p_coalesce;
    case binary_op::add:
    case binary_op::sub:
      return p_add;
    case binary_op::mul:
    case binary_op::div:
    case binary_op::mod:
      return p_mul;
    default:
      return p_cmp;
  }
}

int precedence(const expr& e) {
  return std::visit(
      [](const auto& n) -> int {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, binary>)
          return precedence(n.op);
        else if constexpr (std::is_same_v<T, unary>)
          return n.op == unary_op::negate ? p_neg : p_not;
        else if constexpr (std::is_same_v<T, is_null>)
          return p_cmp;
        // A conditional, quantifier or aggregate swallows everything after it: parenthesize as operand.
        else if constexpr (std::is_same_v<T, conditional> || std::is_same_v<T, quantifier> ||
                           std::is_same_v<T, aggregate>)
          return p_cond;
        else if constexpr (std::is_same_v<T, member> || std::is_same_v<T, index>)
          return p_postfix;
        else
          return p_atom;
      },
      e.node);
}

std::string operand(const expr& e, int min_prec) {
  auto text = format_expr(e);
  return precedence(e) < min_prec ? "(" + text + ")" : text;
}

std::string operand(const expr_ptr& e, int min_prec) { return e ? operand(*e, min_prec) : "null"; }

std::string date_text(const date_literal& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string string_text(const string_literal& s) {
  std::string out = "\"";
  for (const auto& part : s.parts) {
    if (part.interpolation) {
      // Appended piece by piece: `"{" + std::string` draws a false -Wrestrict from GCC 12 at -O3.
      out += '{';
      out += format_expr(*part.interpolation);
      out += '}';
      continue;
    }
    auto q = quote_string(part.text);
    out += q.substr(1, q.size() - 2);
  }
  return out + "\"";
}

struct expr_printer {
  std::string operator()(const null_literal&) const { return "null"; }
  std::string operator()(const bool_literal& b) const { return b.value ? "true" : "false"; }
  std::string operator()(const number_literal& n) const { return n.text; }
  std::string operator()(const date_literal& d) const { return date_text(d); }
  std::string operator()(const duration_literal& d) const { return fmt::format("{}{}", d.amount, to_string(d.unit)); }
  std::string operator()(const string_literal& s) const { return string_text(s); }
  std::string operator()(const variable& v) const { return v.name; }
  std::string operator()(const member& m) const { return operand(m.object, p_postfix) + "." + m.field.text; }
  std::string operator()(const index& i) const {
    return operand(i.object, p_postfix) + "[" + format_expr(*i.key) + "]";
  }
  std::string operator()(const call& c) const {
    std::string out = c.callee.text + "(";
    for (std::size_t i = 0; i < c.args.size(); ++i) out += (i ? ", " : "") + format_expr(*c.args[i]);
    return out + ")";
  }
  std::string operator()(const unary& u) const {
    if (u.op == unary_op::negate) {
      auto text = operand(u.operand, p_neg);
      return text.starts_with('-') ? "- " + text : "-" + text;  // `--` is not an operator
    }
    return "not " + operand(u.operand, p_not);
  }
  std::string operator()(const binary& b) const {
    int p = precedence(b.op);
    bool left_assoc = p == p_or || p == p_and || p == p_coalesce || p == p_add || p == p_mul;
    // Left-associative: the left operand may be at the same level; non-associative: neither may.
    auto lhs = operand(b.lhs, left_assoc ? p : p + 1);
    auto rhs = operand(b.rhs, p + 1);
    if (b.op == binary_op::range) return lhs + ".." + rhs;  // `1y..2y` reads as one value
    return lhs + " " + to_string(b.op) + " " + rhs;
  }
  std::string operator()(const is_null& n) const {
    return operand(n.operand, p_cmp + 1) + (n.negated ? " is not null" : " is null");
  }
  std::string operator()(const conditional& c) const {
    return "if " + format_expr(*c.condition) + " then " + format_expr(*c.then_branch) + " else " +
           format_expr(*c.else_branch);
  }
  std::string operator()(const quantifier& q) const {
    const char* kind = q.kind == quantifier_kind::exists ? "exists" : q.kind == quantifier_kind::all ? "all" : "none";
    std::string out = fmt::format("{} {} in {}", kind, q.binder.text, operand(q.collection, p_postfix));
    if (q.condition) out += " where " + format_expr(*q.condition);
    return out;
  }
  std::string operator()(const aggregate& a) const {
    static constexpr const char* names[] = {"count", "sum", "min", "max", "latest"};
    std::string out =
        fmt::format("{} {} in {}", names[static_cast<int>(a.kind)], a.binder.text, operand(a.collection, p_postfix));
    // A projection follows the filter, so the filter must not end in something that would swallow it.
    if (a.condition) out += " where " + (a.projection ? operand(a.condition, p_or) : format_expr(*a.condition));
    if (a.projection) out += (a.kind == aggregate_kind::latest ? " by " : " of ") + format_expr(*a.projection);
    return out;
  }
  std::string operator()(const list_literal& l) const {
    std::string out = "[";
    for (std::size_t i = 0; i < l.items.size(); ++i) out += (i ? ", " : "") + format_expr(*l.items[i]);
    return out + "]";
  }
  std::string operator()(const map_literal& m) const {
    std::string out = "{";
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      out += (i ? ", " : "") + format_expr(*m.entries[i].key) + ": " + format_expr(*m.entries[i].value);
    }
    return out + "}";
  }
};

const char* step_keyword(step_kind k) {
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

// Writes lines with indentation, and places the source's comments before the units that follow
// them (or at the end of the line they trail).
class printer {
 public:
  printer(const module& m, const source_file& source) : m_module(m), m_source(source) {}

  std::string run() {
    const declaration* previous = nullptr;
    for (const auto& d : m_module.decls) {
      if (previous && blank_between(*previous, d)) m_out += "\n";
      print_decl(d);
      previous = &d;
    }
    flush_before(m_source.text().size() + 1);
    return m_out;
  }

 private:
  const module& m_module;
  const source_file& m_source;
  std::string m_out;
  std::size_t m_next_comment = 0;
  int m_indent = 0;

  // ---- comments and lines ----
  void flush_before(std::size_t offset) {
    const auto& comments = m_module.comments;
    while (m_next_comment < comments.size() && comments[m_next_comment].range.begin_offset < offset) {
      line(comments[m_next_comment].text);
      ++m_next_comment;
    }
  }

  // A unit is a line (or a block's first line) whose source starts at `range`.
  void begin_unit(const source_range& range) { flush_before(range.begin_offset); }

  void end_unit(const source_range& range) {
    const auto& comments = m_module.comments;
    if (m_next_comment < comments.size() && comments[m_next_comment].range.begin.line == range.end.line &&
        comments[m_next_comment].range.begin_offset >= range.end_offset && !m_out.empty() && m_out.back() == '\n') {
      m_out.pop_back();
      m_out += " " + comments[m_next_comment].text + "\n";
      ++m_next_comment;
    }
  }

  void line(std::string_view text) {
    m_out.append(static_cast<std::size_t>(m_indent) * 2, ' ');
    m_out += text;
    m_out += '\n';
  }

  void unit(const source_range& range, std::string_view text) {
    begin_unit(range);
    line(text);
    end_unit(range);
  }

  void open_block(const source_range& range, std::string_view head) {
    begin_unit(range);
    line(std::string(head) + " {");
    ++m_indent;
  }

  void close_block(const source_range& range) {
    flush_before(range.end_offset);
    --m_indent;
    line("}");
    end_unit(range);
  }

  bool has_comment_within(const source_range& range) const {
    for (std::size_t i = m_next_comment; i < m_module.comments.size(); ++i) {
      auto offset = m_module.comments[i].range.begin_offset;
      if (offset >= range.end_offset) break;
      if (offset > range.begin_offset) return true;
    }
    return false;
  }

  bool fits(std::string_view text) const { return m_indent * 2 + display_width(text) <= format_width; }

  // ---- declarations ----
  bool blank_between(const declaration& a, const declaration& b) const {
    bool same_kind = a.node.index() == b.node.index();
    bool one_liners = std::holds_alternative<import_decl>(a.node) || std::holds_alternative<source_decl>(a.node) ||
                      std::holds_alternative<param_decl>(a.node);
    if (!same_kind || !one_liners) return true;
    // Keep the author's grouping of one-line declarations: a blank line in the source stays.
    auto gap = m_source.text().substr(a.range.end_offset, b.range.begin_offset - a.range.end_offset);
    return gap.find("\n\n") != std::string_view::npos || gap.find("\n\r\n") != std::string_view::npos;
  }

  void print_decl(const declaration& d) {
    std::visit([&](const auto& n) { print(d.range, n); }, d.node);
  }

  void print(const source_range& r, const ruleset_decl& d) {
    std::string head = "ruleset " + d.module.text + (d.title ? " " + quote_string(*d.title) : "");
    if (d.entries.empty()) return unit(r, head);
    open_block(r, head);
    for (const auto& e : d.entries) unit(e.range, e.key.text + " " + quote_string(e.value));
    close_block(r);
  }

  void print(const source_range& r, const import_decl& d) { unit(r, "import " + d.module.text); }

  void print(const source_range& r, const source_decl& d) {
    unit(r, "source " + quote_string(d.id) + " " + quote_string(d.title));
  }

  void print(const source_range& r, const enum_decl& d) {
    open_block(r, "enum " + d.type.text);
    for (const auto& m : d.members) unit(m.range, m.symbol.text + " " + quote_string(m.label));
    close_block(r);
  }

  static std::string type_text(const type_expr& t) {
    std::string out;
    switch (t.kind) {
      case type_kind::named:
        out = t.target.text;
        break;
      case type_kind::ref:
        out = "ref " + t.target.text;
        break;
      case type_kind::list:
        out = "list<" + type_text(t.args.at(0)) + ">";
        break;
      case type_kind::map:
        out = "map<" + type_text(t.args.at(0)) + ", " + type_text(t.args.at(1)) + ">";
        break;
      case type_kind::range:
        out = "range<" + type_text(t.args.at(0)) + ">";
        break;
      case type_kind::inline_enum:
        out = "enum {";
        for (std::size_t i = 0; i < t.members.size(); ++i) {
          out += (i ? ", " : " ") + t.members[i].symbol.text + " " + quote_string(t.members[i].label);
        }
        out += " }";
        break;
    }
    return t.optional ? out + "?" : out;
  }

  void print(const source_range& r, const entity_decl& d) {
    std::string head = "entity " + d.type.text;
    if (d.collection) head += " in " + d.collection->text;
    if (d.key) head += " key " + d.key->text;
    if (d.label) head += " label " + format_expr(*d.label);
    print_fields(r, head, d.fields);
  }

  void print(const source_range& r, const extend_decl& d) { print_fields(r, "extend entity " + d.type.text, d.fields); }

  void print_fields(const source_range& r, const std::string& head, const std::vector<field_decl>& fields) {
    open_block(r, head);
    for (const auto& f : fields) {
      std::string line = f.field.text + ": " + type_text(f.type);
      if (f.none) line += " none " + quote_string(*f.none);
      if (f.doc) line += " " + quote_string(*f.doc);
      unit(f.range, line);
    }
    close_block(r);
  }

  // `head` followed by a value that may be a map or list printed one entry per line.
  void valued_unit(const source_range& r, const std::string& head, const expr& value) {
    auto single = head + format_expr(value);
    const auto* map = std::get_if<map_literal>(&value.node);
    const auto* list = std::get_if<list_literal>(&value.node);
    bool empty = (map && map->entries.empty()) || (list && list->items.empty());
    if ((!map && !list) || empty || (fits(single) && !has_comment_within(value.range))) return unit(r, single);
    begin_unit(r);
    line(head + (map ? "{" : "["));
    ++m_indent;
    if (map) {
      for (const auto& e : map->entries) {
        source_range er{e.key->range.begin, e.value->range.end, e.key->range.begin_offset, e.value->range.end_offset};
        unit(er, format_expr(*e.key) + ": " + format_expr(*e.value) + ",");
      }
    } else {
      for (const auto& item : list->items) unit(item->range, format_expr(*item) + ",");
    }
    flush_before(value.range.end_offset);
    --m_indent;
    line(map ? "}" : "]");
    end_unit(r);
  }

  void print(const source_range& r, const param_decl& d) {
    valued_unit(r, "param " + d.param.text + ": " + type_text(d.type) + " = ", *d.value);
  }

  void print(const source_range& r, const function_decl& d) {
    std::string head = "fn " + d.function.text + "(";
    for (std::size_t i = 0; i < d.params.size(); ++i) {
      head += (i ? ", " : "") + d.params[i].param.text + ": " + type_text(d.params[i].type);
    }
    head += ")";
    if (d.result) head += ": " + type_text(*d.result);
    unit(r, head + " = " + format_expr(*d.body));
  }

  // A step; a long top-level `and`/`or` chain is broken before each operator.
  void step_unit(const source_range& r, const std::string& head, const expr& value) {
    auto single = head + format_expr(value);
    const auto* b = std::get_if<binary>(&value.node);
    if (fits(single) || !b || (b->op != binary_op::logical_and && b->op != binary_op::logical_or))
      return unit(r, single);
    std::vector<const expr*> operands;
    const expr* e = &value;
    for (const binary* chain = b; chain && chain->op == b->op;) {
      operands.push_back(chain->rhs.get());
      e = chain->lhs.get();
      chain = std::get_if<binary>(&e->node);
    }
    operands.push_back(e);
    begin_unit(r);
    line(head + operand(*operands.back(), precedence(b->op)));
    m_indent += 2;
    for (auto it = operands.rbegin() + 1; it != operands.rend(); ++it) {
      line(std::string(to_string(b->op)) + " " + operand(**it, precedence(b->op) + 1));
    }
    m_indent -= 2;
    end_unit(r);
  }

  void print(const source_range& r, const rule_decl& d) {
    open_block(r, "rule " + d.id.text + " " + quote_string(d.title));
    if (d.severity) unit(d.severity->range, std::string("severity ") + to_string(d.severity->value));
    if (d.area) unit(d.area->range, "area " + quote_string(d.area->value));
    for (const auto& c : d.cites) {
      unit(c.range, "cite " + quote_string(c.source) + " " + quote_string(c.quote) +
                        (c.locator ? " at " + quote_string(*c.locator) : ""));
    }
    if (!d.tags.empty()) {
      std::string tags = "tags ";
      for (std::size_t i = 0; i < d.tags.size(); ++i) tags += (i ? ", " : "") + quote_string(d.tags[i].value);
      unit(d.tags.front().range, tags);
    }
    if (d.effective) unit(d.effective->range, "effective " + date_text(d.effective->value));
    if (d.expires) unit(d.expires->range, "expires " + date_text(d.expires->value));
    if (d.subject) {
      std::string head = "for " + d.subject->binder.text + " in " + operand(d.subject->collection, p_postfix);
      if (d.subject->condition)
        step_unit(d.subject->range, head + " where ", *d.subject->condition);
      else
        unit(d.subject->range, head);
    }
    for (const auto& s : d.steps) {
      std::string head = std::string(step_keyword(s.kind)) + " ";
      if (s.binding) head += s.binding->text + " = ";
      if (s.kind == step_kind::let)
        valued_unit(s.range, head, *s.value);
      else
        step_unit(s.range, head, *s.value);
    }
    if (d.message) unit(d.message_range, "message " + format_expr(*d.message));
    if (d.remedy) unit(d.remedy_range, "remedy " + format_expr(*d.remedy));
    close_block(r);
  }

  void print(const source_range& r, const profile_decl& d) {
    std::string head =
        "profile " + d.profile.text + (d.title ? " " + quote_string(*d.title) : "") + " extends " + d.extends.text;
    open_block(r, head);
    for (const auto& i : d.items) {
      switch (i.kind) {
        case profile_item_kind::param:
          valued_unit(i.range, "param " + i.target.text + " = ", *i.value);
          break;
        case profile_item_kind::disable:
          unit(i.range, "disable " + i.target.text);
          break;
        case profile_item_kind::severity:
          unit(i.range, "severity " + i.target.text + " " + to_string(i.level));
          break;
      }
    }
    close_block(r);
  }
};

}  // namespace

std::string quote_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '{':
        out += "\\{";
        break;
      case '}':
        out += "\\}";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string format_expr(const ast::expr& e) { return std::visit(expr_printer{}, e.node); }

std::string format(const ast::module& m, const source_file& source) { return printer(m, source).run(); }

}  // namespace baomi::dsl

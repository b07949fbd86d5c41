// The one translation unit that instantiates the PEGTL grammar: parse tree, then conversion to the AST.
#include "dsl/parser.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "base/language.hpp"
#include "base/text.hpp"
#include "dsl/codes.hpp"
#include "dsl/errors.hpp"
#include "dsl/grammar.hpp"

namespace baomi::dsl {

namespace {

namespace p = tao::pegtl;
namespace g = grammar;
namespace pt = p::parse_tree;
using node = pt::node;

// ---- the parse tree: which rules become nodes ----
template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        g::ruleset_decl, g::ruleset_entry, g::import_decl, g::source_decl, g::source_title, g::enum_decl,
        g::enum_member, g::entity_decl, g::extend_decl, g::entity_collection, g::entity_key, g::entity_label,
        g::field_decl, g::field_doc, g::none_meaning, g::param_decl, g::function_decl, g::fn_param, g::fn_result,
        g::rule_decl, g::rule_id, g::rule_title, g::severity_item, g::severity_level, g::area_item, g::cite_item,
        g::cite_quote, g::cite_locator, g::tags_item, g::effective_item, g::expires_item, g::rule_date, g::message_item,
        g::remedy_item, g::for_item, g::let_item, g::where_item, g::due_item, g::require_item, g::forbid_item,
        g::profile_decl, g::profile_param, g::profile_disable, g::profile_severity, g::type, g::primitive_type,
        g::ref_type, g::list_type, g::map_type, g::range_type, g::inline_enum, g::optional_mark, g::name, g::word,
        g::dotted_name, g::binder, g::string_lit, g::string_text, g::escape_char, g::interpolation, g::date_lit,
        g::duration_lit, g::number_lit, g::true_lit, g::false_lit, g::null_lit, g::variable, g::call, g::callee,
        g::member, g::index, g::quantifier, g::quantifier_kind, g::aggregate, g::aggregate_kind, g::filter,
        g::projection, g::projection_kind, g::list_lit, g::map_lit, g::map_entry, g::map_key, g::conditional,
        g::compare_op, g::is_null, g::is_not, g::logical_not, g::negate, g::add_op, g::mul_op>,
    pt::fold_one::on<g::disjunction, g::conjunction, g::negation, g::comparison, g::range, g::coalesce, g::additive,
                     g::multiplicative, g::unary, g::postfix, g::collection>>;

// ---- nesting guard: deep input is a diagnostic, not a stack overflow ----
template <typename Rule>
struct action : p::nothing<Rule> {};
template <>
struct action<g::expression> : p::maybe_nothing {
  template <typename Rule, p::apply_mode A, p::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    struct guard {
      std::size_t& depth;
      explicit guard(std::size_t& d) : depth(++d) {}
      ~guard() { --depth; }
    } g(in.private_depth);
    if (in.private_depth > max_expression_depth) {
      throw p::parse_error(
          fmt::format("{}|{}", codes::nesting_too_deep,
                      base::say("表达式嵌套过深（超过 {} 层）", "expression nested too deeply (more than {} levels)",
                                max_expression_depth)),
          in);
    }
    return p::match<Rule, A, M, Action, Control>(in, st...);
  }
};

template <typename Rule>
using control = p::must_if<g::errors>::control<Rule>;

// ---- helpers ----
std::size_t skip_trivia(std::string_view text, std::size_t offset) {
  while (offset < text.size()) {
    char c = text[offset];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++offset;
    } else if (c == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  return offset;
}

/// The range from the start of `a` to the end of `b`. Nodes folded by `fold_one` keep no end, so
/// operator nodes take their range from their operands.
source_range span(const source_range& a, const source_range& b) {
  return {a.begin, b.end, a.begin_offset, b.end_offset};
}

template <typename... Rules>
bool is_any(const node& n) {
  return (n.is_type<Rules>() || ...);
}

bool is_string_node(const node& n) {
  return is_any<g::string_lit, g::rule_title, g::cite_quote, g::source_title, g::field_doc, g::none_meaning>(n);
}

/// Raised inside conversion for a construct that parsed but is not valid (a bad date, a duplicate
/// `severity`); carries a code and the range.
struct conversion_error {
  std::string code;
  std::string message;
  source_range range;
};

class converter {
 public:
  explicit converter(const source_file& source) : m_source(source) {}

  ast::module convert(const node& root) {
    ast::module m;
    m.path = m_source.path();
    for (const auto& child : root.children) m.decls.push_back(declaration(*child));
    return m;
  }

 private:
  const source_file& m_source;
  std::size_t m_depth = 0;

  std::size_t begin_of(const node& n) const {
    return skip_trivia(m_source.text(), static_cast<std::size_t>(n.begin().byte));
  }
  source_range range_of(const node& n) const {
    auto b = begin_of(n);
    return m_source.range(b, std::max<std::size_t>(b, n.end().byte));  // folded nodes keep no end
  }
  std::string_view text_of(const node& n) const {
    auto b = begin_of(n);
    return std::string_view(m_source.text()).substr(b, n.end().byte - b);
  }
  ast::name name_of(const node& n) const { return {std::string(text_of(n)), range_of(n)}; }
  [[noreturn]] void fail(std::string_view code, std::string_view message, const node& n) const {
    throw conversion_error{std::string(code), std::string(message), range_of(n)};
  }

  // ---- declarations ----
  ast::declaration declaration(const node& n) {
    ast::declaration d{range_of(n), ast::import_decl{}};
    if (n.is_type<g::ruleset_decl>())
      d.node = ruleset(n);
    else if (n.is_type<g::import_decl>())
      d.node = ast::import_decl{name_of(*n.children.at(0))};
    else if (n.is_type<g::source_decl>())
      d.node = ast::source_decl{plain_string(*n.children.at(0)), plain_string(*n.children.at(1))};
    else if (n.is_type<g::enum_decl>())
      d.node = enumeration(n);
    else if (n.is_type<g::entity_decl>())
      d.node = entity(n);
    else if (n.is_type<g::extend_decl>())
      d.node = extension(n);
    else if (n.is_type<g::param_decl>())
      d.node = ast::param_decl{name_of(*n.children.at(0)), type(*n.children.at(1)), expression(*n.children.at(2))};
    else if (n.is_type<g::function_decl>())
      d.node = function(n);
    else if (n.is_type<g::rule_decl>())
      d.node = rule(n);
    else if (n.is_type<g::profile_decl>())
      d.node = profile(n);
    return d;
  }

  ast::ruleset_decl ruleset(const node& n) {
    ast::ruleset_decl r{name_of(*n.children.at(0)), std::nullopt, {}};
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      if (is_string_node(c)) {
        r.title = plain_string(c);
      } else {
        r.entries.push_back({name_of(*c.children.at(0)), plain_string(*c.children.at(1)), range_of(c)});
      }
    }
    return r;
  }

  std::vector<ast::enum_member> enum_members(const node& n, std::size_t first) {
    std::vector<ast::enum_member> members;
    for (std::size_t i = first; i < n.children.size(); ++i) {
      const node& m = *n.children[i];
      members.push_back({name_of(*m.children.at(0)), plain_string(*m.children.at(1)), range_of(m)});
    }
    return members;
  }

  ast::enum_decl enumeration(const node& n) { return {name_of(*n.children.at(0)), enum_members(n, 1)}; }

  ast::entity_decl entity(const node& n) {
    ast::entity_decl e{name_of(*n.children.at(0)), std::nullopt, std::nullopt, {}, nullptr};
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      if (c.is_type<g::entity_collection>()) {
        e.collection = name_of(*c.children.at(0));
      } else if (c.is_type<g::entity_key>()) {
        e.key = name_of(*c.children.at(0));
      } else if (c.is_type<g::entity_label>()) {
        const node& v = *c.children.at(0);
        e.label = v.is_type<g::word>() ? make(v, ast::variable{std::string(text_of(v))}) : make(v, template_string(v));
      } else {
        e.fields.push_back(field(c));
      }
    }
    return e;
  }

  ast::extend_decl extension(const node& n) {
    ast::extend_decl e{name_of(*n.children.at(0)), {}};
    for (std::size_t i = 1; i < n.children.size(); ++i) e.fields.push_back(field(*n.children[i]));
    return e;
  }

  ast::field_decl field(const node& c) {
    ast::field_decl f{name_of(*c.children.at(0)), type(*c.children.at(1)), std::nullopt, range_of(c), std::nullopt};
    for (std::size_t k = 2; k < c.children.size(); ++k) {
      if (c.children[k]->is_type<g::none_meaning>())
        f.none = plain_string(*c.children[k]);
      else
        f.doc = plain_string(*c.children[k]);
    }
    return f;
  }

  ast::type_expr type(const node& n) {
    ast::type_expr t;
    t.range = range_of(n);
    const node& base = *n.children.at(0);
    t.optional = n.children.size() > 1;
    if (base.is_type<g::primitive_type>()) {
      t.kind = ast::type_kind::named;
      t.target = name_of(base);
    } else if (base.is_type<g::ref_type>()) {
      t.kind = ast::type_kind::ref;
      t.target = name_of(*base.children.at(0));
    } else if (base.is_type<g::inline_enum>()) {
      t.kind = ast::type_kind::inline_enum;
      t.members = enum_members(base, 0);
    } else {
      t.kind = base.is_type<g::list_type>()  ? ast::type_kind::list
               : base.is_type<g::map_type>() ? ast::type_kind::map
                                             : ast::type_kind::range;
      for (const auto& arg : base.children) t.args.push_back(type(*arg));
    }
    return t;
  }

  ast::function_decl function(const node& n) {
    ast::function_decl f{name_of(*n.children.at(0)), {}, std::nullopt, nullptr};
    for (std::size_t i = 1; i + 1 < n.children.size(); ++i) {
      const node& c = *n.children[i];
      if (c.is_type<g::fn_param>())
        f.params.push_back({name_of(*c.children.at(0)), type(*c.children.at(1))});
      else
        f.result = type(*c.children.at(0));
    }
    f.body = expression(*n.children.back());
    return f;
  }

  ast::severity_level severity(const node& n) {
    auto level = ast::parse_severity(text_of(n));
    if (!level) fail(codes::unknown_severity, base::pick("未知的严重程度", "unknown severity"), n);
    return *level;
  }

  ast::located<ast::date_literal> rule_date(const node& item) {
    const node& d = *item.children.at(0);
    return {date(d), range_of(d)};
  }

  template <typename T>
  void set_once(std::optional<T>& slot, T value, const node& item, std::string_view what) {
    if (slot)
      fail(codes::duplicate_rule_item, base::say("规则中重复的 `{}`", "duplicate `{}` in the rule", what), item);
    slot = std::move(value);
  }

  ast::rule_decl rule(const node& n) {
    ast::rule_decl r;
    r.id = name_of(*n.children.at(0));
    r.title = plain_string(*n.children.at(1));
    for (std::size_t i = 2; i < n.children.size(); ++i) rule_item(r, *n.children[i]);
    return r;
  }

  void rule_item(ast::rule_decl& r, const node& c) {
    auto range = range_of(c);
    if (c.is_type<g::severity_item>()) {
      set_once(r.severity, ast::located<ast::severity_level>{severity(*c.children.at(0)), range}, c, "severity");
    } else if (c.is_type<g::area_item>()) {
      set_once(r.area, ast::located<std::string>{plain_string(*c.children.at(0)), range}, c, "area");
    } else if (c.is_type<g::cite_item>()) {
      ast::cite cite{plain_string(*c.children.at(0)), plain_string(*c.children.at(1)), std::nullopt,
                     range_of(*c.children.at(1)), range};
      if (c.children.size() > 2) cite.locator = plain_string(*c.children[2]->children.at(0));
      r.cites.push_back(std::move(cite));
    } else if (c.is_type<g::tags_item>()) {
      for (const auto& tag : c.children) r.tags.push_back({plain_string(*tag), range_of(*tag)});
    } else if (c.is_type<g::effective_item>()) {
      set_once(r.effective, rule_date(c), c, "effective");
    } else if (c.is_type<g::expires_item>()) {
      set_once(r.expires, rule_date(c), c, "expires");
    } else if (c.is_type<g::message_item>() || c.is_type<g::remedy_item>()) {
      bool message = c.is_type<g::message_item>();
      auto& slot = message ? r.message : r.remedy;
      if (slot)
        fail(codes::duplicate_rule_item,
             base::say("规则中重复的 `{}`", "duplicate `{}` in the rule", message ? "message" : "remedy"), c);
      slot = expression(*c.children.at(0));
      (message ? r.message_range : r.remedy_range) = range;
    } else if (c.is_type<g::for_item>()) {
      if (r.subject)
        fail(codes::duplicate_rule_item,
             base::pick("规则中重复的 `for`：一条规则只有一个检查对象",
                        "duplicate `for` in the rule: a rule has one subject"),
             c);
      if (!r.steps.empty())
        fail(codes::for_after_steps,
             base::pick("`for` 须在 `let`、`where`、`due`、`require` 和 `forbid` 之前",
                        "`for` must come before `let`, `where`, `due`, `require` and `forbid`"),
             c);
      r.subject =
          ast::rule_subject{name_of(*c.children.at(0)), expression(*c.children.at(1)),
                            c.children.size() > 2 ? expression(*c.children[2]->children.at(0)) : nullptr, range};
    } else {
      ast::rule_step step;
      step.range = range;
      if (c.is_type<g::let_item>()) {
        step.kind = ast::step_kind::let;
        step.binding = name_of(*c.children.at(0));
        step.value = expression(*c.children.at(1));
      } else {
        step.kind = c.is_type<g::where_item>()     ? ast::step_kind::where
                    : c.is_type<g::due_item>()     ? ast::step_kind::due
                    : c.is_type<g::require_item>() ? ast::step_kind::require
                                                   : ast::step_kind::forbid;
        step.value = expression(*c.children.at(0));
      }
      r.steps.push_back(std::move(step));
    }
  }

  ast::profile_decl profile(const node& n) {
    ast::profile_decl pr;
    pr.profile = name_of(*n.children.at(0));
    std::size_t i = 1;
    if (is_string_node(*n.children.at(i))) pr.title = plain_string(*n.children[i++]);
    pr.extends = name_of(*n.children.at(i++));
    for (; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      ast::profile_item item;
      item.range = range_of(c);
      item.target = name_of(*c.children.at(0));
      if (c.is_type<g::profile_param>()) {
        item.kind = ast::profile_item_kind::param;
        item.value = expression(*c.children.at(1));
      } else if (c.is_type<g::profile_disable>()) {
        item.kind = ast::profile_item_kind::disable;
      } else {
        item.kind = ast::profile_item_kind::severity;
        item.level = severity(*c.children.at(1));
      }
      pr.items.push_back(std::move(item));
    }
    return pr;
  }

  // ---- literals ----
  std::string plain_string(const node& n) {
    std::string out;
    for (const auto& part : n.children) {
      if (part->is_type<g::interpolation>())
        fail(codes::interpolation_not_allowed,
             base::pick("此字符串中不允许插值 `{…}`", "interpolation `{…}` is not allowed in this string"), *part);
      append_text(out, *part);
    }
    return out;
  }

  void append_text(std::string& out, const node& part) const {
    if (part.is_type<g::string_text>()) {
      out += part.string_view();
      return;
    }
    switch (part.string_view().front()) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      default:
        out += part.string_view().front();
        break;
    }
  }

  ast::string_literal template_string(const node& n) {
    ast::string_literal s;
    for (const auto& part : n.children) {
      if (part->is_type<g::interpolation>()) {
        s.parts.push_back({{}, expression(*part->children.at(0))});
      } else {
        if (s.parts.empty() || s.parts.back().interpolation) s.parts.emplace_back();
        append_text(s.parts.back().text, *part);
      }
    }
    return s;
  }

  ast::date_literal date(const node& n) {
    auto text = text_of(n);
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(text.data(), text.data() + 4, y);
    std::from_chars(text.data() + 5, text.data() + 7, m);
    std::from_chars(text.data() + 8, text.data() + 10, d);
    if (!std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok()) {
      fail(codes::invalid_literal, base::say("`{}` 不是有效的日期", "`{}` is not a valid date", text), n);
    }
    return {y, m, d};
  }

  ast::duration_literal duration(const node& n) {
    auto text = text_of(n);
    auto digits_end = text.find_first_not_of("0123456789");
    ast::duration_literal d;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + digits_end, d.amount);
    if (ec != std::errc() || d.amount > 100000)
      fail(codes::invalid_literal, base::say("时长 `{}` 过大", "duration `{}` is too large", text), n);
    auto unit = text.substr(digits_end);
    d.unit = unit == "wd"   ? ast::duration_unit::working_day
             : unit == "mo" ? ast::duration_unit::month
             : unit == "w"  ? ast::duration_unit::week
             : unit == "y"  ? ast::duration_unit::year
                            : ast::duration_unit::day;
    return d;
  }

  // ---- expressions ----
  ast::expr_ptr make(const node& n, ast::expr_node value) {
    return std::make_unique<ast::expr>(ast::expr{range_of(n), std::move(value)});
  }

  ast::expr_ptr make(source_range range, ast::expr_node value) {
    return std::make_unique<ast::expr>(ast::expr{range, std::move(value)});
  }

  /// Bounds the depth of the AST (nesting plus operator chains) so later recursive passes are safe.
  struct depth_guard {
    std::size_t& depth;
    std::size_t amount;
    depth_guard(std::size_t& d, std::size_t a, const converter& c, const node& n) : depth(d), amount(a) {
      depth += amount;
      if (depth > max_ast_depth) {
        c.fail(codes::nesting_too_deep,
               base::say("表达式嵌套过深（超过 {} 层）", "expression nested too deeply (more than {} levels)",
                         max_ast_depth),
               n);
      }
    }
    ~depth_guard() { depth -= amount; }
  };
  static constexpr std::size_t max_ast_depth = 256;

  ast::expr_ptr expression(const node& n) {
    depth_guard guard(m_depth, 1, *this, n);
    if (is_string_node(n)) return make(n, template_string(n));
    if (n.is_type<g::date_lit>()) return make(n, date(n));
    if (n.is_type<g::duration_lit>()) return make(n, duration(n));
    if (n.is_type<g::number_lit>()) {
      auto text = text_of(n);
      return make(n, ast::number_literal{std::string(text), text.find('.') == std::string_view::npos});
    }
    if (n.is_type<g::true_lit>()) return make(n, ast::bool_literal{true});
    if (n.is_type<g::false_lit>()) return make(n, ast::bool_literal{false});
    if (n.is_type<g::null_lit>()) return make(n, ast::null_literal{});
    if (n.is_type<g::variable>()) return make(n, ast::variable{std::string(text_of(n))});
    if (n.is_type<g::call>()) {
      ast::call c{name_of(*n.children.at(0)), {}};
      for (std::size_t i = 1; i < n.children.size(); ++i) c.args.push_back(expression(*n.children[i]));
      return make(n, std::move(c));
    }
    if (n.is_type<g::list_lit>()) {
      ast::list_literal l;
      for (const auto& item : n.children) l.items.push_back(expression(*item));
      return make(n, std::move(l));
    }
    if (n.is_type<g::map_lit>()) return make(n, map(n));
    if (n.is_type<g::conditional>()) {
      return make(n, ast::conditional{expression(*n.children.at(0)), expression(*n.children.at(1)),
                                      expression(*n.children.at(2))});
    }
    if (n.is_type<g::quantifier>()) return make(n, quantifier(n));
    if (n.is_type<g::aggregate>()) return make(n, aggregate(n));
    if (is_any<g::postfix, g::collection>(n)) return postfix(n);
    if (n.is_type<g::unary>() || n.is_type<g::negation>()) return prefix(n);
    if (n.is_type<g::comparison>()) return comparison(n);
    if (n.is_type<g::range>()) {
      auto lhs = expression(*n.children.at(0));
      auto rhs = expression(*n.children.at(1));
      auto range = span(lhs->range, rhs->range);
      return make(range, ast::binary{ast::binary_op::range, std::move(lhs), std::move(rhs)});
    }
    if (is_any<g::coalesce, g::disjunction, g::conjunction>(n)) {
      auto op = n.is_type<g::coalesce>()      ? ast::binary_op::coalesce
                : n.is_type<g::disjunction>() ? ast::binary_op::logical_or
                                              : ast::binary_op::logical_and;
      return left_chain(
          n, [op](const node&) { return op; }, 1);
    }
    if (is_any<g::additive, g::multiplicative>(n)) {
      return left_chain(
          n, [this](const node& o) { return arithmetic_op(text_of(o)); }, 2);
    }
    fail(codes::expected_expression, base::pick("不支持的表达式", "unsupported expression"), n);
  }

  static ast::binary_op arithmetic_op(std::string_view op) {
    switch (op.front()) {
      case '+':
        return ast::binary_op::add;
      case '-':
        return ast::binary_op::sub;
      case '*':
        return ast::binary_op::mul;
      case '/':
        return ast::binary_op::div;
      default:
        return ast::binary_op::mod;
    }
  }

  /// Builds a left-associative chain; `stride` is 1 when operators are not nodes, 2 when they are.
  template <typename OpOf>
  ast::expr_ptr left_chain(const node& n, OpOf op_of, std::size_t stride) {
    depth_guard guard(m_depth, n.children.size() / stride, *this, n);
    auto lhs = expression(*n.children.at(0));
    for (std::size_t i = stride; i < n.children.size(); i += stride) {
      auto op = op_of(*n.children[i - 1]);
      auto rhs = expression(*n.children[i]);
      auto range = span(lhs->range, rhs->range);
      lhs = make(range, ast::binary{op, std::move(lhs), std::move(rhs)});
    }
    return lhs;
  }

  ast::expr_ptr prefix(const node& n) {
    depth_guard guard(m_depth, n.children.size(), *this, n);
    auto operand = expression(*n.children.back());
    for (std::size_t i = n.children.size() - 1; i-- > 0;) {
      const node& op = *n.children[i];
      auto kind = op.is_type<g::negate>() ? ast::unary_op::negate : ast::unary_op::logical_not;
      auto b = begin_of(op);
      source_range range{m_source.locate(b), operand->range.end, static_cast<std::uint32_t>(b),
                         operand->range.end_offset};
      operand = make(range, ast::unary{kind, std::move(operand)});
    }
    return operand;
  }

  ast::expr_ptr comparison(const node& n) {
    auto lhs = expression(*n.children.at(0));
    const node& op = *n.children.at(1);
    if (op.is_type<g::is_null>()) {
      auto range = span(lhs->range, range_of(op));
      return make(range, ast::is_null{std::move(lhs), !op.children.empty()});
    }
    auto text = text_of(op);
    auto kind = text == "=="        ? ast::binary_op::eq
                : text == "!="      ? ast::binary_op::ne
                : text == "<="      ? ast::binary_op::le
                : text == ">="      ? ast::binary_op::ge
                : text == "<"       ? ast::binary_op::lt
                : text == ">"       ? ast::binary_op::gt
                : text == "in"      ? ast::binary_op::in
                : text == "matches" ? ast::binary_op::matches
                                    : ast::binary_op::not_in;
    auto rhs = expression(*n.children.at(2));
    auto range = span(lhs->range, rhs->range);
    return make(range, ast::binary{kind, std::move(lhs), std::move(rhs)});
  }

  ast::expr_ptr postfix(const node& n) {
    depth_guard guard(m_depth, n.children.size(), *this, n);
    auto object = expression(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      auto range = span(object->range, range_of(c));
      if (c.is_type<g::member>()) {
        object = make(range, ast::member{std::move(object), name_of(*c.children.at(0))});
      } else {
        object = make(range, ast::index{std::move(object), expression(*c.children.at(0))});
      }
    }
    return object;
  }

  ast::map_literal map(const node& n) {
    ast::map_literal m;
    for (const auto& entry : n.children) {
      const node& key = *entry->children.at(0)->children.at(0);
      auto key_expr = key.is_type<g::word>() ? make(key, ast::variable{std::string(text_of(key))}) : expression(key);
      m.entries.push_back({std::move(key_expr), expression(*entry->children.at(1))});
    }
    return m;
  }

  ast::quantifier quantifier(const node& n) {
    auto kind_text = text_of(*n.children.at(0));
    ast::quantifier q;
    q.kind = kind_text == "exists" ? ast::quantifier_kind::exists
             : kind_text == "all"  ? ast::quantifier_kind::all
                                   : ast::quantifier_kind::none;
    q.binder = name_of(*n.children.at(1));
    q.collection = expression(*n.children.at(2));
    if (n.children.size() > 3) q.condition = expression(*n.children[3]->children.at(0));
    return q;
  }

  ast::aggregate aggregate(const node& n) {
    auto kind_text = text_of(*n.children.at(0));
    ast::aggregate a;
    a.kind = kind_text == "count" ? ast::aggregate_kind::count
             : kind_text == "sum" ? ast::aggregate_kind::sum
             : kind_text == "min" ? ast::aggregate_kind::min
             : kind_text == "max" ? ast::aggregate_kind::max
                                  : ast::aggregate_kind::latest;
    a.binder = name_of(*n.children.at(1));
    a.collection = expression(*n.children.at(2));
    for (std::size_t i = 3; i < n.children.size(); ++i) {
      const node& c = *n.children[i];
      if (c.is_type<g::filter>()) {
        a.condition = expression(*c.children.at(0));
      } else {
        bool by = text_of(*c.children.at(0)) == "by";
        if (by != (a.kind == ast::aggregate_kind::latest)) {
          fail(codes::aggregate_form,
               by ? base::pick("只有 `latest` 用 `by`；`sum`、`min` 和 `max` 用 `of`",
                               "only `latest` takes `by`; use `of` with `sum`, `min` and `max`")
                  : base::pick("`latest` 用 `by`，不用 `of`", "`latest` takes `by`, not `of`"),
               *c.children.at(0));
        }
        a.projection = expression(*c.children.at(1));
      }
    }
    bool needs_projection = a.kind != ast::aggregate_kind::count;
    if (needs_projection && !a.projection) {
      fail(codes::aggregate_form,
           a.kind == ast::aggregate_kind::latest
               ? std::string(base::pick("`latest` 须有 `by <表达式>`", "`latest` needs `by <expression>`"))
               : base::say("`{}` 须有 `of <表达式>`", "`{}` needs `of <expression>`", kind_text),
           n);
    }
    if (!needs_projection && a.projection)
      fail(codes::aggregate_form, base::pick("`count` 不带 `of`", "`count` takes no `of`"), n);
    return a;
  }
};

// Comments are found by a scan of the (already parsed, so well-formed) text that skips strings and
// their interpolations; the parse tree does not keep trivia.
std::vector<ast::comment> scan_comments(const source_file& source) {
  std::vector<ast::comment> comments;
  const std::string& text = source.text();
  std::vector<bool> in_string{false};  // a stack: string, interpolation, string, …
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string.back()) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string.pop_back();
      else if (c == '{')
        in_string.push_back(false);
    } else if (c == '"') {
      in_string.push_back(true);
    } else if (c == '}' && in_string.size() > 1) {
      in_string.pop_back();
    } else if (c == '#') {
      auto end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
      auto stop = end;
      while (stop > i && (text[stop - 1] == '\r' || text[stop - 1] == ' ')) --stop;
      comments.push_back({text.substr(i, stop - i), source.range(i, stop)});
      i = end;
    }
  }
  return comments;
}

diagnostic make_diagnostic(const source_file& source, std::string_view coded, source_range range) {
  auto bar = coded.find('|');
  diagnostic d;
  d.code = std::string(bar == std::string_view::npos ? codes::expected_declaration : coded.substr(0, bar));
  auto text = bar == std::string_view::npos ? coded : coded.substr(bar + 1);
  // `zh<US>en` (dsl/errors.hpp): the message language's half.
  if (auto sep = text.find(grammar::language_separator); sep != std::string_view::npos)
    text = base::pick(text.substr(0, sep), text.substr(sep + 1));
  d.message = std::string(text);
  d.path = source.path();
  d.range = range;
  return d;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// The offsets of the `{` still open at `offset`, outermost first, skipping strings and comments.
std::vector<std::size_t> open_braces(std::string_view text, std::size_t offset) {
  std::vector<std::size_t> open;
  bool in_string = false;
  int interpolation = 0;  // depth of `{…}` inside the current string
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '{') {
        ++interpolation;
      } else if (c == '}' && interpolation > 0) {
        --interpolation;
      } else if (c == '"' && interpolation == 0) {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{') {
      open.push_back(i);
    } else if (c == '}' && !open.empty()) {
      open.pop_back();
    }
  }
  return open;
}

// Notes that help with a syntax error: where the block left open began (E0105), and the keyword a
// misspelt word was probably meant to be (`sevrity` → `severity`).
void add_syntax_hints(diagnostic& d, const source_file& source, std::size_t at) {
  std::string_view text = source.text();
  if (d.code == codes::unclosed_delimiter || d.code == codes::expected_declaration) {
    auto end = at;
    while (end < text.size() && is_word_char(text[end])) ++end;
    if (end > at && (at == 0 || !is_word_char(text[at - 1]))) {
      static constexpr std::string_view keywords[] = {
          "rule",    "entity",   "extend", "enum", "param",   "fn",        "import",  "source",  "profile",
          "ruleset", "severity", "area",   "cite", "tags",    "effective", "expires", "message", "remedy",
          "for",     "let",      "where",  "due",  "require", "forbid",    "disable", "extends"};
      auto word = text.substr(at, end - at);
      std::string_view best;
      std::size_t best_distance = 3;
      for (auto k : keywords) {
        auto dist = base::edit_distance(word, k);
        if (dist > 0 && dist < best_distance && dist < k.size() / 2 + 1) {
          best = k;
          best_distance = dist;
        }
      }
      if (!best.empty()) d.add_note(base::say("是否应为 `{}`？", "did you mean `{}`?", best), std::nullopt);
    }
  }
  if (d.code != codes::unclosed_delimiter) return;
  // A `}` is probably missing when the error is at the end of the file or at the next declaration.
  auto word_end = at;
  while (word_end < text.size() && is_word_char(text[word_end])) ++word_end;
  auto word = text.substr(at, word_end - at);
  static constexpr std::string_view declarations[] = {"rule",   "entity", "extend",  "enum",   "fn",
                                                      "import", "source", "profile", "ruleset"};
  if (at < text.size() && std::find(std::begin(declarations), std::end(declarations), word) == std::end(declarations))
    return;
  auto open = open_braces(text, at);
  if (open.empty()) return;
  auto brace = open.back();
  auto line_start = text.rfind('\n', brace);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  auto head = text.substr(line_start, brace - line_start);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\t')) head.remove_suffix(1);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\t')) head.remove_prefix(1);
  auto range = source.range(brace, brace + 1);
  d.add_note(head.empty() ? base::say("第 {} 行打开的 `{{` 没有闭合", "the `{{` opened at line {} is not closed",
                                      range.begin.line)
                          : base::say("第 {1} 行 `{0}` 的 `{{` 没有闭合",
                                      "the `{{` of `{}` opened at line {} is not closed", head, range.begin.line),
             range);
}

}  // namespace

parse_result parse(const source_file& source) {
  parse_result result;
  if (auto bad = source.first_invalid_utf8()) {
    auto d = make_diagnostic(source,
                             fmt::format("{}|{}", codes::invalid_utf8,
                                         base::pick("无效的 UTF-8 字节序列：文件须为 UTF-8 编码",
                                                    "invalid UTF-8 byte sequence: the file must be UTF-8 encoded")),
                             source.range(*bad, *bad + 1));
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  try {
    p::memory_input in(source.text(), source.path());
    auto root = pt::parse<g::file, node, selector, action, control>(in);
    if (!root) {
      result.diagnostics.push_back(make_diagnostic(
          source, fmt::format("{}|{}", codes::expected_declaration, base::pick("意外的输入", "unexpected input")),
          source.range(0, 0)));
      return result;
    }
    converter c(source);
    result.module = c.convert(*root);
    result.module->comments = scan_comments(source);
  } catch (const p::parse_error& e) {
    auto offset = e.positions().empty() ? 0 : e.positions().front().byte;
    auto at = skip_trivia(source.text(), offset);
    auto end = at < source.text().size() ? at + 1 : at;
    while (end < source.text().size() && (static_cast<unsigned char>(source.text()[end]) & 0xC0) == 0x80) ++end;
    auto d = make_diagnostic(source, e.message(), source.range(at, end));
    add_syntax_hints(d, source, at);
    result.diagnostics.push_back(std::move(d));
  } catch (const conversion_error& e) {
    auto d = make_diagnostic(source, e.code + "|" + e.message, e.range);
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

}  // namespace baomi::dsl

// Lowering expressions to IR: the dispatch over expression kinds, and literals.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

ir::node checker::make(ir::op op, type t, const ast::expr& e) {
  ir::node n;
  n.op = op;
  n.type = std::move(t);
  n.range = e.range;
  return n;
}

ir::node checker::bad(const ast::expr& e) {
  auto n = make(ir::op::constant, facts::scalar(type_kind::boolean), e);
  n.null_type = true;
  n.poisoned = true;
  return n;
}

ir::node checker::expr(const ast::expr& e, const type* expected) {
  auto n = std::visit([&](const auto& node) { return lower(e, node, expected); }, e.node);
  return n;
}

ir::node checker::constant(const ast::expr& e, type t, value v) {
  auto n = make(ir::op::constant, std::move(t), e);
  n.constant = v;
  return n;
}

ir::node checker::lower(const ast::expr& e, const ast::null_literal&, const type*) {
  auto n = make(ir::op::constant, facts::scalar(type_kind::boolean), e);
  n.null_type = true;
  return n;
}

ir::node checker::lower(const ast::expr& e, const ast::bool_literal& b, const type*) {
  return constant(e, facts::scalar(type_kind::boolean), value::boolean(b.value));
}

ir::node checker::lower(const ast::expr& e, const ast::number_literal& n, const type*) {
  if (n.is_integer) {
    std::int64_t i = 0;
    try {
      i = std::stoll(n.text);
    } catch (...) {
      error(codes::type_mismatch, e.range, base::say("整数 `{}` 过大", "integer `{}` is too large", n.text));
    }
    return constant(e, facts::scalar(type_kind::integer), value::integer(i));
  }
  return constant(e, facts::scalar(type_kind::number), value::number(std::stod(n.text)));
}

ir::node checker::lower(const ast::expr& e, const ast::date_literal& d, const type*) {
  auto day = facts::make_date(d.year, d.month, d.day);
  return constant(e, facts::scalar(type_kind::date), value::date(day.value_or(0)));
}

ir::node checker::lower(const ast::expr& e, const ast::duration_literal& d, const type*) {
  facts::duration dur;
  auto amount = static_cast<std::int32_t>(d.amount);
  switch (d.unit) {
    case ast::duration_unit::day:
      dur.days = amount;
      break;
    case ast::duration_unit::week:
      dur.days = amount * 7;
      break;
    case ast::duration_unit::working_day:
      dur.working_days = amount;
      break;
    case ast::duration_unit::month:
      dur.months = amount;
      break;
    case ast::duration_unit::year:
      dur.months = amount * 12;
      break;
  }
  return constant(e, facts::scalar(type_kind::duration), value::duration(dur));
}

ir::node checker::lower(const ast::expr& e, const ast::string_literal& s, const type*) {
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

}  // namespace baomi::engine::checking

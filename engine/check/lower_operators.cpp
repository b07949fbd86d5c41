// Lowering operators: unary, `is null`, conditionals, comparisons, `in`, `matches`, arithmetic.
#include <regex>

#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

ir::node checker::lower(const ast::expr& e, const ast::unary& u, const type*) {
  auto operand = expr(*u.operand, nullptr);
  if (u.op == ast::unary_op::logical_not) {
    expect_bool(operand, u.operand->range, "`not`");
    auto n = make(ir::op::logical_not, with_optional(facts::scalar(type_kind::boolean), operand.type.optional), e);
    n.children.push_back(std::move(operand));
    return n;
  }
  if (operand.poisoned) return bad(e);
  if (!operand.null_type && !numeric(operand.type) && operand.type.kind != type_kind::duration) {
    error(codes::type_mismatch, e.range,
          base::say("不能对类型为 `{}` 的值取负", "cannot negate a value of type `{}`", type_name(operand)));
    return bad(e);
  }
  auto n = make(ir::op::neg, operand.type, e);
  n.children.push_back(std::move(operand));
  return n;
}

void checker::expect_bool(const ir::node& n, const dsl::source_range& range, const char* where) {
  if (!n.null_type && n.type.kind != type_kind::boolean) {
    error(codes::not_bool, range,
          base::say("{} 需要 `bool`，此处为 `{}`", "{} needs a `bool`, this is `{}`", where, type_name(n)));
  }
}

ir::node checker::lower(const ast::expr& e, const ast::is_null& x, const type*) {
  auto operand = expr(*x.operand, nullptr);
  auto n = make(x.negated ? ir::op::is_not_null : ir::op::is_null, facts::scalar(type_kind::boolean), e);
  n.children.push_back(std::move(operand));
  return n;
}

ir::node checker::lower(const ast::expr& e, const ast::conditional& c, const type* expected) {
  auto cond = expr(*c.condition, nullptr);
  expect_bool(cond, c.condition->range, "`if`");
  auto a = expr(*c.then_branch, expected);
  auto b = expr(*c.else_branch, a.null_type ? expected : &a.type);
  if (a.null_type && !b.null_type) a = expr(*c.then_branch, &b.type);
  if (!a.null_type && !b.null_type && !same_base(plain(a.type), plain(b.type)) &&
      !(numeric(a.type) && numeric(b.type))) {
    error(codes::type_mismatch, e.range,
          base::say("`if` 的两个分支类型不一致：`{}` 与 `{}`",
                    "the branches of `if` have different types: `{}` and `{}`", type_name(a), type_name(b)));
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

ir::node checker::lower(const ast::expr& e, const ast::binary& b, const type* expected) {
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
        error(codes::type_mismatch, e.range,
              base::say("范围两端的类型不一致：`{}` 与 `{}`",
                        "the ends of the range have different types: `{}` and `{}`", type_name(l), type_name(r)));
      }
      if (!l.null_type && !ordered(l.type))
        error(codes::type_mismatch, e.range,
              base::say("`{}` 的范围没有顺序", "a range of `{}` has no order", type_name(l)));
      auto n = make(ir::op::make_range, facts::range_of(plain(l.type)), e);
      n.children.push_back(std::move(l));
      n.children.push_back(std::move(r));
      return n;
    }
    case bop::coalesce: {
      auto l = expr(*b.lhs, expected);
      auto r = expr(*b.rhs, l.null_type ? expected : &l.type);
      if (!l.null_type && !r.null_type && !same_base(plain(l.type), plain(r.type)) &&
          !(numeric(l.type) && numeric(r.type))) {
        error(codes::type_mismatch, e.range,
              base::say("`??` 两侧的类型须相同：`{}` 与 `{}`", "`??` needs the same type on both sides: `{}` and `{}`",
                        type_name(l), type_name(r)));
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
    case bop::mod:
      return arithmetic(e, b);
    default:
      return comparison(e, b);
  }
}

// Checks lhs and rhs, letting a typed side give an enum symbol on the other side its type.
std::pair<ir::node, ir::node> checker::operands(const ast::binary& b, bool rhs_is_collection) {
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

ir::node checker::comparison(const ast::expr& e, const ast::binary& b) {
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
    case bop::eq:
      op = ir::op::eq;
      break;
    case bop::ne:
      op = ir::op::ne;
      break;
    case bop::lt:
      op = ir::op::lt;
      break;
    case bop::le:
      op = ir::op::le;
      break;
    case bop::gt:
      op = ir::op::gt;
      break;
    case bop::ge:
      op = ir::op::ge;
      break;
    case bop::in:
      op = ir::op::in;
      break;
    case bop::not_in:
      op = ir::op::not_in;
      break;
    default:
      op = ir::op::matches;
      break;
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
        error(codes::type_mismatch, b.rhs->range,
              base::pick("`matches` 的模式须为字符串字面量", "the pattern of `matches` must be a string literal"));
      } else if (ok) {
        try {
          std::regex check(r.text, std::regex::ECMAScript);
        } catch (const std::regex_error&) {
          error(codes::type_mismatch, b.rhs->range,
                base::say("无效的正则表达式 `{}`", "invalid regular expression `{}`", r.text));
        }
      }
    } else {
      ok = same_base(plain(lt), plain(rt)) || (numeric(lt) && numeric(rt));
      if (ok && op != ir::op::eq && op != ir::op::ne && !ordered(lt)) ok = false;
    }
    if (!ok) {
      error(codes::type_mismatch, e.range,
            base::say("不能用 `{2}` 比较 `{0}` 与 `{1}`", "cannot compare `{}` with `{}` using `{}`", type_name(l),
                      type_name(r), ast::to_string(b.op)));
      return bad(e);
    }
  }
  auto n = make(op, with_optional(boolean, optional), e);
  n.children.push_back(std::move(l));
  n.children.push_back(std::move(r));
  return n;
}

ir::node checker::arithmetic(const ast::expr& e, const ast::binary& b) {
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
      t = facts::scalar(lk == type_kind::number || rk == type_kind::number || b.op == bop::div ? type_kind::number
                                                                                               : type_kind::integer);
      if (b.op == bop::mod && t.kind != type_kind::integer) ok = false;
    } else if (lk == type_kind::date && rk == type_kind::duration && (b.op == bop::add || b.op == bop::sub)) {
      t = facts::scalar(type_kind::date);
    } else if (lk == type_kind::duration && rk == type_kind::date && b.op == bop::add) {
      t = facts::scalar(type_kind::date);
    } else if (lk == type_kind::date && rk == type_kind::date && b.op == bop::sub) {
      t = facts::scalar(type_kind::duration);
    } else if (lk == type_kind::duration && rk == type_kind::duration && (b.op == bop::add || b.op == bop::sub)) {
      t = facts::scalar(type_kind::duration);
    } else if (b.op == bop::mul && ((lk == type_kind::duration && rk == type_kind::integer) ||
                                    (lk == type_kind::integer && rk == type_kind::duration))) {
      t = facts::scalar(type_kind::duration);
    } else if (b.op == bop::add && lk == type_kind::string && rk == type_kind::string) {
      t = facts::scalar(type_kind::string);
    } else {
      ok = false;
    }
    if (!ok) {
      error(codes::type_mismatch, e.range,
            base::say("不能对 `{1}` 和 `{2}` 使用 `{0}`", "cannot apply `{}` to `{}` and `{}`", ast::to_string(b.op),
                      type_name(l), type_name(r)));
      return bad(e);
    }
  }
  static const std::map<bop, ir::op> ops = {{bop::add, ir::op::add},
                                            {bop::sub, ir::op::sub},
                                            {bop::mul, ir::op::mul},
                                            {bop::div, ir::op::div},
                                            {bop::mod, ir::op::mod}};
  auto n = make(ops.at(b.op), with_optional(t, optional), e);
  n.children.push_back(std::move(l));
  n.children.push_back(std::move(r));
  return n;
}

}  // namespace baomi::engine::checking

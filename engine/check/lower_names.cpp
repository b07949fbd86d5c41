// Lowering names: variables, params, enum symbols, fields, indexing and calls (built-in or declared).
#include "base/language.hpp"
#include "engine/builtins.hpp"
#include "engine/check/checker.hpp"

#include <fmt/ranges.h>

namespace baomi::engine::checking {

bool checker::is_bare_symbol(const ast::expr& e) {
  const auto* v = std::get_if<ast::variable>(&e.node);
  return v && !resolvable(v->name);
}

ir::node checker::lower(const ast::expr& e, const ast::variable& v, const type* expected) {
  if (const auto* l = find_local(v.name)) {
    auto n = make(ir::op::local, l->t, e);
    n.slot = l->slot;
    n.null_type = l->null_type;
    n.poisoned = l->null_type;
    return n;
  }
  if (v.name == "as_of") {
    if (m_constant_context)
      error(codes::not_allowed_here, e.range,
            base::pick("参数值中不能使用 `as_of`", "`as_of` cannot be used in a param value"));
    return make(ir::op::as_of, facts::scalar(type_kind::date), e);
  }
  if (auto p = m_param_index.find(v.name); p != m_param_index.end()) {
    m_param_used[p->second] = true;
    auto n = make(ir::op::param, m_program.params[p->second].type, e);
    n.slot = p->second;
    return n;
  }
  if (auto c = m_program.schema.find_collection(v.name)) {
    if (m_constant_context)
      error(codes::not_allowed_here, e.range,
            base::say("参数值中不能使用集合 `{}`", "collection `{}` cannot be used in a param value", v.name));
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
    auto& d = error(codes::unknown_name, e.range,
                    base::say("`{}` 不是枚举 `{}` 的值", "`{}` is not a value of enum `{}`", v.name, en.name));
    std::vector<std::string> symbols;
    for (const auto& val : en.values) symbols.push_back(val.symbol);
    suggest(d, v.name, symbols);
    d.add_note(base::say("枚举 `{}` 的值有：{}", "enum `{}` has: {}", en.name, fmt::join(symbols, ", ")), std::nullopt);
    return bad(e);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  const auto& enums = m_program.schema.enums();
  for (std::uint32_t i = 0; i < enums.size(); ++i) {
    for (std::uint32_t j = 0; j < enums[i].values.size(); ++j) {
      if (enums[i].values[j].symbol == v.name) found.emplace_back(i, j);
    }
  }
  if (found.size() == 1)
    return constant(e, facts::enum_of(found[0].first), value::enumeration(found[0].first, found[0].second));
  if (found.size() > 1) {
    auto& d = error(codes::ambiguous_enum_value, e.range,
                    base::say("`{}` 是多个枚举的值", "`{}` is a value of several enums", v.name));
    for (const auto& [i, j] : found)
      d.add_note(base::say("枚举 `{}` 含有此值", "enum `{}` has it", enums[i].name), std::nullopt);
    d.add_note(base::pick("请将它与所指枚举的字段比较，由字段的类型确定",
                          "compare it with a field of the enum you mean, so its type decides"),
               std::nullopt);
    return bad(e);
  }
  auto& d = error(codes::unknown_name, e.range, base::say("未知的名称 `{}`", "unknown name `{}`", v.name));
  auto names = visible_names();
  auto best = closest(v.name, names);
  // Not a name in scope: perhaps a misspelt enum value; name its enum and list the values.
  for (std::uint32_t i = 0; !best && i < enums.size(); ++i) {
    std::vector<std::string> symbols;
    for (const auto& val : enums[i].values) symbols.push_back(val.symbol);
    if (auto symbol = closest(v.name, symbols)) {
      d.add_note(base::say("是否应为枚举 `{1}` 的值 `{0}`？", "did you mean `{}`, a value of enum `{}`?", *symbol,
                           enums[i].name),
                 std::nullopt);
      d.add_note(base::say("枚举 `{}` 的值有：{}", "enum `{}` has: {}", enums[i].name, fmt::join(symbols, ", ")),
                 std::nullopt);
      return bad(e);
    }
  }
  suggest(d, v.name, names);
  return bad(e);
}

ir::node checker::lower(const ast::expr& e, const ast::member& m, const type*) {
  auto object = expr(*m.object, nullptr);
  if (object.null_type) return bad(e);
  const auto& t = object.type;
  if (t.kind != type_kind::ref && t.kind != type_kind::record) {
    error(codes::unknown_field, m.field.range,
          base::say("`{}` 的类型为 `{}`，该类型没有字段", "`{}` has type `{}`, which has no fields",
                    dsl::format_expr(*m.object), type_name(t)));
    return bad(e);
  }
  const auto& entity = m_program.schema.entity_at(t.target);
  auto field = entity.find_field(m.field.text);
  if (!field) {
    auto& d = error(codes::unknown_field, m.field.range,
                    base::say("`{}` 没有字段 `{}`", "`{}` has no field `{}`", entity.name, m.field.text));
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

ir::node checker::lower(const ast::expr& e, const ast::index& ix, const type*) {
  auto object = expr(*ix.object, nullptr);
  if (object.null_type) return bad(e);
  const auto& t = object.type;
  if (t.kind == type_kind::map) {
    auto key = expr(*ix.key, &t.args.at(0));
    if (!key.null_type && !same_base(key.type, t.args.at(0))) {
      error(codes::type_mismatch, ix.key->range,
            base::say("键的类型为 `{}`，而映射的键为 `{}`", "the key has type `{}`, the map's keys are `{}`",
                      type_name(key), type_name(t.args.at(0))));
    }
    auto n = make(ir::op::index, with_optional(t.args.at(1), true), e);
    n.children.push_back(std::move(object));
    n.children.push_back(std::move(key));
    return n;
  }
  if (t.kind == type_kind::list) {
    auto key = expr(*ix.key, nullptr);
    if (!key.null_type && key.type.kind != type_kind::integer)
      error(codes::type_mismatch, ix.key->range, base::pick("列表下标须为 `int`", "a list index must be an `int`"));
    auto n = make(ir::op::index, with_optional(t.args.at(0), true), e);
    n.children.push_back(std::move(object));
    n.children.push_back(std::move(key));
    return n;
  }
  error(codes::type_mismatch, e.range,
        base::say("`{}` 的类型为 `{}`，不能取下标", "`{}` has type `{}`, which cannot be indexed",
                  dsl::format_expr(*ix.object), type_name(t)));
  return bad(e);
}

ir::node checker::lower(const ast::expr& e, const ast::call& c, const type*) {
  std::vector<ir::node> args;
  for (const auto& a : c.args) args.push_back(expr(*a, nullptr));
  bool optional = false;
  for (const auto& a : args) optional = optional || a.type.optional || a.null_type;
  if (const auto* sig = find_builtin(c.callee.text)) {
    if (args.size() != sig->params.size()) {
      error(codes::bad_call, e.range,
            base::say("`{0}` 需要 {1} 个参数，而不是 {3} 个", "`{}` takes {} argument{}, not {}", c.callee.text,
                      sig->params.size(), sig->params.size() == 1 ? "" : "s", args.size()));
      return bad(e);
    }
    type result = facts::scalar(sig->result);
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (args[i].null_type) continue;
      auto want = sig->params[i];
      const auto& got = args[i].type;
      bool ok = want == builtin_param::list_or_string ? (got.kind == type_kind::list || got.kind == type_kind::string)
                : want == builtin_param::same_ordered
                    ? ordered(got) && (i == 0 || args[0].null_type || same_base(plain(args[0].type), plain(got)) ||
                                       (numeric(got) && numeric(args[0].type)))
                    : got.kind == want;
      if (!ok) {
        error(codes::type_mismatch, c.args[i]->range,
              base::say("`{1}` 的第 {0} 个参数的类型为 `{2}`", "argument {} of `{}` has type `{}`", i + 1,
                        c.callee.text, type_name(args[i])));
      }
      if (want == builtin_param::same_ordered && i == 0) result = plain(got);
    }
    auto n = make(ir::op::builtin, with_optional(result, optional || sig->may_be_unknown), e);
    n.builtin = sig->id;
    n.children = std::move(args);
    return n;
  }
  auto f = m_function_index.find(c.callee.text);
  if (f == m_function_index.end()) {
    auto& d =
        error(codes::bad_call, c.callee.range, base::say("未知的函数 `{}`", "unknown function `{}`", c.callee.text));
    auto names = keys(m_function_index);
    for (const auto& b : builtin_functions()) names.emplace_back(b.name);
    suggest(d, c.callee.text, names);
    return bad(e);
  }
  const auto& fn = m_program.functions[f->second];
  if (m_in_function) m_calls[*m_in_function].insert(f->second);
  if (args.size() != fn.params.size()) {
    error(codes::bad_call, e.range,
          base::say("`{0}` 需要 {1} 个参数，而不是 {3} 个", "`{}` takes {} argument{}, not {}", fn.name,
                    fn.params.size(), fn.params.size() == 1 ? "" : "s", args.size()));
    return bad(e);
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i].null_type && !same_base(args[i].type, fn.params[i]) &&
        !(fn.params[i].kind == type_kind::number && args[i].type.kind == type_kind::integer)) {
      error(codes::type_mismatch, c.args[i]->range,
            base::say("`{1}` 的第 {0} 个参数的类型为 `{2}`，应为 `{3}`",
                      "argument {} of `{}` has type `{}`, expected `{}`", i + 1, fn.name, type_name(args[i]),
                      type_name(fn.params[i])));
    }
  }
  auto n = make(ir::op::call, with_optional(fn.result, optional), e);
  n.slot = f->second;
  n.children = std::move(args);
  return n;
}

}  // namespace baomi::engine::checking

// Lowering collections: quantifiers and aggregates (with the cross-product warning), list and map literals.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

// The collection of a quantifier or aggregate, and its element type.
std::optional<std::pair<ir::node, type>> checker::collection(const ast::expr& c) {
  auto coll = expr(c, nullptr);
  if (coll.null_type) return std::nullopt;
  if (coll.type.kind != type_kind::list) {
    error(codes::type_mismatch, c.range,
          base::say("`{}` 的类型为 `{}`，不是列表或集合", "`{}` has type `{}`, not a list or collection",
                    dsl::format_expr(c), type_name(coll)));
    return std::nullopt;
  }
  auto element = plain(coll.type.args.at(0));
  return std::make_pair(std::move(coll), element);
}

ir::node checker::lower(const ast::expr& e, const ast::quantifier& q, const type*) {
  auto coll = collection(*q.collection);
  if (!coll) return bad(e);
  static const ir::op ops[] = {ir::op::exists, ir::op::all, ir::op::none};
  auto n = make(ops[static_cast<int>(q.kind)], facts::scalar(type_kind::boolean), e);
  n.slot = bind(q.binder, coll->second, false);
  n.children.push_back(std::move(coll->first));
  if (q.condition) {
    auto cond = expr(*q.condition, nullptr);
    expect_bool(cond, q.condition->range, base::pick("量词的条件", "the condition of a quantifier"));
    n.type.optional = cond.type.optional;
    n.children.push_back(std::move(cond));
    n.has_condition = true;
  }
  unbind();
  warn_cross_product(n, e);
  return n;
}

ir::node checker::lower(const ast::expr& e, const ast::aggregate& a, const type*) {
  auto coll = collection(*a.collection);
  if (!coll) return bad(e);
  static const ir::op ops[] = {ir::op::count, ir::op::sum, ir::op::min, ir::op::max, ir::op::latest};
  auto n = make(ops[static_cast<int>(a.kind)], facts::scalar(type_kind::integer), e);
  auto element = coll->second;
  n.slot = bind(a.binder, element, false);
  n.children.push_back(std::move(coll->first));
  if (a.condition) {
    auto cond = expr(*a.condition, nullptr);
    expect_bool(cond, a.condition->range, base::pick("聚合的条件", "the condition of an aggregate"));
    n.children.push_back(std::move(cond));
    n.has_condition = true;
  }
  if (a.projection) {
    auto proj = expr(*a.projection, nullptr);
    n.has_projection = true;
    if (!proj.null_type) {
      bool ok = a.kind == ast::aggregate_kind::sum ? numeric(proj.type) || proj.type.kind == type_kind::duration
                                                   : ordered(proj.type);
      if (!ok)
        error(codes::type_mismatch, a.projection->range,
              base::say("此处不能聚合类型为 `{}` 的值", "cannot aggregate values of type `{}` here", type_name(proj)));
      if (a.kind == ast::aggregate_kind::latest)
        n.type = with_optional(element, true);
      else
        n.type = with_optional(plain(proj.type), a.kind != ast::aggregate_kind::sum);
    }
    n.children.push_back(std::move(proj));
  }
  unbind();
  warn_cross_product(n, e);
  return n;
}

void checker::warn_cross_product(ir::node& n, const ast::expr& e) {
  if (m_constant_context || n.children.empty() || n.children[0].op != ir::op::collection) return;
  if (detect_join(n, m_program.schema)) return;
  if (!depends_on_outer(n)) return;  // a whole-collection question, asked once per subject
  auto& d = warning(codes::cross_product_scan, e.range,
                    base::say("这会为每个检查对象扫描整个 `{}`", "this scans all of `{}` for each subject",
                              *m_program.schema.entity_at(n.children[0].table).collection));
  d.add_note(base::pick("将元素的 `ref` 字段与检查对象比较（`x.person == p`），或检验 `p in x.list`，使之成为索引查找",
                        "compare a `ref` field of the element with the subject (`x.person == p`) or test `p in x.list` "
                        "so it becomes an index lookup"),
             std::nullopt);
}

// Whether the condition reads locals bound outside the quantifier.
bool checker::depends_on_outer(const ir::node& q) {
  bool found = false;
  std::function<void(const ir::node&)> walk = [&](const ir::node& n) {
    if (n.op == ir::op::local && n.slot < q.slot) found = true;
    for (const auto& c : n.children) walk(c);
  };
  for (std::size_t i = 1; i < q.children.size(); ++i) walk(q.children[i]);
  return found;
}

ir::node checker::lower(const ast::expr& e, const ast::list_literal& l, const type* expected) {
  const type* element = expected && expected->kind == type_kind::list ? &expected->args.at(0) : nullptr;
  std::vector<ir::node> items;
  std::optional<type> first;
  for (const auto& item : l.items) {
    auto n = expr(*item, element ? element : (first ? &*first : nullptr));
    if (!n.null_type) {
      if (!first)
        first = plain(n.type);
      else if (!same_base(*first, plain(n.type)) && !(numeric(*first) && numeric(n.type))) {
        error(codes::type_mismatch, item->range,
              base::say("列表元素的类型不一致：`{}` 与 `{}`", "list items have different types: `{}` and `{}`",
                        type_name(*first), type_name(n)));
      }
    }
    items.push_back(std::move(n));
  }
  type element_type = first ? *first : (element ? plain(*element) : facts::scalar(type_kind::string));
  auto n = make(ir::op::make_list, facts::list_of(element_type), e);
  n.children = std::move(items);
  return n;
}

ir::node checker::lower(const ast::expr& e, const ast::map_literal& m, const type* expected) {
  if (!expected || expected->kind != type_kind::map) {
    error(codes::type_mismatch, e.range,
          base::pick("映射字面量须有声明的类型：请将其用作 `map<…>` 参数的值",
                     "a map literal needs a declared type: use it as the value of a `map<…>` param"));
    return bad(e);
  }
  auto n = make(ir::op::make_map, plain(*expected), e);
  for (const auto& entry : m.entries) {
    auto k = expr(*entry.key, &expected->args.at(0));
    auto v = expr(*entry.value, &expected->args.at(1));
    if (!k.null_type && !same_base(k.type, expected->args.at(0))) {
      error(codes::type_mismatch, entry.key->range,
            base::say("键的类型为 `{}`，应为 `{}`", "the key has type `{}`, expected `{}`", type_name(k),
                      type_name(expected->args.at(0))));
    }
    expect_assignable(v, expected->args.at(1), entry.value->range, base::pick("值", "the value"));
    n.children.push_back(std::move(k));
    n.children.push_back(std::move(v));
  }
  return n;
}

}  // namespace baomi::engine::checking

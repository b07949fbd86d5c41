// Compilation: profile application, param folding and join detection.
#include "engine/compile.hpp"

#include "base/language.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <functional>

#include "engine/evaluate.hpp"
#include "facts/calendar.hpp"

namespace baomi::engine {

namespace {

bool reads_slot(const ir::node& n, std::uint32_t slot) {
  if (n.op == ir::op::local && n.slot == slot) return true;
  return std::any_of(n.children.begin(), n.children.end(), [&](const auto& c) { return reads_slot(c, slot); });
}

// `x.f` where x is the binder: the field index, if `f` is of the wanted kind.
std::optional<std::uint32_t> binder_field(const ir::node& n, std::uint32_t slot, facts::type_kind kind,
                                          bool list_of_ref) {
  if (n.op != ir::op::field || n.children.size() != 1) return std::nullopt;
  const auto& object = n.children[0];
  if (object.op != ir::op::local || object.slot != slot) return std::nullopt;
  if (list_of_ref) {
    if (n.type.kind != facts::type_kind::list || n.type.args.empty() || n.type.args[0].kind != facts::type_kind::ref)
      return std::nullopt;
  } else if (n.type.kind != kind) {
    return std::nullopt;
  }
  return n.field;
}

void conjuncts(const ir::node& n, std::vector<const ir::node*>& out) {
  if (n.op == ir::op::logical_and) {
    for (const auto& c : n.children) conjuncts(c, out);
  } else {
    out.push_back(&n);
  }
}

void substitute_params(ir::node& n, const std::vector<ir::node>& values) {
  if (n.op == ir::op::param) {
    auto range = n.range;
    auto type = n.type;
    n = values.at(n.slot);
    n.range = range;
    n.type = type;
    return;
  }
  for (auto& c : n.children) substitute_params(c, values);
}

void optimize(ir::node& n, const facts::schema& schema) {
  for (auto& c : n.children) optimize(c, schema);
  if (ir::binds_element(n.op)) detect_join(n, schema);
}

}  // namespace

bool detect_join(ir::node& node, const facts::schema& schema) {
  (void)schema;
  if (node.join.enabled) return true;
  // `all` asks about every element: those outside the lookup make it false, so it must scan.
  if (node.op == ir::op::all) return false;
  if (node.children.empty() || node.children[0].op != ir::op::collection || !node.has_condition) return false;
  std::vector<const ir::node*> parts;
  conjuncts(node.children[1], parts);
  for (const auto* part : parts) {
    if (part->children.size() != 2) continue;
    const auto& a = part->children[0];
    const auto& b = part->children[1];
    std::optional<std::uint32_t> field;
    const ir::node* key = nullptr;
    if (part->op == ir::op::eq) {
      if ((field = binder_field(a, node.slot, facts::type_kind::ref, false)) && !reads_slot(b, node.slot))
        key = &b;
      else if ((field = binder_field(b, node.slot, facts::type_kind::ref, false)) && !reads_slot(a, node.slot))
        key = &a;
    } else if (part->op == ir::op::in) {
      if ((field = binder_field(b, node.slot, facts::type_kind::list, true)) && !reads_slot(a, node.slot)) key = &a;
    }
    if (!key || !field || key->type.kind != facts::type_kind::ref) continue;
    ir::node copy = *key;
    node.children.push_back(std::move(copy));
    node.join = {true, *field, static_cast<std::uint32_t>(node.children.size() - 1)};
    return true;
  }
  return false;
}

compile_result compile(const checked_program& program, const std::string& profile_name,
                       const std::vector<std::string>& rule_filter) {
  compile_result result;
  // `A,B`: several profiles, applied in order (a later one's param values and severities win; the
  // disabled rules add up), since a unit may follow more than one document.
  std::vector<const profile_info*> profiles;
  for (std::size_t start = 0; !profile_name.empty() && start <= profile_name.size();) {
    auto end = std::min(profile_name.find(',', start), profile_name.size());
    auto name = profile_name.substr(start, end - start);
    start = end + 1;
    const profile_info* profile = nullptr;
    for (const auto& p : program.profiles) {
      if (p.name == name) profile = &p;
    }
    if (!profile) {
      std::string names;
      for (const auto& p : program.profiles) names += (names.empty() ? "" : ", ") + p.name;
      result.error =
          names.empty() ? base::say("未知的配置 `{}`", "unknown profile `{}`", name)
                        : base::say("未知的配置 `{}`（可用：{}）", "unknown profile `{}` (available: {})", name, names);
      return result;
    }
    profiles.push_back(profile);
  }
  plan out;
  out.schema = program.schema;
  out.functions = program.functions;
  out.profile = profile_name;
  out.constants = program.constants;

  // Param values: defaults in declaration order (a default may read earlier params), then the
  // profile's overrides (which may read any default), each folded to a constant.
  const auto* cal = &facts::china_calendar();
  std::vector<value> folded;
  auto fold = [&](const ir::node& n, const std::vector<value>& params, std::size_t index) -> std::optional<value> {
    auto v = evaluate_constant(n, *out.constants, program.functions, params, cal);
    if (!v)
      result.error =
          base::say("参数 `{}` 的值不是常量", "the value of param `{}` is not a constant", program.params[index].name);
    return v;
  };
  for (std::size_t i = 0; i < program.params.size(); ++i) {
    auto v = fold(program.params[i].value, folded, i);
    if (!v) return result;
    folded.push_back(*v);
  }
  auto defaults = folded;
  for (const auto* profile : profiles) {
    for (const auto& [index, value_node] : profile->params) {
      auto v = fold(value_node, defaults, index);
      if (!v) return result;
      folded.at(index) = *v;
    }
  }
  std::vector<ir::node> values;
  for (std::size_t i = 0; i < program.params.size(); ++i) {
    ir::node n;
    n.op = ir::op::constant;
    n.type = program.params[i].type;
    n.range = program.params[i].value.range;
    n.constant = folded[i];
    values.push_back(std::move(n));
  }

  for (auto& f : out.functions) {
    substitute_params(f.body, values);
    optimize(f.body, out.schema);
  }
  for (const auto& id : rule_filter) {
    bool known =
        std::any_of(program.rules.begin(), program.rules.end(), [&](const auto& r) { return r.info.id == id; });
    if (!known) {
      result.error = base::say("未知的规则 `{}`", "unknown rule `{}`", id);
      return result;
    }
  }
  for (const auto& rule : program.rules) {
    if (!rule_filter.empty() && std::find(rule_filter.begin(), rule_filter.end(), rule.info.id) == rule_filter.end())
      continue;
    bool disabled = std::any_of(profiles.begin(), profiles.end(), [&](const profile_info* p) {
      return std::find(p->disabled.begin(), p->disabled.end(), rule.info.id) != p->disabled.end();
    });
    if (disabled) continue;
    rule_program r = rule;
    for (const auto* profile : profiles) {
      for (const auto& [id, level] : profile->severities) {
        if (id == r.info.id) r.info.severity = level;
      }
    }
    auto apply = [&](ir::node& n) {
      substitute_params(n, values);
      optimize(n, out.schema);
    };
    if (r.filter) apply(*r.filter);
    for (auto& s : r.steps) apply(s.value);
    if (r.message) apply(*r.message);
    if (r.remedy) apply(*r.remedy);
    out.rules.push_back(std::move(r));
  }
  result.plan = std::move(out);
  return result;
}

}  // namespace baomi::engine

// Describing a rule's compiled plan for `baomi plan`.
#include "engine/describe.hpp"

#include "base/language.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "dsl/formatter.hpp"
#include "engine/builtins.hpp"
#include "engine/compile.hpp"
#include "engine/modules.hpp"
#include "facts/date.hpp"

namespace baomi::engine {

namespace {

struct describer {
  const facts::schema& schema;
  const std::vector<function_info>& functions;
  const std::vector<std::string>& slot_names;
  rule_plan& out;

  std::string type_of(const ir::node& n) const { return n.null_type ? "null" : facts::to_string(n.type, schema); }

  std::string slot(std::uint32_t s) const { return s < slot_names.size() ? slot_names[s] : fmt::format("#{}", s); }

  std::string constant(const ir::node& n) const {
    if (n.null_type) return "null";
    auto text = render(n.constant, nullptr, schema);
    return n.constant.kind == vkind::string ? fmt::format("\"{}\"", text) : text;
  }

  // An expression as text when its source text was not kept: locals, fields and constants.
  std::string brief(const ir::node& n) const {
    switch (n.op) {
      case ir::op::local:
        return slot(n.slot);
      case ir::op::constant:
        return constant(n);
      case ir::op::as_of:
        return "as_of";
      case ir::op::field: {
        const auto& e = schema.entity_at(n.table);
        auto name = n.field < e.fields.size() ? e.fields[n.field].name : "?";
        return n.children.empty() ? name : brief(n.children[0]) + "." + name;
      }
      default:
        return fmt::format("({})", op_name(n.op));
    }
  }

  // `checked` is the same node before compiling (params not yet folded), when there is one.
  plan_node describe(const ir::node& n, const ir::node* checked) {
    plan_node d;
    d.op = std::string(op_name(n.op));
    d.type = type_of(n);
    switch (n.op) {
      case ir::op::constant:
        d.detail = constant(n);
        if (checked && checked->op == ir::op::param && param_names) {
          d.op = "param";
          d.detail = fmt::format("{} = {}", param_names->at(checked->slot), d.detail);
        }
        break;
      case ir::op::local:
        d.detail = slot(n.slot);
        break;
      case ir::op::collection:
        d.detail = schema.entity_at(n.table).collection.value_or("");
        break;
      case ir::op::field: {
        const auto& e = schema.entity_at(n.table);
        d.detail = n.field < e.fields.size() ? e.name + "." + e.fields[n.field].name : "?";
        break;
      }
      case ir::op::builtin:
        d.detail = std::string(builtin_of(n.builtin).name);
        break;
      case ir::op::call:
        d.detail = n.slot < functions.size() ? functions[n.slot].name : "?";
        break;
      case ir::op::matches:
        d.detail = n.children.size() > 1 ? n.children[1].text : "";
        break;
      default:
        break;
    }
    bool ranged = n.op == ir::op::exists || n.op == ir::op::all || n.op == ir::op::none || n.op == ir::op::count ||
                  n.op == ir::op::sum || n.op == ir::op::min || n.op == ir::op::max || n.op == ir::op::latest;
    std::size_t shown = n.children.size();
    if (ranged) {
      d.detail = slot(n.slot);
      plan_access a;
      if (!n.children.empty() && n.children[0].op == ir::op::collection) {
        a.collection = schema.entity_at(n.children[0].table).collection.value_or("");
      }
      if (n.join.enabled) {
        const auto& e = schema.entity_at(n.children[0].table);
        a.lookup = true;
        a.field = n.join.field < e.fields.size() ? e.name + "." + e.fields[n.join.field].name : "?";
        a.key = n.children[n.join.key].source_text;
        if (a.key.empty()) a.key = brief(n.children[n.join.key]);
        shown = n.join.key;  // the key is shown in `access`, not again as a child
        ++out.lookups;
      } else {
        ++out.scans;
      }
      d.access = std::move(a);
    }
    for (std::size_t i = 0; i < shown; ++i) {
      const ir::node* c = checked && i < checked->children.size() ? &checked->children[i] : nullptr;
      d.children.push_back(describe(n.children[i], c));
    }
    return d;
  }

  const std::vector<std::string>* param_names = nullptr;
};

void collect_params(const ir::node& n, std::vector<std::uint32_t>& out) {
  if (n.op == ir::op::param && std::find(out.begin(), out.end(), n.slot) == out.end()) out.push_back(n.slot);
  for (const auto& c : n.children) collect_params(c, out);
}

// The folded value of param `index`: the constant at the same place in the compiled tree.
const ir::node* folded_at(const ir::node& checked, const ir::node& compiled, std::uint32_t index) {
  if (checked.op == ir::op::param && checked.slot == index) return &compiled;
  for (std::size_t i = 0; i < checked.children.size() && i < compiled.children.size(); ++i) {
    if (const auto* f = folded_at(checked.children[i], compiled.children[i], index)) return f;
  }
  return nullptr;
}

}  // namespace

std::string_view op_name(ir::op op) {
  static constexpr std::string_view names[] = {
      "constant", "local", "as_of",   "param",       "collection",  "field",    "index", "builtin", "call",
      "neg",      "not",   "and",     "or",          "eq",          "ne",       "lt",    "le",      "gt",
      "ge",       "in",    "not_in",  "matches",     "range",       "coalesce", "add",   "sub",     "mul",
      "div",      "mod",   "is_null", "is_not_null", "conditional", "exists",   "all",   "none",    "count",
      "sum",      "min",   "max",     "latest",      "list",        "map",      "concat"};
  auto i = static_cast<std::size_t>(op);
  return i < std::size(names) ? names[i] : "?";
}

describe_result describe_rule(const checked_program& program, const std::string& profile, const std::string& rule_id) {
  describe_result result;
  const rule_program* checked = nullptr;
  for (const auto& r : program.rules) {
    if (r.info.id == rule_id) checked = &r;
  }
  if (!checked) {
    result.error = base::say("未知的规则 `{}`", "unknown rule `{}`", rule_id);
    return result;
  }
  auto compiled = compile(program, profile, {rule_id});
  if (!compiled.plan) {
    result.error = compiled.error;
    return result;
  }
  rule_plan out;
  out.profile = profile;
  if (compiled.plan->rules.empty()) {
    // Disabled by the profile: describe it as compiled without one.
    out.disabled = true;
    compiled = compile(program, "", {rule_id});
    if (!compiled.plan || compiled.plan->rules.empty()) {
      result.error = compiled.error;
      return result;
    }
  }
  const auto& rule = compiled.plan->rules.front();
  out.info = rule.info;
  out.subject = rule.subject_slot < rule.slot_names.size() ? rule.slot_names[rule.subject_slot] : "";
  out.collection = program.schema.entity_at(rule.subject_table).collection.value_or("");
  if (rule.effective) out.effective = facts::format_date(*rule.effective);
  if (rule.expires) out.expires = facts::format_date(*rule.expires);

  // The params the rule reads directly, with the values they were folded to.
  std::vector<std::pair<const ir::node*, const ir::node*>> trees;  // checked, compiled
  if (checked->filter && rule.filter) trees.emplace_back(&*checked->filter, &*rule.filter);
  for (std::size_t i = 0; i < checked->steps.size() && i < rule.steps.size(); ++i) {
    trees.emplace_back(&checked->steps[i].value, &rule.steps[i].value);
  }
  if (checked->message && rule.message) trees.emplace_back(&*checked->message, &*rule.message);
  if (checked->remedy && rule.remedy) trees.emplace_back(&*checked->remedy, &*rule.remedy);
  std::vector<std::uint32_t> used;
  for (const auto& [c, r] : trees) collect_params(*c, used);
  std::sort(used.begin(), used.end());
  std::vector<std::string> param_names;
  for (const auto& p : program.params) param_names.push_back(p.name);
  describer d{program.schema, compiled.plan->functions, rule.slot_names, out};
  d.param_names = &param_names;
  for (auto index : used) {
    for (const auto& [c, r] : trees) {
      if (const auto* f = folded_at(*c, *r, index)) {
        out.params.push_back(
            {program.params[index].name, facts::to_string(program.params[index].type, program.schema), d.constant(*f)});
        break;
      }
    }
  }

  auto step = [&](std::string kind, const ir::node& compiled_node, const ir::node* checked_node) {
    out.steps.push_back({std::move(kind), compiled_node.source_text, d.describe(compiled_node, checked_node)});
  };
  if (rule.filter) step("for", *rule.filter, checked->filter ? &*checked->filter : nullptr);
  static constexpr const char* kinds[] = {"let", "where", "due", "require", "forbid"};
  for (std::size_t i = 0; i < rule.steps.size(); ++i) {
    const auto& s = rule.steps[i];
    std::string kind = kinds[static_cast<std::size_t>(s.kind)];
    if (s.kind == step_kind::let) kind += " " + d.slot(s.slot);
    step(kind, s.value, i < checked->steps.size() ? &checked->steps[i].value : nullptr);
  }
  if (rule.message) step("message", *rule.message, checked->message ? &*checked->message : nullptr);
  if (rule.remedy) step("remedy", *rule.remedy, checked->remedy ? &*checked->remedy : nullptr);
  result.plan = std::move(out);
  return result;
}

std::vector<profile_summary> describe_profiles(const module_set& modules) {
  std::vector<profile_summary> out;
  for (const auto& m : modules.modules) {
    for (const auto& decl : m.ast.decls) {
      const auto* p = std::get_if<dsl::ast::profile_decl>(&decl.node);
      if (p == nullptr) continue;
      profile_summary r{p->profile.text, p->title.value_or(""), p->extends.text, {}};
      for (const auto& item : p->items) {
        switch (item.kind) {
          case dsl::ast::profile_item_kind::param:
            r.changes.push_back(fmt::format("param {} = {}", item.target.text, dsl::format_expr(*item.value)));
            break;
          case dsl::ast::profile_item_kind::disable:
            r.changes.push_back("disable " + item.target.text);
            break;
          case dsl::ast::profile_item_kind::severity:
            r.changes.push_back(fmt::format("severity {} {}", item.target.text, dsl::ast::to_string(item.level)));
            break;
        }
      }
      out.push_back(std::move(r));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace baomi::engine

// Profiles (param values, disabled rules, severities) and the unused-param warning.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

void checker::check_profiles() {
  std::set<std::string> module_names;
  for (const auto& m : m_modules.modules) module_names.insert(m.name);
  std::set<std::string> rule_ids;
  for (const auto& r : m_program.rules) rule_ids.insert(r.info.id);
  for (const auto& p : m_profiles) {
    m_module = p.module;
    const auto& d = *p.decl;
    profile_info info{d.profile.text, d.title.value_or(""), d.extends.text, {}, {}, {}};
    if (!module_names.count(d.extends.text)) {
      auto& diag = error(codes::unknown_profile_target, d.extends.range,
                         base::say("配置扩展了未知的模块 `{}`", "profile extends unknown module `{}`", d.extends.text));
      suggest(diag, d.extends.text, {module_names.begin(), module_names.end()});
    }
    for (const auto& item : d.items) {
      if (item.kind == ast::profile_item_kind::param) {
        auto it = m_param_index.find(item.target.text);
        if (it == m_param_index.end()) {
          auto& diag = error(codes::unknown_profile_target, item.target.range,
                             base::say("未知的参数 `{}`", "unknown param `{}`", item.target.text));
          suggest(diag, item.target.text, keys(m_param_index));
          continue;
        }
        const auto& t = m_program.params[it->second].type;
        m_constant_context = true;
        auto value = expr(*item.value, &t);
        m_constant_context = false;
        expect_assignable(value, t, item.value->range, base::pick("值", "the value"));
        info.params.emplace_back(it->second, std::move(value));
      } else if (!rule_ids.count(item.target.text)) {
        auto& diag = error(codes::unknown_profile_target, item.target.range,
                           base::say("未知的规则 `{}`", "unknown rule `{}`", item.target.text));
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

void checker::warn_unused_params() {
  for (const auto& p : m_params) {
    auto it = m_param_index.find(p.decl->param.text);
    if (it == m_param_index.end() || m_param_used[it->second]) continue;
    if (m_first_param_decl.at(p.decl->param.text) != p.decl) continue;  // a duplicate, already an error
    m_module = p.module;
    warning(codes::unused_param, p.decl->param.range,
            base::say("参数 `{}` 从未使用", "param `{}` is never used", p.decl->param.text));
  }
  m_module = nullptr;
}

}  // namespace baomi::engine::checking

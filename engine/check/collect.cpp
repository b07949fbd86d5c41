// Pass 1: collecting declarations of every module by kind, with imports and duplicate names.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

void checker::collect() {
  std::set<std::string> module_names;
  for (const auto& m : m_modules.modules) module_names.insert(m.name);
  for (const auto& m : m_modules.modules) {
    m_module = &m;
    for (const auto& d : m.ast.decls) {
      std::visit([&](const auto& n) { collect_one(m, n, d.range, module_names); }, d.node);
    }
  }
  m_module = nullptr;
}

void checker::collect_one(const module_source& m, const ast::import_decl& d, const dsl::source_range&,
                          const std::set<std::string>& names) {
  if (!names.count(d.module.text)) {
    auto& diag = error(codes::module_not_found, d.module.range,
                       base::say("找不到模块 `{}`", "module `{}` not found", d.module.text));
    std::vector<std::string> others;
    for (const auto& n : names) {
      if (n != m.name) others.push_back(n);
    }
    suggest(diag, d.module.text, others);
  }
}

void checker::collect_one(const module_source&, const ast::source_decl& d, const dsl::source_range&,
                          const std::set<std::string>&) {
  m_sources[d.id] = d.title;
}

void checker::collect_one(const module_source& m, const ast::enum_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_enums.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::entity_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_entities.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::extend_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_extensions.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::param_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_params.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::function_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_functions.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::rule_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_rules.push_back({&m, &d, r});
}

void checker::collect_one(const module_source& m, const ast::profile_decl& d, const dsl::source_range& r,
                          const std::set<std::string>&) {
  m_profiles.push_back({&m, &d, r});
}

}  // namespace baomi::engine::checking

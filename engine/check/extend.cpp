// `extend entity NAME { … }`: fields a unit's module adds to an entity declared in any loaded module
// (docs/language.md, "Layered rulesets"). Every extension is applied before any rule is checked, so
// an added field is visible to every module, whatever the order in which they were loaded.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

std::map<std::uint32_t, std::vector<checker::added_field>> checker::extension_fields() {
  std::map<std::uint32_t, std::vector<added_field>> out;
  // Where each field of an extended entity was first declared: in the entity, or in an extension.
  std::map<std::pair<std::uint32_t, std::string>, added_field> first;
  for (const auto& x : m_extensions) {
    m_module = x.module;
    const auto& name = x.decl->type;
    auto it = m_entity_by_name.find(name.text);
    if (it == m_entity_by_name.end()) {
      bool is_enum = m_enum_by_name.count(name.text) > 0;
      auto& d = error(codes::bad_type, name.range,
                      is_enum ? base::say("`{}` 是枚举而不是实体：只有实体可以扩展",
                                          "`{}` is an enum, not an entity: only an entity can be extended", name.text)
                              : base::say("未知的实体 `{}`", "unknown entity `{}`", name.text));
      if (is_enum) {
        const auto& e = *std::find_if(m_enums.begin(), m_enums.end(),
                                      [&](const auto& o) { return o.decl->type.text == name.text; });
        note_first(d, e.module, e.decl->type.range);
      } else {
        suggest(d, name.text, keys(m_entity_by_name));
        d.add_note(base::pick("被扩展的实体须在已加载的模块中声明：请导入声明它的模块",
                              "an extended entity is declared in a loaded module: import the module that declares it"));
      }
      continue;
    }
    const auto& entity = m_entities[it->second];
    for (const auto& f : entity.decl->fields)
      first.emplace(std::pair{it->second, f.field.text}, added_field{entity.module, &f});
    for (const auto& f : x.decl->fields) {
      auto [at, added] = first.emplace(std::pair{it->second, f.field.text}, added_field{x.module, &f});
      if (!added) {
        auto& d = error(codes::duplicate_declaration, f.field.range,
                        base::say("`{1}` 的字段 `{0}` 重复", "duplicate field `{}` of `{}`", f.field.text, name.text));
        note_first(d, at->second.module, at->second.decl->field.range);
        continue;
      }
      out[it->second].push_back({x.module, &f});
    }
  }
  m_module = nullptr;
  return out;
}

// An added field is optional whether written `T` or `T?`: a snapshot made before the unit added it
// (the national export) lacks it, and that is no data problem. A missing value is still `unknown` to
// the rules that read it, or "not done" with `none "…"`.
void checker::add_extension_fields(facts::entity_type& t, const std::vector<added_field>& fields) {
  for (const auto& [module, f] : fields) {
    m_module = module;
    auto resolved = resolve_type(f->type, t.name + "." + f->field.text);
    resolved.optional = true;
    if (f->none && f->none->empty())
      error(codes::bad_type, f->type.range,
            base::say("`{}` 的 `none` 含义为空", "the `none` meaning of `{}` is empty", f->field.text));
    t.fields.push_back({f->field.text, std::move(resolved), f->doc.value_or(""), f->none.value_or("")});
  }
}

}  // namespace baomi::engine::checking

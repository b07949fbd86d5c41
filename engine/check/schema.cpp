// Pass 2: the schema from `enum` and `entity` declarations, and type expressions resolved against it.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

std::uint32_t checker::add_enum(std::string name, const std::vector<ast::enum_member>& members,
                                const dsl::source_range& range) {
  facts::enum_type e{std::move(name), {}};
  std::set<std::string> seen;
  for (const auto& mem : members) {
    if (!seen.insert(mem.symbol.text).second) {
      error(codes::duplicate_declaration, mem.symbol.range,
            base::say("重复的枚举值 `{}`", "duplicate enum value `{}`", mem.symbol.text));
    }
    e.values.push_back({mem.symbol.text, mem.label});
  }
  (void)range;
  m_enum_types.push_back(std::move(e));
  return static_cast<std::uint32_t>(m_enum_types.size() - 1);
}

void checker::build_schema() {
  std::vector<std::string> names;
  for (const auto& e : m_enums) {
    m_module = e.module;
    if (m_enum_by_name.count(e.decl->type.text)) {
      auto& diag = error(codes::duplicate_declaration, e.decl->type.range,
                         base::say("重复的枚举 `{}`", "duplicate enum `{}`", e.decl->type.text));
      const auto& first = *std::find_if(m_enums.begin(), m_enums.end(),
                                        [&](const auto& o) { return o.decl->type.text == e.decl->type.text; });
      note_first(diag, first.module, first.decl->type.range);
      continue;
    }
    m_enum_by_name[e.decl->type.text] = add_enum(e.decl->type.text, e.decl->members, e.range);
  }
  for (std::size_t i = 0; i < m_entities.size(); ++i) {
    m_module = m_entities[i].module;
    const auto& d = *m_entities[i].decl;
    if (m_entity_by_name.count(d.type.text) || m_enum_by_name.count(d.type.text)) {
      auto& diag = error(codes::duplicate_declaration, d.type.range,
                         base::say("重复的类型 `{}`", "duplicate type `{}`", d.type.text));
      if (auto it = m_entity_by_name.find(d.type.text); it != m_entity_by_name.end()) {
        note_first(diag, m_entities[it->second].module, m_entities[it->second].decl->type.range);
      } else {
        const auto& first = *std::find_if(m_enums.begin(), m_enums.end(),
                                          [&](const auto& o) { return o.decl->type.text == d.type.text; });
        note_first(diag, first.module, first.decl->type.range);
      }
    }
    m_entity_by_name.emplace(d.type.text, static_cast<std::uint32_t>(i));
  }
  auto extensions = extension_fields();
  std::vector<facts::entity_type> entities;
  std::map<std::string, const located_decl<ast::entity_decl>*> collections;
  for (const auto& e : m_entities) {
    m_module = e.module;
    const auto& d = *e.decl;
    facts::entity_type t;
    t.name = d.type.text;
    if (d.collection) {
      t.collection = d.collection->text;
      if (auto [it, added] = collections.emplace(d.collection->text, &e); !added) {
        auto& diag = error(codes::duplicate_declaration, d.collection->range,
                           base::say("重复的集合 `{}`", "duplicate collection `{}`", d.collection->text));
        note_first(diag, it->second->module, it->second->decl->collection->range);
      }
    }
    if (d.key) t.key = d.key->text;
    std::set<std::string> seen;
    for (const auto& f : d.fields) {
      if (!seen.insert(f.field.text).second)
        error(codes::duplicate_declaration, f.field.range,
              base::say("重复的字段 `{}`", "duplicate field `{}`", f.field.text));
      t.fields.push_back({f.field.text, resolve_type(f.type, d.type.text + "." + f.field.text), f.doc.value_or(""),
                          f.none.value_or("")});
      if (f.none && !f.type.optional) {
        error(codes::bad_type, f.type.range,
              base::say("`none` 须用于可为空的类型：`{}` 是必填的，不会为空",
                        "`none` needs an optional type: `{}` is required, so it is never null", f.field.text));
      } else if (f.none && f.none->empty()) {
        error(codes::bad_type, f.type.range,
              base::say("`{}` 的 `none` 含义为空", "the `none` meaning of `{}` is empty", f.field.text));
      }
    }
    if (d.label) t.label = resolve_label(*d.label, t);
    if (d.key && !t.find_field(d.key->text)) {
      error(codes::bad_type, d.key->range,
            base::say("键 `{}` 不是 `{}` 的字段", "key `{}` is not a field of `{}`", d.key->text, d.type.text));
    }
    if (d.collection && !d.key)
      error(codes::bad_type, d.type.range,
            base::say("实体 `{}` 有集合但没有 `key`", "entity `{}` has a collection but no `key`", d.type.text));
    // After the key and the label: an entity's own declaration never depends on a unit's extension.
    if (auto x = extensions.find(static_cast<std::uint32_t>(entities.size())); x != extensions.end()) {
      add_extension_fields(t, x->second);
      m_module = e.module;
    }
    entities.push_back(std::move(t));
  }
  for (auto& e : m_enum_types) m_program.schema.add_enum(std::move(e));
  for (auto& e : entities) m_program.schema.add_entity(std::move(e));
  m_module = nullptr;
  // The schema validator repeats what E0213/E0214 already said; ask it only about what they cannot see.
  bool reported = std::any_of(m_diagnostics.begin(), m_diagnostics.end(), [](const auto& d) {
    return d.code == codes::duplicate_declaration || d.code == codes::bad_type;
  });
  if (!reported) {
    for (const auto& p : m_program.schema.validate()) {
      bool is_enum = p.where.rfind("enum ", 0) == 0;
      auto name = is_enum ? p.where.substr(5) : p.where.substr(0, p.where.find('.'));
      name = name.substr(0, name.find_first_of(" ."));
      auto message = fmt::format("{}: {}", p.where, p.message);
      if (auto it = m_entity_by_name.find(name); !is_enum && it != m_entity_by_name.end()) {
        m_module = m_entities[it->second].module;
        error(codes::invalid_schema, m_entities[it->second].decl->type.range, message);
        continue;
      }
      auto e = std::find_if(m_enums.begin(), m_enums.end(), [&](const auto& d) { return d.decl->type.text == name; });
      if (e != m_enums.end()) {
        m_module = e->module;
        error(codes::invalid_schema, e->decl->type.range, message);
      } else if (!m_entities.empty()) {
        m_module = m_entities.front().module;  // an inline enum: point at the first entity file
        error(codes::invalid_schema, m_entities.front().decl->type.range, message);
      }
    }
  }
  m_module = nullptr;
}

// `label name` or `label "{kind} {serial}"`: each interpolation names a scalar field of the entity
// itself (no path to another entity: a carrier is not labelled by its department).
std::vector<facts::label_part> checker::resolve_label(const ast::expr& label, const facts::entity_type& t) {
  std::vector<facts::label_part> parts;
  auto field_part = [&](const ast::expr& e) -> std::optional<std::uint32_t> {
    const auto* v = std::get_if<ast::variable>(&e.node);
    if (!v) {
      error(codes::not_allowed_here, e.range,
            base::pick("标签只能插入实体自身的字段：`{field}`",
                       "a label interpolates only fields of the entity itself: `{field}`"));
      return std::nullopt;
    }
    auto index = t.find_field(v->name);
    if (!index) {
      auto& d = error(codes::unknown_field, e.range,
                      base::say("`{}` 没有字段 `{}`", "`{}` has no field `{}`", t.name, v->name));
      std::vector<std::string> names;
      for (const auto& f : t.fields) names.push_back(f.name);
      suggest(d, v->name, names);
      return std::nullopt;
    }
    auto kind = t.fields[*index].type.kind;
    if (kind == type_kind::list || kind == type_kind::map || kind == type_kind::range || kind == type_kind::record) {
      error(codes::type_mismatch, e.range,
            base::say("标签只显示单个值：`{}` 的类型为 `{}`", "a label shows single values: `{}` is `{}`", v->name,
                      facts::to_string(kind)));
      return std::nullopt;
    }
    return index;
  };
  if (const auto* s = std::get_if<ast::string_literal>(&label.node)) {
    for (const auto& part : s->parts) {
      if (!part.text.empty()) parts.push_back({part.text, std::nullopt});
      if (part.interpolation) {
        auto index = field_part(*part.interpolation);
        if (!index) return {};
        parts.push_back({{}, index});
      }
    }
    if (std::none_of(parts.begin(), parts.end(), [](const auto& p) { return p.field.has_value(); })) {
      error(codes::not_allowed_here, label.range,
            base::pick("标签模板至少须引用一个字段：`\"{kind} {serial}\"`",
                       "a label template names at least one field: `\"{kind} {serial}\"`"));
      return {};
    }
    return parts;
  }
  auto index = field_part(label);
  if (!index) return {};
  return {{{}, index}};
}

type checker::resolve_type(const ast::type_expr& t, const std::string& inline_name) {
  type out;
  switch (t.kind) {
    case ast::type_kind::named:
      out = named_type(t.target);
      break;
    case ast::type_kind::ref: {
      auto it = m_entity_by_name.find(t.target.text);
      if (it == m_entity_by_name.end()) {
        auto& d =
            error(codes::bad_type, t.target.range, base::say("未知的实体 `{}`", "unknown entity `{}`", t.target.text));
        suggest(d, t.target.text, keys(m_entity_by_name));
      } else if (!m_entities[it->second].decl->collection) {
        error(codes::bad_type, t.target.range,
              base::say("`{}` 没有集合：请将其作为记录类型使用，不加 `ref`",
                        "`{}` has no collection: use it as a record type, without `ref`", t.target.text));
      } else {
        out = facts::ref_to(it->second);
      }
      break;
    }
    case ast::type_kind::list:
      out = facts::list_of(resolve_type(t.args.at(0), inline_name));
      break;
    case ast::type_kind::map:
      out = facts::map_of(resolve_type(t.args.at(0), inline_name), resolve_type(t.args.at(1), inline_name));
      break;
    case ast::type_kind::range:
      out = facts::range_of(resolve_type(t.args.at(0), inline_name));
      break;
    case ast::type_kind::inline_enum: {
      auto index = add_enum(inline_name, t.members, t.range);
      m_enum_by_name.emplace(inline_name, index);
      out = facts::enum_of(index);
      break;
    }
  }
  out.optional = t.optional;
  return out;
}

type checker::named_type(const ast::name& n) {
  static const std::map<std::string, type_kind> primitives = {
      {"string", type_kind::string}, {"int", type_kind::integer}, {"number", type_kind::number},
      {"bool", type_kind::boolean},  {"date", type_kind::date},   {"duration", type_kind::duration}};
  if (auto p = primitives.find(n.text); p != primitives.end()) return facts::scalar(p->second);
  if (auto e = m_enum_by_name.find(n.text); e != m_enum_by_name.end()) return facts::enum_of(e->second);
  if (auto e = m_entity_by_name.find(n.text); e != m_entity_by_name.end()) {
    if (m_entities[e->second].decl->collection) {
      return facts::ref_to(e->second);  // a parameter or result typed by an entity means a reference to one
    }
    return facts::record_of(e->second);
  }
  auto& d = error(codes::bad_type, n.range, base::say("未知的类型 `{}`", "unknown type `{}`", n.text));
  auto candidates = keys(m_enum_by_name);
  for (const auto& k : keys(m_entity_by_name)) candidates.push_back(k);
  for (const auto& [k, v] : primitives) candidates.push_back(k);
  suggest(d, n.text, candidates);
  return facts::scalar(type_kind::string);
}

}  // namespace baomi::engine::checking

// The schema model: lookups, validation, and the declaration-syntax rendering of types and schemas.
#include "facts/schema.hpp"
#include "base/language.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "facts/internal/equal_bytes.hpp"

namespace baomi::facts {

namespace {

template <typename T>
std::optional<std::uint32_t> find_by(const std::vector<T>& items, auto matches) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (matches(items[i])) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

bool is_key_kind(type_kind kind) { return kind == type_kind::string || kind == type_kind::integer; }

bool is_ordered_scalar(type_kind kind) {
  return kind == type_kind::integer || kind == type_kind::number || kind == type_kind::date ||
         kind == type_kind::duration;
}

// Checks one type; `where` names the field, `nested` is false only for a field's own type and the
// element of a field's list, the two places a record may appear.
class type_checker {
 public:
  type_checker(const schema& s, std::vector<schema_problem>& problems) : m_schema(s), m_problems(problems) {}

  void check(const type& t, const std::string& where, bool record_allowed) {
    switch (t.kind) {
      case type_kind::enumeration:
        if (t.target >= m_schema.enums().size()) report(where, base::pick("枚举下标越界", "enum index out of range"));
        break;
      case type_kind::ref:
        check_ref(t, where);
        break;
      case type_kind::record:
        check_record(t, where, record_allowed);
        break;
      case type_kind::list:
        if (arity(t, 1, where)) check(t.args[0], where, record_allowed);
        break;
      case type_kind::map:
        check_map(t, where);
        break;
      case type_kind::range:
        if (!arity(t, 1, where)) break;
        if (!is_ordered_scalar(t.args[0].kind)) {
          report(where, base::pick("范围的边界须为 integer、number、date 或 duration",
                                   "a range bound must be integer, number, date or duration"));
        }
        break;
      default:
        break;
    }
  }

 private:
  void report(const std::string& where, std::string message) { m_problems.push_back({where, std::move(message)}); }

  bool arity(const type& t, std::size_t n, const std::string& where) {
    if (t.args.size() == n) return true;
    report(where, base::say("`{}` 需要 {} 个类型参数", "`{}` needs {} type argument(s)", to_string(t.kind), n));
    return false;
  }

  void check_ref(const type& t, const std::string& where) {
    if (t.target >= m_schema.entities().size())
      return report(where, base::pick("ref 的目标越界", "ref target out of range"));
    const auto& target = m_schema.entity_at(t.target);
    if (!target.collection || !target.key_field()) {
      report(where,
             base::say("ref 的目标 `{}` 须有集合和键", "ref target `{}` needs a collection and a key", target.name));
    }
  }

  void check_record(const type& t, const std::string& where, bool record_allowed) {
    if (t.target >= m_schema.entities().size())
      return report(where, base::pick("记录类型越界", "record type out of range"));
    if (m_schema.entity_at(t.target).collection) {
      report(where, base::say("`{}` 有集合：请使用 `ref {}`", "`{}` has a collection: use `ref {}`",
                              m_schema.entity_at(t.target).name, m_schema.entity_at(t.target).name));
    }
    // A record's JSON Pointer is derived from its parent row, field and list position.
    if (!record_allowed)
      report(where,
             base::pick("记录只能用作字段的类型或列表的元素", "a record may only be a field's type or a list element"));
  }

  void check_map(const type& t, const std::string& where) {
    if (!arity(t, 2, where)) return;
    auto key = t.args[0].kind;
    if ((key != type_kind::string && key != type_kind::enumeration) || t.args[0].optional) {
      report(where, base::pick("映射的键须为 string 或枚举", "a map key must be string or an enum"));
    }
    check(t.args[0], where, false);
    check(t.args[1], where, false);
  }

  const schema& m_schema;
  std::vector<schema_problem>& m_problems;
};

void check_enum(const enum_type& e, std::vector<schema_problem>& problems) {
  // Facts may use a symbol or a label, so each text must name one value only.
  std::map<std::string_view, std::size_t> owner;
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    for (std::string_view text : {std::string_view(e.values[i].symbol), std::string_view(e.values[i].label)}) {
      auto [it, inserted] = owner.emplace(text, i);
      if (!inserted && it->second != i) {
        problems.push_back({"enum " + e.name, base::say("`{}` 指代了两个值", "`{}` names two values", text)});
      }
    }
  }
}

void check_entity(const schema& s, const entity_type& e, std::vector<schema_problem>& problems) {
  std::set<std::string_view> names;
  type_checker checker(s, problems);
  for (const auto& f : e.fields) {
    std::string where = e.name + "." + f.name;
    if (!names.insert(f.name).second) problems.push_back({where, base::pick("重复的字段", "duplicate field")});
    checker.check(f.type, where, true);
  }
  if (!e.key) return;
  auto key = e.key_field();
  if (!key) {
    problems.push_back({e.name, base::say("键 `{}` 不是字段", "key `{}` is not a field", *e.key)});
  } else if (!is_key_kind(e.fields[*key].type.kind) || e.fields[*key].type.optional) {
    problems.push_back({e.name + "." + *e.key, base::pick("键须为不可为空的 string 或 integer",
                                                          "a key must be a non-optional string or integer")});
  }
}

}  // namespace

type scalar(type_kind kind) { return type{kind, false, 0, {}}; }
type enum_of(std::uint32_t enum_index) { return type{type_kind::enumeration, false, enum_index, {}}; }
type ref_to(std::uint32_t entity_index) { return type{type_kind::ref, false, entity_index, {}}; }
type record_of(std::uint32_t entity_index) { return type{type_kind::record, false, entity_index, {}}; }
type list_of(type element) { return type{type_kind::list, false, 0, {std::move(element)}}; }
type map_of(type key, type value) { return type{type_kind::map, false, 0, {std::move(key), std::move(value)}}; }
type range_of(type bound) { return type{type_kind::range, false, 0, {std::move(bound)}}; }

type optional_of(type t) {
  t.optional = true;
  return t;
}

std::optional<std::uint32_t> enum_type::find(std::string_view text) const {
  if (auto i = find_by(values, [&](const enum_value& v) { return equal_bytes(v.symbol, text); })) return i;
  return find_by(values, [&](const enum_value& v) { return equal_bytes(v.label, text); });
}

std::optional<std::uint32_t> entity_type::find_field(std::string_view field_name) const {
  return find_by(fields, [&](const field& f) { return f.name == field_name; });
}

std::optional<std::uint32_t> entity_type::key_field() const { return key ? find_field(*key) : std::nullopt; }

std::uint32_t schema::add_enum(enum_type e) {
  m_enums.push_back(std::move(e));
  return static_cast<std::uint32_t>(m_enums.size() - 1);
}

std::uint32_t schema::add_entity(entity_type e) {
  m_entities.push_back(std::move(e));
  return static_cast<std::uint32_t>(m_entities.size() - 1);
}

std::optional<std::uint32_t> schema::find_enum(std::string_view name) const {
  return find_by(m_enums, [&](const enum_type& e) { return e.name == name; });
}

std::optional<std::uint32_t> schema::find_entity(std::string_view name) const {
  return find_by(m_entities, [&](const entity_type& e) { return e.name == name; });
}

std::optional<std::uint32_t> schema::find_collection(std::string_view collection) const {
  return find_by(m_entities, [&](const entity_type& e) { return e.collection == collection; });
}

std::vector<schema_problem> schema::validate() const {
  std::vector<schema_problem> problems;
  std::set<std::string_view> type_names;
  std::set<std::string_view> collections;
  for (const auto& e : m_enums) {
    if (!type_names.insert(e.name).second)
      problems.push_back({"enum " + e.name, base::pick("重复的类型名", "duplicate type name")});
    check_enum(e, problems);
  }
  for (const auto& e : m_entities) {
    if (!type_names.insert(e.name).second)
      problems.push_back({e.name, base::pick("重复的类型名", "duplicate type name")});
    if (e.collection && (*e.collection == "as_of" || *e.collection == "org" || *e.collection == "$schema")) {
      problems.push_back({e.name, base::say("`{}` 是快照中的保留名", "`{}` is reserved in snapshots", *e.collection)});
    }
    if (e.collection && !collections.insert(*e.collection).second) {
      problems.push_back({e.name, base::say("集合 `{}` 被使用了两次", "collection `{}` is used twice", *e.collection)});
    }
    check_entity(*this, e, problems);
  }
  return problems;
}

std::string_view to_string(type_kind kind) {
  switch (kind) {
    case type_kind::string:
      return "string";
    case type_kind::integer:
      return "integer";
    case type_kind::number:
      return "number";
    case type_kind::boolean:
      return "boolean";
    case type_kind::date:
      return "date";
    case type_kind::duration:
      return "duration";
    case type_kind::enumeration:
      return "enum";
    case type_kind::ref:
      return "ref";
    case type_kind::list:
      return "list";
    case type_kind::map:
      return "map";
    case type_kind::range:
      return "range";
    case type_kind::record:
      return "record";
  }
  return "?";
}

std::string to_string(const type& t, const schema& s) {
  auto entity_name = [&](std::uint32_t i) { return i < s.entities().size() ? s.entity_at(i).name : "?"; };
  std::string text;
  switch (t.kind) {
    case type_kind::enumeration:
      text = t.target < s.enums().size() ? s.enum_at(t.target).name : "?";
      break;
    case type_kind::ref:
      text = "ref " + entity_name(t.target);
      break;
    case type_kind::record:
      text = entity_name(t.target);
      break;
    case type_kind::list:
    case type_kind::map:
    case type_kind::range: {
      text = fmt::format("{}<", to_string(t.kind));
      for (std::size_t i = 0; i < t.args.size(); ++i) text += (i ? ", " : "") + to_string(t.args[i], s);
      text += ">";
      break;
    }
    default:
      text = to_string(t.kind);
      break;
  }
  return t.optional ? text + "?" : text;
}

std::string describe(const schema& s) {
  std::string out;
  for (const auto& e : s.enums()) {
    out += fmt::format("enum {} {{", e.name);
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      out += fmt::format("{} {} \"{}\"", i ? "," : "", e.values[i].symbol, e.values[i].label);
    }
    out += " }\n";
  }
  for (const auto& e : s.entities()) {
    out += out.empty() ? "" : "\n";
    if (!e.doc.empty()) out += fmt::format("# {}\n", e.doc);
    out += fmt::format("entity {}", e.name);
    if (e.collection) out += fmt::format(" in {}", *e.collection);
    if (e.key) out += fmt::format(" key {}", *e.key);
    if (!e.label.empty()) {
      if (e.label.size() == 1 && e.label[0].field && e.label[0].text.empty()) {
        out += " label " + e.fields.at(*e.label[0].field).name;
      } else {
        out += " label \"";
        for (const auto& part : e.label) out += part.field ? "{" + e.fields.at(*part.field).name + "}" : part.text;
        out += "\"";
      }
    }
    out += " {\n";
    for (const auto& f : e.fields) {
      out += fmt::format("  {}: {}", f.name, to_string(f.type, s));
      if (!f.none.empty()) out += fmt::format(" none \"{}\"", f.none);
      out += f.doc.empty() ? "\n" : fmt::format("  # {}\n", f.doc);
    }
    out += "}\n";
  }
  return out;
}

}  // namespace baomi::facts

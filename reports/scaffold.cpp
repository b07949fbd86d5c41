// Templates of `baomi new` (reports/scaffold.hpp).
#include "reports/scaffold.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace baomi::reports {

namespace {

using json = nlohmann::ordered_json;

// The date every scaffolded fixture is evaluated on; the author changes it with the rows.
constexpr const char* fixture_as_of = "2026-06-30";

// `{"a": 1, "b": [2, 3]}` on one line: the spacing of the shipped fixtures.
std::string one_line(const json& v) {
  if (v.is_object()) {
    std::string out = "{";
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (it != v.begin()) out += ", ";
      out += json(it.key()).dump() + ": " + one_line(it.value());
    }
    return out + "}";
  }
  if (v.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + one_line(v[i]);
    return out + "]";
  }
  return v.dump();
}

// Rows of a snapshot being built: one placeholder row per entity a required ref needs.
class snapshot_builder {
 public:
  explicit snapshot_builder(const facts::schema& schema) : m_schema(schema) {}

  json row(std::uint32_t entity, const std::string& key) {
    const auto& e = m_schema.entity_at(entity);
    json out = json::object();
    for (const auto& f : e.fields) {
      if (e.key && f.name == *e.key) {
        out[f.name] = key_value(entity, key);
      } else if (!f.type.optional) {
        out[f.name] = placeholder(f.type);
      }
    }
    return out;
  }

  void add(const std::string& collection, json row) { m_collections[collection].push_back(std::move(row)); }
  std::map<std::string, json>& collections() { return m_collections; }
  const std::vector<std::string>& order() const { return m_order; }

 private:
  const facts::schema& m_schema;
  std::map<std::string, json> m_collections;
  std::vector<std::string> m_order;  // referenced collections, in the order first needed
  std::set<std::uint32_t> m_made;

  json key_value(std::uint32_t entity, const std::string& key) const {
    const auto& e = m_schema.entity_at(entity);
    auto k = e.key_field();
    bool integer = k && e.fields[*k].type.kind == facts::type_kind::integer;
    if (!integer) return key;
    return key == "FAIL-1" ? 2 : 1;
  }

  // The key of the one row of `entity`'s collection, made on first use (cycles end there).
  json referenced(std::uint32_t entity) {
    const auto& e = m_schema.entity_at(entity);
    std::string key = e.name + "-1";
    if (!e.collection) return key;
    if (m_made.insert(entity).second) {
      m_order.push_back(*e.collection);
      auto r = row(entity, key);
      m_collections[*e.collection].push_back(std::move(r));
    }
    return key_value(entity, key);
  }

  json placeholder(const facts::type& t) {
    using facts::type_kind;
    switch (t.kind) {
      case type_kind::string:
        return "待填写";
      case type_kind::integer:
      case type_kind::number:
        return 0;
      case type_kind::boolean:
        return false;
      case type_kind::date:
        return fixture_as_of;
      case type_kind::duration:
        return "1y";
      case type_kind::enumeration:
        return m_schema.enum_at(t.target).values.empty() ? json("") : json(m_schema.enum_at(t.target).values[0].symbol);
      case type_kind::ref:
        return referenced(t.target);
      case type_kind::record: {
        json out = json::object();
        for (const auto& f : m_schema.entity_at(t.target).fields) {
          if (!f.type.optional) out[f.name] = placeholder(f.type);
        }
        return out;
      }
      case type_kind::list:
        return json::array();
      case type_kind::map:
        return json::object();
      case type_kind::range:
        return placeholder(t.args.empty() ? facts::type{} : t.args[0]);
    }
    return nullptr;
  }
};

void collections_read(const engine::plan_node& n, std::vector<std::string>& out) {
  if (n.access && !n.access->collection.empty() && std::find(out.begin(), out.end(), n.access->collection) == out.end())
    out.push_back(n.access->collection);
  for (const auto& c : n.children) collections_read(c, out);
}

}  // namespace

std::string scaffold_rule(const std::string& id) {
  return fmt::format(R"baomi(import cn.schema

# 一条规则：标题、严重程度、逐字引用的法规原文，然后是主体（for）和要求（require 或 forbid）。
# `baomi lint --sources ../shared/seeds` 检查引用；`baomi new fixture {0}` 生成测试用例。
rule {0} "待填写：规则标题" {{
  severity medium
  # area "四(四)"  自查自评清单的条目（baomi coverage 列出全部条目）
  cite "TODO" "待填写：法规原文，逐字摘录"
  for p in people where p.grade != null
  require p.status == active
  message "{{p.name}}：待填写，说明不符合的情形"
  remedy "待填写：整改措施"
}}
)baomi",
                     id);
}

std::string scaffold_profile(const std::string& name) {
  return fmt::format(
      R"baomi(# 一个配置：在不复制规则的前提下改变参数、停用规则或调整严重程度（baomi profiles 列出已有配置）。
profile {} "待填写：配置标题" extends cn.baseline {{
  # param cooloff_range = {{core: 3y..5y, important: 2y..3y, general: 1y..2y}}
  # disable RULE-ID
  # severity RULE-ID high
}}
)baomi",
      name);
}

std::string scaffold_fixture(const engine::checked_program& program, const engine::rule_plan& plan) {
  const auto& schema = program.schema;
  auto entity = schema.find_collection(plan.collection);
  snapshot_builder snapshot(schema);
  std::vector<std::string> read;
  for (const auto& s : plan.steps) collections_read(s.tree, read);
  json subjects = json::array();
  if (entity) {
    subjects.push_back(snapshot.row(*entity, "PASS-1"));
    subjects.push_back(snapshot.row(*entity, "FAIL-1"));
  }
  std::string out = "{\n";
  out +=
      fmt::format("  \"description\": {},\n",
                  json(fmt::format("{} {}：待填写，一个符合、一个不符合的例子", plan.info.id, plan.info.title)).dump());
  out += fmt::format("  \"rules\": [{}],\n", json(plan.info.id).dump());
  out += "  \"profile\": null,\n  \"snapshot\": {\n";
  out += fmt::format("    \"as_of\": \"{}\"", fixture_as_of);
  auto collection = [&](const std::string& name, const json& rows) {
    out += fmt::format(",\n    {}: ", json(name).dump());
    if (rows.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < rows.size(); ++i)
      out += "      " + one_line(rows[i]) + (i + 1 < rows.size() ? ",\n" : "\n");
    out += "    ]";
  };
  for (auto& r : snapshot.collections()[plan.collection]) subjects.push_back(r);  // a ref to its own kind
  collection(plan.collection, subjects);
  std::set<std::string> written{plan.collection};
  for (const auto& name : snapshot.order()) {
    if (written.insert(name).second) collection(name, snapshot.collections()[name]);
  }
  for (const auto& name : read) {
    if (written.insert(name).second) collection(name, json::array());
  }
  out += "\n  },\n  \"expect\": [\n";
  // The subject as the expectations name it: the key as a string.
  auto key = [&](std::size_t row) {
    if (!entity || !schema.entity_at(*entity).key) return json("").dump();
    const auto& v = subjects[row][*schema.entity_at(*entity).key];
    return json(v.is_string() ? v.get<std::string>() : v.dump()).dump();
  };
  out +=
      fmt::format("    {{\"rule\": {}, \"subject\": {}, \"outcome\": \"pass\"}},\n", json(plan.info.id).dump(), key(0));
  out +=
      fmt::format("    {{\"rule\": {}, \"subject\": {}, \"outcome\": \"fail\"}}\n", json(plan.info.id).dump(), key(1));
  return out + "  ]\n}\n";
}

}  // namespace baomi::reports

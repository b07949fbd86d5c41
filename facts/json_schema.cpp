// JSON Schema (draft 2020-12) of a snapshot, for exporters that want to validate before handing over.
#include <nlohmann/json.hpp>

#include "facts/schema.hpp"

namespace baomi::facts {

namespace {

using json = nlohmann::json;

constexpr const char* date_pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
// The literal order of parse_duration: y, mo, w, d, wd, at least one.
constexpr const char* duration_pattern = "^(?=[0-9])([0-9]+y)?([0-9]+mo)?([0-9]+w)?([0-9]+d)?([0-9]+wd)?$";

json type_schema(const type& t, const schema& s);

// A null is accepted wherever the type is optional: the loader reads it as a missing fact.
json allow_null(json value) {
  if (value.contains("type") && value["type"].is_string()) {
    value["type"] = json::array({value["type"], "null"});
  } else if (value.contains("enum")) {
    value["enum"].push_back(nullptr);
  } else {
    value = json{{"anyOf", json::array({std::move(value), json{{"type", "null"}}})}};
  }
  return value;
}

json enum_schema(const enum_type& e) {
  json symbols = json::array();
  for (const auto& v : e.values) symbols.push_back(v.symbol);
  for (const auto& v : e.values) {
    if (v.label != v.symbol) symbols.push_back(v.label);
  }
  return json{{"enum", std::move(symbols)}};
}

json ref_schema(const type& t, const schema& s) {
  const auto& target = s.entity_at(t.target);
  auto key = target.key_field();
  json value = key ? type_schema(target.fields[*key].type, s) : json::object();
  value["description"] = "ref " + target.name + ": the `" + target.key.value_or("?") + "` of an entry of `" +
                         target.collection.value_or("?") + "`";
  return value;
}

json container_schema(const type& t, const schema& s) {
  switch (t.kind) {
    case type_kind::list:
      return json{{"type", "array"}, {"items", type_schema(t.args.at(0), s)}};
    case type_kind::range:
      return json{{"type", "array"}, {"items", type_schema(t.args.at(0), s)}, {"minItems", 2}, {"maxItems", 2}};
    default: {
      json value{{"type", "object"}, {"additionalProperties", type_schema(t.args.at(1), s)}};
      if (t.args.at(0).kind == type_kind::enumeration) {
        value["propertyNames"] = enum_schema(s.enum_at(t.args[0].target));
      }
      return value;
    }
  }
}

json required_type_schema(const type& t, const schema& s) {
  switch (t.kind) {
    case type_kind::string:
      return json{{"type", "string"}};
    case type_kind::integer:
      return json{{"type", "integer"}};
    case type_kind::number:
      return json{{"type", "number"}};
    case type_kind::boolean:
      // The loader also reads the strings 是/否 and "true"/"false".
      return json{{"enum", json::array({true, false, "是", "否", "true", "false"})}};
    case type_kind::date:
      return json{{"type", "string"}, {"format", "date"}, {"pattern", date_pattern}};
    case type_kind::duration:
      return json{{"type", "string"}, {"pattern", duration_pattern}};
    case type_kind::enumeration:
      return enum_schema(s.enum_at(t.target));
    case type_kind::ref:
      return ref_schema(t, s);
    case type_kind::record:
      return json{{"$ref", "#/$defs/" + s.entity_at(t.target).name}};
    default:
      return container_schema(t, s);
  }
}

json type_schema(const type& t, const schema& s) {
  json value = required_type_schema(t, s);
  return t.optional ? allow_null(std::move(value)) : value;
}

json entity_schema(const entity_type& e, const schema& s) {
  json properties = json::object();
  json required = json::array();
  for (const auto& f : e.fields) {
    json value = type_schema(f.type, s);
    if (!f.doc.empty()) value["description"] = f.doc;
    properties[f.name] = std::move(value);
    if (!f.type.optional) required.push_back(f.name);
  }
  json value{{"type", "object"},
             {"properties", std::move(properties)},
             {"required", std::move(required)},
             {"additionalProperties", false}};
  if (!e.doc.empty()) value["description"] = e.doc;
  return value;
}

}  // namespace

json to_json_schema(const schema& s) {
  json properties{
      {"$schema", {{"type", "string"}}},
      {"as_of",
       {{"type", "string"},
        {"format", "date"},
        {"pattern", date_pattern},
        {"description", "the date the facts describe; rules evaluate as of this day"}}},
      {"org", {{"description", "the organization the snapshot is about (any JSON value)"}}},
  };
  json defs = json::object();
  for (const auto& e : s.entities()) {
    defs[e.name] = entity_schema(e, s);
    if (e.collection) properties[*e.collection] = {{"type", "array"}, {"items", {{"$ref", "#/$defs/" + e.name}}}};
  }
  return json{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
              {"title", "baomi fact snapshot"},
              {"type", "object"},
              {"required", json::array({"as_of"})},
              {"properties", std::move(properties)},
              {"additionalProperties", false},
              {"$defs", std::move(defs)}};
}

}  // namespace baomi::facts

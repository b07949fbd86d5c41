// The schema model: lookups, validation, type rendering, `describe` and the JSON Schema export.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "facts/schema.hpp"
#include "tests/facts/test_schema.hpp"
#include "tests/support/language.hpp"

namespace facts = baomi::facts;
using facts::type_kind;
using nlohmann::json;

namespace {

bool has_problem(const facts::schema& s, std::string_view where, std::string_view text) {
  baomi::testing::scoped_language english(baomi::base::language::en);  // the texts below are English
  for (const auto& p : s.validate()) {
    if (p.where == where && p.message.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schema)

BOOST_AUTO_TEST_CASE(finds_types_fields_and_enum_values) {
  auto s = facts::testing::personnel_schema();
  BOOST_TEST(s.validate().empty());
  BOOST_TEST(s.find_entity("person").value() == 2u);
  BOOST_TEST(s.find_collection("people").value() == 2u);
  BOOST_TEST(!s.find_collection("person").has_value());
  BOOST_TEST(!s.find_collection("address").has_value());
  const auto& person = s.entity_at(*s.find_entity("person"));
  BOOST_TEST(person.find_field("grade").value() == 3u);
  BOOST_TEST(person.key_field().value() == 0u);
  const auto& grade = s.enum_at(s.find_enum("grade").value());
  BOOST_TEST(grade.find("important").value() == 1u);
  BOOST_TEST(grade.find("重要").value() == 1u);
  BOOST_TEST(!grade.find("Important").has_value());
}

BOOST_AUTO_TEST_CASE(renders_types) {
  auto s = facts::testing::personnel_schema();
  const auto& person = s.entity_at(*s.find_entity("person"));
  BOOST_TEST(facts::to_string(person.fields[2].type, s) == "ref department?");
  BOOST_TEST(facts::to_string(person.fields[3].type, s) == "grade?");
  BOOST_TEST(facts::to_string(person.fields[10].type, s) == "address?");
  BOOST_TEST(facts::to_string(person.fields[11].type, s) == "list<string>?");
  const auto& policy = s.entity_at(*s.find_entity("policy"));
  BOOST_TEST(facts::to_string(policy.fields[1].type, s) == "map<grade, range<duration>>?");
  BOOST_TEST(facts::to_string(facts::list_of(facts::ref_to(2)), s) == "list<ref person>");
}

BOOST_AUTO_TEST_CASE(describes_in_declaration_syntax) {
  auto text = facts::describe(facts::testing::personnel_schema());
  BOOST_TEST(text.find("enum level { top_secret \"绝密\", secret \"机密\", confidential \"秘密\" }\n") == 0u);
  BOOST_TEST(text.find("entity person in people key id {\n  id: string  # 工号\n  name: string\n") !=
             std::string::npos);
  BOOST_TEST(text.find("# a postal address\nentity address {\n") != std::string::npos);
  BOOST_TEST(text.find("  attendees: list<ref person>\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(validation_finds_problems) {
  facts::schema s;
  auto level = s.add_enum({"level", {{"secret", "机密"}, {"top", "secret"}}});
  auto unkeyed =
      s.add_entity({"note", "notes", std::nullopt, {{"text", facts::scalar(type_kind::string), "", ""}}, "", {}});
  auto rec =
      s.add_entity({"point", std::nullopt, std::nullopt, {{"x", facts::scalar(type_kind::number), "", ""}}, "", {}});
  s.add_entity({"thing",
                "things",
                "id",
                {{"id", facts::optional_of(facts::scalar(type_kind::string)), "", ""},
                 {"id", facts::scalar(type_kind::string), "", ""},
                 {"note", facts::ref_to(unkeyed), "", ""},
                 {"level", facts::enum_of(level + 7), "", ""},
                 {"points", facts::map_of(facts::scalar(type_kind::integer), facts::record_of(rec)), "", ""},
                 {"span", facts::range_of(facts::scalar(type_kind::string)), "", ""},
                 {"bad", facts::type{type_kind::list, false, 0, {}}, "", ""}},
                "",
                {}});
  s.add_entity({"other", "things", "code", {{"code", facts::scalar(type_kind::boolean), "", ""}}, "", {}});
  s.add_entity({"level", "levels", "nope", {}, "", {}});
  BOOST_TEST(has_problem(s, "enum level", "`secret` names two values"));
  BOOST_TEST(has_problem(s, "thing.id", "duplicate field"));
  BOOST_TEST(has_problem(s, "thing.id", "non-optional string or integer"));
  BOOST_TEST(has_problem(s, "thing.note", "needs a collection and a key"));
  BOOST_TEST(has_problem(s, "thing.level", "enum index out of range"));
  BOOST_TEST(has_problem(s, "thing.points", "a map key must be string or an enum"));
  BOOST_TEST(has_problem(s, "thing.points", "a record may only be"));
  BOOST_TEST(has_problem(s, "thing.span", "a range bound must be"));
  BOOST_TEST(has_problem(s, "thing.bad", "needs 1 type argument"));
  BOOST_TEST(has_problem(s, "other", "collection `things` is used twice"));
  BOOST_TEST(has_problem(s, "other.code", "non-optional string or integer"));
  BOOST_TEST(has_problem(s, "level", "duplicate type name"));
  BOOST_TEST(has_problem(s, "level", "key `nope` is not a field"));
}

BOOST_AUTO_TEST_CASE(exports_json_schema) {
  json j = facts::to_json_schema(facts::testing::personnel_schema());
  BOOST_TEST(j["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  BOOST_TEST(j["required"] == json::array({"as_of"}));
  BOOST_TEST(j["additionalProperties"] == false);
  BOOST_TEST(j["properties"]["as_of"]["format"] == "date");
  BOOST_TEST(j["properties"]["people"] == json::parse(R"({"type":"array","items":{"$ref":"#/$defs/person"}})"));
  BOOST_TEST(!j["properties"].contains("address"));

  const json& person = j["$defs"]["person"];
  BOOST_TEST(person["additionalProperties"] == false);
  BOOST_TEST(person["required"] == json::array({"id", "name", "active"}));
  const json& props = person["properties"];
  BOOST_TEST(props["id"]["type"] == "string");
  BOOST_TEST(props["id"]["description"] == "工号");
  BOOST_TEST(props["grade"]["enum"] == json::parse(R"(["core","important","general","核心","重要","一般",null])"));
  BOOST_TEST(props["born"]["type"] == json::parse(R"(["string","null"])"));
  BOOST_TEST(props["born"]["format"] == "date");
  BOOST_TEST(props["born"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  BOOST_TEST(props["department"]["type"] == json::parse(R"(["string","null"])"));
  BOOST_TEST(props["home"] == json::parse(R"({"anyOf":[{"$ref":"#/$defs/address"},{"type":"null"}]})"));
  BOOST_TEST(props["phones"]["items"]["type"] == "string");

  const json& training = j["$defs"]["training"]["properties"];
  BOOST_TEST(training["id"]["type"] == "integer");
  BOOST_TEST(training["attendees"]["items"]["type"] == "string");
  const json& cooloff = j["$defs"]["policy"]["properties"]["cooloff"]["type"];
  BOOST_TEST(cooloff == json::parse(R"(["object","null"])"));
  const json& ranges = j["$defs"]["policy"]["properties"]["cooloff"]["additionalProperties"];
  BOOST_TEST(ranges["minItems"] == 2);
  BOOST_TEST(ranges["items"]["pattern"].get<std::string>().find("wd") != std::string::npos);
  BOOST_TEST(j["$defs"]["address"]["required"] == json::array({"city"}));
}

BOOST_AUTO_TEST_SUITE_END()

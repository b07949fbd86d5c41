// The snapshot loader: typed cells, refs, records, maps, pointers, reverse indexes and every issue code.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "facts/loader.hpp"
#include "facts/pointer.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;
using facts::cell_state;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

facts::load_result load(std::string_view text, facts::load_options options = {}) {
  return facts::load_snapshot(text, personnel(), "snap.json", options);
}

std::string issues_text(const facts::load_result& r) {
  std::string text;
  for (const auto& i : r.issues) text += facts::render(i, r.path) + "\n";
  return text;
}

// The only issue of a load, which must have this code.
const facts::issue& only_issue(const facts::load_result& r, std::string_view code) {
  BOOST_REQUIRE_MESSAGE(r.issues.size() == 1, "expected one issue, got:\n" << issues_text(r));
  BOOST_REQUIRE_MESSAGE(r.issues[0].code == code, "expected " << code << ", got:\n" << issues_text(r));
  return r.issues[0];
}

// A document with `as_of` and the given members.
std::string doc(std::string_view members) { return "{\"as_of\": \"2025-06-30\", " + std::string(members) + "}"; }

// A person entry with the required fields, plus `extra` members.
std::string person(std::string_view id, std::string_view extra = "") {
  std::string text = "{\"id\": \"" + std::string(id) + "\", \"name\": \"n\", \"active\": true";
  if (!extra.empty()) text += ", " + std::string(extra);
  return text + "}";
}

std::uint32_t field(const facts::table& t, std::string_view name) { return t.type().find_field(name).value(); }

const facts::table& table(const facts::store& s, std::string_view collection) {
  const facts::table* t = s.find_collection(collection);
  BOOST_REQUIRE(t != nullptr);
  return *t;
}

const char* const clean_snapshot = R"({
  "as_of": "2025-06-30",
  "org": {"name": "某局", "units": [1, 2.5, true, null, {"a": "x\"y"}]},
  "trainings": [
    {"id": 1, "title": "保密培训", "held_on": "2025-03-01", "attendees": ["P1", "P2", "P1"]},
    {"id": 2, "title": "复训", "held_on": "2025-05-01", "attendees": ["P2"]}
  ],
  "people": [
    {"id": "P1", "name": "张三", "department": "D1", "grade": "core", "level": "机密", "born": "1980-05-06",
     "years": 12, "score": 4.5, "active": true, "cooloff": "3y", "home": {"city": "北京", "street": null},
     "phones": ["123", "456"]},
    {"id": "P2", "name": "李四", "grade": "重要", "active": false, "department": null},
    {"id": "P3", "name": "王五", "active": true, "score": 3}
  ],
  "departments": [{"code": "D1", "name": "保密办"}],
  "commitments": [
    {"person": "P2", "kind": "exit_pledge", "signed_on": "2025-01-02"},
    {"person": "P1", "kind": "离岗承诺书"}
  ],
  "policies": [
    {"name": "default", "cooloff": {"core": ["3y", "5y"], "重要": ["2y", "3y"]},
     "offices": [{"city": "上海"}, {"city": "广州", "street": "x"}], "dates": [["2024-01-01", "2024-02-29"], []]}
  ]
})";

}  // namespace

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(loads_typed_cells) {
  auto r = load(clean_snapshot);
  BOOST_TEST_REQUIRE(r.issues.empty(), issues_text(r));
  BOOST_TEST(r.complete);
  const auto& s = r.store;
  BOOST_TEST(facts::format_date(s.as_of().value()) == "2025-06-30");
  BOOST_TEST(s.org() == R"({"name":"某局","units":[1,2.5,true,null,{"a":"x\"y"}]})");
  const auto& people = table(s, "people");
  BOOST_TEST(people.row_count() == 3u);
  BOOST_TEST(people.column_at(field(people, "name")).as_string(0) == "张三");
  BOOST_TEST(people.column_at(field(people, "grade")).as_enum(0) == 0u);
  BOOST_TEST(people.column_at(field(people, "grade")).as_enum(1) == 1u);  // by label 重要
  BOOST_TEST(people.column_at(field(people, "level")).as_enum(0) == 1u);  // by label 机密
  BOOST_TEST(facts::format_date(people.column_at(field(people, "born")).as_date(0)) == "1980-05-06");
  BOOST_TEST(people.column_at(field(people, "years")).as_integer(0) == 12);
  BOOST_TEST(people.column_at(field(people, "score")).as_number(0) == 4.5);
  BOOST_TEST(people.column_at(field(people, "score")).as_number(2) == 3.0);
  BOOST_TEST(people.column_at(field(people, "active")).as_bool(0));
  BOOST_TEST(!people.column_at(field(people, "active")).as_bool(1));
  BOOST_TEST(facts::format_duration(people.column_at(field(people, "cooloff")).as_duration(0)) == "3y");
  BOOST_TEST((people.column_at(field(people, "department")).state(1) == cell_state::null));
  BOOST_TEST((people.column_at(field(people, "grade")).state(2) == cell_state::null));
  const auto& phones = people.column_at(field(people, "phones"));
  BOOST_TEST(phones.as_span(0).count == 2u);
  BOOST_TEST(phones.elements().as_string(phones.as_span(0).offset + 1) == "456");
  BOOST_TEST((phones.state(1) == cell_state::null));
}

BOOST_AUTO_TEST_CASE(resolves_refs_in_any_order) {
  auto r = load(clean_snapshot);
  const auto& s = r.store;
  const auto& people = table(s, "people");
  const auto& trainings = table(s, "trainings");
  // Trainings come before people in the snapshot, departments after them.
  BOOST_TEST(people.column_at(field(people, "department")).as_ref(0) == 0u);
  const auto& attendees = trainings.column_at(field(trainings, "attendees"));
  std::vector<std::uint32_t> rows(attendees.refs(0).begin(), attendees.refs(0).end());
  BOOST_TEST(rows == (std::vector<std::uint32_t>{0, 1, 0}));
  BOOST_TEST(people.find_row("P2").value() == 1u);
  BOOST_TEST(!people.find_row("P9").has_value());
  BOOST_TEST(trainings.find_row(std::int64_t{2}).value() == 1u);
  const auto& commitments = table(s, "commitments");
  BOOST_TEST(commitments.column_at(field(commitments, "person")).as_ref(1) == 0u);
  BOOST_TEST(commitments.column_at(field(commitments, "kind")).as_enum(1) == 0u);
}

BOOST_AUTO_TEST_CASE(builds_reverse_indexes) {
  auto r = load(clean_snapshot);
  const auto& s = r.store;
  auto trainings = s.schema().find_collection("trainings").value();
  const auto& by_attendee = s.referencing(trainings, field(s.table_at(trainings), "attendees"));
  auto rows = [](std::span<const std::uint32_t> span) { return std::vector<std::uint32_t>(span.begin(), span.end()); };
  BOOST_TEST(rows(by_attendee.rows(0)) == (std::vector<std::uint32_t>{0}));  // listed twice, once here
  BOOST_TEST(rows(by_attendee.rows(1)) == (std::vector<std::uint32_t>{0, 1}));
  BOOST_TEST(by_attendee.rows(2).empty());
  BOOST_TEST(&s.referencing(trainings, 3) == &by_attendee);  // built once
  auto commitments = s.schema().find_collection("commitments").value();
  const auto& by_person = s.referencing(commitments, 0);
  BOOST_TEST(rows(by_person.rows(0)) == (std::vector<std::uint32_t>{1}));
  BOOST_TEST(rows(by_person.rows(1)) == (std::vector<std::uint32_t>{0}));
  BOOST_CHECK_THROW(s.referencing(commitments, 1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(nested_records_maps_and_lists) {
  auto r = load(clean_snapshot);
  const auto& s = r.store;
  const auto& people = table(s, "people");
  auto address = s.schema().find_entity("address").value();
  const auto& addresses = s.table_at(address);
  auto home = people.column_at(field(people, "home")).as_record(0);
  BOOST_TEST(addresses.column_at(0).as_string(home) == "北京");
  BOOST_TEST((addresses.column_at(1).state(home) == cell_state::null));
  BOOST_TEST(s.pointer(address, home) == "/people/0/home");
  BOOST_TEST(s.pointer(address, home, 0) == "/people/0/home/city");

  const auto& policies = table(s, "policies");
  const auto& offices = policies.column_at(field(policies, "offices"));
  auto second = offices.elements().as_record(offices.as_span(0).offset + 1);
  BOOST_TEST(addresses.column_at(1).as_string(second) == "x");
  BOOST_TEST(s.pointer(address, second, 1) == "/policies/0/offices/1/street");

  const auto& cooloff = policies.column_at(field(policies, "cooloff"));
  auto span = cooloff.as_span(0);
  BOOST_TEST(span.count == 2u);
  BOOST_TEST(cooloff.elements().as_enum(span.offset + 1) == 1u);
  BOOST_TEST(cooloff.elements().raw(span.offset + 1) == "重要");  // kept for pointers
  auto range = cooloff.values().as_span(span.offset + 1);
  BOOST_TEST(range.count == 2u);
  BOOST_TEST(facts::format_duration(cooloff.values().elements().as_duration(range.offset + 1)) == "3y");

  const auto& dates = policies.column_at(field(policies, "dates"));
  auto outer = dates.as_span(0);
  BOOST_TEST(outer.count == 2u);
  auto inner = dates.elements().as_span(outer.offset);
  BOOST_TEST(inner.count == 2u);
  BOOST_TEST(facts::format_date(dates.elements().elements().as_date(inner.offset + 1)) == "2024-02-29");
  BOOST_TEST(dates.elements().as_span(outer.offset + 1).count == 0u);
}

BOOST_AUTO_TEST_CASE(pointers_escape_and_follow_json_positions) {
  std::string pointer;
  facts::append_pointer_token(pointer, "a/b~c");
  facts::append_pointer_index(pointer, 12);
  BOOST_TEST(pointer == "/a~1b~0c/12");
  auto r = load(doc(R"("people": [3, )" + person("P1") + "]"));
  const auto& people = table(r.store, "people");
  BOOST_TEST(people.row_count() == 1u);
  BOOST_TEST(people.json_index(0) == 1u);
  auto p = r.store.schema().find_collection("people").value();
  BOOST_TEST(r.store.pointer(p, 0, field(people, "name")) == "/people/1/name");
}

// ---- issues, one per code ----

BOOST_AUTO_TEST_CASE(f0100_unreadable_file) {
  auto r = facts::load_snapshot_file("/nonexistent/snap.json", personnel());
  BOOST_TEST(!r.complete);
  only_issue(r, "F0100");
}

BOOST_AUTO_TEST_CASE(f0101_malformed_json_stops_with_a_position) {
  auto r = load("{\n  \"as_of\": \"2025-06-30\",\n  \"people\": [{\"id\": \"P1\",, }]\n}");
  BOOST_TEST(!r.complete);
  const auto& i = only_issue(r, "F0101");
  BOOST_TEST(i.range.begin.line == 3u);
  BOOST_TEST(i.range.begin.column == 26u);  // the second comma
  BOOST_TEST(i.pointer == "/people/0/id");
  BOOST_TEST(i.message.find("JSON 格式错误: syntax error while parsing object key") == 0u, i.message);
}

BOOST_AUTO_TEST_CASE(f0101_invalid_utf8_in_a_string) {
  std::string line3 =
      "  \"people\": [{\"id\": \"P\xff"
      "1\"}]";
  auto r = load("{\n  \"as_of\": \"2025-06-30\",\n" + line3 + "\n}");
  const auto& i = only_issue(r, "F0101");
  BOOST_TEST(i.range.begin.line == 3u);
  BOOST_TEST(i.range.begin.column == line3.find('\xff') + 1);
  BOOST_TEST(i.message.find("ill-formed UTF-8 byte") != std::string::npos, i.message);
  BOOST_TEST(i.message.find("\\xFF") != std::string::npos, i.message);  // the message itself stays valid UTF-8
  BOOST_TEST(
      facts::render(i, r.path).find("snap.json:3:" + std::to_string(i.range.begin.column) + ": error[F0101]: ") == 0u);
}

BOOST_AUTO_TEST_CASE(f0102_top_level_not_an_object) {
  BOOST_TEST(only_issue(load("[1, 2]"), "F0102").pointer == "");
  BOOST_TEST(only_issue(load("\"x\""), "F0102").message == "快照顶层应为 JSON 对象，实为字符串");
}

BOOST_AUTO_TEST_CASE(f0103_missing_as_of) {
  auto r = load(R"({"people": []})");
  const auto& i = only_issue(r, "F0103");
  BOOST_TEST(i.pointer == "/as_of");
  BOOST_TEST(i.range.begin.line == 0u);
  BOOST_TEST(!r.store.as_of().has_value());
}

BOOST_AUTO_TEST_CASE(f0104_invalid_as_of) {
  auto r = load(R"({"as_of": "2025-02-30", "people": []})");
  const auto& i = only_issue(r, "F0104");
  BOOST_TEST(i.pointer == "/as_of");
  BOOST_TEST(i.message == "as_of 应为 YYYY-MM-DD 格式的有效日期，实为字符串 \"2025-02-30\"");
  BOOST_TEST((i.range.begin.line == 1u && i.range.begin.column == 11u));
  only_issue(load(R"({"as_of": {"y": 2025}, "people": []})"), "F0104");
}

BOOST_AUTO_TEST_CASE(f0105_unknown_collection) {
  auto r = load(doc(R"("persons": [{"id": "P1"}], "$schema": "x")"));
  const auto& i = only_issue(r, "F0105");
  BOOST_TEST(i.pointer == "/persons");
  BOOST_TEST(i.range.begin.column == 25u);
}

BOOST_AUTO_TEST_CASE(f0106_collection_not_an_array) {
  auto r = load(doc(R"("people": {"id": "P1"})"));
  BOOST_TEST(only_issue(r, "F0106").pointer == "/people");
  BOOST_TEST(table(r.store, "people").row_count() == 0u);
}

BOOST_AUTO_TEST_CASE(f0107_repeated_member) {
  auto r = load(doc(R"("people": [], "as_of": "2020-01-01", "people": [)" + person("P1") + "]"));
  BOOST_TEST_REQUIRE(r.issues.size() == 2u, issues_text(r));
  BOOST_TEST(r.issues[0].code == "F0107");
  BOOST_TEST(r.issues[0].pointer == "/as_of");
  BOOST_TEST(r.issues[1].pointer == "/people");
  BOOST_TEST(facts::format_date(r.store.as_of().value()) == "2025-06-30");
  BOOST_TEST(table(r.store, "people").row_count() == 0u);
}

BOOST_AUTO_TEST_CASE(f0108_entry_not_an_object) {
  auto r = load(doc(R"("people": [1, )" + person("P1") + ", [2]]"));
  BOOST_TEST_REQUIRE(r.issues.size() == 2u, issues_text(r));
  BOOST_TEST(r.issues[0].code == "F0108");
  BOOST_TEST(r.issues[0].pointer == "/people/0");
  BOOST_TEST(r.issues[1].pointer == "/people/2");
  BOOST_TEST(table(r.store, "people").row_count() == 1u);
}

BOOST_AUTO_TEST_CASE(f0201_unknown_field) {
  auto r = load(doc(R"("people": [)" + person("P1", R"("nick/name~": {"deep": [1, 2]}, "grade": "core")") + "]"));
  BOOST_TEST(only_issue(r, "F0201").pointer == "/people/0/nick~1name~0");
  const auto& people = table(r.store, "people");
  BOOST_TEST(people.column_at(field(people, "grade")).present(0));  // later fields still load
}

BOOST_AUTO_TEST_CASE(f0202_duplicate_field) {
  auto r = load(doc(R"("people": [)" + person("P1", R"("name": "second")") + "]"));
  BOOST_TEST(only_issue(r, "F0202").pointer == "/people/0/name");
  const auto& people = table(r.store, "people");
  BOOST_TEST(people.column_at(field(people, "name")).as_string(0) == "n");
}

BOOST_AUTO_TEST_CASE(f0203_wrong_type) {
  auto r = load(doc(R"("people": [)" +
                    person("P1", R"("years": "12", "home": "x", "phones": ["1", 2, null], "score": [1], "level": 1)") +
                    "]"));
  BOOST_TEST_REQUIRE(r.issues.size() == 6u, issues_text(r));
  for (const auto& i : r.issues) BOOST_TEST(i.code == "F0203");
  BOOST_TEST(r.issues[0].pointer == "/people/0/years");
  BOOST_TEST(r.issues[0].message == "类型错误: 应为 `integer`，实为字符串 \"12\"");
  BOOST_TEST(r.issues[1].pointer == "/people/0/home");
  BOOST_TEST(r.issues[2].pointer == "/people/0/phones/1");
  BOOST_TEST(r.issues[3].pointer == "/people/0/phones/2");
  BOOST_TEST(r.issues[4].pointer == "/people/0/score");
  BOOST_TEST(r.issues[4].message == "类型错误: 应为 `number`，实为数组");
  BOOST_TEST(r.issues[5].pointer == "/people/0/level");
  const auto& people = table(r.store, "people");
  const auto& years = people.column_at(field(people, "years"));
  BOOST_TEST((years.state(0) == cell_state::invalid));
  BOOST_TEST(years.raw(0) == "12");
  const auto& phones = people.column_at(field(people, "phones"));
  BOOST_TEST((phones.elements().state(phones.as_span(0).offset + 1) == cell_state::invalid));
  BOOST_TEST(phones.elements().as_string(phones.as_span(0).offset) == "1");
}

BOOST_AUTO_TEST_CASE(f0204_invalid_date) {
  auto r = load(
      "{\"as_of\": \"2025-06-30\",\n\"people\": [\n  {\"name\": \"张三\", \"born\": \"2024-02-30\", "
      "\"id\": \"P1\", \"active\": true}]}");
  const auto& i = only_issue(r, "F0204");
  BOOST_TEST(i.pointer == "/people/0/born");
  BOOST_TEST(i.message == "日期无效: \"2024-02-30\"（应为 YYYY-MM-DD）");
  BOOST_TEST(i.range.begin.line == 3u);
  BOOST_TEST(i.range.begin.column == 26u);  // code points: 张三 counts two
  const auto& people = table(r.store, "people");
  BOOST_TEST(people.column_at(field(people, "born")).raw(0) == "2024-02-30");
}

BOOST_AUTO_TEST_CASE(f0205_invalid_duration) {
  auto r = load(doc(R"("people": [)" + person("P1", R"("cooloff": "6 months")") + "]"));
  BOOST_TEST(only_issue(r, "F0205").pointer == "/people/0/cooloff");
}

BOOST_AUTO_TEST_CASE(f0206_unknown_enum_value) {
  auto r = load(doc(R"("people": [)" + person("P1", R"("grade": "top")") +
                    R"(], "policies": [{"name": "p", "cooloff": {"bogus": ["1y", "2y"], "一般": ["1y", "2y"]}}])"));
  BOOST_TEST_REQUIRE(r.issues.size() == 2u, issues_text(r));
  BOOST_TEST(r.issues[0].code == "F0206");
  BOOST_TEST(r.issues[0].pointer == "/people/0/grade");
  BOOST_TEST(r.issues[0].message == "枚举值无效: \"top\"（`grade` 可取 core/核心、important/重要、general/一般）");
  BOOST_TEST(r.issues[1].code == "F0206");
  BOOST_TEST(r.issues[1].pointer == "/policies/0/cooloff/bogus");
}

BOOST_AUTO_TEST_CASE(f0207_integer_out_of_range) {
  auto r = load(doc(R"("people": [)" + person("P1", R"("years": 18446744073709551615)") + "]"));
  BOOST_TEST(only_issue(r, "F0207").pointer == "/people/0/years");
}

BOOST_AUTO_TEST_CASE(f0208_malformed_range) {
  auto r = load(doc(R"("policies": [{"name": "p", "cooloff": {"core": ["1y"]}}])"));
  BOOST_TEST(only_issue(r, "F0208").pointer == "/policies/0/cooloff/core");
}

BOOST_AUTO_TEST_CASE(f0301_missing_required_field) {
  auto r = load(doc(R"("people": [{"id": "P1", "active": true}, {"id": "P2", "name": null, "active": true}])"));
  BOOST_TEST_REQUIRE(r.issues.size() == 2u, issues_text(r));
  BOOST_TEST(r.issues[0].code == "F0301");
  BOOST_TEST(r.issues[0].pointer == "/people/0/name");
  BOOST_TEST(r.issues[0].message == "缺少必填字段 `name`");
  BOOST_TEST(r.issues[1].pointer == "/people/1/name");
  BOOST_TEST(r.issues[1].message == "必填字段 `name` 为 null");
  BOOST_TEST(r.issues[0].range.begin.column == 36u);  // the entry's opening brace
}

BOOST_AUTO_TEST_CASE(f0302_missing_key) {
  auto r = load(doc(R"("people": [{"name": "x", "active": true}])"));
  BOOST_TEST(only_issue(r, "F0302").pointer == "/people/0/id");
  BOOST_TEST(table(r.store, "people").flags(0) == facts::row_missing_key);
}

BOOST_AUTO_TEST_CASE(f0303_duplicate_key) {
  auto r = load(doc(R"("people": [)" + person("P1") + ", " + person("P1") +
                    R"(], "commitments": [{"person": "P1", "kind": "exit_pledge"}])"));
  const auto& i = only_issue(r, "F0303");
  BOOST_TEST(i.pointer == "/people/1/id");
  BOOST_TEST(i.message == "键 \"P1\" 与 /people/0 重复：两条都保留，引用指向前者");
  const auto& people = table(r.store, "people");
  BOOST_TEST(people.row_count() == 2u);
  BOOST_TEST(people.flags(1) == facts::row_duplicate_key);
  BOOST_TEST(table(r.store, "commitments").column_at(0).as_ref(0) == 0u);
}

BOOST_AUTO_TEST_CASE(f0304_dangling_ref) {
  auto r = load(doc(R"("people": [)" + person("P1") +
                    R"(], "commitments": [{"person": "P9", "kind": "exit_pledge"}],
                       "trainings": [{"id": 7, "title": "t", "held_on": "2025-01-01", "attendees": ["P1", "P8"]}])"));
  BOOST_TEST_REQUIRE(r.issues.size() == 2u, issues_text(r));
  // Found after parsing, in schema order (training before commitment), without a position.
  BOOST_TEST(r.issues[0].code == "F0304");
  BOOST_TEST(r.issues[0].pointer == "/trainings/0/attendees/1");
  BOOST_TEST(r.issues[1].pointer == "/commitments/0/person");
  BOOST_TEST(r.issues[1].message == "引用无效: `people` 中没有键为 \"P9\" 的条目");
  BOOST_TEST(r.issues[1].range.begin.line == 0u);
  const auto& person_col = table(r.store, "commitments").column_at(0);
  BOOST_TEST((person_col.state(0) == cell_state::invalid));
  BOOST_TEST(person_col.raw(0) == "P9");
  const auto& attendees = table(r.store, "trainings").column_at(3);
  BOOST_TEST(attendees.refs(0)[1] == facts::no_row);
}

BOOST_AUTO_TEST_CASE(repeated_issues_are_capped_per_place) {
  std::string people;
  for (int i = 0; i < 5; ++i) {
    if (i > 0) people += ", ";
    people += person(std::string("P").append(std::to_string(i)), R"("born": "2024-13-01")");
  }
  facts::load_options options;
  options.max_issues_per_place = 2;
  auto r = load(doc("\"people\": [" + people + "]"), options);
  BOOST_TEST_REQUIRE(r.issues.size() == 3u, issues_text(r));
  BOOST_TEST(r.issues[1].pointer == "/people/1/born");
  BOOST_TEST(r.issues[2].code == "F0204");
  BOOST_TEST(r.issues[2].pointer == "/people");
  BOOST_TEST(r.issues[2].message == "另有 3 处同类问题未逐一列出（/people/*/born）");
  const auto& people_table = table(r.store, "people");
  BOOST_TEST((people_table.column_at(field(people_table, "born")).state(4) == cell_state::invalid));
}

BOOST_AUTO_TEST_CASE(file_loading_streams_across_chunks) {
  // More than one 1 MiB chunk, with problems scattered through it: the file and the in-memory load
  // must agree on everything, positions included.
  std::string people;
  for (int i = 0; i < 12000; ++i) {
    std::string extra = "\"home\": {\"city\": \"北京市海淀区某某街道\", \"street\": \"" + std::string(40, 'x') + "\"}";
    if (i % 2500 == 7) extra += ", \"born\": \"2024-02-30\"";
    if (i % 3001 == 5) extra += ", \"grade\": \"无\"";
    if (i > 0) people += ",\n";
    people += person(std::string("P").append(std::to_string(i)), extra);
  }
  std::string text = doc("\"people\": [" + people + "]");
  BOOST_TEST_REQUIRE(text.size() > (1u << 20));
  auto path = std::filesystem::temp_directory_path() / "baomi_loader_test.json";
  std::ofstream(path, std::ios::binary) << text;
  auto from_file = facts::load_snapshot_file(path, personnel());
  auto from_memory = load(text);
  std::filesystem::remove(path);
  BOOST_TEST(from_file.complete);
  BOOST_TEST(table(from_file.store, "people").row_count() == 12000u);
  BOOST_TEST_REQUIRE(from_file.issues.size() == 9u, issues_text(from_file));
  for (std::size_t i = 0; i < from_file.issues.size(); ++i) {
    BOOST_TEST(from_file.issues[i].pointer == from_memory.issues[i].pointer);
    BOOST_TEST(from_file.issues[i].range.begin.line == from_memory.issues[i].range.begin.line);
    BOOST_TEST(from_file.issues[i].range.begin.column == from_memory.issues[i].range.begin.column);
  }
  BOOST_TEST(from_file.issues[0].pointer == "/people/5/grade");
  BOOST_TEST(from_file.issues[0].range.begin.line == 6u);
  // Each row's opening `{`: the first on line 1 after the document's opening, the others at the start
  // of their own line; the same from the file (across chunk boundaries) and from memory.
  const auto& file_people = table(from_file.store, "people");
  const auto& memory_people = table(from_memory.store, "people");
  BOOST_TEST(file_people.position(0).line == 1u);
  BOOST_TEST(file_people.position(0).column == text.find("{\"id\"") + 1);
  bool all_agree = true;
  for (std::uint32_t row = 1; row < 12000; ++row) {
    auto at = file_people.position(row);
    auto same = memory_people.position(row);
    if (at.line != row + 1 || at.column != 1 || same.line != at.line || same.column != at.column) all_agree = false;
  }
  BOOST_TEST(all_agree);
}

BOOST_AUTO_TEST_CASE(rows_know_where_they_start) {
  // Code-point columns after CJK text; an entry that is not an object makes no row and no position.
  auto r = load("{\"as_of\": \"2025-06-30\", \"org\": {\"name\": \"某局\"},\n \"people\": [\n  7, " + person("P1") +
                ",\n\t" + person("P2") + "]}");
  const auto& people = table(r.store, "people");
  BOOST_TEST_REQUIRE(people.row_count() == 2u);
  BOOST_TEST(people.position(0).line == 3u);
  BOOST_TEST(people.position(0).column == 6u);
  BOOST_TEST(people.position(1).line == 4u);
  BOOST_TEST(people.position(1).column == 2u);
  BOOST_TEST(people.position(5).line == 0u);  // no such row: unknown
  auto one_line = doc("\"org\": {\"name\": \"某局\"}, \"people\": [" + person("P1") + "]");
  auto before = std::string_view(one_line).substr(0, one_line.find("{\"id\""));
  auto code_points = std::count_if(before.begin(), before.end(), [](char c) { return (c & 0xC0) != 0x80; });
  BOOST_TEST(code_points + 4 == static_cast<std::ptrdiff_t>(before.size()));  // 某局: 2 × 3 bytes
  BOOST_TEST(table(load(one_line).store, "people").position(0).column == code_points + 1);
}

BOOST_AUTO_TEST_SUITE_END()

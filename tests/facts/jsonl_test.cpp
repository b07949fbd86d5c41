// A snapshot as a JSON Lines folder loads into the same store, with the same issues (but for their
// file, line and column), as the same snapshot in one JSON file; each issue points into its own file.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "facts/internal/load_threads.hpp"
#include "facts/loader.hpp"
#include "tests/facts/store_dump.hpp"
#include "tests/facts/test_schema.hpp"

namespace facts = baomi::facts;
namespace fs = std::filesystem;

namespace {

const facts::schema& personnel() {
  static const facts::schema s = facts::testing::personnel_schema();
  return s;
}

// A snapshot given in parts, written either way: the header's members (`"as_of": …`), then each
// collection's rows as the text of one JSON value each.
struct parts {
  std::string header = R"("as_of": "2025-06-30", "org": {"name": "某局", "x": [1, 2.5e3, null]})";
  std::vector<std::pair<std::string, std::vector<std::string>>> collections;
  std::string line_end = "\n";

  std::string single() const {
    std::string text = "{" + header;
    for (const auto& [name, rows] : collections) {
      text += ",\n\"" + name + "\": [";
      for (std::size_t i = 0; i < rows.size(); ++i) text += (i ? ",\n" : "\n") + rows[i];
      text += "]";
    }
    return text + "\n}\n";
  }
  // A fresh folder under the temporary directory.
  fs::path folder(const std::string& tag) const {
    fs::path dir = fs::temp_directory_path() / ("baomi-jsonl-test-" + tag);
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "snapshot.json", std::ios::binary) << "{" << header << "}\n";
    for (const auto& [name, rows] : collections) {
      std::ofstream out(dir / (name + ".jsonl"), std::ios::binary);
      for (const auto& row : rows) out << row << line_end;
    }
    return dir;
  }
};

// A person row with every kind of cell; when `broken`, some rows have wrong types, unknown fields,
// bad dates, unknown enum values, dangling refs and duplicate keys.
std::string person(int i, bool broken) {
  bool odd = broken && i % 100 == 7;
  bool wrong = broken && i % 150 == 9;
  std::string id = broken && i % 200 == 11 ? "P1" : "P" + std::to_string(i);
  std::string row = "{\"id\": \"" + id + "\", \"name\": \"张\\u4e09" + std::to_string(i % 97) + "\"";
  row += i % 2 ? ", \"active\": true" : ", \"active\": false";
  row += wrong ? ", \"department\": \"D9\", \"grade\": \"nope\"" : ", \"department\": \"D1\", \"grade\": ";
  if (!wrong) row += i % 3 ? "\"core\"" : "\"重要\"";
  row += odd ? ", \"born\": \"2025-02-30\", \"years\": \"x\", \"bogus\": 1"
             : ", \"born\": \"19" + std::to_string(50 + i % 50) + "-05-06\", \"years\": " + std::to_string(i % 40);
  row += ", \"score\": " + std::to_string(i % 5) + ".5, \"phones\": [\"1\", \"2\"], \"home\": {\"city\": \"北京\"}";
  return row + "}";
}

parts personnel_parts(int n, bool broken) {
  parts p;
  p.collections.push_back({"departments", {R"({"code": "D1", "name": "保密办"})"}});
  std::vector<std::string> rows;
  for (int i = 0; i < n; ++i) rows.push_back(person(i, broken));
  p.collections.push_back({"people", std::move(rows)});
  p.collections.push_back(
      {"trainings", {R"({"id": 1, "title": "培训", "held_on": "2025-01-02", "attendees": ["P1", "P404"]})"}});
  return p;
}

// Code, pointer and message of each issue, in order: what the two forms share.
std::string issue_texts(const facts::load_result& r) {
  std::string out;
  for (const auto& i : r.issues) out += i.code + " " + i.pointer + " " + i.message + "\n";
  return out;
}

struct both {
  facts::load_result file;
  facts::load_result folder;
};

// Loads the parts both ways (the folder on `mode`) and checks that the stores, completeness and
// issues agree; every issue of the folder names a file in it.
both load_both(const parts& p, const std::string& name, facts::reader_thread mode = facts::reader_thread::automatic) {
  both r{facts::load_snapshot(p.single(), personnel(), "snap.json"),
         facts::load_snapshot_folder(p.folder(name), personnel(), {}, mode)};
  BOOST_TEST(r.file.complete == r.folder.complete, name);
  BOOST_TEST(facts::testing::dump_store(r.file.store, false) == facts::testing::dump_store(r.folder.store, false),
             name);
  BOOST_TEST(issue_texts(r.file) == issue_texts(r.folder), name);
  for (const auto& i : r.folder.issues) {
    BOOST_TEST(fs::path(i.path).parent_path() == fs::temp_directory_path() / ("baomi-jsonl-test-" + name), name);
  }
  return r;
}

const facts::issue* find_code(const facts::load_result& r, std::string_view code) {
  for (const auto& i : r.issues) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jsonl)

BOOST_AUTO_TEST_CASE(clean_and_broken_snapshots_load_the_same_as_one_file) {
  auto clean = load_both(personnel_parts(3000, false), "clean");
  BOOST_TEST(clean.folder.issues.empty());
  BOOST_TEST(clean.folder.store.table_at(2).row_count() == 3000u);
  auto broken = load_both(personnel_parts(3000, true), "broken");
  BOOST_TEST(broken.folder.issues.size() > 100u);
  for (auto code : {"F0203", "F0201", "F0204", "F0206", "F0303", "F0304"})
    BOOST_TEST((find_code(broken.folder, code) != nullptr), code);
  // Positions count lines of each row's own file: row 7 of people is line 8 of people.jsonl.
  const auto& years = *find_code(broken.folder, "F0203");
  BOOST_TEST(years.pointer == "/people/7/years");
  BOOST_TEST(fs::path(years.path).filename() == "people.jsonl");
  BOOST_TEST(years.range.begin.line == 8u);
  BOOST_TEST(years.range.begin.column == (*find_code(broken.file, "F0203")).range.begin.column);
  const auto& people = broken.folder.store.table_at(2);  // 1 is the record type address
  BOOST_TEST(people.position(7).line == 8u);
  BOOST_TEST(people.position(7).column == 1u);
  BOOST_TEST(fs::path(people.source()).filename() == "people.jsonl");
  BOOST_TEST(broken.file.store.table_at(2).source().empty());
  // A dangling ref has no position; it is still given its collection's file.
  const auto& dangling = *find_code(broken.folder, "F0304");
  BOOST_TEST(dangling.range.begin.line == 0u);
  BOOST_TEST(fs::path(dangling.path).filename() == "people.jsonl");
}

BOOST_AUTO_TEST_CASE(one_and_two_threads_and_line_ends_give_the_same_load) {
  auto p = personnel_parts(20000, true);
  // The same folder each time: dump() renders the issues at the result's path.
  fs::path dir = p.folder("threads");
  auto one = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::same);
  auto two = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::own);
  BOOST_TEST(facts::testing::dump(one) == facts::testing::dump(two));
  BOOST_TEST(issue_texts(one) == issue_texts(two));
  // A load the handler stops (F0110) stops the reader thread too, with the same result.
  facts::load_options few;
  few.max_rows_per_collection = 5000;
  auto stopped = facts::load_snapshot_folder(dir, personnel(), few, facts::reader_thread::own);
  BOOST_TEST(!stopped.complete);
  BOOST_TEST(facts::testing::dump(stopped) ==
             facts::testing::dump(facts::load_snapshot_folder(dir, personnel(), few, facts::reader_thread::same)));
  BOOST_TEST((find_code(stopped, "F0110") != nullptr));
  BOOST_TEST(find_code(stopped, "F0110")->range.begin.line == 5001u);
  p.line_end = "\r\n";
  auto crlf = facts::load_snapshot_folder(p.folder("threads"), personnel(), {}, facts::reader_thread::same);
  BOOST_TEST(facts::testing::dump(one) == facts::testing::dump(crlf));  // positions too
  // No newline after the last row.
  p.line_end = "\n";
  dir = p.folder("no-final-newline");
  std::string rows = p.collections[1].second[0] + "\n" + p.collections[1].second[1];
  std::ofstream(dir / "people.jsonl", std::ios::binary) << rows;
  auto cut = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::same);
  BOOST_TEST(cut.store.table_at(2).row_count() == 2u);
  BOOST_TEST(cut.complete);
}

// load_options::keep (`check --rule`): the fields left out are read as JSON, not stored or checked,
// the same on one thread and two, in one file and in a folder; the fields kept load as in a full load.
BOOST_AUTO_TEST_CASE(a_projected_load_keeps_only_the_kept_fields_the_same_every_way) {
  auto p = personnel_parts(3000, true);
  facts::load_options options;
  for (const auto& e : personnel().entities()) options.keep.emplace_back(e.fields.size(), !e.collection.has_value());
  // person: id, name, department, grade, active; departments: the ref's target key. The other
  // collections are not kept at all.
  const std::vector<bool> person_fields{true, true, true, true, false, false, false, false, true, false, false, false};
  options.keep[2] = person_fields;
  options.keep[0][0] = true;
  std::string single = p.single();
  fs::path dir = p.folder("projected");
  auto full = facts::load_snapshot(single, personnel(), "snap.json");
  std::vector<facts::load_result> loads;
  loads.push_back(facts::load_snapshot_text(single, personnel(), "snap.json", options, facts::reader_thread::same));
  loads.push_back(facts::load_snapshot_text(single, personnel(), "snap.json", options, facts::reader_thread::own));
  loads.push_back(facts::load_snapshot_folder(dir, personnel(), options, facts::reader_thread::same));
  loads.push_back(facts::load_snapshot_folder(dir, personnel(), options, facts::reader_thread::own));
  for (const auto& l : loads) {
    BOOST_TEST(l.complete);
    BOOST_TEST(facts::testing::dump_store(l.store, false) == facts::testing::dump_store(loads[0].store, false));
    BOOST_TEST(issue_texts(l) == issue_texts(loads[0]));
  }
  const auto& people = loads[0].store.table_at(2);
  const auto& all_people = full.store.table_at(2);
  BOOST_TEST_REQUIRE(people.row_count() == 3000u);
  BOOST_TEST(all_people.row_count() == 3000u);
  for (std::uint32_t f = 0; f < person_fields.size(); ++f) {
    std::string kept, whole;
    facts::testing::dump_column(people.column_at(f), kept);
    facts::testing::dump_column(all_people.column_at(f), whole);
    if (person_fields[f]) {
      BOOST_TEST(kept == whole, "person field " << f);
    } else {
      for (std::uint32_t row = 0; row < people.row_count(); ++row)
        BOOST_TEST((people.column_at(f).state(row) == facts::cell_state::null), "person field " << f);
    }
  }
  BOOST_TEST(loads[0].store.table_at(3).row_count() == 0u);  // trainings: passed over
  BOOST_TEST(full.store.table_at(3).row_count() == 1u);
  // Issues of kept fields (a dangling department, an unknown grade), unknown fields and keys are
  // reported as in the full load; those of the fields left out (born, years) are not.
  auto codes_at = [](const facts::load_result& r, std::string_view code) {
    std::vector<std::string> pointers;
    for (const auto& i : r.issues) {
      if (i.code == code) pointers.push_back(i.pointer);
    }
    return pointers;
  };
  for (std::string_view kept_code : {"F0201", "F0206", "F0303", "F0304"}) {
    BOOST_TEST(!codes_at(full, kept_code).empty(), kept_code);
    BOOST_TEST(codes_at(loads[0], kept_code) == codes_at(full, kept_code), kept_code);
  }
  for (std::string_view left_out : {"F0203", "F0204"}) {
    BOOST_TEST(!codes_at(full, left_out).empty(), left_out);
    BOOST_TEST(codes_at(loads[0], left_out).empty(), left_out);
  }
}

BOOST_AUTO_TEST_CASE(missing_as_of_not_exported_and_not_an_object_agree) {
  auto p = personnel_parts(10, false);
  p.header = R"("org": {"name": "某局"})";
  auto no_date = load_both(p, "no-as-of");
  BOOST_TEST((find_code(no_date.folder, "F0103") != nullptr));
  BOOST_TEST(fs::path(find_code(no_date.folder, "F0103")->path).filename() == "snapshot.json");
  // departments not exported: its table says so (rules reading it are unknown), refs to it dangle.
  p = personnel_parts(10, false);
  p.collections.erase(p.collections.begin());
  auto missing = load_both(p, "not-exported");
  BOOST_TEST(!missing.folder.store.table_at(0).exported());
  BOOST_TEST(missing.folder.store.table_at(2).exported());
  BOOST_TEST(!missing.folder.store.table_at(4).exported());  // commitments: in neither form
  // Rows that are not objects.
  p = personnel_parts(3, false);
  p.collections[1].second.insert(p.collections[1].second.begin() + 1, "42");
  p.collections[1].second.insert(p.collections[1].second.begin() + 2, "[1, {\"a\": 2}]");
  auto scalars = load_both(p, "not-objects");
  const auto* row = find_code(scalars.folder, "F0108");
  BOOST_TEST_REQUIRE(row != nullptr);
  BOOST_TEST(row->pointer == "/people/1");
  BOOST_TEST(row->range.begin.line == 2u);
  BOOST_TEST(scalars.folder.store.table_at(2).json_index(2) == 4u);
}

BOOST_AUTO_TEST_CASE(a_malformed_or_blank_line_stops_the_load_at_its_file_line_and_column) {
  auto p = personnel_parts(10, false);
  p.collections[1].second[4] = R"({"id": "P4", "name": tru})";
  auto bad = load_both(p, "malformed");
  BOOST_TEST(!bad.folder.complete);
  const auto* error = find_code(bad.folder, "F0101");
  BOOST_TEST_REQUIRE(error != nullptr);
  BOOST_TEST(fs::path(error->path).filename() == "people.jsonl");
  BOOST_TEST(error->range.begin.line == 5u);
  BOOST_TEST(error->range.begin.column == find_code(bad.file, "F0101")->range.begin.column);
  BOOST_TEST(error->range.begin.column > 20u);
  BOOST_TEST(bad.folder.issues.size() == 1u);                  // the load stopped: nothing after it is reported
  BOOST_TEST(bad.folder.store.table_at(3).row_count() == 0u);  // trainings.jsonl was not read

  p = personnel_parts(10, false);
  fs::path dir = p.folder("blank");
  std::ofstream(dir / "people.jsonl", std::ios::binary) << p.collections[1].second[0] << "\n\n"
                                                        << p.collections[1].second[1] << "\n";
  auto blank = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::own);
  BOOST_TEST(!blank.complete);
  BOOST_TEST_REQUIRE(blank.issues.size() == 1u);
  BOOST_TEST(blank.issues[0].code == "F0101");
  BOOST_TEST(blank.issues[0].message.find("空行") != std::string::npos);
  BOOST_TEST(blank.issues[0].range.begin.line == 2u);
  BOOST_TEST(blank.issues[0].range.begin.column == 1u);
  BOOST_TEST(
      facts::render(blank.issues[0], blank.issues[0].path).starts_with((dir / "people.jsonl").string() + ":2:1: "));
}

BOOST_AUTO_TEST_CASE(the_folder_s_own_problems_are_located) {
  auto p = personnel_parts(3, false);
  p.header += R"(, "people": [{"id": "X"}])";
  fs::path dir = p.folder("header-collection");
  std::ofstream(dir / "persons.jsonl", std::ios::binary) << "{\"id\": 1}\n";
  std::ofstream(dir / "notes.txt", std::ios::binary) << "not a snapshot file\n";
  auto r = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::automatic);
  BOOST_TEST(r.complete);
  BOOST_TEST(r.store.table_at(2).row_count() == 3u);  // people from people.jsonl only, never twice
  const auto* in_header = find_code(r, "F0111");
  BOOST_TEST_REQUIRE(in_header != nullptr);
  BOOST_TEST(in_header->pointer == "/people");
  BOOST_TEST(fs::path(in_header->path).filename() == "snapshot.json");
  BOOST_TEST(in_header->range.begin.line == 1u);
  BOOST_TEST(in_header->message.find("people.jsonl") != std::string::npos);
  const auto* unknown = find_code(r, "F0105");
  BOOST_TEST_REQUIRE(unknown != nullptr);
  BOOST_TEST(unknown->pointer == "/persons");
  BOOST_TEST(fs::path(unknown->path).filename() == "persons.jsonl");
  BOOST_TEST(unknown->range.begin.line == 1u);
  BOOST_TEST(r.issues.size() == 3u);  // and trainings' P404, a dangling ref among 3 people

  // A file that cannot be read (here a folder named people.jsonl): F0100 names it, the load is incomplete.
  fs::remove(dir / "people.jsonl");
  fs::create_directory(dir / "people.jsonl");
  auto unreadable = facts::load_snapshot_folder(dir, personnel(), {}, facts::reader_thread::own);
  BOOST_TEST(!unreadable.complete);
  const auto* cannot = find_code(unreadable, "F0100");
  BOOST_TEST_REQUIRE(cannot != nullptr);
  BOOST_TEST(fs::path(cannot->path).filename() == "people.jsonl");
  BOOST_TEST(cannot->message.find("people.jsonl") != std::string::npos);

  fs::remove(dir / "snapshot.json");
  auto no_header = facts::load_snapshot_file(dir, personnel());
  BOOST_TEST(!no_header.complete);
  BOOST_TEST_REQUIRE(no_header.issues.size() == 1u);
  BOOST_TEST(no_header.issues[0].code == "F0100");
  BOOST_TEST(fs::path(no_header.issues[0].path).filename() == "snapshot.json");
}

BOOST_AUTO_TEST_SUITE_END()

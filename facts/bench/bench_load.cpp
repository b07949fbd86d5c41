// Loader benchmark: `facts_bench generate FILE MB` writes a synthetic snapshot, `facts_bench load FILE`
// loads it and prints throughput and store size (run it under /usr/bin/time -v for peak memory).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>

#include <fmt/format.h>

#include "facts/loader.hpp"

namespace facts = baomi::facts;
using facts::type_kind;

namespace {

// A schema shaped like the personnel and carrier parts of the national baseline.
facts::schema bench_schema() {
  facts::schema s;
  auto level = s.add_enum({"level", {{"top_secret", "绝密"}, {"secret", "机密"}, {"confidential", "秘密"}}});
  auto grade = s.add_enum({"grade", {{"core", "核心"}, {"important", "重要"}, {"general", "一般"}}});
  auto kind = s.add_enum({"commitment.kind", {{"exit_pledge", "离岗承诺书"}, {"post_pledge", "上岗承诺书"}}});
  auto text = facts::scalar(type_kind::string);
  auto date = facts::scalar(type_kind::date);
  auto dept =
      s.add_entity({"department", "departments", "code", {{"code", text, "", ""}, {"name", text, "", ""}}, "", {}});
  auto person = s.add_entity({"person",
                              "people",
                              "id",
                              {{"id", text, "", ""},
                               {"name", text, "", ""},
                               {"department", facts::optional_of(facts::ref_to(dept)), "", ""},
                               {"grade", facts::optional_of(facts::enum_of(grade)), "", ""},
                               {"born", date, "", ""},
                               {"hired_on", date, "", ""},
                               {"active", facts::scalar(type_kind::boolean), "", ""},
                               {"phones", facts::list_of(text), "", ""},
                               {"cooloff", facts::optional_of(facts::scalar(type_kind::duration)), "", ""}},
                              "",
                              {}});
  s.add_entity({"carrier",
                "carriers",
                "id",
                {{"id", text, "", ""},
                 {"level", facts::enum_of(level), "", ""},
                 {"holder", facts::ref_to(person), "", ""},
                 {"created_on", date, "", ""},
                 {"missing_since", facts::optional_of(date), "", ""},
                 {"copies", facts::scalar(type_kind::integer), "", ""}},
                "",
                {}});
  s.add_entity({"training",
                "trainings",
                "id",
                {{"id", facts::scalar(type_kind::integer), "", ""},
                 {"title", text, "", ""},
                 {"held_on", date, "", ""},
                 {"hours", facts::scalar(type_kind::number), "", ""},
                 {"attendees", facts::list_of(facts::ref_to(person)), "", ""}},
                "",
                {}});
  s.add_entity(
      {"commitment",
       "commitments",
       std::nullopt,
       {{"person", facts::ref_to(person), "", ""}, {"kind", facts::enum_of(kind), "", ""}, {"signed_on", date, "", ""}},
       "",
       {}});
  return s;
}

class generator {
 public:
  explicit generator(std::size_t people) : m_people(people) {}

  std::string date() {
    return fmt::format("{:04}-{:02}-{:02}", 1960 + m_rng() % 65, 1 + m_rng() % 12, 1 + m_rng() % 28);
  }
  std::string person_id() { return fmt::format("P{:07}", m_rng() % m_people); }

  void people(std::FILE* out) {
    static const char* grades[] = {"\"core\"", "\"重要\"", "\"general\"", "null"};
    for (std::size_t i = 0; i < m_people; ++i) {
      fmt::print(out,
                 "{}    {{\"id\": \"P{:07}\", \"name\": \"张伟{}\", \"department\": \"D{:03}\", \"grade\": {}, "
                 "\"born\": \"{}\", \"hired_on\": \"{}\", \"active\": {}, \"phones\": [\"138{:08}\"], "
                 "\"cooloff\": \"{}y\"}}",
                 i ? ",\n" : "", i, i, m_rng() % 200, grades[m_rng() % 4], date(), date(),
                 m_rng() % 5 ? "true" : "false", m_rng() % 100000000, 1 + m_rng() % 3);
    }
  }

  void carriers(std::FILE* out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      fmt::print(out,
                 "{}    {{\"id\": \"C{:08}\", \"level\": \"{}\", \"holder\": \"{}\", \"created_on\": \"{}\", "
                 "\"missing_since\": null, \"copies\": {}}}",
                 i ? ",\n" : "", i, m_rng() % 2 ? "secret" : "秘密", person_id(), date(), 1 + m_rng() % 9);
    }
  }

  void trainings(std::FILE* out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      std::string attendees;
      for (int a = 0; a < 12; ++a) attendees += fmt::format("{}\"{}\"", a ? ", " : "", person_id());
      fmt::print(out,
                 "{}    {{\"id\": {}, \"title\": \"保密教育培训第{}期\", \"held_on\": \"{}\", \"hours\": {}.5, "
                 "\"attendees\": [{}]}}",
                 i ? ",\n" : "", i, i, date(), m_rng() % 8, attendees);
    }
  }

  void commitments(std::FILE* out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      fmt::print(out, "{}    {{\"person\": \"{}\", \"kind\": \"{}\", \"signed_on\": \"{}\"}}", i ? ",\n" : "",
                 person_id(), m_rng() % 2 ? "exit_pledge" : "上岗承诺书", date());
    }
  }

 private:
  std::size_t m_people;
  std::mt19937_64 m_rng{42};
};

int generate(const char* path, double megabytes) {
  // About 600 bytes of snapshot per person across all collections.
  auto people = static_cast<std::size_t>(megabytes * 1e6 / 600);
  std::FILE* out = std::fopen(path, "wb");
  if (!out) return 2;
  generator g(people);
  fmt::print(out, "{{\n  \"as_of\": \"2025-06-30\",\n  \"org\": {{\"name\": \"某局\"}},\n  \"departments\": [\n");
  for (int d = 0; d < 200; ++d) {
    fmt::print(out, "{}    {{\"code\": \"D{:03}\", \"name\": \"第{}处\"}}", d ? ",\n" : "", d, d);
  }
  fmt::print(out, "\n  ],\n  \"people\": [\n");
  g.people(out);
  fmt::print(out, "\n  ],\n  \"carriers\": [\n");
  g.carriers(out, people * 2);
  fmt::print(out, "\n  ],\n  \"trainings\": [\n");
  g.trainings(out, people / 4);
  fmt::print(out, "\n  ],\n  \"commitments\": [\n");
  g.commitments(out, people);
  fmt::print(out, "\n  ]\n}}\n");
  std::fclose(out);
  return 0;
}

int load(const char* path) {
  auto size = std::filesystem::file_size(path);
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  auto result = facts::load_snapshot_file(path, bench_schema());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::size_t rows = 0;
  for (std::uint32_t t = 0; t < result.store.table_count(); ++t) rows += result.store.table_at(t).row_count();
  fmt::print("{:.1f} MB in {:.3f} s ({:.3f} s CPU): {:.1f} MB/s, {} rows, {} issues, store {:.1f} MB\n", size / 1e6,
             seconds, cpu, size / 1e6 / seconds, rows, result.issues.size(), result.store.memory_bytes() / 1e6);
  for (std::size_t i = 0; i < result.issues.size() && i < 5; ++i) {
    fmt::print("{}\n", facts::render(result.issues[i], path));
  }
  return result.complete ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "generate" && argc == 4) return generate(argv[2], std::atof(argv[3]));
  if (command == "load" && argc == 3) return load(argv[2]);
  fmt::print(stderr, "usage: facts_bench generate FILE MB | facts_bench load FILE\n");
  return 2;
}

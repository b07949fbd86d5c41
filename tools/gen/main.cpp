// `baomi-gen`: writes a seeded synthetic snapshot for the built-in baseline schema (or --rules), for
// benchmarks and tests at any size from a thousand to a million people.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "facts/date.hpp"
#include "tools/common.hpp"
#include "tools/gen/snapshot.hpp"

namespace {

using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

struct options {
  std::uint64_t people = 1000;
  std::uint64_t seed = 1;
  std::string as_of = "2026-06-30";
  double carriers_per_person = 3;
  std::vector<std::string> rules;
  bool no_baseline = false;
  std::string output;
  bool jsonl = false;
};

int run(const options& o) {
  using namespace baomi;
  auto as_of = facts::parse_date(o.as_of);
  if (!as_of) {
    fmt::print(stderr, "error: --as-of `{}` is not a date (YYYY-MM-DD)\n", o.as_of);
    return tools::exit_usage;
  }
  if (o.people == 0 || o.people > 50'000'000 || o.carriers_per_person < 0 || o.carriers_per_person > 100) {
    fmt::print(stderr, "error: --people must be 1 to 50000000 and --carriers-per-person 0 to 100\n");
    return tools::exit_usage;
  }
  auto rules = tools::load_rules(o.rules, !o.no_baseline);
  if (!rules.checked.program) {
    tools::print_diagnostics(rules);
    return tools::exit_usage;
  }
  auto start = std::chrono::steady_clock::now();
  gen::snapshot_options so{o.people, o.seed, *as_of, o.carriers_per_person};
  gen::snapshot_stats stats;
  bool closed = true;
  if (o.jsonl) {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec || !std::filesystem::is_directory(o.output)) {
      fmt::print(stderr, "error: cannot create the folder `{}`\n", o.output);
      return tools::exit_usage;
    }
    stats = gen::write_snapshot_folder(o.output, rules.checked.program->schema, so);
  } else {
    file_handle file(std::fopen(o.output.c_str(), "wb"), &std::fclose);
    if (!file) {
      fmt::print(stderr, "error: cannot write `{}`\n", o.output);
      return tools::exit_usage;
    }
    stats = gen::write_snapshot(file.get(), rules.checked.program->schema, so);
    closed = std::fclose(file.release()) == 0;
  }
  if (!stats.ok || !closed) {
    fmt::print(stderr, "error: writing `{}` failed\n", o.output);
    return tools::exit_usage;
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{}: {:.1f} MB, {} rows in {:.1f} s ({})\n", o.output, static_cast<double>(stats.bytes) / 1e6, stats.rows,
             seconds, stats.counts);
  return tools::exit_clean;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  CLI::App app{"baomi-gen: writes a seeded synthetic fact snapshot (same seed, same bytes)", "baomi-gen"};
  app.add_option("--people", o.people, "Number of people in the unit")->capture_default_str();
  app.add_option("--seed", o.seed, "Random seed")->capture_default_str();
  app.add_option("--as-of", o.as_of, "The snapshot's as_of date")->capture_default_str();
  app.add_option("--carriers-per-person", o.carriers_per_person, "Carriers (国家秘密载体) per person")
      ->capture_default_str();
  auto* rules = app.add_option(
      "--rules", o.rules, "Rule files or folders whose schema to follow, on top of the built-in national baseline");
  app.add_flag("--no-baseline", o.no_baseline,
               "Only the given rules and the baseline modules they import, not the whole baseline")
      ->needs(rules);
  app.add_option("-o,--output", o.output, "The snapshot file to write (with --jsonl: the folder)")->required();
  app.add_flag("--jsonl", o.jsonl,
               "Write a JSON Lines folder: snapshot.json (as_of, org) and one COLLECTION.jsonl per collection, "
               "the same rows as the single file");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? baomi::tools::exit_clean : baomi::tools::exit_usage;
  }
  return run(o);
}

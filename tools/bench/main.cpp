// `baomi-bench SNAPSHOT`: load throughput, peak memory, evaluation time per rule and per subject row,
// the join benchmark (--join) and nlohmann's parser alone for comparison (--baseline).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "engine/pipeline.hpp"
#include "tools/bench/join.hpp"
#include "tools/bench/measure.hpp"
#include "tools/common.hpp"

namespace {

using namespace baomi;

struct options {
  std::string snapshot;
  std::vector<std::string> rules;
  bool no_baseline = false;
  std::string profile;
  std::vector<std::string> only;
  int repeat = 1;
  int top = 0;
  bool join = false;
  bool full = false;
  bool verbose = false;
  bool baseline = false;
  bool all = false;   // make every finding (passes and not-applicables too), as junit and html need
  unsigned jobs = 1;  // threads for --full
};

// As `baomi check` evaluates for its default `--show`: findings made for fail, unknown, pending and
// waived only, the rest counted; with --all, every finding made.
engine::pipeline_options evaluation_options(const options& o, unsigned jobs = 1) {
  engine::pipeline_options e;
  if (!o.all) e.listed = {};
  e.jobs = jobs;
  return e;
}

double mb(std::uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::string ratio(std::uint64_t bytes, std::uint64_t file) {
  return fmt::format("{:.2f}× file",
                     static_cast<double>(bytes) / static_cast<double>(std::max<std::uint64_t>(file, 1)));
}

std::uint64_t total_rows(const facts::store& s) {
  std::uint64_t rows = 0;
  for (std::uint32_t t = 0; t < s.table_count(); ++t) rows += s.table_at(t).row_count();
  return rows;
}

// Loads `repeat` times (best time); keeps the last store. Peak memory is that of the last load alone.
std::optional<engine::pipeline_result> measure_load(const options& o, const engine::plan& plan, std::uint64_t size) {
  std::optional<engine::pipeline_result> loaded;
  engine::pipeline_options load_only;
  load_only.last_stage = engine::stage::load;
  double best = 0;
  auto before = bench::read_memory();
  bool reset = false;
  for (int i = 0; i < o.repeat; ++i) {
    loaded.reset();
    reset = bench::reset_peak();
    bench::stopwatch watch;
    loaded = engine::run_pipeline(plan, engine::snapshot_source::file(o.snapshot), load_only);
    double seconds = watch.seconds();
    best = i == 0 ? seconds : std::min(best, seconds);
  }
  auto after = bench::read_memory();
  const auto& issues = loaded->data_issues;
  fmt::print("load        {:.3f} s (best of {}), {:.1f} MB/s, {} rows, {} issues\n", best, o.repeat, mb(size) / best,
             loaded->store ? total_rows(*loaded->store) : 0, issues.size());
  for (std::size_t i = 0; i < issues.size() && i < 5; ++i)
    fmt::print("  {}\n", facts::render(issues[i], issues[i].path));
  fmt::print(
      "memory      before load {:.1f} MB RSS; peak {} {:.1f} MB ({}), its growth {:.1f} MB ({}); store {:.1f} MB\n",
      mb(before.rss), reset ? "during the load" : "so far", mb(after.peak), ratio(after.peak, size),
      mb(after.peak - before.rss), ratio(after.peak - before.rss, size),
      mb(loaded->store ? loaded->store->memory_bytes() : 0));
  std::fflush(stdout);
  if (!loaded->ok()) {
    fmt::print(stderr, "error: the snapshot did not load completely\n");
    return std::nullopt;
  }
  return loaded;
}

struct rule_timing {
  std::string id;
  std::string collection;
  std::uint64_t rows = 0;
  double first = 0;    // the first run
  double seconds = 0;  // the best later run
  std::map<engine::outcome, std::uint64_t> outcomes;
};

std::map<engine::outcome, std::uint64_t> count_outcomes(const engine::run_result& run) {
  std::map<engine::outcome, std::uint64_t> counts;
  for (const auto& tally : engine::rule_tallies(run)) {
    for (auto o : engine::all_outcomes) {
      if (auto n = tally[static_cast<std::size_t>(o)]; n > 0) counts[o] += n;
    }
  }
  return counts;
}

std::string outcome_summary(const std::map<engine::outcome, std::uint64_t>& counts) {
  std::string text;
  for (const auto& [o, n] : counts) text += fmt::format("{}{} {}", text.empty() ? "" : ", ", engine::to_string(o), n);
  return text;
}

std::uint64_t count_of(const std::map<engine::outcome, std::uint64_t>& counts, engine::outcome o) {
  auto it = counts.find(o);
  return it == counts.end() ? 0 : it->second;
}

// Evaluates one rule over its subjects: the first run (which builds the reverse indexes the rule
// needs, if no earlier rule did), then the best of `repeat` more.
rule_timing time_rule(const options& o, const engine::plan& p, const engine::rule_program& rule,
                      const facts::store& store, int repeat) {
  engine::plan single{p.schema, p.functions, {rule}, p.profile, p.constants};
  rule_timing t{rule.info.id,
                *store.table_at(rule.subject_table).type().collection,
                store.table_at(rule.subject_table).row_count(),
                0,
                0,
                {}};
  for (int i = 0; i <= repeat; ++i) {
    bench::stopwatch watch;
    auto result = engine::run_pipeline(single, engine::snapshot_source::loaded(store), evaluation_options(o));
    double seconds = watch.seconds();
    if (i == 0) {
      t.first = seconds;
      if (result.run) t.outcomes = count_outcomes(*result.run);
    } else {
      t.seconds = i == 1 ? seconds : std::min(t.seconds, seconds);
    }
  }
  return t;
}

void print_rule_table(std::vector<rule_timing> timings, int top) {
  std::sort(timings.begin(), timings.end(), [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  fmt::print("\n{:<10} {:<20} {:>9} {:>10} {:>10} {:>10} {:>9} {:>8}\n", "rule", "collection", "rows", "first ms",
             "best ms", "ns/row", "fail", "unknown");
  for (std::size_t i = 0; i < timings.size(); ++i) {
    if (top > 0 && i >= static_cast<std::size_t>(top)) {
      fmt::print("… {} more rules\n", timings.size() - i);
      break;
    }
    const auto& t = timings[i];
    fmt::print("{:<10} {:<20} {:>9} {:>10.2f} {:>10.2f} {:>10.0f} {:>9} {:>8}\n", t.id, t.collection, t.rows,
               t.first * 1e3, t.seconds * 1e3, t.rows ? t.seconds * 1e9 / static_cast<double>(t.rows) : 0.0,
               count_of(t.outcomes, engine::outcome::fail), count_of(t.outcomes, engine::outcome::unknown));
  }
}

// Every rule on its own (so that only one rule's findings are in memory at a time), then with --full
// all rules in one engine::evaluate, as `baomi check` runs them.
void measure_evaluation(const options& o, const engine::plan& p, const facts::store& store, std::uint64_t size) {
  bench::reset_peak();
  std::vector<rule_timing> timings;
  double first = 0, best = 0;
  std::uint64_t rows = 0, findings = 0;
  std::map<engine::outcome, std::uint64_t> outcomes;
  for (const auto& rule : p.rules) {
    if (o.verbose) fmt::print(stderr, "{} …\n", rule.info.id);
    timings.push_back(time_rule(o, p, rule, store, o.repeat));
    const auto& t = timings.back();
    first += t.first;
    best += t.seconds;
    rows += t.rows;
    for (const auto& [outcome, n] : t.outcomes) {
      outcomes[outcome] += n;
      findings += n;
    }
  }
  auto after = bench::read_memory();
  auto per_row = [&](double seconds) { return seconds * 1e9 / static_cast<double>(std::max<std::uint64_t>(rows, 1)); };
  fmt::print(
      "evaluate    {} rules over {} rule×entity rows: {:.3f} s first run (builds the reverse indexes), "
      "{:.3f} s best of {}; {:.0f} ns per rule×entity\n",
      p.rules.size(), rows, first, best, o.repeat, per_row(best));
  fmt::print("findings    {} ({})\n", findings, outcome_summary(outcomes));
  fmt::print("memory      peak while evaluating one rule at a time {:.1f} MB ({})\n", mb(after.peak),
             ratio(after.peak, size));
  if (o.full) {
    bench::reset_peak();
    bench::stopwatch watch;
    auto result = engine::run_pipeline(p, engine::snapshot_source::loaded(store), evaluation_options(o, o.jobs));
    double seconds = watch.seconds();
    auto full = bench::read_memory();
    if (result.run) {
      fmt::print(
          "full run    engine::evaluate of all rules at once ({} thread(s)): {:.3f} s, {} findings made, peak {:.1f} "
          "MB ({})\n",
          o.jobs, seconds, result.run->findings.size(), mb(full.peak), ratio(full.peak, size));
    }
  }
  print_rule_table(std::move(timings), o.top);
}

void measure_joins(const options& o, const facts::store& store) {
  auto plan = bench::join_plan(o.only);
  if (!plan) return;
  for (std::string_view collection : {"people", "carriers", "commitments", "trainings"}) {
    if (const auto* t = store.find_collection(collection))
      fmt::print("rows        {} {}\n", collection, t->row_count());
  }
  fmt::print("\n{:<10} {:>9} {:>10} {:>10} {:>10} {:>8} {:>8}  {}\n", "join", "subjects", "first ms", "best ms",
             "ns/subject", "fail", "unknown", "rule body");
  for (const auto& rule : plan->rules) {
    engine::plan single{plan->schema, plan->functions, {rule}, plan->profile, plan->constants};
    double first = 0, best = 0;
    std::map<engine::outcome, std::uint64_t> outcomes;
    for (int i = 0; i <= o.repeat; ++i) {
      bench::stopwatch watch;
      auto result = engine::run_pipeline(single, engine::snapshot_source::loaded(store), evaluation_options(o));
      double seconds = watch.seconds();
      if (i == 0) {
        first = seconds;
        if (result.run) outcomes = count_outcomes(*result.run);
      } else {
        best = i == 1 ? seconds : std::min(best, seconds);
      }
    }
    auto subjects = store.table_at(rule.subject_table).row_count();
    std::string body = rule.steps.empty() ? "" : rule.steps.back().value.source_text;
    fmt::print("{:<10} {:>9} {:>10.2f} {:>10.2f} {:>10.0f} {:>8} {:>8}  {}\n", rule.info.id, subjects, first * 1e3,
               best * 1e3, best * 1e9 / static_cast<double>(std::max<std::uint32_t>(subjects, 1)),
               count_of(outcomes, engine::outcome::fail), count_of(outcomes, engine::outcome::unknown), body);
    std::fflush(stdout);
  }
}

void measure_baselines(const options& o, std::uint64_t size) {
  auto text = bench::read_file(o.snapshot);
  auto sax = bench::time_sax_null(text);
  fmt::print("\nbaseline    nlohmann sax_parse, null handler, text in memory: {:.3f} s, {:.1f} MB/s\n", sax,
             mb(size) / sax);
  auto dom = bench::time_dom(text);
  fmt::print("baseline    nlohmann::json::parse into a DOM, text in memory: {:.3f} s, {:.1f} MB/s\n", dom,
             mb(size) / dom);
}

// The snapshot's bytes: a file's size, or a JSON Lines folder's files together.
std::uintmax_t snapshot_size(const std::string& path, std::error_code& ec) {
  if (!std::filesystem::is_directory(path, ec)) return std::filesystem::file_size(path, ec);
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

int run(const options& o) {
  std::error_code ec;
  auto size = snapshot_size(o.snapshot, ec);
  if (ec) {
    fmt::print(stderr, "error: cannot read `{}`\n", o.snapshot);
    return tools::exit_usage;
  }
  auto rules = tools::load_rules(o.rules, !o.no_baseline);
  if (!rules.checked.program) {
    tools::print_diagnostics(rules);
    return tools::exit_usage;
  }
  // With --join, --rule picks join rules; the baseline plan only supplies the schema.
  engine::pipeline_options compile_only;
  compile_only.profile = o.profile;
  if (!o.join) compile_only.only = o.only;
  compile_only.last_stage = engine::stage::compile;
  auto compiled = engine::run_pipeline(*rules.checked.program, engine::snapshot_source::none(), compile_only);
  if (!compiled.ok()) {
    fmt::print(stderr, "error: {}\n", compiled.error);
    return tools::exit_usage;
  }
  fmt::print("snapshot    {} ({:.1f} MB)\n", o.snapshot, mb(size));
  std::fflush(stdout);
  auto loaded = measure_load(o, *compiled.plan, size);
  if (!loaded) return tools::exit_usage;
  if (o.join)
    measure_joins(o, *loaded->store);
  else
    measure_evaluation(o, *compiled.plan, *loaded->store, size);
  loaded.reset();
  if (o.baseline && !std::filesystem::is_directory(o.snapshot)) measure_baselines(o, size);
  return tools::exit_clean;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  CLI::App app{"baomi-bench: load, memory and evaluation benchmark of a snapshot (docs/performance.md)", "baomi-bench"};
  app.add_option("snapshot", o.snapshot, "The snapshot JSON file, or a JSON Lines folder")->required();
  auto* rules = app.add_option("--rules", o.rules, "Rule files or folders, on top of the built-in national baseline");
  app.add_flag("--no-baseline", o.no_baseline,
               "Only the given rules and the baseline modules they import, not the whole baseline")
      ->needs(rules);
  app.add_option("--profile", o.profile, "A profile to apply");
  app.add_option("--rule", o.only, "Evaluate only these rule ids (repeatable); with --join, these join rules");
  app.add_option("--repeat", o.repeat, "Runs of each measurement; the best is reported")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--top", o.top, "Print only the slowest N rules (0: all)")->capture_default_str();
  app.add_flag("--join", o.join, "Run the join benchmark (reverse-index lookups) instead of the full evaluation");
  app.add_flag("--full", o.full,
               "Also run all rules in one engine::evaluate, as baomi check does (holds every finding)");
  app.add_flag("--verbose", o.verbose, "Name each rule on stderr as it starts");
  app.add_flag("--all", o.all,
               "Make every finding (passes and not-applicables too); by default only those `baomi check` lists");
  app.add_option("--jobs", o.jobs, "Threads for --full (0: the machine's cores)")->capture_default_str();
  app.add_flag("--baseline", o.baseline,
               "Also time nlohmann's sax_parse (null handler) and DOM parse on the same file");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? tools::exit_clean : tools::exit_usage;
  }
  return run(o);
}

// `baomi query SNAPSHOT QUERY`: an ad-hoc question to a snapshot (engine/query.hpp), answered as a
// table (text, json, csv) of the matching rows, or a number for `count …`.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "engine/query.hpp"
#include "facts/date.hpp"
#include "reports/listings.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct query_options {
  std::string snapshot;
  std::string query;
  rules_options rules;
  std::string profile;
  std::string as_of;
  facts::load_options load;
  output_options output;
};

int run_query(const query_options& o) {
  const auto& format = o.output.format;
  if (!format_is_one_of(format, {"text", "json", "csv"})) return exit_usage;
  engine::pipeline_options options;
  options.profile = o.profile;
  options.load = o.load;
  if (!o.as_of.empty()) {
    options.as_of = facts::parse_date(o.as_of);
    if (!options.as_of) {
      complain("error: --as-of `{}` 不是日期（应为 YYYY-MM-DD）\n", "error: --as-of `{}` is not a date (YYYY-MM-DD)\n",
               o.as_of);
      return exit_usage;
    }
  }
  auto rules = load_valid_rules(o.rules.paths, !o.rules.no_baseline);
  if (!rules) return exit_usage;
  auto result =
      engine::run_query(std::move(rules->modules), o.query, engine::snapshot_source::file(o.snapshot), options);
  for (const auto& d : result.diagnostics) fmt::print(stderr, "{}", dsl::render(d, &result.source));
  if (!result.diagnostics.empty()) return exit_usage;
  if (int code = print_problems(result.pipeline, o.snapshot); code != exit_clean) return code;
  auto text = format == "json"  ? reports::render_query_json(result, o.query)
              : format == "csv" ? reports::render_query_csv(result)
                                : reports::render_query_text(result);
  if (int written = emit(o.output, text); written != exit_clean) return written;
  if (!result.unknown.empty()) {
    std::string keys;
    for (const auto& row : result.unknown) keys += (keys.empty() ? "" : "、") + row.key;
    complain("另有 {} 行数据缺失，无法判定条件是否成立：{}\n",
             "{} more row(s) lack the data to decide the condition: {}\n", result.unknown.size(), keys);
    complain("note: 条件读到的事实为 null 或缺失时结果未知；可用 `is null` / `is not null` 明确处理\n",
             "note: a condition that reads a null or missing fact is unknown; say what it means with `is null` / `is "
             "not null`\n");
    return exit_problems;
  }
  return exit_clean;
}

}  // namespace

command add_query(CLI::App& app) {
  auto o = std::make_shared<query_options>();
  auto* sub = app.add_subcommand("query", "Ask a snapshot a question: rows of a collection where a condition holds");
  sub->add_option("snapshot", o->snapshot, "Snapshot JSON file")->required();
  sub->add_option("query", o->query,
                  "[count] [x in] COLLECTION [where CONDITION] [select E, …], e.g. 'people where p.grade == core'")
      ->required();
  add_rules_option(sub, o->rules);
  add_profile_option(sub, o->profile);
  sub->add_option("--as-of", o->as_of, "Evaluate as of this date (default: the snapshot's as_of)");
  add_limit_options(sub, o->load);
  sub->add_option("--format", o->output.format, "text (default), json or csv");
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_query(*o); }};
}

}  // namespace baomi::tools

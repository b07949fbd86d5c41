// `baomi query SNAPSHOT QUERY`: an ad-hoc question to a snapshot (engine/query.hpp), answered as a
// table (text, json, csv) of the matching rows, or a number for `count …`.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "engine/query.hpp"
#include "facts/date.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

namespace {

struct query_options {
  std::string snapshot;
  std::string query;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string as_of;
};

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> header(const engine::query_result& r) {
  std::vector<std::string> h = {"编号", "名称"};
  h.insert(h.end(), r.columns.begin(), r.columns.end());
  return h;
}

std::vector<std::string> cells(const engine::query_row& row) {
  std::vector<std::string> c = {row.key, row.label};
  c.insert(c.end(), row.values.begin(), row.values.end());
  return c;
}

void print_text(const engine::query_result& r) {
  std::vector<std::vector<std::string>> table = {header(r)};
  for (const auto& row : r.rows) table.push_back(cells(row));
  std::vector<std::size_t> widths(table.front().size(), 0);
  for (const auto& line : table) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], base::display_width(line[i]));
  }
  for (const auto& line : table) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
      out += line[i];
      if (i + 1 < line.size()) out += std::string(widths[i] - base::display_width(line[i]) + 2, ' ');
    }
    fmt::print("{}\n", out);
  }
  fmt::print("{} 行\n", r.rows.size());
}

void print_csv(const engine::query_result& r) {
  auto line = [](const std::vector<std::string>& cs) {
    std::string out;
    for (std::size_t i = 0; i < cs.size(); ++i) out += (i ? "," : "") + csv_cell(cs[i]);
    fmt::print("{}\r\n", out);
  };
  line(header(r));
  for (const auto& row : r.rows) line(cells(row));
}

void print_json(const engine::query_result& r, const std::string& query) {
  auto rows = [&](const std::vector<engine::query_row>& list) {
    auto out = nlohmann::json::array();
    for (const auto& row : list) {
      nlohmann::json values = nlohmann::json::object();
      for (std::size_t i = 0; i < r.columns.size(); ++i) values[r.columns[i]] = row.values[i];
      out.push_back({{"key", row.key}, {"label", row.label}, {"values", values}});
    }
    return out;
  };
  nlohmann::json doc = {{"query", query},       {"collection", r.collection}, {"count", r.rows.size()},
                        {"columns", r.columns}, {"rows", rows(r.rows)},       {"unknown", rows(r.unknown)}};
  fmt::print("{}\n", doc.dump(2));
}

int run_query(const query_options& o) {
  if (o.format != "text" && o.format != "json" && o.format != "csv") {
    fmt::print(stderr, "error: --format `{}` is not one of text, json, csv\n", o.format);
    return exit_usage;
  }
  engine::pipeline_options options;
  if (!o.as_of.empty()) {
    options.as_of = facts::parse_date(o.as_of);
    if (!options.as_of) {
      fmt::print(stderr, "error: --as-of `{}` is not a date (YYYY-MM-DD)\n", o.as_of);
      return exit_usage;
    }
  }
  auto rules = load_rules(o.rules);
  if (!rules.checked.program) {
    print_diagnostics(rules);
    return exit_usage;
  }
  auto result =
      engine::run_query(std::move(rules.modules), o.query, engine::snapshot_source::file(o.snapshot), options);
  for (const auto& d : result.diagnostics) fmt::print(stderr, "{}", dsl::render(d, &result.source));
  if (!result.diagnostics.empty()) return exit_usage;
  if (int code = print_problems(result.pipeline, o.snapshot); code != exit_clean) return code;
  if (result.count && o.format == "text") {
    fmt::print("{}\n", result.rows.size());
  } else if (o.format == "json") {
    print_json(result, o.query);
  } else if (o.format == "csv") {
    print_csv(result);
  } else {
    print_text(result);
  }
  if (!result.unknown.empty()) {
    std::string keys;
    for (const auto& row : result.unknown) keys += (keys.empty() ? "" : "、") + row.key;
    fmt::print(stderr, "另有 {} 行数据缺失，无法判定条件是否成立：{}\n", result.unknown.size(), keys);
    fmt::print(stderr, "note: 条件读到的事实为 null 或缺失时结果未知；可用 `is null` / `is not null` 明确处理\n");
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
  sub->add_option("--rules", o->rules, "Rule files or folders (default: the built-in national baseline)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", o->format, "text (default), json or csv");
  sub->add_option("--as-of", o->as_of, "Evaluate as of this date (default: the snapshot's as_of)");
  return {sub, [=] { return run_query(*o); }};
}

}  // namespace baomi::tools

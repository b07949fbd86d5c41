// `baomi check SNAPSHOT…`: load rules and facts, evaluate, write a report, exit by --fail-on.
#include <fmt/format.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reports/writer.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct check_options {
  std::vector<std::string> snapshots;
  rules_options rules;
  std::string profile;
  std::string as_of;
  std::string format = reports::to_string(reports::format::text);
  std::string output;
  std::string fail_on = "info";
  std::string fail_on_data = "error";
  std::string waivers;
  facts::load_options load;
  std::vector<std::string> show;
  std::vector<std::string> only;
  std::string baseline;
  std::string pending_within = "90d";
  unsigned jobs = 0;  // 0: the hardware's cores
  std::string color = "auto";
  std::string timeout = "10m";
};

// `--timeout`: seconds, minutes or hours (`90s`, `10m`, `1h`); `0` for no limit.
std::optional<std::optional<std::chrono::milliseconds>> parse_timeout(const std::string& text) {
  if (text == "0") return std::optional<std::chrono::milliseconds>{};
  std::size_t used = 0;
  double amount = 0;
  try {
    amount = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!(amount > 0) || used + 1 != text.size()) return std::nullopt;
  double unit = text.back() == 's' ? 1 : text.back() == 'm' ? 60 : text.back() == 'h' ? 3600 : 0;
  if (unit == 0 || amount * unit > 7 * 24 * 3600) return std::nullopt;
  return std::chrono::milliseconds(static_cast<std::int64_t>(amount * unit * 1000));
}

// The fingerprints of the findings an earlier `--format json` report lists; nullopt (and a message on
// stderr) when the file cannot be read or is not such a report.
std::optional<std::set<std::string>> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    complain("error: 无法读取基线文件 `{}`\n", "error: cannot read the baseline `{}`\n", path);
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || j.value("format", "") != "baomi.findings" || !j.contains("findings") ||
      !j["findings"].is_array()) {
    complain("error: 基线文件 `{}` 不是 baomi.findings JSON 报告（应由 baomi check --format json 生成）\n",
             "error: the baseline `{}` is not a baomi.findings JSON report (baomi check --format json)\n", path);
    return std::nullopt;
  }
  std::set<std::string> out;
  for (const auto& f : j["findings"]) {
    if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string())
      out.insert(f["fingerprint"].get<std::string>());
  }
  return out;
}

// How many findings of `o` the run has, listed or not.
std::size_t count_of(const std::vector<engine::outcome_tally>& tallies, engine::outcome o) {
  std::size_t n = 0;
  for (const auto& t : tallies) n += t[static_cast<std::size_t>(o)];
  return n;
}

std::optional<std::vector<engine::outcome>> parse_outcomes(const std::vector<std::string>& names) {
  std::vector<engine::outcome> out;
  for (const auto& name : names) {
    if (name == "all") return std::vector<engine::outcome>(engine::all_outcomes.begin(), engine::all_outcomes.end());
    auto o = engine::parse_outcome(name);
    if (!o) return std::nullopt;
    out.push_back(*o);
  }
  return out;
}

int run_check(const check_options& o) {
  auto format = reports::parse_format(o.format);
  if (!format) {
    complain("error: 未知的格式 `{}`（可用：{}）\n", "error: unknown format `{}` ({})\n", o.format,
             reports::format_names(reports::result_kind::check));
    return exit_usage;
  }
  if (reports::is_binary(*format) && o.output.empty()) {
    complain("error: {} 是二进制文件格式，不能写到终端或标准输出：请用 -o 指定输出文件（例如 -o 整改台账.{}）\n",
             "error: {} is a binary format and cannot go to a terminal or standard output: give a file with -o (e.g. "
             "-o findings.{})\n",
             o.format, o.format);
    return exit_usage;
  }
  auto fail_on = engine::parse_severity(o.fail_on);
  if (!fail_on) {
    complain("error: --fail-on 的严重程度 `{}` 无效（info、low、medium、high、critical）\n",
             "error: unknown severity `{}` for --fail-on (info, low, medium, high, critical)\n", o.fail_on);
    return exit_usage;
  }
  if (o.fail_on_data != "error" && o.fail_on_data != "warning" && o.fail_on_data != "never") {
    complain("error: --fail-on-data 的取值 `{}` 无效（error、warning、never）\n",
             "error: unknown value `{}` for --fail-on-data (error, warning, never)\n", o.fail_on_data);
    return exit_usage;
  }
  reports::report_options report;
  report.tool_version = BAOMI_VERSION;
  report.color = *format == reports::format::text && (o.output.empty() || o.color == "always") &&
                 use_color(o.color, STDOUT_FILENO);
  if (!o.show.empty()) {
    auto shown = parse_outcomes(o.show);
    if (!shown) {
      std::string bad;
      for (const auto& name : o.show)
        if (name != "all" && !engine::parse_outcome(name)) bad = name;
      complain("error: --show 的结果 `{}` 无效（pass、fail、unknown、not_applicable、pending、waived、all）\n",
               "error: --show `{}` is not an outcome (pass, fail, unknown, not_applicable, pending, waived, all)\n",
               bad);
      return exit_usage;
    }
    report.show = *shown;
  }
  std::optional<facts::day_number> as_of;
  if (!o.as_of.empty()) {
    as_of = facts::parse_date(o.as_of);
    if (!as_of) {
      complain("error: --as-of `{}` 不是日期（应为 YYYY-MM-DD）\n", "error: --as-of `{}` is not a date (YYYY-MM-DD)\n",
               o.as_of);
      return exit_usage;
    }
  }
  if (o.snapshots.size() != 1) {
    complain("error: 请给出一个快照文件（baomi check SNAPSHOT.json）\n",
             "error: give one snapshot file (baomi check SNAPSHOT.json)\n");
    return exit_usage;
  }
  auto pending_within = facts::parse_duration(o.pending_within);
  if (!pending_within) {
    complain("error: --pending-within `{}` 不是时长（如 90d、3mo、1y）\n",
             "error: --pending-within `{}` is not a duration (e.g. 90d, 3mo, 1y)\n", o.pending_within);
    return exit_usage;
  }
  auto timeout = parse_timeout(o.timeout);
  if (!timeout) {
    complain("error: --timeout `{}` 不是时间限制（如 90s、10m、1h；0 表示不限）\n",
             "error: --timeout `{}` is not a time limit (e.g. 90s, 10m, 1h; 0 for none)\n", o.timeout);
    return exit_usage;
  }
  std::optional<std::set<std::string>> baseline;
  if (!o.baseline.empty()) {
    baseline = read_baseline(o.baseline);
    if (!baseline) return exit_usage;
  }
  auto rules = load_valid_rules(o.rules.paths, !o.rules.no_baseline);
  if (!rules) return exit_usage;
  engine::pipeline_options options;
  options.profile = o.profile;
  options.as_of = as_of;
  options.only = o.only;
  options.load_read_only = !o.only.empty();  // docs/cli.md: what --rule loads
  options.load = o.load;
  if (!o.waivers.empty()) options.waivers = engine::waiver_source{o.waivers, std::nullopt};
  // Findings are made only for the outcomes the report lists (the others are counted), unless the
  // format reads every finding.
  if (reports::lists_shown_only(*format)) {
    options.listed = {};
    for (auto shown : report.show) options.listed.add(shown);
  }
  options.jobs = o.jobs;
  options.load.threads = o.jobs;  // --jobs 1: one thread in all, the load's reader included
  options.rule_timeout = *timeout;
  // The problems the baseline lists are left out while evaluating, from the findings and the counts.
  if (baseline) options.baseline = &*baseline;
  // The formats that read findings rule by rule get them made as they write: a run never holds them.
  options.defer_findings = reports::streams(*format);
  options.common_remedies = *format == reports::format::sarif;
  // A progress line only where a person watches and the wait is noticeable.
  std::error_code ec;
  if (isatty(STDERR_FILENO) && std::filesystem::file_size(o.snapshots[0], ec) > 20'000'000 && !ec) {
    options.progress = [&snapshot = o.snapshots[0]](engine::stage stage, std::size_t done, std::size_t total) {
      if (stage == engine::stage::load)
        fmt::print(stderr, "{}", done == 0 ? base::say("\r正在加载 {} …", "\rloading {} …", snapshot) : "\r\033[K");
      else
        complain("\r正在评估规则 {}/{}{}", "\revaluating rules {}/{}{}", done, total, done == total ? "\r\033[K" : "");
    };
  }
  auto result = engine::run_pipeline(*rules->checked.program, engine::snapshot_source::file(o.snapshots[0]), options);
  if (auto code = print_problems(result, o.snapshots[0]); !result.ok()) return code;
  auto& run = *result.run;
  if (baseline) {
    auto known = run.baseline_known;
    auto tallies = engine::rule_tallies(run);
    auto left = count_of(tallies, engine::outcome::fail) + count_of(tallies, engine::outcome::unknown) +
                count_of(tallies, engine::outcome::pending) + count_of(tallies, engine::outcome::waived);
    complain("基线 {}：略去已知问题 {} 项，新增 {} 项\n", "baseline {}: {} known finding(s) left out, {} new\n",
             o.baseline, known, left);
  }
  // The horizon in days from the run's as_of (months are calendar months).
  if (auto day = facts::parse_date(run.as_of)) {
    if (auto until = facts::add(*day, *pending_within, nullptr)) report.pending_within_days = *until - *day;
  }
  // Written as it goes: text, json, sarif and ndjson never hold the whole report nor all the findings.
  auto held = result.findings ? nullptr : engine::held_findings(run);
  const auto& findings = result.findings ? *result.findings : *held;
  auto write = [&](std::ostream& out) {
    if (reports::streams(*format))
      reports::write_report(run, findings, *format, report, out);
    else
      reports::write_report(run, *format, report, out);
  };
  if (o.output.empty()) {
    std::fflush(stdout);
    write(std::cout);
    std::cout.flush();
  } else if (!write_atomically(o.output, write)) {
    complain("error: 无法写入 `{}`\n", "error: cannot write `{}`\n", o.output);
    return exit_usage;
  }
  auto tallies = engine::rule_tallies(run);
  bool failing = false;
  for (std::size_t i = 0; i < run.rules.size(); ++i) {
    if (tallies[i][static_cast<std::size_t>(engine::outcome::fail)] > 0 && run.rules[i].severity >= *fail_on)
      failing = true;
  }
  // Data problems at or above --fail-on-data make the run an input error: a report built on them is
  // not a clean bill (docs/cli.md).
  if (o.fail_on_data != "never") {
    auto threshold = o.fail_on_data == "warning" ? base::severity::warning : base::severity::error;
    bool bad_data = std::any_of(result.data_issues.begin(), result.data_issues.end(),
                                [&](const engine::data_issue& i) { return base::at_least(i.severity, threshold); });
    if (bad_data) return exit_usage;
  }
  return failing ? exit_problems : exit_clean;
}

}  // namespace

command add_check(CLI::App& app) {
  auto o = std::make_shared<check_options>();
  auto* sub = app.add_subcommand("check", "Evaluate rules against a fact snapshot and report the findings");
  sub->add_option("snapshot", o->snapshots, "The snapshot JSON file")->required()->expected(1);
  add_rules_option(sub, o->rules);
  add_profile_option(sub, o->profile);
  sub->add_option("--as-of", o->as_of, "Evaluate as of this date (default: the snapshot's as_of)");
  sub->add_option("--format", o->format, reports::format_names(reports::result_kind::check, " or "))
      ->capture_default_str();
  sub->add_option("--output,-o", o->output, "Write the report to this file (atomically) instead of stdout");
  sub->add_option("--fail-on", o->fail_on, "Exit 1 when a finding fails at or above this severity")
      ->capture_default_str();
  sub->add_option("--fail-on-data", o->fail_on_data,
                  "Exit 2 when the snapshot has data problems of at least this severity: error, warning or never")
      ->capture_default_str();
  sub->add_option("--waivers", o->waivers, "A waivers JSON file");
  add_limit_options(sub, o->load);
  sub->add_option("--show", o->show,
                  "Outcomes to list (the summary counts all): pass,fail,unknown,not_applicable,pending,waived,all")
      ->delimiter(',');
  sub->add_option("--rule", o->only,
                  "Evaluate only these rule ids (repeatable); only the snapshot fields they read are typed and checked")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--pending-within", o->pending_within,
                  "Text: list pending findings due within this duration; count the later ones")
      ->capture_default_str();
  sub->add_option("--baseline", o->baseline,
                  "An earlier `--format json` report: its findings (by fingerprint) are left out of this report and "
                  "of the exit code");
  sub->add_option("--jobs,-j", o->jobs,
                  "Threads loading the snapshot and evaluating rules (default: the machine's cores; 1: one thread "
                  "in all); the report is the same for any number");
  sub->add_option("--timeout", o->timeout,
                  "Wall-clock limit for one rule over all its subjects (90s, 10m, 1h; 0 for none); a rule past it "
                  "stops the check with exit 2")
      ->capture_default_str();
  add_color_option(sub, o->color);
  return {sub, [=] { return run_check(*o); }};
}

}  // namespace baomi::tools

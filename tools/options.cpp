// The shared options (tools/options.hpp).
#include "tools/options.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <cstdlib>

#include "facts/date.hpp"
#include "tools/common.hpp"

namespace baomi::tools {

void add_rules_option(CLI::App* sub, rules_options& rules, bool alone_ok) {
  auto* paths = sub->add_option("--rules", rules.paths,
                                "Rule files or folders, on top of the built-in national baseline (repeatable; a "
                                "module named like a baseline one replaces it)")
                    ->allow_extra_args(false)
                    ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* alone = sub->add_flag("--no-baseline", rules.no_baseline,
                              "Only the given rules and the baseline modules they import, not the whole baseline");
  if (!alone_ok) alone->needs(paths);
}

void add_profile_option(CLI::App* sub, std::string& profile) {
  sub->add_option("--profile", profile,
                  "A profile that changes params, disables rules or severities (baomi profiles); repeatable, "
                  "applied in order")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::Join);
}

void add_run_options(CLI::App* sub, run_options& o) {
  add_rules_option(sub, o.rules);
  add_profile_option(sub, o.profile);
  sub->add_option("--as-of", o.as_of, "Evaluate as of this date, YYYY-MM-DD (default: the snapshot's as_of)");
  sub->add_option("--waivers", o.waivers, "A waivers JSON file");
  add_limit_options(sub, o.load);
}

void add_limit_options(CLI::App* sub, facts::load_options& o) {
  sub->add_option("--max-rows", o.max_rows_per_collection,
                  "Rows one collection of the snapshot may hold before the load stops (F0110)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--max-string", o.max_string_bytes,
                  "Bytes of one string value of the snapshot; a longer one is refused (F0209)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

bool apply_run_options(const run_options& o, engine::pipeline_options& options) {
  options.profile = o.profile;
  options.load = o.load;
  if (!o.as_of.empty()) {
    options.as_of = facts::parse_date(o.as_of);
    if (!options.as_of) {
      complain("error: --as-of `{}` 不是日期（应为 YYYY-MM-DD）\n", "error: --as-of `{}` is not a date (YYYY-MM-DD)\n",
               o.as_of);
      return false;
    }
  }
  if (!o.waivers.empty()) options.waivers = engine::waiver_source{o.waivers, std::nullopt};
  return true;
}

void add_output_options(CLI::App* sub, output_options& o, reports::result_kind kind) {
  sub->add_option("--format", o.format, reports::format_names(kind, " or "))->capture_default_str();
  sub->add_option("--output,-o", o.output, "Write to this file (atomically) instead of stdout");
}

std::optional<reports::format> parse_output_format(const output_options& o, reports::result_kind kind) {
  auto f = reports::parse_format(o.format, kind);
  if (!f)
    complain("error: 未知的格式 `{}`（可用：{}）\n", "error: unknown format `{}` ({})\n", o.format,
             reports::format_names(kind));
  return f;
}

int emit(const output_options& o, const std::string& text) {
  if (o.output.empty()) {
    fmt::print("{}", text);
    return exit_clean;
  }
  if (!write_atomically(o.output, text)) {
    complain("error: 无法写入 `{}`\n", "error: cannot write `{}`\n", o.output);
    return exit_usage;
  }
  return exit_clean;
}

void add_color_option(CLI::App* sub, std::string& mode) {
  sub->add_option("--color", mode, "Colour the text output: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(fd) != 0;
}

}  // namespace baomi::tools

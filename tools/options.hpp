// The options every command shares, registered the same way everywhere (docs/cli.md, "Common
// options"): what a run over a snapshot reads, and where and how a command prints.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/pipeline.hpp"
#include "reports/writer.hpp"

namespace baomi::tools {

/// `--rules PATH` (repeatable) and `--no-baseline`: the rules a command reads (docs/language.md,
/// "Layered rulesets").
struct rules_options {
  std::vector<std::string> paths;  // empty: the built-in national baseline
  bool no_baseline = false;        // only `paths` (and the baseline modules they import)
};
/// Registers `--rules` and `--no-baseline`; `--no-baseline` needs `--rules` unless `alone_ok` (a
/// command whose positional paths are rules too).
void add_rules_option(CLI::App* sub, rules_options& rules, bool alone_ok = false);
/// `--profile NAME`, repeatable (`--profile A --profile B` or `--profile A,B`): applied in order, kept
/// as `A,B` in `profile`.
void add_profile_option(CLI::App* sub, std::string& profile);

/// What every command that evaluates rules over a snapshot reads: `--rules`, `--profile`,
/// `--as-of`, `--waivers`, and the loader's limits.
struct run_options {
  rules_options rules;
  std::string profile;
  std::string as_of;
  std::string waivers;
  facts::load_options load;
};
void add_run_options(CLI::App* sub, run_options& o);

/// `--max-rows N` and `--max-string BYTES`: the loader's limits (docs/testing.md, "Limits").
void add_limit_options(CLI::App* sub, facts::load_options& o);

/// Copies `o` into the pipeline's options; false (and a message on stderr) for a bad `--as-of`.
bool apply_run_options(const run_options& o, engine::pipeline_options& options);

/// `--format` and `-o/--output`: every command that prints.
struct output_options {
  std::string format = "text";
  std::string output;
};
void add_output_options(CLI::App* sub, output_options& o, reports::result_kind kind);

/// The format `o.format` names when it can write `kind`; nullopt after a message naming the choices.
std::optional<reports::format> parse_output_format(const output_options& o, reports::result_kind kind);

/// Prints `text` to stdout, or writes it atomically to `o.output`; exit_clean or exit_usage.
int emit(const output_options& o, const std::string& text);

/// `--color auto|always|never`: auto colours a terminal unless NO_COLOR is set (https://no-color.org).
void add_color_option(CLI::App* sub, std::string& mode);
/// Whether to colour output going to `fd` in `mode` (already validated by the option's check).
bool use_color(const std::string& mode, int fd);

}  // namespace baomi::tools

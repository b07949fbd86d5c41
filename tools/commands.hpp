// The subcommands: each registers its options on the CLI11 app and returns how to run it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace baomi::tools {

struct command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

command add_fmt(CLI::App& app);
command add_lint(CLI::App& app);
command add_parse(CLI::App& app);
command add_check(CLI::App& app);
command add_schema(CLI::App& app);
command add_test(CLI::App& app);
command add_explain(CLI::App& app);
command add_diff(CLI::App& app);
command add_coverage(CLI::App& app);
command add_plan(CLI::App& app);
command add_lsp(CLI::App& app);
command add_query(CLI::App& app);
command add_profiles(CLI::App& app);
command add_new(CLI::App& app);
/// `help` and `completion` read the other commands from `app`: register them last.
command add_help(CLI::App& app);
command add_completion(CLI::App& app);

}  // namespace baomi::tools

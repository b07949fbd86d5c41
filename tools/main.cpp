// The `baomi` command line: one subcommand per job, exit codes as in docs/cli.md.
#include <CLI/CLI.hpp>

#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/language.hpp"

int main(int argc, char** argv) {
  using namespace baomi::tools;
  choose_language(argc, argv);
  CLI::App app{"baomi (保密): checks confidentiality-management rules against exported facts", "baomi"};
  app.set_version_flag("--version", std::string("baomi ") + BAOMI_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // `--lang` after the command name too
  add_language_option(app);
  command commands[] = {add_check(app),    add_lint(app),    add_fmt(app),  add_schema(app),
                        add_test(app),     add_explain(app), add_diff(app), add_coverage(app),
                        add_parse(app),    add_plan(app),    add_lsp(app),  add_query(app),
                        add_profiles(app), add_new(app),     add_help(app), add_completion(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? exit_clean : exit_usage;
  }
  for (const auto& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return exit_usage;
}

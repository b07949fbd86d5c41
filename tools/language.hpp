// Choosing the language of baomi's messages on the command line (see base/language.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace baomi::tools {

/// Sets the message language before the command line is parsed, so that parse errors already
/// speak it: a valid `--lang` anywhere on the line, else the environment.
void choose_language(int argc, char** argv);

/// Registers `--lang` on the top-level app (subcommands fall through to it) and the parse-error
/// messages in the chosen language.
void add_language_option(CLI::App& app);

}  // namespace baomi::tools

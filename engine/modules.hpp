// Loading `.baomi` modules from files or from memory: parsed modules with their source text.
// The checker reads these (it sees the AST); the evaluator never does.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source.hpp"

namespace baomi::engine {

/// One parsed `.baomi` file and its module name (`cn.personnel`).
struct module_source {
  std::string name;
  dsl::source_file source;
  dsl::ast::module ast;
};

/// Parsed modules; parse errors are in `diagnostics` and their files are not in `modules`.
struct module_set {
  std::vector<module_source> modules;
  std::vector<dsl::diagnostic> diagnostics;
  /// Every file read whose module did not parse, with its text (for carets in diagnostics).
  std::vector<dsl::source_file> unparsed;
  /// The text of any file loaded (parsed or not), embedded ones included; nullptr if none.
  const dsl::source_file* find_source(const std::string& path) const;
};

/// Parses every `.baomi` file under `paths` (files or folders), then the modules they import that
/// are not loaded yet, found as `<folder>/a/b.baomi` for `import a.b` in the importing file's folder
/// or one of its parents, but only inside the roots given in `paths` (symlinks resolved): an import
/// that would leave them is not loaded (the checker reports the module as not found). Module names are the `ruleset`
/// header's, else the path below the folder given (`rulesets/cn/x.baomi` under `rulesets` is `cn.x`).
module_set load_modules(const std::vector<std::string>& paths);

/// Parses modules held in memory (the baseline embedded in the binary): (path, text) pairs whose
/// path below the root gives the module name.
module_set load_embedded(const std::vector<std::pair<std::string, std::string>>& files);

/// `given` on top of `baseline` (docs/language.md, "Layered rulesets"): a given module replaces the
/// baseline module of the same name, or of the same file (a checkout's `rulesets/cn/...`), in the
/// baseline's place; the other given modules follow the baseline's, so that a clash between a given
/// and a baseline declaration is reported in the given file.
module_set layer(module_set baseline, module_set given);

/// Adds the modules of `library` that `set` imports, directly or through each other, and does not
/// have, ahead of `set`'s own (so a clash is reported in `set`'s file): `import cn.schema` in a
/// unit's file resolves to the baseline's module when no such file is beside it.
void resolve_imports(module_set& set, module_set library);

}  // namespace baomi::engine

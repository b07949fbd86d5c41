// Loading `.baomi` modules from files or memory, and resolving imports to files.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "engine/modules.hpp"

#include "base/files.hpp"
#include "dsl/parser.hpp"
#include "engine/check/codes.hpp"

namespace baomi::engine {

namespace fs = std::filesystem;

namespace {

std::string module_name_for(const fs::path& file, const fs::path& root) {
  auto relative = file.lexically_relative(root);
  relative.replace_extension();
  std::string name;
  for (const auto& part : relative) {
    if (!name.empty()) name += '.';
    name += part.string();
  }
  return name;
}

void add_parsed(module_set& set, dsl::source_file source, dsl::parse_result parsed, const std::string& fallback_name) {
  for (auto& d : parsed.diagnostics) set.diagnostics.push_back(std::move(d));
  if (!parsed.module) {
    set.unparsed.push_back(std::move(source));
    return;
  }
  std::string name = fallback_name;
  for (const auto& decl : parsed.module->decls) {
    if (const auto* r = std::get_if<dsl::ast::ruleset_decl>(&decl.node)) name = r->module.text;
  }
  set.modules.push_back({name, std::move(source), std::move(*parsed.module)});
}

void add_parsed(module_set& set, dsl::source_file source, const std::string& fallback_name) {
  auto parsed = dsl::parse(source);
  add_parsed(set, std::move(source), std::move(parsed), fallback_name);
}

std::vector<std::string> imports_of(const dsl::ast::module& m) {
  std::vector<std::string> names;
  for (const auto& decl : m.decls) {
    if (const auto* i = std::get_if<dsl::ast::import_decl>(&decl.node)) names.push_back(i->module.text);
  }
  return names;
}

// `import a.b` from a file in folder F: F/a/b.baomi, then the same below each parent of F.
std::optional<std::pair<fs::path, fs::path>> find_import(const std::string& name, const fs::path& from) {
  fs::path relative;
  std::size_t start = 0;
  while (start <= name.size()) {
    auto dot = name.find('.', start);
    relative /= name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  relative += ".baomi";
  std::error_code ec;
  for (auto folder = fs::absolute(from, ec).parent_path(); !folder.empty(); folder = folder.parent_path()) {
    auto candidate = folder / relative;
    if (fs::is_regular_file(candidate, ec)) {
      // Named as the importing file is (relative to the working folder when it was), so that a
      // diagnostic's path or note reads the same on every machine.
      if (from.is_relative()) {
        auto cwd = fs::current_path(ec);
        if (!ec) return std::make_pair(candidate.lexically_proximate(cwd), folder.lexically_proximate(cwd));
      }
      return std::make_pair(candidate, folder);
    }
    if (folder == folder.parent_path()) break;
  }
  return std::nullopt;
}

// Whether `file`, symlinks resolved, lies inside one of `roots` (canonical folders): imports never
// load a file outside the rule roots given, whether by walking up or through a symlink.
bool inside_roots(const fs::path& file, const std::vector<fs::path>& roots) {
  std::error_code ec;
  auto real = fs::canonical(file, ec);
  if (ec) return false;
  return std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) {
    auto relative = real.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
  });
}

}  // namespace

const dsl::source_file* module_set::find_source(const std::string& path) const {
  for (const auto& m : modules) {
    if (m.source.path() == path) return &m.source;
  }
  for (const auto& s : unparsed) {
    if (s.path() == path) return &s;
  }
  return nullptr;
}

module_set load_modules(const std::vector<std::string>& paths) {
  module_set set;
  std::set<std::string> seen_files;
  auto cannot_read = [&](const std::string& path, base::read_failure why = base::read_failure::unreadable) {
    set.diagnostics.push_back({std::string(base::codes::missing_file),
                               dsl::severity::error,
                               path,
                               base::unknown_range,
                               std::string(base::describe(why)),
                               {}});
  };
  auto load_file = [&](const fs::path& file, const fs::path& root) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(file, ec).string();
    if (!seen_files.insert(canonical).second) return;
    base::read_failure why{};
    auto source = dsl::source_file::read(file.string(), &why);
    if (!source) {
      cannot_read(file.string(), why);
      return;
    }
    add_parsed(set, std::move(*source), module_name_for(file, root));
  };
  std::vector<fs::path> roots;
  for (const auto& path : paths) {
    // One path at a time, so that diagnostics keep the order of the paths given.
    auto found = base::find_files({path}, ".baomi");
    for (const auto& f : found.files) {
      std::error_code ec;
      auto root = fs::canonical(f.root.empty() ? fs::path(".") : fs::path(f.root), ec);
      if (!ec && std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
      load_file(f.path, f.root);
    }
    for (const auto& missing : found.missing) cannot_read(missing);
  }
  // Imports not loaded yet: look for them next to the importing files, inside the roots only (a
  // module found elsewhere is not loaded, so the checker reports it as not found, E0212).
  for (std::size_t i = 0; i < set.modules.size(); ++i) {
    for (const auto& name : imports_of(set.modules[i].ast)) {
      bool loaded = std::any_of(set.modules.begin(), set.modules.end(), [&](const auto& m) { return m.name == name; });
      if (loaded) continue;
      auto found = find_import(name, set.modules[i].source.path());
      if (found && inside_roots(found->first, roots)) load_file(found->first, found->second);
    }
  }
  return set;
}

module_set load_embedded(const std::vector<std::pair<std::string, std::string>>& files) {
  // Parsed on the machine's cores (the baseline is some fifty files, parsed at every start), then
  // added in the order given.
  std::vector<dsl::source_file> sources;
  for (const auto& [path, text] : files) sources.emplace_back(path, text);
  std::vector<std::optional<dsl::parse_result>> parsed(sources.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (auto i = next++; i < sources.size(); i = next++) parsed[i] = dsl::parse(sources[i]);
  };
  {
    std::vector<std::jthread> threads;
    auto cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned t = 1; t < std::min<std::size_t>(cores, sources.size()); ++t) threads.emplace_back(work);
    work();
  }
  module_set set;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    add_parsed(set, std::move(sources[i]), std::move(*parsed[i]), module_name_for(files[i].first, "rulesets"));
  }
  return set;
}

namespace {

// Whether a loaded file is the file a baseline module was embedded from (its path relative to the
// current folder, as in a checkout's root).
bool same_file(const dsl::source_file& given, const std::string& embedded_path) {
  std::error_code ec;
  if (!fs::is_regular_file(embedded_path, ec)) return false;
  return fs::equivalent(given.path(), embedded_path, ec) && !ec;
}

bool is_loaded(const module_set& set, const std::string& name) {
  return std::any_of(set.modules.begin(), set.modules.end(), [&](const auto& m) { return m.name == name; });
}

}  // namespace

module_set layer(module_set baseline, module_set given) {
  module_set out;
  std::vector<bool> placed(given.modules.size(), false);
  for (auto& b : baseline.modules) {
    auto replaced = [&](const dsl::source_file& s) { return same_file(s, b.source.path()); };
    if (std::any_of(given.unparsed.begin(), given.unparsed.end(), replaced)) continue;  // its error is reported
    auto it = std::find_if(given.modules.begin(), given.modules.end(),
                           [&](const module_source& g) { return g.name == b.name || replaced(g.source); });
    if (it == given.modules.end()) {
      out.modules.push_back(std::move(b));
      continue;
    }
    auto i = static_cast<std::size_t>(it - given.modules.begin());
    if (!placed[i]) out.modules.push_back(std::move(*it));
    placed[i] = true;
  }
  for (std::size_t i = 0; i < given.modules.size(); ++i) {
    if (!placed[i]) out.modules.push_back(std::move(given.modules[i]));
  }
  for (auto* from : {&baseline, &given}) {
    for (auto& d : from->diagnostics) out.diagnostics.push_back(std::move(d));
    for (auto& s : from->unparsed) out.unparsed.push_back(std::move(s));
  }
  return out;
}

void resolve_imports(module_set& set, module_set library) {
  std::vector<module_source> added;
  std::vector<const dsl::ast::module*> pending;
  for (const auto& m : set.modules) pending.push_back(&m.ast);
  std::vector<bool> taken(library.modules.size(), false);
  // Transitively: an added module's imports are looked up too (indexes into library, stable).
  std::vector<std::size_t> order;
  while (!pending.empty()) {
    const auto* m = pending.back();
    pending.pop_back();
    for (const auto& name : imports_of(*m)) {
      if (is_loaded(set, name)) continue;
      for (std::size_t i = 0; i < library.modules.size(); ++i) {
        if (taken[i] || library.modules[i].name != name) continue;
        taken[i] = true;
        order.push_back(i);
        pending.push_back(&library.modules[i].ast);
      }
    }
  }
  std::sort(order.begin(), order.end());  // the library's own order, whatever the import order
  for (auto i : order) added.push_back(std::move(library.modules[i]));
  for (auto& m : set.modules) added.push_back(std::move(m));
  set.modules = std::move(added);
}

}  // namespace baomi::engine

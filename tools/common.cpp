// Shared subcommand plumbing.
#include "tools/common.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "facts/issue.hpp"
#include "tools/embedded_rules.hpp"

namespace baomi::tools {

namespace {

dsl::diagnostic missing_path(const std::string& path) {
  return {std::string(base::codes::missing_file),
          dsl::severity::error,
          path,
          base::unknown_range,
          base::pick("没有这个文件或文件夹", "no such file or folder"),
          {}};
}

}  // namespace

checked_rules load_rules(const std::vector<std::string>& paths, bool with_baseline) {
  checked_rules out;
  std::vector<std::string> existing;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) {
      existing.push_back(p);
    } else {
      out.modules.diagnostics.push_back(missing_path(p));
    }
  }
  if (paths.empty()) {
    out.modules = engine::load_embedded(embedded_rules());
  } else {
    auto loaded = engine::load_modules(existing);
    // Layered (docs/language.md, "Layered rulesets"): the baseline, the given files on top; without
    // it, only what the given files import from the baseline and do not have beside them.
    if (with_baseline) {
      loaded = engine::layer(engine::load_embedded(embedded_rules()), std::move(loaded));
    } else {
      engine::resolve_imports(loaded, engine::load_embedded(embedded_rules()));
    }
    for (auto& d : loaded.diagnostics) out.modules.diagnostics.push_back(std::move(d));
    out.modules.modules = std::move(loaded.modules);
    out.modules.unparsed = std::move(loaded.unparsed);
  }
  out.checked = engine::check(out.modules);
  auto count = [&](const std::vector<dsl::diagnostic>& ds) {
    for (const auto& d : ds) {
      (d.severity == dsl::severity::error ? out.errors : out.warnings)++;
      if (base::is_usage_error(d)) out.missing_input = true;
    }
  };
  count(out.modules.diagnostics);
  count(out.checked.diagnostics);
  if (out.errors > 0) out.checked.program.reset();
  return out;
}

void print_diagnostics(const checked_rules& rules) {
  for (const auto* list : {&rules.modules.diagnostics, &rules.checked.diagnostics}) {
    for (const auto& d : *list) fmt::print(stderr, "{}", dsl::render(d, rules.modules.find_source(d.path)));
  }
}

std::optional<checked_rules> load_valid_rules(const std::vector<std::string>& paths, bool with_baseline) {
  auto rules = load_rules(paths, with_baseline);
  if (rules.checked.program) return rules;
  print_diagnostics(rules);
  return std::nullopt;
}

bool format_is_one_of(const std::string& format, std::initializer_list<std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), format) != allowed.end()) return true;
  complain("error: 未知的格式 `{}`（可用：{}）\n", "error: unknown format `{}` ({})\n", format,
           fmt::join(allowed, ", "));
  return false;
}

int print_problems(const engine::pipeline_result& result, const std::string& snapshot) {
  using engine::run_status;
  if (result.status == run_status::waivers_unreadable) {
    for (const auto& i : result.waiver_issues) fmt::print(stderr, "{}: error[{}]: {}\n", i.pointer, i.code, i.message);
    return exit_usage;
  }
  // A JSON Lines folder's issues name the file in it they are in.
  for (const auto& i : result.data_issues)
    fmt::print(stderr, "{}\n", facts::render(i, i.path.starts_with(snapshot + "/") ? i.path : snapshot));
  switch (result.status) {
    case run_status::evaluated:
      return exit_clean;
    case run_status::evaluate_failed:
      if (result.run_error) {
        fmt::print(stderr, "{}\n", base::render_line(*result.run_error));
      } else {
        fmt::print(stderr, "error: {}: {}\n", snapshot, result.error);
      }
      return exit_usage;
    case run_status::compile_failed:
    case run_status::not_found:
      fmt::print(stderr, "error: {}\n", result.error);
      return exit_usage;
    case run_status::rules_invalid:
    case run_status::waivers_unreadable:
    case run_status::snapshot_unreadable:
      return exit_usage;
  }
  return exit_usage;
}

bool write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // Write through symlinks to their target; devices and pipes (`-o /dev/stdout`) are written
  // directly: renaming a temporary file over them would replace the device with a file.
  auto status = fs::status(path, ec);  // of what a symlink points to
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    std::ofstream out(path, std::ios::binary);
    write(out);
    out.flush();
    return static_cast<bool>(out);
  }
  fs::path target = path;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    target = fs::canonical(path, ec);
    if (ec) return false;
  }
  auto tmp = target.string() + ".baomi-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    write(out);
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

bool write_atomically(const std::string& path, const std::string& text) {
  return write_atomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace baomi::tools

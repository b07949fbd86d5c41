// Shared subcommand plumbing.
#include "tools/common.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "tools/embedded_rules.hpp"

namespace baomi::tools {

checked_rules load_rules(const std::vector<std::string>& paths) {
  checked_rules out;
  std::vector<std::string> existing;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) {
      existing.push_back(p);
    } else {
      out.modules.diagnostics.push_back({"E0200", dsl::severity::error, p, {}, "no such file or folder", {}});
    }
  }
  if (paths.empty()) {
    out.modules = engine::load_embedded(embedded_rules());
  } else {
    auto loaded = engine::load_modules(existing);
    for (auto& d : loaded.diagnostics) out.modules.diagnostics.push_back(std::move(d));
    out.modules.modules = std::move(loaded.modules);
  }
  out.checked = engine::check(out.modules);
  auto count = [&](const std::vector<dsl::diagnostic>& ds) {
    for (const auto& d : ds) (d.severity == dsl::severity::error ? out.errors : out.warnings)++;
  };
  count(out.modules.diagnostics);
  count(out.checked.diagnostics);
  if (out.errors > 0) out.checked.program.reset();
  return out;
}

void print_diagnostics(const checked_rules& rules) {
  auto print = [&](const dsl::diagnostic& d) {
    if (d.range.begin_offset == 0 && d.range.end_offset == 0 && d.range.begin.line == 1 && d.path.empty()) {
      fmt::print(stderr, "{}[{}]: {}\n", dsl::to_string(d.severity), d.code, d.message);
      return;
    }
    const auto* source = rules.modules.find_source(d.path);
    if (source == nullptr && d.range.end_offset == 0) {
      fmt::print(stderr, "{}: {}[{}]: {}\n", d.path, dsl::to_string(d.severity), d.code, d.message);
      return;
    }
    fmt::print(stderr, "{}", dsl::render(d, source));
  };
  for (const auto& d : rules.modules.diagnostics) {
    if (d.code == "E0200") {
      fmt::print(stderr, "{}: error[E0200]: {}\n", d.path, d.message);
      continue;
    }
    // Parse errors: their files are not in the module set, so read the text again for the caret.
    auto source = dsl::source_file::read(d.path);
    fmt::print(stderr, "{}", dsl::render(d, source ? &*source : nullptr));
  }
  for (const auto& d : rules.checked.diagnostics) print(d);
}

bool write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // Write through symlinks to their target; devices and pipes (`-o /dev/stdout`) are written
  // directly: renaming a temporary file over them would replace the device with a file.
  auto status = fs::status(path, ec);  // of what a symlink points to
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    std::ofstream out(path, std::ios::binary);
    out << text;
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
    out << text;
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

}  // namespace baomi::tools

#include "engine/evaluate.hpp"
#include "facts/loader.hpp"

namespace baomi::tools {

bool read_waivers(const std::string& path, std::optional<engine::waiver_file>& waivers) {
  if (path.empty()) return true;
  waivers = engine::load_waivers(path);
  if (waivers->readable) return true;
  for (const auto& i : waivers->issues) fmt::print(stderr, "{}: error[{}]: {}\n", i.pointer, i.code, i.message);
  return false;
}

std::optional<engine::run_result> run_snapshot(const engine::checked_program& program, const std::string& profile,
                                               const std::string& snapshot, std::optional<facts::day_number> as_of,
                                               const std::vector<engine::waiver>* waivers,
                                               const std::vector<std::string>& only, bool progress) {
  auto compiled = engine::compile(program, profile, only);
  if (!compiled.plan) {
    fmt::print(stderr, "error: {}\n", compiled.error);
    return std::nullopt;
  }
  if (progress) fmt::print(stderr, "\r正在加载 {} …", snapshot);
  auto loaded = facts::load_snapshot_file(snapshot, compiled.plan->schema);
  if (progress) fmt::print(stderr, "\r\033[K");
  for (const auto& i : loaded.issues) fmt::print(stderr, "{}\n", facts::render(i, snapshot));
  if (!loaded.complete) return std::nullopt;
  engine::evaluate_options options;
  if (progress) {
    options.progress = [](std::size_t done, std::size_t total) {
      fmt::print(stderr, "\r正在评估规则 {}/{}{}", done, total, done == total ? "\r\033[K" : "");
    };
  }
  options.as_of = as_of;
  options.snapshot_path = snapshot;
  options.waivers = waivers;
  auto evaluated = engine::evaluate(*compiled.plan, loaded.store, options);
  if (!evaluated.run) {
    fmt::print(stderr, "error: {}: {}\n", snapshot, evaluated.error);
    return std::nullopt;
  }
  for (const auto& i : loaded.issues) evaluated.run->issues.push_back({i.code, i.pointer, i.message});
  return std::move(evaluated.run);
}

}  // namespace baomi::tools

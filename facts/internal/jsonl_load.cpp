// Loading a JSON Lines folder: the same handler, issues mapped back to each file's line and column.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <thread>

#include "base/language.hpp"
#include "facts/internal/issue_sink.hpp"
#include "facts/internal/json_pipeline.hpp"
#include "facts/internal/jsonl_reader.hpp"
#include "facts/internal/load_threads.hpp"
#include "facts/internal/loader_access.hpp"
#include "facts/internal/projection_filter.hpp"
#include "facts/internal/resolve_refs.hpp"
#include "facts/internal/snapshot_handler.hpp"

namespace baomi::facts {

namespace {

namespace fs = std::filesystem;
using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

constexpr std::string_view header_name = "snapshot.json";

// A file's offsets in the handler's offsets: [base, next file's base).
struct file_span {
  std::string path;
  std::size_t base = 0;
};

std::vector<file_span> spans_of(const jsonl_source& source) {
  std::vector<file_span> spans{{source.header.string(), 0}};
  for (const auto& f : source.files) {
    if (f.read) spans.push_back({f.path.string(), f.base});
  }
  return spans;
}

// (line, column) and the file of each sorted offset: each file is read once more, up to its last one.
std::vector<std::pair<std::size_t, std::size_t>> positions_of(const std::vector<std::size_t>& offsets,
                                                              const std::vector<file_span>& spans,
                                                              std::vector<std::string>& paths) {
  std::vector<std::pair<std::size_t, std::size_t>> result;
  std::size_t at = 0;
  for (std::size_t i = 0; i < spans.size() && at < offsets.size(); ++i) {
    std::vector<std::size_t> local;
    while (at < offsets.size() && (i + 1 == spans.size() || offsets[at] < spans[i + 1].base)) {
      local.push_back(offsets[at++] - spans[i].base);
      paths.push_back(spans[i].path);
    }
    if (local.empty()) continue;
    position_finder finder(std::move(local));
    file_handle file(std::fopen(spans[i].path.c_str(), "rb"), &std::fclose);
    std::vector<char> chunk(1 << 20);
    while (file && !finder.done()) {
      std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
      if (got == 0) break;
      finder.feed(std::string_view(chunk.data(), got));
    }
    for (auto& p : finder.finish()) result.push_back(p);
  }
  return result;
}

// An issue without a position belongs to its collection's file (a dangling ref, a capped summary),
// else to the header (a missing as_of).
std::string path_by_pointer(const jsonl_source& source, const std::string& pointer) {
  std::string_view name = pointer;
  if (!name.empty()) name.remove_prefix(1);
  name = name.substr(0, name.find('/'));
  for (const auto& f : source.files) {
    if (f.read && f.name == name) return f.path.string();
  }
  return source.header.string();
}

}  // namespace

jsonl_source list_jsonl_folder(const fs::path& dir, const schema& s) {
  jsonl_source source;
  source.schema = &s;
  source.header = dir / header_name;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto& path = entry.path();
    if (path.extension() == ".jsonl") source.files.push_back({path.stem().string(), path});
  }
  std::sort(source.files.begin(), source.files.end(),
            [](const jsonl_file& a, const jsonl_file& b) { return a.name < b.name; });
  return source;
}

bool jsonl_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::string jsonl_blank_message() {
  return std::string(base::pick("空行：JSON Lines 文件的每一行必须是一个 JSON 对象",
                                "blank line: every line of a JSON Lines file must hold one JSON object"));
}

load_result load_snapshot_folder(const fs::path& dir, const schema& s, const load_options& options,
                                 reader_thread mode) {
  load_result result{store(s), {}, dir.string(), true};
  jsonl_source source = list_jsonl_folder(dir, s);
  std::error_code ec;
  if (!fs::is_regular_file(source.header, ec)) {
    result.complete = false;
    result.issues.push_back({std::string(codes::unreadable_file), "",
                             base::say("无法打开快照头文件 {}：JSON Lines 文件夹需要它（含 as_of）",
                                       "cannot open the snapshot header {}: a JSON Lines folder needs it (with as_of)",
                                       source.header.string())});
    result.issues.back().path = source.header.string();
    return result;
  }
  issue_sink issues(options.max_issues_per_place);
  token_place place;
  snapshot_handler handler(result.store, place, issues, options);
  if (reads_on_own_thread(mode, options))
    read_jsonl_pipelined(source, handler, place);
  else
    read_projected(handler, s, options.keep, [&](auto& h) { return read_jsonl(source, h, place); });
  handler.finish();
  for (auto& i : source.issues) issues.add(i.code, std::move(i.pointer), i.offset, std::move(i.message));
  result.complete = !handler.failed() && !source.read_failed;  // an unreadable file is an F0100 issue
  issue_sink discarded(0);
  resolve_refs(result.store, result.complete ? issues : discarded);
  loader_access::finish(result.store);
  std::vector<std::string> paths;
  auto positions = positions_of(issues.offsets(), spans_of(source), paths);
  result.issues = issues.finish(positions);
  // The positioned issues come first, in offset order: the order of `paths`.
  for (std::size_t i = 0; i < result.issues.size(); ++i)
    result.issues[i].path = i < paths.size() ? paths[i] : path_by_pointer(source, result.issues[i].pointer);
  for (const auto& f : source.files) {
    if (auto entity = s.find_collection(f.name); entity && f.read)
      loader_access::set_source(loader_access::table_at(result.store, *entity), f.path.string());
  }
  return result;
}

}  // namespace baomi::facts

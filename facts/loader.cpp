// Snapshot loading: read the JSON into the store, resolve refs, then give issues their line and column.
#include "facts/loader.hpp"
#include "base/language.hpp"

#include <cstdio>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include "facts/internal/issue_sink.hpp"
#include "facts/internal/json_input.hpp"
#include "facts/internal/json_pipeline.hpp"
#include "facts/internal/json_reader.hpp"
#include "facts/internal/load_threads.hpp"
#include "facts/internal/loader_access.hpp"
#include "facts/internal/projection_filter.hpp"
#include "facts/internal/resolve_refs.hpp"
#include "facts/internal/snapshot_handler.hpp"

namespace baomi::facts {

namespace {

using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

// Parses, resolves and finishes; `replay` feeds the text again to a position_finder, since positions
// are computed in one pass at the end rather than tracked for every token.

template <typename Replay>
load_result load(json_input& input, const schema& s, std::string path, const load_options& options, reader_thread mode,
                 Replay replay) {
  load_result result{store(s), {}, std::move(path), true};
  issue_sink issues(options.max_issues_per_place);
  token_place place;
  snapshot_handler handler(result.store, place, issues, options);
  if (reads_on_own_thread(mode, options))
    read_json_pipelined(input, handler, place);
  else
    read_projected(handler, s, options.keep, [&](auto& h) { return read_json(input, h, place); });
  handler.finish();
  result.complete = !handler.failed();
  if (input.read_failed()) {
    result.complete = false;
    issues.add(codes::unreadable_file, "", std::nullopt,
               std::string(base::pick("读取快照文件时出错，加载未完成",
                                      "error reading the snapshot file; the load is incomplete")));
  }
  // After a malformed document the targets of many refs were never read: their cells still become
  // invalid, but only the parse error is reported.
  issue_sink discarded(0);
  resolve_refs(result.store, result.complete ? issues : discarded);
  loader_access::finish(result.store);
  position_finder positions(issues.offsets());
  if (!positions.done()) replay(positions);
  result.issues = issues.finish(positions.finish());
  for (auto& i : result.issues) i.path = result.path;
  return result;
}

}  // namespace

bool reads_on_own_thread(reader_thread mode, const load_options& options) {
  if (mode != reader_thread::automatic) return mode == reader_thread::own;
  return options.threads == 0 ? std::thread::hardware_concurrency() > 1 : options.threads > 1;
}

load_result load_snapshot_text(std::string_view json_text, const schema& s, std::string_view path,
                               const load_options& options, reader_thread mode) {
  json_input input(json_text);
  return load(input, s, std::string(path), options, mode, [&](position_finder& p) { p.feed(json_text); });
}

load_result load_snapshot(std::string_view json_text, const schema& s, std::string_view path,
                          const load_options& options) {
  return load_snapshot_text(json_text, s, path, options, reader_thread::automatic);
}

load_result load_snapshot_file(const std::filesystem::path& file, const schema& s, const load_options& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return load_snapshot_folder(file, s, options, reader_thread::automatic);
  file_handle handle(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!handle) {
    load_result result{store(s), {}, file.string(), false};
    result.issues.push_back({std::string(codes::unreadable_file), "",
                             base::say("无法打开快照文件 {}", "cannot open the snapshot file {}", file.string())});
    result.issues.back().path = file.string();
    return result;
  }
  json_input input(handle.get());
  return load(input, s, file.string(), options, reader_thread::automatic, [&](position_finder& p) {
    std::rewind(handle.get());
    std::vector<char> chunk(1 << 20);
    while (!p.done()) {
      std::size_t got = std::fread(chunk.data(), 1, chunk.size(), handle.get());
      if (got == 0) break;
      p.feed(std::string_view(chunk.data(), got));
    }
  });
}

}  // namespace baomi::facts

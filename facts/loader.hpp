// Loading a JSON snapshot (one file, or a folder of JSON Lines) into the fact store, driven by the schema.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "facts/issue.hpp"
#include "facts/schema.hpp"
#include "facts/store.hpp"

namespace baomi::facts {

struct load_options {
  /// Each code at each schema place (`/people/*/born`) is reported this many times in full; further
  /// occurrences are counted in one summary issue. The cells stay marked invalid either way.
  std::size_t max_issues_per_place = 100;
  /// Rows one collection may hold: the object past it stops the load with F0110 (the load is not
  /// complete), so a runaway export fails with a located error instead of exhausting memory.
  std::size_t max_rows_per_collection = default_max_rows;
  /// Bytes of one string value: a longer one is reported (F0209) and its cell is invalid, not stored.
  /// (nlohmann's parser holds the one string it is reading; nothing keeps it after the report.)
  std::size_t max_string_bytes = default_max_string_bytes;

  /// Threads the load may use: 1 reads and stores on the calling thread; 0 (the default) or more
  /// reads on a second thread while the calling one stores, when the machine has two cores or more
  /// (0) or when asked (2 or more). The store and the issues are the same either way.
  unsigned threads = 0;

  /// The fields to type and store, per entity type (`keep[entity][field]`); empty: every field. The
  /// others are still read as JSON (malformed JSON anywhere stops the load) but are not typed, stored
  /// or checked, so they get no data issues; their cells are null. A collection none of whose fields
  /// is kept is passed over whole; a kept collection must keep its key. `engine::fields_read` gives
  /// what a plan's rules read (`check --rule`).
  std::vector<std::vector<bool>> keep;

  static constexpr std::size_t default_max_rows = 50'000'000;
  static constexpr std::size_t default_max_string_bytes = 1 << 20;
};

/// What a load produced. `store` holds everything readable even when issues were found; only a
/// malformed JSON text (F0101) or an unreadable file stops the load early (`complete` is false).
struct load_result {
  facts::store store;
  std::vector<issue> issues;
  std::string path;
  bool complete = true;
};

/// Loads a snapshot from memory. `path` is only used in messages. Issues come in text order, then
/// those found after parsing (a missing `as_of`, dangling refs in schema and row order), then the
/// summaries of capped repeats.
load_result load_snapshot(std::string_view json_text, const schema& s, std::string_view path,
                          const load_options& options = {});

/// Loads a snapshot file, streaming it in chunks: the file is never held in memory whole. A directory
/// is a JSON Lines snapshot: `snapshot.json` (as_of, org) and one `NAME.jsonl` per collection, one
/// row a line; issues carry the file they are in and its line and column (docs/facts.md).
load_result load_snapshot_file(const std::filesystem::path& file, const schema& s, const load_options& options = {});

}  // namespace baomi::facts

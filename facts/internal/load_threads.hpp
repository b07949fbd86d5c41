// Private to the loader and its tests: whether the JSON reader runs on a thread of its own.
#pragma once

#include <filesystem>
#include <string_view>
#include <thread>

#include "facts/loader.hpp"

namespace baomi::facts {

/// `automatic` (what load_snapshot and load_snapshot_file do): a reader thread when
/// `load_options::threads` allows two (0: when the machine has two cores or more). The store and the
/// issues are the same either way.
enum class reader_thread { same, own, automatic };

bool reads_on_own_thread(reader_thread mode, const load_options& options);

load_result load_snapshot_text(std::string_view json_text, const schema& s, std::string_view path,
                               const load_options& options, reader_thread mode);

/// A JSON Lines folder (`snapshot.json` and one `NAME.jsonl` per collection), read on one thread or
/// with the reader on a second one; load_snapshot_file calls it for a directory.
load_result load_snapshot_folder(const std::filesystem::path& dir, const schema& s, const load_options& options,
                                 reader_thread mode);

}  // namespace baomi::facts

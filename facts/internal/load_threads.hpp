// Private to the loader and its tests: whether the JSON reader runs on a thread of its own.
#pragma once

#include <string_view>

#include "facts/loader.hpp"

namespace baomi::facts {

/// `automatic` (what load_snapshot and load_snapshot_file do): a reader thread when the machine has
/// two cores or more. The store and the issues are the same either way.
enum class reader_thread { same, own, automatic };

load_result load_snapshot_text(std::string_view json_text, const schema& s, std::string_view path,
                               const load_options& options, reader_thread mode);

}  // namespace baomi::facts

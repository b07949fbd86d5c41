// Golden-file comparison shared by the test suites: compare, print the actual text on mismatch,
// and rewrite the expected file when BAOMI_UPDATE_GOLDEN=1 (to be reviewed with `git diff`).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace baomi::testing {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

/// Files in `folder` (not recursive) whose names end in `suffix`, sorted.
std::vector<std::filesystem::path> files_with_suffix(const std::filesystem::path& folder, std::string_view suffix);

/// Sub-folders of `folder`, sorted.
std::vector<std::filesystem::path> subfolders(const std::filesystem::path& folder);

/// True when `actual` equals the golden file's text; otherwise reports the difference (and
/// rewrites the file when updating is enabled).
bool matches_golden(const std::filesystem::path& golden, const std::string& actual);

/// The repository root (tests run with it as working directory).
std::filesystem::path source_root();

}  // namespace baomi::testing

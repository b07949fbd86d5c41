// Golden-file helpers for Boost.Test suites.
#include "tests/support/golden.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace baomi::testing {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<fs::path> files_with_suffix(const fs::path& folder, std::string_view suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    auto name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > suffix.size() && name.ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> subfolders(const fs::path& folder) {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

bool matches_golden(const fs::path& golden, const std::string& actual) {
  const char* update = std::getenv("BAOMI_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(golden, actual);
    return true;
  }
  if (!fs::exists(golden)) {
    BOOST_TEST_MESSAGE("missing golden file " << golden.string() << "; actual output:\n" << actual);
    return false;
  }
  auto expected = read_file(golden);
  if (expected == actual) return true;
  BOOST_TEST_MESSAGE("golden mismatch for " << golden.string() << "\n--- expected\n"
                                            << expected << "--- actual\n"
                                            << actual);
  return false;
}

fs::path source_root() { return fs::path(BAOMI_SOURCE_DIR); }

}  // namespace baomi::testing

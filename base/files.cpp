// The one folder walk.
#include "base/files.hpp"

#include <algorithm>
#include <filesystem>

namespace baomi::base {

found_files find_files(const std::vector<std::string>& paths, std::string_view suffix) {
  namespace fs = std::filesystem;
  found_files out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        auto name = it->path().filename().string();
        if (it->is_regular_file(ec) && name.ends_with(suffix)) found.push_back(it->path().generic_string());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.files.push_back({std::move(f), path});
    } else if (fs::is_regular_file(path, ec)) {
      out.files.push_back({fs::path(path).generic_string(), fs::path(path).parent_path().generic_string()});
    } else {
      out.missing.push_back(path);
    }
  }
  return out;
}

}  // namespace baomi::base

// Recursive discovery of `.baomi` files in a stable order.
#include "tools/files.hpp"

#include <algorithm>
#include <filesystem>

namespace baomi::tools {

std::vector<std::string> find_baomi_files(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".baomi") found.push_back(it->path().generic_string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, ec)) {
      files.push_back(path);
    } else {
      missing.push_back(path);
    }
  }
  return files;
}

}  // namespace baomi::tools

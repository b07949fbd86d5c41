// Finding `.baomi` files under the paths given on the command line.
#pragma once

#include <string>
#include <vector>

namespace baomi::tools {

/// The `.baomi` files named by `paths` (files as given, folders searched recursively), sorted
/// within each folder. Paths that do not exist are returned in `missing`.
std::vector<std::string> find_baomi_files(const std::vector<std::string>& paths, std::vector<std::string>& missing);

}  // namespace baomi::tools

// The one folder walk: files named on a command line or found under folders, in a stable order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace baomi::base {

/// One file found, with the folder it was found under (the path's parent folder for a file named
/// directly), so that callers can name it relative to that root.
struct found_file {
  std::string path;  // generic form (forward slashes)
  std::string root;
};

struct found_files {
  std::vector<found_file> files;
  std::vector<std::string> missing;  // paths that are neither a file nor a folder
};

/// The files named by `paths`: a file is taken as given, whatever its name; a folder is searched
/// recursively for regular files whose name ends with `suffix` (".baomi", ".fixture.json"), sorted
/// within that folder. The order of `paths` is kept.
found_files find_files(const std::vector<std::string>& paths, std::string_view suffix);

}  // namespace baomi::base

// The national baseline rulesets compiled into the binary (generated from rulesets/cn/).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace baomi::tools {

/// (path, text) of each shipped `.baomi` file, path relative to the repository (`rulesets/cn/x.baomi`).
const std::vector<std::pair<std::string, std::string>>& embedded_rules();

}  // namespace baomi::tools

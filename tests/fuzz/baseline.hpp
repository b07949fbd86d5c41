// The national baseline (rulesets/cn), parsed and checked once for the fuzz targets that need it.
#pragma once

#include "engine/check.hpp"
#include "engine/modules.hpp"

namespace baomi::fuzz {

/// The baseline's modules, loaded from the source tree (BAOMI_SOURCE_DIR) on first use.
engine::module_set& baseline_modules();
/// The checked baseline program (its schema is the snapshot schema); aborts if it does not check.
const engine::checked_program& baseline_program();

}  // namespace baomi::fuzz

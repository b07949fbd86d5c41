// Compatibility facade: the modules the checker reads and the checked program it builds. New code
// includes engine/modules.hpp or engine/checked_program.hpp (no AST) directly.
#pragma once

#include "engine/checked_program.hpp"
#include "engine/modules.hpp"

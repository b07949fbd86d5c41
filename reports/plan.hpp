// Rendering the description of a rule's compiled plan (`baomi plan`) as text or JSON.
#pragma once

#include <string>

#include "engine/describe.hpp"

namespace baomi::reports {

/// An indented tree per step; each quantifier or aggregate says whether it is an index lookup.
std::string render_plan_text(const engine::rule_plan& plan);

/// The same as one JSON object (pretty-printed, with a final newline).
std::string render_plan_json(const engine::rule_plan& plan);

}  // namespace baomi::reports

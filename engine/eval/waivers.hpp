// Waivers applied to findings, and warnings about waivers expired, not yet valid or unused.
#pragma once

#include <vector>

#include "engine/findings.hpp"
#include "engine/waivers.hpp"
#include "facts/date.hpp"

namespace baomi::engine::evaluation {

/// Marks `f` waived when an active waiver names its rule and subject; records which were `used`.
void apply_waivers(finding& f, const std::vector<waiver>& waivers, std::vector<bool>& used, facts::day_number as_of);

/// Adds W0201 (expired), W0203 (not yet valid) and W0202 (matched nothing) issues to the run.
void report_waivers(run_result& run, const std::vector<waiver>& waivers, const std::vector<bool>& used,
                    facts::day_number as_of);

}  // namespace baomi::engine::evaluation

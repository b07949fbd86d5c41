// The codes of the issues the evaluator adds to a run (about waivers), documented in
// docs/diagnostics.md. Codes are stable: add new ones, never renumber.
#pragma once

#include <string_view>

namespace baomi::engine::codes {

/// A waiver whose expiry date is before the run's as_of.
inline constexpr std::string_view waiver_expired = "W0201";
/// A waiver that matched no finding (no such rule and subject in the run).
inline constexpr std::string_view waiver_unused = "W0202";
/// A waiver granted after the run's as_of.
inline constexpr std::string_view waiver_not_yet_valid = "W0203";

}  // namespace baomi::engine::codes

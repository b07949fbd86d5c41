// Waivers: accepted exceptions to a rule for one subject, granted by someone until a date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/findings.hpp"
#include "facts/date.hpp"

namespace baomi::engine {

/// The stable waiver codes (catalogue: docs/diagnostics.md). V01xx: the waivers file and its
/// entries; V02xx: how a valid waiver matched the run (warnings). Formerly W01xx and W02xx, renamed
/// so that they do not collide with lint's W03xx.
namespace waiver_codes {
inline constexpr std::string_view unreadable_file = "V0100";
inline constexpr std::string_view malformed_json = "V0101";
inline constexpr std::string_view not_a_waiver_list = "V0102";
inline constexpr std::string_view malformed_entry = "V0103";
inline constexpr std::string_view invalid_date = "V0104";
inline constexpr std::string_view expired = "V0201";
inline constexpr std::string_view unmatched = "V0202";
inline constexpr std::string_view not_yet_granted = "V0203";
inline constexpr std::string_view unknown_rule = "V0204";
inline constexpr std::string_view unknown_member = "V0205";
}  // namespace waiver_codes

/// A waiver problem: `code` from waiver_codes, the place in the waivers file, the message; V01xx are
/// errors, V02xx warnings.
data_issue waiver_issue(std::string_view code, std::string pointer, std::string message);

struct waiver {
  std::string rule;
  std::string subject;  // the key of the rule's subject entity
  std::string reason;
  std::string approver;
  facts::day_number granted = 0;
  facts::day_number expires = 0;
  std::string pointer;  // `waivers.json#/waivers/0`, for messages
};

struct waiver_file {
  std::vector<waiver> waivers;
  std::vector<data_issue> issues;  // V01xx: malformed entries (each entry is checked, none dropped silently)
  bool readable = true;            // false: missing file or malformed JSON (stops the run)
};

/// Reads `{"waivers": [{rule, subject, reason, approver, granted, expires}, …]}`.
waiver_file load_waivers(const std::string& path);
waiver_file parse_waivers(std::string_view json_text, const std::string& path);

}  // namespace baomi::engine

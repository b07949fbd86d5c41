// Waivers: accepted exceptions to a rule for one subject, granted by someone until a date.
#pragma once

#include <string>
#include <vector>

#include "engine/findings.hpp"
#include "facts/date.hpp"

namespace baomi::engine {

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
  std::vector<data_issue> issues;  // W01xx: malformed entries (each entry is checked, none dropped silently)
  bool readable = true;            // false: missing file or malformed JSON (stops the run)
};

/// Reads `{"waivers": [{rule, subject, reason, approver, granted, expires}, …]}`.
waiver_file load_waivers(const std::string& path);
waiver_file parse_waivers(std::string_view json_text, const std::string& path);

}  // namespace baomi::engine

// The stable codes of the front end's diagnostics (E01xx: reading and parsing a `.baomi` file). The
// catalogue, with an example each, is docs/diagnostics.md.
#pragma once

#include <string_view>

namespace baomi::dsl::codes {

inline constexpr std::string_view invalid_utf8 = "E0101";
inline constexpr std::string_view expected_declaration = "E0102";
inline constexpr std::string_view nesting_too_deep = "E0103";
inline constexpr std::string_view expected_expression = "E0104";
inline constexpr std::string_view unclosed_delimiter = "E0105";
inline constexpr std::string_view string_problem = "E0106";
inline constexpr std::string_view expected_name = "E0107";
inline constexpr std::string_view expected_token = "E0108";
inline constexpr std::string_view expected_type = "E0109";
inline constexpr std::string_view expected_string = "E0110";
inline constexpr std::string_view unknown_severity = "E0111";
inline constexpr std::string_view expected_date = "E0112";
inline constexpr std::string_view invalid_literal = "E0113";
inline constexpr std::string_view duplicate_rule_item = "E0114";
inline constexpr std::string_view interpolation_not_allowed = "E0115";
inline constexpr std::string_view for_after_steps = "E0116";
inline constexpr std::string_view aggregate_form = "E0117";

}  // namespace baomi::dsl::codes

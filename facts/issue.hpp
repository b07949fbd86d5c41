// Data problems found while loading a snapshot: stable codes, JSON Pointers and positions.
#pragma once

#include <string>
#include <string_view>

#include "base/problem.hpp"

namespace baomi::facts {

/// One problem in a snapshot, an error: the snapshot's `path`, the JSON `pointer`, and in
/// `range.begin` the 1-based line and column (the column counts code points), 0 when unknown
/// (problems found after parsing, such as dangling refs). The catalogue of codes, with an example
/// each, is docs/facts-loader.md.
using issue = base::problem;

/// The stable issue codes. F01xx: the file and the document's shape; F02xx: values; F03xx: entities and refs.
namespace codes {
inline constexpr std::string_view unreadable_file = "F0100";
inline constexpr std::string_view malformed_json = "F0101";
inline constexpr std::string_view not_an_object = "F0102";
inline constexpr std::string_view missing_as_of = "F0103";
inline constexpr std::string_view invalid_as_of = "F0104";
inline constexpr std::string_view unknown_collection = "F0105";
inline constexpr std::string_view collection_not_array = "F0106";
inline constexpr std::string_view duplicate_member = "F0107";
inline constexpr std::string_view entity_not_object = "F0108";
inline constexpr std::string_view no_collection = "F0109";
inline constexpr std::string_view too_many_rows = "F0110";
inline constexpr std::string_view collection_in_header = "F0111";
inline constexpr std::string_view unknown_field = "F0201";
inline constexpr std::string_view duplicate_field = "F0202";
inline constexpr std::string_view wrong_type = "F0203";
inline constexpr std::string_view invalid_date = "F0204";
inline constexpr std::string_view invalid_duration = "F0205";
inline constexpr std::string_view unknown_enum_value = "F0206";
inline constexpr std::string_view integer_out_of_range = "F0207";
inline constexpr std::string_view malformed_range = "F0208";
inline constexpr std::string_view string_too_long = "F0209";
inline constexpr std::string_view missing_required = "F0301";
inline constexpr std::string_view missing_key = "F0302";
inline constexpr std::string_view duplicate_key = "F0303";
inline constexpr std::string_view dangling_ref = "F0304";
}  // namespace codes

/// `path:line:col: error[F0204]: message (at /people/3/born)`, with `path` for the issue's path; the
/// position is left out when unknown. The same as base::render_line.
std::string render(const issue& i, std::string_view path);

}  // namespace baomi::facts

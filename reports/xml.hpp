// XML 1.0 escaping for the JUnit writers: control characters that XML cannot hold are written as
// visible \xNN, invalid UTF-8 as U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace baomi::reports {

/// Character data: `&`, `<`, `>` escaped; quotes, newlines and tabs kept.
std::string xml_text(std::string_view text);
/// An attribute value in double quotes: also `"`, newline, tab and carriage return as references.
std::string xml_attribute(std::string_view text);

}  // namespace baomi::reports

// The reports' markup escaping. XML 1.0 for the JUnit writers: control characters that XML cannot
// hold are written as visible \xNN, invalid UTF-8 as U+FFFD. HTML for the HTML reports.
#pragma once

#include <string>
#include <string_view>

namespace baomi::reports {

/// Character data: `&`, `<`, `>` escaped; quotes, newlines and tabs kept.
std::string xml_text(std::string_view text);
/// An attribute value in double quotes: also `"`, newline, tab and carriage return as references.
std::string xml_attribute(std::string_view text);

/// One byte as HTML character data or attribute value: `& < > " '` as references, others as is.
void append_html_escaped(std::string& out, char ch);

}  // namespace baomi::reports

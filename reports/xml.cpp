// The one markup escaping of the reports: XML (JUnit for check results and for fixture results) and HTML.
#include "reports/xml.hpp"

#include <fmt/format.h>

#include "reports/text_layout.hpp"

namespace baomi::reports {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Escapes text for XML 1.0, which cannot hold most control characters even as references: those
// are written as visible \xNN, and invalid UTF-8 as U+FFFD.
std::string escape(std::string_view text, bool attribute) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto start = i;
    char32_t c = next_code_point(text, i);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += attribute ? "&quot;" : "\"";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        continue;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        continue;
      default:
        break;
    }
    auto bytes = text.substr(start, i - start);
    if (c < 0x20)
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    else if (c == 0xFFFE || c == 0xFFFF || (c == 0xFFFD && bytes != replacement))
      out += replacement;
    else
      out += bytes;
  }
  return out;
}

}  // namespace

std::string xml_text(std::string_view text) { return escape(text, false); }
std::string xml_attribute(std::string_view text) { return escape(text, true); }

void append_html_escaped(std::string& out, char ch) {
  switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += ch;
  }
}

}  // namespace baomi::reports

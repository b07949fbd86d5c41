// JSON text written directly, byte for byte as nlohmann's dump writes it (reports/json_text.hpp).
#include "reports/json_text.hpp"

#include <cstring>

#include "base/text.hpp"
#include "reports/json_stream.hpp"

namespace baomi::reports {

// A JSON string as nlohmann's dump writes it with ensure_ascii off: `"` and `\` escaped, the seven
// short escapes, other control bytes as \u00xx; anything else as it is. Invalid UTF-8 (rare) goes
// through nlohmann itself, whose replacement of bad sequences is the reference.
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto start = out.size();
  out += '"';
  std::size_t run = 0;  // bytes copied as they are, since the last escape
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {  // eight plain bytes at a time, most of a report
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, sizeof x);
      auto stops = base::json_string_stops(x);
      if (stops == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctzll(stops)) / 8;
    }
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      // Inline: most of a report's text is Chinese. Invalid UTF-8 goes through nlohmann, whose
      // replacement of bad sequences is the reference.
      auto n = base::utf8_sequence_length(s, i);
      if (n == 0) {
        out.resize(start);
        out += ordered_json(std::string(s)).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    if (b >= 0x20 && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (b) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace baomi::reports

// JSON text written directly, byte for byte as nlohmann's dump writes it (reports/json_text.hpp).
#include "reports/json_text.hpp"

#include "reports/json_stream.hpp"

namespace baomi::reports {

namespace {

// Strict UTF-8 (Unicode table 3-7), as nlohmann's decoder checks it: no overlong forms, no surrogates,
// nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  auto cont = [&](const unsigned char* at, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at < end && *at >= low && *at <= high;
  };
  while (p < end) {
    unsigned char b = *p;
    if (b < 0x80) {
      ++p;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (!cont(p + 1)) return false;
      p += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      unsigned char low = b == 0xE0 ? 0xA0 : 0x80;
      unsigned char high = b == 0xED ? 0x9F : 0xBF;
      if (!cont(p + 1, low, high) || !cont(p + 2)) return false;
      p += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      unsigned char low = b == 0xF0 ? 0x90 : 0x80;
      unsigned char high = b == 0xF4 ? 0x8F : 0xBF;
      if (!cont(p + 1, low, high) || !cont(p + 2) || !cont(p + 3)) return false;
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

// A JSON string as nlohmann's dump writes it with ensure_ascii off: `"` and `\` escaped, the seven
// short escapes, other control bytes as \u00xx; anything else as it is. Invalid UTF-8 (rare) goes
// through nlohmann itself, whose replacement of bad sequences is the reference.
void append_json_string(std::string& out, std::string_view s) {
  if (!valid_utf8(s)) {
    out += ordered_json(std::string(s)).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // bytes copied as they are, since the last escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b != '"' && b != '\\') continue;
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
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace baomi::reports

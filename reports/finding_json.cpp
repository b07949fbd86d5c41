// A finding as JSON text, written directly: the same bytes as nlohmann's dump of finding_json(f), made
// without building the JSON tree (a large report writes millions of findings).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "reports/json_stream.hpp"
#include "reports/summary.hpp"

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

// A JSON string as nlohmann's dump writes it with ensure_ascii off: `"` and `\` escaped, the seven
// short escapes, other control bytes as \u00xx; anything else as it is. Invalid UTF-8 (rare) goes
// through nlohmann itself, whose replacement of bad sequences is the reference.
void append_string(std::string& out, std::string_view s) {
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

// Objects and arrays laid out as dump(2) (`pretty`, each line break followed by `base` more spaces)
// or dump(-1).
class json_writer {
 public:
  json_writer(std::string& out, bool pretty, std::size_t base) : m_out(out), m_pretty(pretty), m_base(base) {}

  void open(char bracket) {
    m_out += bracket;
    m_first[++m_depth] = true;
  }
  void close(char bracket) {
    bool empty = m_first[m_depth];
    --m_depth;
    if (!empty && m_pretty) newline();
    m_out += bracket;
  }
  void key(std::string_view name) {
    next();
    append_string(m_out, name);
    m_out += m_pretty ? ": " : ":";
  }
  void element() { next(); }
  void string(std::string_view name, std::string_view value) {
    key(name);
    append_string(m_out, value);
  }
  void string_if(std::string_view name, std::string_view value) {
    if (!value.empty()) string(name, value);
  }

 private:
  void next() {
    if (!m_first[m_depth]) m_out += ',';
    m_first[m_depth] = false;
    if (m_pretty) newline();
  }
  void newline() {
    m_out += '\n';
    m_out.append(m_base + 2 * m_depth, ' ');
  }

  std::string& m_out;
  bool m_pretty;
  std::size_t m_base;
  std::size_t m_depth = 0;
  std::array<bool, 8> m_first{};
};

}  // namespace

void append_finding_json(std::string& out, const engine::finding& f, bool pretty, std::size_t indent) {
  json_writer w(out, pretty, indent);
  w.open('{');
  w.string("rule", rule_of(f).id);
  w.string("outcome", engine::to_string(f.outcome));
  w.string("severity", engine::to_string(f.severity));
  w.key("subject");
  w.open('{');
  w.string("collection", f.subject.collection);
  w.string("key", f.subject.key);
  w.string("pointer", f.subject.pointer);
  w.string("label", f.subject.label);
  w.close('}');
  w.string("message", f.message);
  w.string_if("remedy", f.remedy);
  w.key("evidence");
  w.open('[');
  for (const auto& e : f.evidence) {
    w.element();
    w.open('{');
    w.string("pointer", e.pointer);
    w.string("value", e.value);
    w.string_if("role", e.role);
    w.close('}');
  }
  w.close(']');
  if (f.due) w.string("due", *f.due);
  if (f.days_left) {
    w.key("days_left");
    out += std::to_string(*f.days_left);
  }
  w.string("fingerprint", f.fingerprint);
  w.string_if("waiver_reason", f.waiver_reason);
  w.close('}');
}

}  // namespace baomi::reports

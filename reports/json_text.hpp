// JSON text written directly, byte for byte as nlohmann's dump writes it (dump(2) or dump(-1), ensure_ascii
// off, invalid UTF-8 replaced), for the writers' per-finding elements: a large report writes millions
// of them, and building an nlohmann tree for each cost more than the rest of the check.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::reports {

/// `s` as a JSON string: `"` and `\` escaped, the seven short escapes, other control bytes as \u00xx,
/// anything else as it is. Text with invalid UTF-8 (rare) goes through nlohmann itself, whose
/// replacement of bad sequences is the reference.
void append_json_string(std::string& out, std::string_view s);

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
    append_json_string(m_out, name);
    m_out += m_pretty ? ": " : ":";
  }
  void element() { next(); }
  void string(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(m_out, value);
  }
  void string_if(std::string_view name, std::string_view value) {
    if (!value.empty()) string(name, value);
  }
  void number(std::string_view name, std::int64_t value) {
    key(name);
    m_out += std::to_string(value);
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

/// A finding's evidence as the member `"evidence"`: an array of {pointer, value, role if any}, as the
/// JSON report, NDJSON and SARIF's result properties all give it.
void write_evidence(json_writer& w, const std::vector<engine::evidence>& evidence);

}  // namespace baomi::reports

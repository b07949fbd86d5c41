// The generator's output buffer.
#include "tools/gen/json_writer.hpp"

#include <charconv>

namespace baomi::gen {

void json_writer::quote(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out.append("\\u00");
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void json_writer::append_integer(std::string& out, std::int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

void json_writer::append_date(std::string& out, facts::day_number day) {
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), without allocating.
  std::int64_t z = static_cast<std::int64_t>(day) + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  auto y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  auto year = static_cast<unsigned>(y);
  char text[12] = {'"',
                   static_cast<char>('0' + year / 1000 % 10),
                   static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10),
                   static_cast<char>('0' + year % 10),
                   '-',
                   static_cast<char>('0' + m / 10),
                   static_cast<char>('0' + m % 10),
                   '-',
                   static_cast<char>('0' + d / 10),
                   static_cast<char>('0' + d % 10),
                   '"'};
  out.append(text, sizeof text);
}

void json_writer::string(std::string_view text) {
  quote(m_buffer, text);
  if (m_buffer.size() >= block) flush();
}

void json_writer::integer(std::int64_t value) { append_integer(m_buffer, value); }

void json_writer::date(facts::day_number day) { append_date(m_buffer, day); }

bool json_writer::flush() {
  if (!m_buffer.empty() && !m_failed) {
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) m_failed = true;
  }
  m_written += m_buffer.size();
  m_buffer.clear();
  return !m_failed;
}

}  // namespace baomi::gen

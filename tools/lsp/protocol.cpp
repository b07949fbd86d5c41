// JSON-RPC framing and UTF-16 positions. Written by hand: the framing is a few lines, and no
// library we use converts between UTF-8 offsets and UTF-16 code units.
#include "tools/lsp/protocol.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"

namespace baomi::lsp {

namespace {

constexpr std::size_t max_body = 64 * 1024 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

read_result read_message(std::istream& in) {
  std::optional<std::size_t> length;
  std::string line;
  bool any_header = false;
  while (true) {
    if (!std::getline(in, line)) {
      if (!any_header) return {read_status::end_of_input, {}, {}};
      return {read_status::bad_header, {}, "input ended inside the header"};
    }
    auto text = trim(line);
    if (text.empty()) {
      if (!any_header) continue;  // tolerate blank lines between messages
      break;
    }
    any_header = true;
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return {read_status::bad_header, {}, "header line without `:`"};
    if (!iequals(trim(text.substr(0, colon)), "content-length")) continue;
    auto value = trim(text.substr(colon + 1));
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n > max_body) {
      return {read_status::bad_header, {}, "invalid Content-Length"};
    }
    length = n;
  }
  if (!length) return {read_status::bad_header, {}, "no Content-Length header"};
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return {read_status::bad_header, {}, "message body cut short"};
  return {read_status::ok, std::move(body), {}};
}

void write_message(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

line_index::line_index(std::string_view text) : m_text(text) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') m_line_starts.push_back(i + 1);
  }
}

std::size_t line_index::line_end(std::size_t line) const {
  std::size_t end = line + 1 < m_line_starts.size() ? m_line_starts[line + 1] - 1 : m_text.size();
  if (end > m_line_starts[line] && m_text[end - 1] == '\r' && line + 1 < m_line_starts.size()) --end;
  return end;
}

std::size_t line_index::offset_of(position p) const {
  if (p.line >= m_line_starts.size()) return m_text.size();
  std::size_t i = m_line_starts[p.line];
  std::size_t end = line_end(p.line);
  std::uint32_t units = 0;
  while (i < end && units < p.character) {
    std::size_t next = i;
    char32_t c = base::next_code_point(m_text.substr(0, end), next);
    std::uint32_t width = c >= 0x10000 ? 2 : 1;
    if (units + width > p.character) break;  // inside a surrogate pair: stay before it
    units += width;
    i = next;
  }
  return i;
}

position line_index::position_of(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto line = static_cast<std::size_t>(it - m_line_starts.begin()) - 1;
  std::size_t i = m_line_starts[line];
  std::uint32_t units = 0;
  while (i < offset) {
    std::size_t next = i;
    char32_t c = base::next_code_point(m_text, next);
    if (next > offset) break;
    units += c >= 0x10000 ? 2 : 1;
    i = next;
  }
  return {static_cast<std::uint32_t>(line), units};
}

}  // namespace baomi::lsp

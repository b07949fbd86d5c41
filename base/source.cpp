// Line index and code-point columns for text files.
#include "base/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/text.hpp"

namespace baomi::base {

source_file::source_file(std::string path, std::string text) : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  }
}

std::optional<source_file> source_file::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return source_file(path, std::move(buffer).str());
}

location source_file::locate(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  auto line_index = static_cast<std::size_t>(next - m_line_starts.begin()) - 1;
  auto start = m_line_starts[line_index];
  auto column = count_code_points(std::string_view(m_text).substr(start, offset - start)) + 1;
  return {static_cast<std::uint32_t>(line_index + 1), static_cast<std::uint32_t>(column)};
}

source_range source_file::range(std::size_t begin, std::size_t end) const {
  return {locate(begin), locate(end), static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > m_line_starts.size()) return {};
  auto start = m_line_starts[line - 1];
  auto end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
  std::string_view text = std::string_view(m_text).substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::optional<std::size_t> source_file::first_invalid_utf8() const { return base::first_invalid_utf8(m_text); }

}  // namespace baomi::base

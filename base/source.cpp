// Line index and code-point columns for text files.
#include "base/source.hpp"

#include <algorithm>
#include <fstream>

#include "base/language.hpp"
#include "base/text.hpp"

namespace baomi::base {

source_file::source_file(std::string path, std::string text) : m_path(std::move(path)), m_text(std::move(text)) {
  m_line_starts.push_back(0);
  for (std::size_t i = 0; i < m_text.size(); ++i) {
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  }
}

std::string_view describe(read_failure failure) {
  switch (failure) {
    case read_failure::too_large:
      return pick("文件超过 16 MiB，即整体读取的文本文件的上限（base::max_text_file_bytes）",
                  "the file is larger than 16 MiB, the limit for a text file read whole (base::max_text_file_bytes)");
    case read_failure::unreadable:
      break;
  }
  return pick("无法读取文件", "cannot read the file");
}

std::optional<source_file> source_file::read(const std::string& path, read_failure* why) {
  auto fail = [&](read_failure failure) {
    if (why) *why = failure;
    return std::nullopt;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(read_failure::unreadable);
  // Read in chunks up to one byte past the limit: works for pipes too, and never holds more.
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_text_file_bytes) return fail(read_failure::too_large);
  }
  if (in.bad()) return fail(read_failure::unreadable);
  return source_file(path, std::move(text));
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

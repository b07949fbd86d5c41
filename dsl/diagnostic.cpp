// Rendering of diagnostics in the compiler style: header line, source line, caret, notes.
#include "dsl/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

namespace baomi::dsl {

const char* to_string(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

namespace {

// Byte offset within `line` of the 1-based code-point column (clamped to the line's end).
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::uint32_t seen = 1;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (seen == column) return i;
    ++seen;
  }
  return line.size();
}

std::string expand_tabs(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

void render_snippet(std::string& out, const source_range& range, const source_file& source) {
  auto line = source.line_text(range.begin.line);
  auto number = std::to_string(range.begin.line);
  std::string gutter(number.size(), ' ');
  auto start = byte_of_column(line, range.begin.column);
  auto stop = range.end.line == range.begin.line ? byte_of_column(line, range.end.column) : line.size();
  auto pad = display_width(expand_tabs(line.substr(0, start)));
  auto width = stop > start ? display_width(line.substr(start, stop - start)) : 0;
  out += fmt::format(" {} | {}\n", number, expand_tabs(line));
  out += fmt::format(" {} | {}{}\n", gutter, std::string(pad, ' '), std::string(std::max<std::size_t>(width, 1), '^'));
}

}  // namespace

std::string render(const diagnostic& d, const source_file* source) {
  std::string out = fmt::format("{}:{}:{}: {}[{}]: {}\n", d.path, d.range.begin.line, d.range.begin.column,
                                to_string(d.severity), d.code, d.message);
  if (source != nullptr && d.range.begin.line >= 1 && d.range.begin.line <= source->line_count()) {
    render_snippet(out, d.range, *source);
  }
  for (const auto& n : d.notes) {
    if (n.range) {
      out += fmt::format("note: {}:{}:{}: {}\n", d.path, n.range->begin.line, n.range->begin.column, n.message);
    } else {
      out += fmt::format("note: {}\n", n.message);
    }
  }
  return out;
}

void sort_and_unique(std::vector<diagnostic>& diagnostics) {
  auto key = [](const diagnostic& d) { return std::tie(d.path, d.range.begin, d.code, d.message); };
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  auto same = [&](const diagnostic& a, const diagnostic& b) { return key(a) == key(b); };
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(), same), diagnostics.end());
}

}  // namespace baomi::dsl

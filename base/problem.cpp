// Rendering of problems in the compiler style (header line, source line, caret, notes) and their kinds.
#include "base/problem.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "base/text.hpp"

namespace baomi::base {

const char* to_string(severity s) {
  switch (s) {
    case severity::error:
      return "error";
    case severity::warning:
      return "warning";
    case severity::note:
      return "note";
  }
  return "error";
}

problem::problem(std::string code_, base::severity severity_, std::string path_, source_range range_,
                 std::string message_, std::vector<note> notes_, std::string pointer_)
    : code(std::move(code_)),
      severity(severity_),
      path(std::move(path_)),
      range(range_),
      message(std::move(message_)),
      notes(std::move(notes_)),
      pointer(std::move(pointer_)) {}

problem::problem(std::string code_, std::string pointer_, std::string message_)
    : code(std::move(code_)), range(unknown_range), message(std::move(message_)), pointer(std::move(pointer_)) {}

namespace {

std::string expand_tabs(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

void render_snippet(std::string& out, const source_range& range, const source_file& source) {
  auto line = source.line_text(range.begin.line);
  auto number = std::to_string(range.begin.line);
  std::string gutter(number.size(), ' ');
  auto start = byte_of_code_point(line, range.begin.column - 1);
  auto stop = range.end.line == range.begin.line ? byte_of_code_point(line, range.end.column - 1) : line.size();
  auto pad = display_width(expand_tabs(line.substr(0, start)));
  auto width = stop > start ? display_width(line.substr(start, stop - start)) : 0;
  out += fmt::format(" {} | {}\n", number, expand_tabs(line));
  out += fmt::format(" {} | {}{}\n", gutter, std::string(pad, ' '), std::string(std::max<std::size_t>(width, 1), '^'));
}

}  // namespace

problem& problem::add_note(std::string text, std::optional<source_range> at) {
  notes.push_back(note{std::move(text), at});
  return *this;
}

std::string render_line(const problem& p) {
  std::string out;
  if (!p.path.empty()) out += p.path;
  if (!p.path.empty() && p.has_position()) out += fmt::format(":{}:{}", p.range.begin.line, p.range.begin.column);
  if (!out.empty()) out += ": ";
  out += fmt::format("{}[{}]: {}", to_string(p.severity), p.code, p.message);
  if (!p.pointer.empty()) out += fmt::format(" (at {})", p.pointer);
  return out;
}

std::string render(const problem& p, const source_file* source) {
  std::string out = render_line(p) + "\n";
  if (source != nullptr && p.has_position() && p.range.begin.line <= source->line_count()) {
    render_snippet(out, p.range, *source);
  }
  for (const auto& n : p.notes) {
    if (n.range) {
      out += fmt::format("note: {}:{}:{}: {}\n", p.path, n.range->begin.line, n.range->begin.column, n.message);
    } else {
      out += fmt::format("note: {}\n", n.message);
    }
  }
  return out;
}

void sort_and_unique(std::vector<problem>& problems) {
  auto key = [](const problem& p) { return std::tie(p.path, p.range.begin, p.code, p.message, p.pointer); };
  std::stable_sort(problems.begin(), problems.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  auto same = [&](const problem& a, const problem& b) { return key(a) == key(b); };
  problems.erase(std::unique(problems.begin(), problems.end(), same), problems.end());
}

problem_kind kind_of(std::string_view code) {
  if (code.size() != 5) return problem_kind::other;
  if (code == codes::missing_file) return problem_kind::usage;
  switch (code[0]) {
    case 'E':
      return code[1] == '0' && code[2] >= '1' && code[2] <= '3' ? problem_kind::rules : problem_kind::other;
    case 'W':
      return code.substr(0, 3) == "W03" ? problem_kind::rules : problem_kind::other;
    case 'F':
      return problem_kind::data;
    case 'V':
      return problem_kind::waivers;
    default:
      return problem_kind::other;
  }
}

bool is_input_error(const problem& p) {
  switch (kind_of(p)) {
    case problem_kind::usage:
      return true;
    case problem_kind::rules:
      return p.severity == severity::error;
    case problem_kind::data:
      return p.code == "F0100" || p.code == "F0101" || p.code == "F0102";
    case problem_kind::waivers:
      return p.code == "V0100" || p.code == "V0101" || p.code == "V0102";
    case problem_kind::other:
      return false;
  }
  return false;
}

std::optional<severity> worst_severity(const std::vector<problem>& problems) {
  std::optional<severity> worst;
  for (const auto& p : problems) {
    if (!worst || p.severity < *worst) worst = p.severity;
  }
  return worst;
}

std::size_t count_severity(const std::vector<problem>& problems, severity s) {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [&](const problem& p) { return p.severity == s; }));
}

}  // namespace baomi::base

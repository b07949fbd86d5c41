// Issue collection for the loader, and the one-line rendering of an issue.
#include "facts/internal/issue_sink.hpp"
#include "base/language.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace baomi::facts {

namespace {

// `/people/12/phones/0` -> `/people/*/phones/*`: one place in the schema, whatever the row.
std::string pattern_of(std::string_view pointer) {
  std::string pattern;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t next = pointer.find('/', i + 1);
    if (next == std::string_view::npos) next = pointer.size();
    std::string_view token = pointer.substr(i + 1, next - i - 1);
    bool index = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    pattern += '/';
    pattern += index ? std::string_view("*") : token;
    i = next;
  }
  return pattern;
}

}  // namespace

void issue_sink::add(std::string_view code, std::string pointer, std::optional<std::size_t> offset,
                     std::string message) {
  std::string pattern = pattern_of(pointer);
  std::string place = std::string(code) + pattern;
  auto [it, inserted] = m_place_index.emplace(place, m_places.size());
  if (inserted) m_places.push_back({std::string(code), std::move(pattern), 0});
  if (++m_places[it->second].count > m_max_per_place) return;
  m_pending.push_back({issue{std::string(code), std::move(pointer), std::move(message)}, offset});
}

std::vector<std::size_t> issue_sink::offsets() const {
  std::vector<std::size_t> result;
  for (const auto& p : m_pending) {
    if (p.offset) result.push_back(*p.offset);
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<issue> issue_sink::finish(const std::vector<std::pair<std::size_t, std::size_t>>& positions) {
  std::vector<std::size_t> sorted = offsets();
  for (auto& p : m_pending) {
    if (!p.offset) continue;
    auto at = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), *p.offset) - sorted.begin());
    if (at >= positions.size()) continue;
    auto [line, column] = positions[at];
    p.item.range.begin = {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
    p.item.range.end = p.item.range.begin;
  }
  std::stable_sort(m_pending.begin(), m_pending.end(), [](const pending& a, const pending& b) {
    return a.offset.has_value() && (!b.offset.has_value() || *a.offset < *b.offset);
  });
  std::vector<issue> result;
  result.reserve(m_pending.size());
  for (auto& p : m_pending) result.push_back(std::move(p.item));
  for (const auto& place : m_places) {
    if (place.count <= m_max_per_place) continue;
    // The summary points at the deepest pointer the place shares by all its occurrences.
    std::string pointer = place.pattern.substr(0, place.pattern.find("/*"));
    result.push_back(
        {place.code, std::move(pointer),
         base::say("另有 {} 处同类问题未逐一列出（{}）", "{} more problems of this kind are not listed one by one ({})",
                   place.count - m_max_per_place, place.pattern)});
  }
  return result;
}

std::string render(const issue& i, std::string_view path) {
  issue shown = i;
  shown.path = path;
  return base::render_line(shown);
}

}  // namespace baomi::facts

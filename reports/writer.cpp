// Format names and the dispatch from a format to its writer.
#include "reports/writer.hpp"

#include <array>
#include <utility>

#include "reports/formats.hpp"

namespace baomi::reports {

namespace {

constexpr std::array<std::pair<format, const char*>, 4> format_names{{
    {format::text, "text"},
    {format::json, "json"},
    {format::sarif, "sarif"},
    {format::junit, "junit"},
}};

}  // namespace

std::optional<format> parse_format(std::string_view name) {
  for (auto [f, n] : format_names) {
    if (name == n) return f;
  }
  return std::nullopt;
}

const char* to_string(format f) { return format_names.at(static_cast<std::size_t>(f)).second; }

std::vector<engine::outcome> default_shown() {
  using engine::outcome;
  return {outcome::fail, outcome::unknown, outcome::pending, outcome::waived};
}

std::string write_report(const engine::run_result& result, format f, const report_options& options) {
  switch (f) {
    case format::text:
      return write_text(result, options);
    case format::json:
      return write_json(result, options);
    case format::sarif:
      return write_sarif(result, options);
    case format::junit:
      return write_junit(result, options);
  }
  return {};
}

}  // namespace baomi::reports

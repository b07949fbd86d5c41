// The table of formats and the dispatch from a format to its writer for each kind of result.
#include "reports/writer.hpp"

#include <array>
#include <ostream>
#include <stdexcept>

#include "reports/formats.hpp"

namespace baomi::reports {

namespace {

// Writers are chosen by overload: write_text(const engine::coverage&, …) is coverage's text writer.
// clang-format off
constexpr std::array<format_info, 9> formats{{
    // id           name     extension     check        explain     diff        coverage    test
    {format::text, "text", ".txt", write_text, write_text, write_text, write_text, write_text},
    {format::json, "json", ".json", write_json, nullptr, write_json, write_json, nullptr},
    {format::sarif, "sarif", ".sarif", write_sarif, nullptr, nullptr, nullptr, nullptr},
    {format::junit, "junit", ".junit.xml", write_junit, nullptr, nullptr, nullptr, write_junit},
    {format::html, "html", ".html", write_html, nullptr, nullptr, nullptr, nullptr},
    {format::selfcheck_md, "selfcheck-md", ".selfcheck.md", write_selfcheck_md, nullptr, nullptr, nullptr, nullptr},
    {format::selfcheck_html, "selfcheck-html", ".selfcheck.html", write_selfcheck_html, nullptr, nullptr, nullptr, nullptr},
    {format::ndjson, "ndjson", ".ndjson", write_ndjson, nullptr, nullptr, nullptr, nullptr},
    {format::xlsx, "xlsx", ".xlsx", write_xlsx, nullptr, nullptr, nullptr, nullptr},
}};
// clang-format on

const format_info& row(format f) { return formats.at(static_cast<std::size_t>(f)); }

bool row_supports(const format_info& r, result_kind kind) {
  switch (kind) {
    case result_kind::check:
      return r.check != nullptr;
    case result_kind::explain:
      return r.explain != nullptr;
    case result_kind::diff:
      return r.diff != nullptr;
    case result_kind::coverage:
      return r.coverage != nullptr;
    case result_kind::test:
      return r.test != nullptr;
  }
  return false;
}

template <class Result>
std::string dispatch(writer<Result> w, format f, const Result& result, const report_options& options) {
  if (w == nullptr)
    throw std::invalid_argument(std::string("the format ") + to_string(f) + " cannot write this result");
  return w(result, options);
}

}  // namespace

std::span<const format_info> format_table() { return formats; }

std::optional<format> parse_format(std::string_view name, result_kind kind) {
  for (const auto& r : formats) {
    if (name == r.name && row_supports(r, kind)) return r.id;
  }
  return std::nullopt;
}

const char* to_string(format f) { return row(f).name.data(); }
std::string_view extension(format f) { return row(f).extension; }
bool supports(format f, result_kind kind) { return row_supports(row(f), kind); }

bool lists_shown_only(format f) {
  return f == format::text || f == format::json || f == format::sarif || f == format::ndjson || f == format::xlsx;
}

bool streams(format f) { return f == format::text || f == format::json || f == format::sarif || f == format::ndjson; }

bool is_binary(format f) { return f == format::xlsx; }

std::vector<format> all_formats() {
  std::vector<format> out;
  for (const auto& r : formats) out.push_back(r.id);
  return out;
}

std::string format_names(result_kind kind, std::string_view last) {
  std::vector<std::string_view> names;
  for (const auto& r : formats) {
    if (row_supports(r, kind)) names.push_back(r.name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(last) : std::string(", ");
    out += names[i];
  }
  return out;
}

std::vector<engine::outcome> default_shown() {
  using engine::outcome;
  return {outcome::fail, outcome::unknown, outcome::pending, outcome::waived};
}

std::string write_report(const engine::run_result& result, format f, const report_options& options) {
  return dispatch(row(f).check, f, result, options);
}
void write_report(const engine::run_result& result, format f, const report_options& options, std::ostream& out) {
  if (!streams(f)) {
    out << write_report(result, f, options);
    return;
  }
  write_report(result, *engine::held_findings(result), f, options, out);
}
void write_report(const engine::run_result& result, const engine::finding_source& findings, format f,
                  const report_options& options, std::ostream& out) {
  switch (f) {
    case format::text:
      return stream_text(result, findings, options, out);
    case format::json:
      return stream_json(result, findings, options, out);
    case format::sarif:
      return stream_sarif(result, findings, options, out);
    case format::ndjson:
      return stream_ndjson(result, findings, options, out);
    default:
      if (findings.held() != &result.findings)
        throw std::invalid_argument(std::string("the format ") + to_string(f) + " needs the run's findings held");
      out << write_report(result, f, options);
  }
}
std::string write_report(const engine::explanation& result, format f, const report_options& options) {
  return dispatch(row(f).explain, f, result, options);
}
std::string write_report(const diff_report& result, format f, const report_options& options) {
  return dispatch(row(f).diff, f, result, options);
}
std::string write_report(const engine::coverage& result, format f, const report_options& options) {
  return dispatch(row(f).coverage, f, result, options);
}
std::string write_report(const engine::fixture_suite& result, format f, const report_options& options) {
  return dispatch(row(f).test, f, result, options);
}

}  // namespace baomi::reports

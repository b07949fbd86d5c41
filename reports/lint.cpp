// `baomi lint --format json|sarif`: the diagnostics of the rules for CI annotations.
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "reports/listings.hpp"

namespace baomi::reports {

namespace {

nlohmann::json position(const base::problem& d) {
  if (!d.has_position()) return nullptr;
  return {{"line", d.range.begin.line},
          {"column", d.range.begin.column},
          {"end_line", d.range.end.line},
          {"end_column", d.range.end.column}};
}

}  // namespace

std::string render_lint_json(const std::vector<const base::problem*>& problems, const lint_summary& summary) {
  auto list = nlohmann::json::array();
  for (const auto* d : problems) {
    auto notes = nlohmann::json::array();
    for (const auto& n : d->notes) {
      nlohmann::json note{{"message", n.message}, {"line", nullptr}, {"column", nullptr}};
      if (n.range && n.range->begin.line > 0) {
        note["line"] = n.range->begin.line;
        note["column"] = n.range->begin.column;
      }
      notes.push_back(note);
    }
    list.push_back({{"code", d->code},
                    {"severity", base::to_string(d->severity)},
                    {"path", d->path},
                    {"range", position(*d)},
                    {"message", d->message},
                    {"notes", notes}});
  }
  nlohmann::json j{{"format", "baomi.lint"},
                   {"version", 1},
                   {"summary",
                    {{"files", summary.files},
                     {"rules", summary.rules},
                     {"errors", summary.errors},
                     {"warnings", summary.warnings}}},
                   {"diagnostics", list}};
  return j.dump(2) + "\n";
}

std::string render_lint_sarif(const std::vector<const base::problem*>& problems, const std::string& tool_version) {
  auto results = nlohmann::json::array();
  std::vector<std::string> codes;
  for (const auto* d : problems) {
    if (std::find(codes.begin(), codes.end(), d->code) == codes.end()) codes.push_back(d->code);
    std::string message = d->message;
    for (const auto& n : d->notes) message += "\n" + n.message;
    nlohmann::json physical{{"artifactLocation", {{"uri", d->path}}}};
    if (d->has_position())
      physical["region"] = {{"startLine", d->range.begin.line},
                            {"startColumn", d->range.begin.column},
                            {"endLine", d->range.end.line},
                            {"endColumn", d->range.end.column}};
    nlohmann::json result{{"ruleId", d->code},
                          {"level", d->severity == base::severity::error     ? "error"
                                    : d->severity == base::severity::warning ? "warning"
                                                                             : "note"},
                          {"message", {{"text", message}}}};
    if (!d->path.empty()) result["locations"] = nlohmann::json::array({{{"physicalLocation", physical}}});
    results.push_back(result);
  }
  std::sort(codes.begin(), codes.end());
  auto rule_list = nlohmann::json::array();
  for (const auto& c : codes)
    rule_list.push_back({{"id", c}, {"helpUri", "https://github.com/baomi/baomi/blob/main/docs/diagnostics.md"}});
  nlohmann::json j{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", nlohmann::json::array({{{"tool",
                                                     {{"driver",
                                                       {{"name", "baomi"},
                                                        {"version", tool_version},
                                                        {"informationUri", "https://github.com/baomi/baomi"},
                                                        {"rules", rule_list}}}}},
                                                    {"results", results}}})}};
  return j.dump(2) + "\n";
}

}  // namespace baomi::reports

// The canonical JSON report, format "baomi.findings" version 1 (docs/findings.md, docs/findings.schema.json).
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "reports/formats.hpp"
#include "reports/json_stream.hpp"
#include "reports/summary.hpp"

namespace baomi::reports {

namespace {

// Insertion order keeps the documented field order, which makes the output easy to read and diff.
using json = nlohmann::ordered_json;

// Optional text fields are left out when empty, so a reader tests for presence only.
void put_if(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

json counts_json(const outcome_counts& counts) {
  json out = json::object();
  for (auto o : outcome_order) out[engine::to_string(o)] = counts[o];
  return out;
}

json summary_json(const engine::run_result& result) {
  auto s = summarize(result);
  json by_severity = json::object();
  for (auto sev : severity_order) by_severity[engine::to_string(sev)] = counts_json(s.of(sev));
  json by_area = json::array();
  for (const auto& a : s.by_area) {
    json entry = json::object();
    put_if(entry, "area", a.area);
    put_if(entry, "title", std::string(checklist_title(a.area)));
    entry["counts"] = counts_json(a.counts);
    by_area.push_back(std::move(entry));
  }
  return {
      {"rules", result.rules.size()},          {"findings", s.all.total()},
      {"issues", result.issues.size()},        {"by_outcome", counts_json(s.all)},
      {"by_severity", std::move(by_severity)}, {"by_area", std::move(by_area)},
  };
}

json rule_json(const engine::rule_info& rule) {
  json out = {{"id", rule.id}, {"title", rule.title}, {"severity", engine::to_string(rule.severity)}};
  put_if(out, "area", rule.area);
  put_if(out, "module", rule.module);
  if (!rule.location.path.empty()) {
    out["location"] = {{"path", rule.location.path}, {"line", rule.location.line}, {"column", rule.location.column}};
  }
  json citations = json::array();
  for (const auto& c : rule.citations) {
    json cite = {{"source", c.source}};
    put_if(cite, "title", c.title);
    cite["quote"] = c.quote;
    put_if(cite, "locator", c.locator);
    citations.push_back(std::move(cite));
  }
  out["citations"] = std::move(citations);
  out["tags"] = rule.tags;
  return out;
}

}  // namespace

ordered_json finding_json(const engine::finding& f) {
  json out = {
      {"rule", rule_of(f).id},
      {"outcome", engine::to_string(f.outcome)},
      {"severity", engine::to_string(f.severity)},
      {"subject",
       {{"collection", f.subject.collection},
        {"key", f.subject.key},
        {"pointer", f.subject.pointer},
        {"label", f.subject.label}}},
      {"message", f.message},
  };
  put_if(out, "remedy", f.remedy);
  json evidence = json::array();
  for (const auto& e : f.evidence) {
    json item = {{"pointer", e.pointer}, {"value", e.value}};
    put_if(item, "role", e.role);
    evidence.push_back(std::move(item));
  }
  out["evidence"] = std::move(evidence);
  if (f.due) out["due"] = *f.due;
  if (f.days_left) out["days_left"] = *f.days_left;
  out["fingerprint"] = f.fingerprint;
  put_if(out, "waiver_reason", f.waiver_reason);
  return out;
}

void stream_json(const engine::run_result& result, const engine::finding_source& findings,
                 const report_options& options, std::ostream& stream) {
  json tool = {{"name", "baomi"}};
  put_if(tool, "version", options.tool_version);
  json out = {{"format", "baomi.findings"},
              {"version", 1},
              {"tool", std::move(tool)},
              {"snapshot", result.snapshot_path},
              {"as_of", result.as_of}};
  put_if(out, "profile", result.profile);
  if (!result.org_name.empty()) out["org"] = {{"name", result.org_name}};
  json shown = json::array();
  for (auto o : outcome_order) {
    if (is_shown(options, o)) shown.push_back(engine::to_string(o));
  }
  out["shown"] = std::move(shown);
  out["summary"] = summary_json(result);
  json rules = json::array();
  for (const auto& rule : result.rules) rules.push_back(rule_json(rule));
  out["rules"] = std::move(rules);
  out["findings"] = json::array();  // written into the dump one by one
  json issues = json::array();
  for (const auto& issue : result.issues) {
    json item = {{"code", issue.code}};
    put_if(item, "pointer", issue.pointer);
    item["message"] = issue.message;
    issues.push_back(std::move(item));
  }
  out["issues"] = std::move(issues);
  if (!result.not_exported.empty()) out["not_exported"] = result.not_exported;
  if (result.data_checked_as_read) out["data_checked"] = "fields_read";
  std::string text;
  write_spliced(stream, out, "findings", 1, [&](auto emit) {
    engine::each_finding(findings, [&](const engine::finding& f) {
      if (!is_shown(options, f.outcome)) return;
      text.clear();
      append_finding_json(text, f, true, 4);
      emit(json_text{text});
    });
  });
}

std::string write_json(const engine::run_result& result, const report_options& options) {
  std::ostringstream out;
  stream_json(result, *engine::held_findings(result), options, out);
  return std::move(out).str();
}

}  // namespace baomi::reports

// SARIF 2.1.0: one run; rules with their source locations, results with the subject's JSON Pointer as
// logical location. Data issues become tool execution notifications, and results (ruleId = the issue
// code) so that a code-scanning gate sees them.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "base/language.hpp"
#include "reports/formats.hpp"
#include "reports/json_stream.hpp"
#include "reports/json_text.hpp"
#include "reports/sarif_result.hpp"
#include "reports/summary.hpp"

namespace baomi::reports {

namespace {

using json = nlohmann::ordered_json;
using engine::outcome;
using engine::severity;

const char* level_of(const engine::finding& f) {
  if (f.outcome == outcome::unknown || f.outcome == outcome::pending) return "note";
  switch (f.severity) {
    case severity::critical:
    case severity::high:
      return "error";
    case severity::medium:
      return "warning";
    case severity::low:
    case severity::info:
      return "note";
  }
  return "note";
}

const char* level_of(severity s) {
  return s == severity::critical || s == severity::high ? "error" : s == severity::medium ? "warning" : "note";
}

// GitHub code scanning ranks results by this score (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low < 4.0).
const char* security_severity(severity s) {
  switch (s) {
    case severity::critical:
      return "9.5";
    case severity::high:
      return "8.0";
    case severity::medium:
      return "5.5";
    case severity::low:
      return "3.0";
    case severity::info:
      return "0.0";
  }
  return "0.0";
}

bool reported(outcome o) {
  return o == outcome::fail || o == outcome::unknown || o == outcome::pending || o == outcome::waived;
}

// A rule file path as a URI reference: relative paths stay relative, absolute ones become file URIs.
std::string path_uri(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  std::string out = path.starts_with('/') ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    if (plain)
      out += static_cast<char>(c);
    else
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
  }
  return out;
}

// "DEP-010" → "Dep010": SARIF asks for a PascalCase friendly name; the titles are Chinese sentences.
std::string pascal_name(std::string_view id) {
  std::string out;
  bool start = true;
  for (char c : id) {
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z'    ? static_cast<char>(c - 'a' + 'A')
           : !start && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                            : c;
    start = false;
  }
  return out.empty() ? std::string(id) : out;
}

// The project's home, and where each built-in rule is documented: its definition in the repository
// (title, citations with their quotes, remedy), on the main branch. The same stable form as `baomi
// lint`'s helpUri (docs/findings.md "SARIF 2.1.0").
constexpr std::string_view home = "https://github.com/baomi/baomi";

std::optional<std::string> help_uri(const engine::rule_info& rule) {
  const auto& path = rule.location.path;
  // Only plain paths: the multitool rejects percent-encoded absolute URIs, and the repository's own
  // rule files never need encoding.
  if (!path.starts_with("rulesets/") || path.find("..") != std::string::npos || path_uri(path) != path)
    return std::nullopt;
  return fmt::format("{}/blob/main/{}", home, path);
}

json rule_json(const engine::rule_info& rule, const std::map<std::string, std::string>& remedies) {
  json out = {{"id", rule.id}, {"name", pascal_name(rule.id)}, {"shortDescription", {{"text", rule.title}}}};
  std::string quotes;
  std::string help;
  for (const auto& c : rule.citations) {
    if (!c.quote.empty()) quotes += (quotes.empty() ? "" : "\n") + c.quote;
    if (!help.empty()) help += '\n';
    help += base::say("依据：{}", "Source: {}", citation_line(c));
  }
  if (!quotes.empty()) out["fullDescription"] = {{"text", quotes}};
  if (auto remedy = remedies.find(rule.id); remedy != remedies.end()) {
    if (!help.empty()) help += '\n';
    help += base::say("整改：{}", "Remedy: {}", remedy->second);
  }
  if (!help.empty()) out["help"] = {{"text", help}};
  if (auto uri = help_uri(rule)) out["helpUri"] = *uri;
  out["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
  json properties = {{"severity", engine::to_string(rule.severity)}};
  if (!rule.area.empty()) properties["area"] = rule.area;
  if (!rule.module.empty()) properties["module"] = rule.module;
  std::vector<std::string> tags;
  for (const auto& t : rule.tags) {
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);  // SARIF tags are unique
  }
  properties["tags"] = tags;
  properties["security-severity"] = security_severity(rule.severity);
  out["properties"] = std::move(properties);
  return out;
}

std::string message_text(const engine::finding& f) {
  auto text = f.message.empty() ? rule_of(f).title : f.message;
  if (f.outcome == outcome::unknown) return fmt::format("[{}] {}", engine::display_name(f.outcome), text);
  if (f.outcome == outcome::pending) {
    text = fmt::format("[{}] {}", engine::display_name(f.outcome), text);
    if (f.due) {
      text += base::say("（期限 {}", " (due {}", *f.due);
      if (f.days_left) text += base::say("，{}", ", {}", days_left_text(*f.days_left));
      text += base::pick("）", ")");
    }
  }
  return text;
}

// The rule's source as a physical location (a file with, when known, a line and column).
json rule_source_json(const engine::rule_info& rule) {
  const auto& where = rule.location;
  json physical = {{"artifactLocation", {{"uri", path_uri(where.path)}}}};
  if (where.line > 0) {
    json region = {{"startLine", where.line}};
    if (where.column > 0) region["startColumn"] = where.column;
    physical["region"] = std::move(region);
  }
  return physical;
}

// The primary location: the subject's record in the snapshot (line and column of its `{` when the
// loader recorded them; the file alone otherwise), with the subject's JSON Pointer as a logical
// location. Without a snapshot path, the rule's source stands in.
json location_json(const engine::finding& f, const std::string& snapshot) {
  const auto& rule = rule_of(f);
  json out = json::object();
  if (!snapshot.empty()) {
    json physical = {{"artifactLocation", {{"uri", path_uri(f.subject.file.empty() ? snapshot : f.subject.file)}}}};
    if (f.subject.line > 0) {
      json region = {{"startLine", f.subject.line}};
      if (f.subject.column > 0) region["startColumn"] = f.subject.column;
      physical["region"] = std::move(region);
    }
    out["physicalLocation"] = std::move(physical);
  } else if (!rule.location.path.empty()) {
    out["physicalLocation"] = rule_source_json(rule);
  }
  if (!f.subject.pointer.empty()) {
    json logical = json::object();
    if (!f.subject.key.empty()) logical["name"] = f.subject.key;
    logical["fullyQualifiedName"] = f.subject.pointer;
    logical["kind"] = "object";
    out["logicalLocations"] = json::array();
    out["logicalLocations"].push_back(std::move(logical));
  }
  return out;
}

// The rule's definition, when the primary location is the snapshot.
std::optional<json> related_location_json(const engine::finding& f, const std::string& snapshot) {
  const auto& rule = rule_of(f);
  if (snapshot.empty() || rule.location.path.empty()) return std::nullopt;
  return json{{"id", 1},
              {"physicalLocation", rule_source_json(rule)},
              {"message", {{"text", base::say("规则 {} 的定义", "the definition of rule {}", rule.id)}}}};
}

json notification_json(const engine::data_issue& issue) {
  json out = {{"descriptor", {{"id", issue.code}}}, {"level", "warning"}, {"message", {{"text", issue.message}}}};
  if (!issue.pointer.empty()) {
    // A JSON Pointer into the snapshot, or file:line of a waiver: no `kind` claims which.
    json logical = {{"fullyQualifiedName", issue.pointer}};
    json location = {{"logicalLocations", json::array()}};
    location["logicalLocations"].push_back(std::move(logical));
    out["locations"] = json::array();
    out["locations"].push_back(std::move(location));
  }
  return out;
}

}  // namespace

// The result as an nlohmann tree: the reference append_result is tested against (sarif_result.hpp).
ordered_json result_json(const engine::finding& f, std::size_t rule_index, const std::string& snapshot) {
  json out = {{"ruleId", rule_of(f).id},
              {"ruleIndex", rule_index},
              {"level", level_of(f)},
              {"message", {{"text", message_text(f)}}}};
  if (auto where = location_json(f, snapshot); !where.empty()) {
    out["locations"] = json::array();
    out["locations"].push_back(std::move(where));
  }
  if (auto related = related_location_json(f, snapshot)) {
    out["relatedLocations"] = json::array();
    out["relatedLocations"].push_back(std::move(*related));
  }
  if (!f.fingerprint.empty()) out["partialFingerprints"] = {{"baomi/v1", f.fingerprint}};
  if (f.outcome == outcome::waived) {
    json suppression = {{"kind", "external"}, {"status", "accepted"}};
    if (!f.waiver_reason.empty()) suppression["justification"] = f.waiver_reason;
    out["suppressions"] = json::array();
    out["suppressions"].push_back(std::move(suppression));
  }
  json properties = {{"outcome", engine::to_string(f.outcome)}, {"severity", engine::to_string(f.severity)}};
  if (!f.subject.label.empty()) properties["subject"] = f.subject.label;
  if (!f.remedy.empty()) properties["remedy"] = f.remedy;
  if (f.due) properties["due"] = *f.due;
  if (f.days_left) properties["days_left"] = *f.days_left;
  json evidence = json::array();
  for (const auto& e : f.evidence) {
    json item = {{"pointer", e.pointer}, {"value", e.value}};
    if (!e.role.empty()) item["role"] = e.role;
    evidence.push_back(std::move(item));
  }
  properties["evidence"] = std::move(evidence);
  out["properties"] = std::move(properties);
  return out;
}

// The same result as result_json, written as text (reports/json_text.hpp): `indent` spaces after each
// line break.
void append_result(std::string& out, const engine::finding& f, std::size_t rule_index, const std::string& snapshot,
                   std::size_t indent) {
  const auto& rule = rule_of(f);
  json_writer w(out, true, indent);
  w.open('{');
  w.string("ruleId", rule.id);
  w.number("ruleIndex", static_cast<std::int64_t>(rule_index));
  w.string("level", level_of(f));
  w.key("message");
  w.open('{');
  w.string("text", message_text(f));
  w.close('}');
  auto region = [&](std::uint32_t line, std::uint32_t column) {
    if (line == 0) return;
    w.key("region");
    w.open('{');
    w.number("startLine", line);
    if (column > 0) w.number("startColumn", column);
    w.close('}');
  };
  auto physical = [&](const std::string& path, std::uint32_t line, std::uint32_t column) {
    w.key("physicalLocation");
    w.open('{');
    w.key("artifactLocation");
    w.open('{');
    w.string("uri", path_uri(path));
    w.close('}');
    region(line, column);
    w.close('}');
  };
  bool has_physical = !snapshot.empty() || !rule.location.path.empty();
  if (has_physical || !f.subject.pointer.empty()) {
    w.key("locations");
    w.open('[');
    w.element();
    w.open('{');
    if (!snapshot.empty())
      physical(f.subject.file.empty() ? snapshot : f.subject.file, f.subject.line, f.subject.column);
    else if (!rule.location.path.empty())
      physical(rule.location.path, rule.location.line, rule.location.column);
    if (!f.subject.pointer.empty()) {
      w.key("logicalLocations");
      w.open('[');
      w.element();
      w.open('{');
      w.string_if("name", f.subject.key);
      w.string("fullyQualifiedName", f.subject.pointer);
      w.string("kind", "object");
      w.close('}');
      w.close(']');
    }
    w.close('}');
    w.close(']');
  }
  if (!snapshot.empty() && !rule.location.path.empty()) {
    w.key("relatedLocations");
    w.open('[');
    w.element();
    w.open('{');
    w.number("id", 1);
    physical(rule.location.path, rule.location.line, rule.location.column);
    w.key("message");
    w.open('{');
    w.string("text", base::say("规则 {} 的定义", "the definition of rule {}", rule.id));
    w.close('}');
    w.close('}');
    w.close(']');
  }
  if (!f.fingerprint.empty()) {
    w.key("partialFingerprints");
    w.open('{');
    w.string("baomi/v1", f.fingerprint);
    w.close('}');
  }
  if (f.outcome == outcome::waived) {
    w.key("suppressions");
    w.open('[');
    w.element();
    w.open('{');
    w.string("kind", "external");
    w.string("status", "accepted");
    w.string_if("justification", f.waiver_reason);
    w.close('}');
    w.close(']');
  }
  w.key("properties");
  w.open('{');
  w.string("outcome", engine::to_string(f.outcome));
  w.string("severity", engine::to_string(f.severity));
  w.string_if("subject", f.subject.label);
  w.string_if("remedy", f.remedy);
  if (f.due) w.string("due", *f.due);
  if (f.days_left) w.number("days_left", *f.days_left);
  write_evidence(w, f.evidence);
  w.close('}');
  w.close('}');
}

void stream_sarif(const engine::run_result& result, const engine::finding_source& findings,
                  const report_options& options, std::ostream& stream) {
  json driver = {{"name", "baomi"}};
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  driver["informationUri"] = home;
  std::map<std::string, std::size_t> rule_index;
  // Each rule's remedy when all its findings have the same one (a template without interpolation);
  // otherwise none, and each result carries its own in its properties.
  auto remedies = findings.common_remedies();
  json rules = json::array();
  for (const auto& rule : result.rules) {
    rule_index.emplace(rule.id, rules.size());
    rules.push_back(rule_json(rule, remedies));
  }
  driver["rules"] = std::move(rules);

  // Held results are checked before anything is written, then written into the dump one by one (the
  // engine makes findings only of the run's rules).
  if (const auto* held = findings.held()) {
    for (const auto& f : *held) {
      if (!reported(f.outcome) || !is_shown(options, f.outcome)) continue;
      if (!rule_index.contains(rule_of(f).id))
        throw std::invalid_argument("finding of a rule not in the run: " + rule_of(f).id);
    }
  }
  // The snapshot's problems are results too (after the findings); waiver issues stay notifications.
  std::vector<json> issue_results;
  for (const auto& issue : result.issues) {
    if (!issue.code.starts_with('F')) continue;
    json r = {{"ruleId", issue.code},
              {"level", issue.severity == base::severity::error ? "error" : "warning"},
              {"message", {{"text", issue.message}}}};
    if (auto n = notification_json(issue); n.contains("locations")) r["locations"] = std::move(n["locations"]);
    // The loader's problems land on the snapshot too, at their line and column when known.
    if (auto file = issue.path.empty() ? result.snapshot_path : issue.path; !file.empty()) {
      json physical = {{"artifactLocation", {{"uri", path_uri(file)}}}};
      if (issue.has_position()) {
        json region = {{"startLine", issue.range.begin.line}};
        if (issue.range.begin.column > 0) region["startColumn"] = issue.range.begin.column;
        physical["region"] = std::move(region);
      }
      if (!r.contains("locations")) r["locations"] = json::array({json::object()});
      r["locations"][0]["physicalLocation"] = std::move(physical);
    }
    issue_results.push_back(std::move(r));
  }
  json results = json::array();

  json notifications = json::array();
  for (const auto& issue : result.issues) notifications.push_back(notification_json(issue));
  json invocation = {{"executionSuccessful", true}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  json properties = {{"snapshot", result.snapshot_path}, {"as_of", result.as_of}};
  if (!result.profile.empty()) properties["profile"] = result.profile;
  if (!result.org_name.empty()) properties["org"] = result.org_name;
  // `check --rule`: only the fields its rules read were typed and checked (as in the JSON report).
  if (result.data_checked_as_read) properties["data_checked"] = "fields_read";

  json invocations = json::array();
  invocations.push_back(std::move(invocation));
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", std::move(invocations)},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)},
              {"properties", std::move(properties)}};
  json runs = json::array();
  runs.push_back(std::move(run));
  json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
  std::string text;
  write_spliced(stream, log, "results", 3, [&](auto emit) {
    engine::each_finding(findings, [&](const engine::finding& f) {
      if (!reported(f.outcome) || !is_shown(options, f.outcome)) return;
      text.clear();
      append_result(text, f, rule_index.at(rule_of(f).id), result.snapshot_path, 8);
      emit(json_text{text});
    });
    for (const auto& r : issue_results) emit(r);
  });
}

std::string write_sarif(const engine::run_result& result, const report_options& options) {
  std::ostringstream out;
  stream_sarif(result, *engine::held_findings(result), options, out);
  return std::move(out).str();
}

}  // namespace baomi::reports

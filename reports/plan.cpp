// `baomi plan` output: the compiled plan of one rule, as text or JSON.
#include "reports/plan.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace baomi::reports {

namespace {

std::string access_text(const engine::plan_access& a) {
  if (a.lookup) return fmt::format("index lookup: {} where {} = {}", a.collection, a.field, a.key);
  if (!a.collection.empty()) return fmt::format("scan: every element of {}", a.collection);
  return "scan: every element of the list";
}

void node_text(const engine::plan_node& n, int depth, std::string& out) {
  out += fmt::format("{:{}}{}", "", 2 * depth, n.op);
  if (!n.detail.empty()) out += " " + n.detail;
  out += " : " + n.type;
  if (n.access) out += "  [" + access_text(*n.access) + "]";
  out += "\n";
  for (const auto& c : n.children) node_text(c, depth + 1, out);
}

nlohmann::ordered_json node_json(const engine::plan_node& n) {
  nlohmann::ordered_json j;
  j["op"] = n.op;
  j["type"] = n.type;
  if (!n.detail.empty()) j["detail"] = n.detail;
  if (n.access) {
    nlohmann::ordered_json a;
    a["lookup"] = n.access->lookup;
    a["collection"] = n.access->collection;
    if (n.access->lookup) {
      a["field"] = n.access->field;
      a["key"] = n.access->key;
    }
    j["access"] = std::move(a);
  }
  if (!n.children.empty()) {
    j["children"] = nlohmann::ordered_json::array();
    for (const auto& c : n.children) j["children"].push_back(node_json(c));
  }
  return j;
}

}  // namespace

std::string render_plan_text(const engine::rule_plan& p) {
  std::string out = fmt::format("rule {} {}\n", p.info.id, p.info.title);
  out += fmt::format("severity: {}\n", engine::to_string(p.info.severity));
  out += fmt::format("profile: {}{}\n", p.profile.empty() ? "(none)" : p.profile,
                     p.disabled ? " (disables this rule: shown with the default params)" : "");
  if (!p.effective.empty()) out += fmt::format("effective: {}\n", p.effective);
  if (!p.expires.empty()) out += fmt::format("expires: {}\n", p.expires);
  out += fmt::format("subject: {} in {}\n", p.subject, p.collection);
  if (!p.params.empty()) {
    out += "params:\n";
    for (const auto& param : p.params) out += fmt::format("  {} : {} = {}\n", param.name, param.type, param.value);
  }
  out += fmt::format("quantifiers and aggregates: {} index lookup{}, {} scan{}\n", p.lookups, p.lookups == 1 ? "" : "s",
                     p.scans, p.scans == 1 ? "" : "s");
  for (const auto& s : p.steps) {
    out += fmt::format("\n{}:{}{}\n", s.kind, s.text.empty() ? "" : " ", s.text);
    node_text(s.tree, 1, out);
  }
  return out;
}

std::string render_plan_json(const engine::rule_plan& p) {
  nlohmann::ordered_json j;
  j["rule"] = p.info.id;
  j["title"] = p.info.title;
  j["severity"] = engine::to_string(p.info.severity);
  j["profile"] = p.profile;
  j["disabled"] = p.disabled;
  j["subject"] = p.subject;
  j["collection"] = p.collection;
  if (!p.effective.empty()) j["effective"] = p.effective;
  if (!p.expires.empty()) j["expires"] = p.expires;
  j["params"] = nlohmann::ordered_json::array();
  for (const auto& param : p.params) {
    j["params"].push_back({{"name", param.name}, {"type", param.type}, {"value", param.value}});
  }
  j["lookups"] = p.lookups;
  j["scans"] = p.scans;
  j["steps"] = nlohmann::ordered_json::array();
  for (const auto& s : p.steps) {
    j["steps"].push_back({{"kind", s.kind}, {"text", s.text}, {"tree", node_json(s.tree)}});
  }
  return j.dump(2) + "\n";
}

}  // namespace baomi::reports

// Names of outcomes and severities, in English (for machines) and Chinese (for people).
#include "engine/findings.hpp"

#include <array>
#include <map>

namespace baomi::engine {

namespace {

struct outcome_name {
  outcome value;
  const char* english;
  const char* chinese;
};

struct severity_name {
  severity value;
  const char* english;
  const char* chinese;
};

constexpr std::array<outcome_name, 6> outcome_names{{
    {outcome::pass, "pass", "通过"},
    {outcome::fail, "fail", "不符合"},
    {outcome::unknown, "unknown", "证据不足"},
    {outcome::not_applicable, "not_applicable", "不适用"},
    {outcome::pending, "pending", "待办"},
    {outcome::waived, "waived", "已豁免"},
}};

constexpr std::array<severity_name, 5> severity_names{{
    {severity::info, "info", "提示"},
    {severity::low, "low", "低"},
    {severity::medium, "medium", "中"},
    {severity::high, "high", "高"},
    {severity::critical, "critical", "严重"},
}};

// The tables are in enum order, so the enum's value is the index.
const outcome_name& name_of(outcome o) { return outcome_names.at(static_cast<std::size_t>(o)); }
const severity_name& name_of(severity s) { return severity_names.at(static_cast<std::size_t>(s)); }

}  // namespace

const char* to_string(outcome o) { return name_of(o).english; }
const char* to_chinese(outcome o) { return name_of(o).chinese; }
const char* to_string(severity s) { return name_of(s).english; }
const char* to_chinese(severity s) { return name_of(s).chinese; }

std::optional<severity> parse_severity(std::string_view text) {
  for (const auto& n : severity_names) {
    if (text == n.english) return n.value;
  }
  return std::nullopt;
}

std::optional<outcome> parse_outcome(std::string_view text) {
  for (const auto& n : outcome_names) {
    if (text == n.english) return n.value;
  }
  return std::nullopt;
}

std::vector<outcome_tally> rule_tallies(const run_result& run) {
  if (run.tallies.size() == run.rules.size()) return run.tallies;
  std::vector<outcome_tally> out(run.rules.size(), outcome_tally{});
  std::map<const rule_info*, std::size_t> by_address;
  std::map<std::string_view, std::size_t> by_id;
  for (std::size_t i = 0; i < run.rules.size(); ++i) {
    by_address.emplace(&run.rules[i], i);
    by_id.emplace(run.rules[i].id, i);
  }
  for (const auto& f : run.findings) {
    if (f.rule == nullptr) continue;
    auto a = by_address.find(f.rule);
    auto i = a != by_address.end() ? a->second : by_id.contains(f.rule->id) ? by_id.at(f.rule->id) : out.size();
    if (i < out.size()) ++out[i][static_cast<std::size_t>(f.outcome)];
  }
  return out;
}

}  // namespace baomi::engine

// Names of outcomes and severities: the tokens machines read, and the words people read in either
// message language.
#include "engine/findings.hpp"

#include <array>
#include <map>

#include "base/language.hpp"

namespace baomi::engine {

namespace {

struct outcome_name {
  outcome value;
  const char* english;
  const char* chinese;
  const char* words;  // the English a person reads
};

struct severity_name {
  severity value;
  const char* english;
  const char* chinese;
  const char* words;  // the English a person reads
};

constexpr std::array<outcome_name, 6> outcome_names{{
    {outcome::pass, "pass", "通过", "passed"},
    {outcome::fail, "fail", "不符合", "non-compliant"},
    {outcome::unknown, "unknown", "证据不足", "insufficient evidence"},
    {outcome::not_applicable, "not_applicable", "不适用", "not applicable"},
    {outcome::pending, "pending", "待办", "pending"},
    {outcome::waived, "waived", "已豁免", "waived"},
}};

constexpr std::array<severity_name, 5> severity_names{{
    {severity::info, "info", "提示", "info"},
    {severity::low, "low", "低", "low"},
    {severity::medium, "medium", "中", "medium"},
    {severity::high, "high", "高", "high"},
    {severity::critical, "critical", "严重", "critical"},
}};

// The tables are in enum order, so the enum's value is the index.
const outcome_name& name_of(outcome o) { return outcome_names.at(static_cast<std::size_t>(o)); }
const severity_name& name_of(severity s) { return severity_names.at(static_cast<std::size_t>(s)); }

}  // namespace

const char* to_string(outcome o) { return name_of(o).english; }
std::string_view display_name(outcome o) { return base::pick(name_of(o).chinese, name_of(o).words); }
const char* to_string(severity s) { return name_of(s).english; }
std::string_view display_name(severity s) { return base::pick(name_of(s).chinese, name_of(s).words); }

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

// The findings of a run result, held in memory, as a finding source.
#include "engine/finding_source.hpp"

#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace baomi::engine {

namespace {

const rule_info& rule_of(const finding& f) {
  if (f.rule == nullptr) throw std::invalid_argument("finding without a rule: " + f.fingerprint);
  return *f.rule;
}

class held_source final : public finding_source {
 public:
  explicit held_source(const run_result& run) : m_run(run) {}

  const std::vector<finding>* held() const override { return &m_run.findings; }

  void each_listed(const std::function<bool(const rule_info&)>& wanted, const std::function<bool(const finding&)>& keep,
                   const std::function<void(const finding&)>& each) const override {
    // Grouped by rule id in the order of each rule's first finding: a result made by hand may
    // interleave its rules.
    std::vector<std::vector<const finding*>> groups;
    std::unordered_map<std::string_view, std::size_t> group_of;
    for (const auto& f : m_run.findings) {
      const auto& rule = rule_of(f);
      if (!wanted(rule) || !keep(f)) continue;
      auto [it, added] = group_of.try_emplace(rule.id, groups.size());
      if (added) groups.emplace_back();
      groups[it->second].push_back(&f);
    }
    for (const auto& group : groups) {
      for (const auto* f : group) each(*f);
    }
  }

  std::map<std::string, std::string> common_remedies() const override {
    std::map<std::string, std::optional<std::string>> seen;  // nullopt: the findings disagree
    for (const auto& f : m_run.findings) {
      if (f.remedy.empty()) continue;
      auto [it, inserted] = seen.try_emplace(rule_of(f).id, f.remedy);
      if (!inserted && it->second && *it->second != f.remedy) it->second.reset();
    }
    std::map<std::string, std::string> out;
    for (auto& [id, remedy] : seen) {
      if (remedy) out.emplace(id, std::move(*remedy));
    }
    return out;
  }

 private:
  const run_result& m_run;
};

}  // namespace

std::unique_ptr<finding_source> held_findings(const run_result& run) { return std::make_unique<held_source>(run); }

void each_finding(const finding_source& source, const std::function<void(const finding&)>& each) {
  if (const auto* held = source.held()) {
    for (const auto& f : *held) each(f);
    return;
  }
  source.each_listed([](const rule_info&) { return true; }, [](const finding&) { return true; }, each);
}

}  // namespace baomi::engine

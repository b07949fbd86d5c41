// Findings handed to a writer one rule at a time: either held in a run result, or made as the writer
// asks for them from compact records, so that a large run never holds all its findings at once.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {

class finding_source {
 public:
  virtual ~finding_source() = default;

  /// The findings when they are held in memory (a run result's, in its order); null when they are
  /// made as they are asked for.
  virtual const std::vector<finding>* held() const { return nullptr; }

  /// Calls `each` with every listed finding of the rules `wanted` accepts that `keep` accepts. The
  /// findings of one rule come together, in the run's order; rules come in the order of their first
  /// such finding (for a run the engine made: the order of run_result::rules). The findings passed
  /// to `each` live only during the call.
  virtual void each_listed(const std::function<bool(const rule_info&)>& wanted,
                           const std::function<bool(const finding&)>& keep,
                           const std::function<void(const finding&)>& each) const = 0;

  /// Per rule id: the remedy that every fail, unknown, pending and waived finding of the rule with a
  /// remedy shares; a rule whose findings disagree, or that has none, is absent.
  virtual std::map<std::string, std::string> common_remedies() const = 0;

  /// Keeps `owned` alive as long as this source (the plan and the store it reads).
  void own(std::shared_ptr<const void> owned) { m_owned.push_back(std::move(owned)); }

 private:
  std::vector<std::shared_ptr<const void>> m_owned;
};

/// The findings of `run`, which must outlive the source.
std::unique_ptr<finding_source> held_findings(const run_result& run);

/// Calls `each` for every finding in the run's order: every held finding, or every listed one.
void each_finding(const finding_source& source, const std::function<void(const finding&)>& each);

}  // namespace baomi::engine

// Comparing two runs: which findings are new, resolved, changed or unchanged, matched by fingerprint.
#pragma once

#include <string>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {

enum class change_kind { added, resolved, changed, unchanged };

/// One (rule, subject) whose finding is a problem (fail, unknown, pending, waived) in either run.
struct finding_change {
  change_kind kind = change_kind::unchanged;
  std::string fingerprint;
  std::string rule;
  std::string title;
  std::string area;
  engine::subject subject;
  std::optional<outcome> base_outcome;  // absent: the rule did not produce this subject in the base run
  std::optional<outcome> head_outcome;
  std::optional<severity> base_severity;
  std::optional<severity> head_severity;
  std::string message;   // the head's message, else the base's
  std::string snapshot;  // for ruleset diffs over several snapshots
};

struct run_diff {
  std::vector<finding_change> changes;  // sorted: kind, rule, subject key
  std::size_t count(change_kind k) const;
  bool any_change() const;
};

/// `base` and `head` are two runs (two snapshots with the same rules, or two ruleset versions on
/// one snapshot). Passing and not-applicable findings count as "no problem".
run_diff diff_runs(const run_result& base, const run_result& head, const std::string& snapshot = "");

const char* to_string(change_kind k);
/// 新增, 已解决, 有变化, 未变 or new, resolved, changed, unchanged, in the message language.
std::string_view display_name(change_kind k);

}  // namespace baomi::engine

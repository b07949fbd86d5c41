// `baomi test --update`: the actual outcomes written into a fixture's `expect`, the rest of the
// file kept byte for byte (docs/testing.md, docs/cli.md `baomi test`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {

/// One expectation that `--update` changed, added or removed.
struct expectation_change {
  std::string rule;
  std::string subject;
  std::optional<outcome> before;  // nullopt: added
  std::optional<outcome> after;   // nullopt: removed (no such finding)
};

struct fixture_update {
  std::string text;  // the new file
  std::vector<expectation_change> changes;
};

/// `text` (a fixture file) with its top-level `expect` array replaced by the outcomes of `run`:
/// expectations that still have a finding keep their place (with the actual outcome), those without
/// one are dropped, findings not expected yet are appended in the run's order. Nullopt, with
/// `error`, when `text` has no top-level `expect` array.
std::optional<fixture_update> update_expectations(const std::string& text, const run_result& run, std::string& error);

}  // namespace baomi::engine

// Which fields of a snapshot a plan can read: what `check --rule` needs loaded (facts::load_options::keep).
#pragma once

#include <vector>

namespace baomi::engine {

struct plan;

/// Per entity type of the plan's schema, per field: whether the plan's rules (and the functions they
/// call) can read it. A collection read at all keeps its key and its label fields, which name its rows in
/// findings and messages; the target of a ref read is read too, and so is a subject's `department`
/// (with the department's `name`), which the reports show. Fields of nested record types are all kept. The others are
/// never read: the evaluator, the findings and their evidence see the same values with or without them.
std::vector<std::vector<bool>> fields_read(const plan& p);

}  // namespace baomi::engine

// Findings from decisions: the subject's key and label, the message, the evidence read.
#pragma once

#include <string>

#include "engine/eval/decide.hpp"
#include "engine/findings.hpp"

namespace baomi::engine::evaluation {

/// The human name of a subject: its `name`, else the `name` of the first entity it refers to.
std::string subject_label(const facts::store& store, std::uint32_t table, std::uint32_t row);

/// A fact read as evidence: its JSON Pointer, its value as text, `type.field`.
evidence to_evidence(const facts::store& store, const fact_read& r);

/// A finding for one subject: the decision, the subject, the message, the evidence.
finding make_finding(evaluator& ev, const plan& p, const facts::store& store, const rule_program& rule,
                     const rule_info* info, std::uint32_t row, const decision& d);

}  // namespace baomi::engine::evaluation

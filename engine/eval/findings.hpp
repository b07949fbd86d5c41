// Findings from decisions: the subject's key and label, the message, the evidence read.
#pragma once

#include <optional>
#include <string>

#include "engine/eval/decide.hpp"
#include "engine/findings.hpp"

namespace baomi::engine::evaluation {

/// The human name of a subject: its label as the schema declares it, or empty (the key names it).
std::string subject_label(const facts::store& store, std::uint32_t table, std::uint32_t row);

/// A row of a table: the subject of a finding.
struct subject_row {
  std::uint32_t table;
  std::uint32_t row;
};

/// Lists longer than this are not rendered element by element into evidence.
inline constexpr std::uint32_t listed_elements = 8;

/// A fact read as evidence: its JSON Pointer, its value as text, `type.field`. A list of more than
/// `listed_elements` is given as the element that is the `subject` (its pointer and value) when it is
/// one, else as its count.
evidence to_evidence(const facts::store& store, const fact_read& r, std::optional<subject_row> subject = std::nullopt);

/// The subject key of a row as findings show it: its key field rendered, else the row number.
std::string subject_key(const facts::store& store, const facts::schema& schema, std::uint32_t table, std::uint32_t row);

/// A finding for one subject: the decision, the subject, the message, the evidence. `key` is the
/// subject's key when already known (subject_key).
finding make_finding(evaluator& ev, const plan& p, const facts::store& store, const rule_program& rule,
                     const rule_info* info, std::uint32_t row, const decision& d, const std::string* key = nullptr);

}  // namespace baomi::engine::evaluation

// The findings model: what a run of the engine produces, independent of any output format.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problem.hpp"

namespace baomi::engine {

enum class outcome { pass, fail, unknown, not_applicable, pending, waived };
/// Every outcome, in enum order.
inline constexpr std::array<outcome, 6> all_outcomes{outcome::pass,           outcome::fail,    outcome::unknown,
                                                     outcome::not_applicable, outcome::pending, outcome::waived};
enum class severity { info, low, medium, high, critical };

const char* to_string(outcome o);  // "pass", "fail", "unknown", "not_applicable", "pending", "waived"
/// The outcome as a person reads it, in the message language: 通过, 不符合, 证据不足, 不适用, 待办, 已豁免
/// or passed, non-compliant, insufficient evidence, not applicable, pending, waived.
std::string_view display_name(outcome o);
const char* to_string(severity s);  // "info" … "critical"
/// 提示, 低, 中, 高, 严重, or the English tokens, in the message language.
std::string_view display_name(severity s);
std::optional<severity> parse_severity(std::string_view text);  // the English names only
std::optional<outcome> parse_outcome(std::string_view text);    // the names to_string gives

/// A set of outcomes, e.g. those whose findings a run lists.
class outcome_set {
 public:
  constexpr outcome_set() = default;
  static constexpr outcome_set all() {
    outcome_set s;
    s.m_bits = 0x3f;
    return s;
  }
  constexpr outcome_set& add(outcome o) {
    m_bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(o));
    return *this;
  }
  constexpr bool contains(outcome o) const { return (m_bits >> static_cast<unsigned>(o)) & 1u; }
  constexpr bool operator==(const outcome_set&) const = default;

 private:
  std::uint8_t m_bits = 0;
};

/// How many findings have each outcome, indexed by the outcome's value.
using outcome_tally = std::array<std::size_t, 6>;

/// Where a rule is written: for SARIF and editor links.
struct rule_location {
  std::string path;  // as given on the command line, e.g. rulesets/cn/personnel.baomi
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// `cite "004" "原文" at "篇五 二(二)"`.
struct citation {
  std::string source;   // source document id, e.g. "004"
  std::string title;    // the source's title when declared with `source`, else empty
  std::string quote;    // exact regulation text
  std::string locator;  // clause, may be empty
};

/// The metadata of a rule, shared by all its findings.
struct rule_info {
  std::string id;
  std::string title;
  engine::severity severity = severity::medium;
  std::string area;  // 自查自评 checklist item, e.g. "四(四)"; may be empty
  std::vector<citation> citations;
  std::vector<std::string> tags;
  std::string module;  // e.g. cn.personnel
  rule_location location;
};

/// One fact the decision read: its JSON Pointer in the snapshot and its value as text.
struct evidence {
  std::string pointer;  // e.g. /departures/16/left_on
  std::string value;    // rendered: dates ISO, enums as label, null as "null"
  std::string role;     // e.g. "d.left_on", or "join: commitments" for join partners
};

/// The entity a finding is about.
struct subject {
  std::string collection;  // e.g. departures
  std::string key;         // the entity's key value
  std::string pointer;     // e.g. /departures/16
  std::string label;       // a human name when the entity has one (person's name), else the key
  /// Where the entity's record starts in the snapshot file (1-based line, code-point column); 0 when
  /// unknown. Set from the loader's row positions (SARIF's primary location).
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// The file `line` counts in when it is not the snapshot's (a JSON Lines folder's `NAME.jsonl`).
  std::string file;
};

struct finding {
  const rule_info* rule = nullptr;  // owned by the run result
  engine::outcome outcome = outcome::pass;
  engine::severity severity = severity::medium;  // after profile changes
  engine::subject subject;
  std::string message;  // rendered message template (Chinese)
  std::string remedy;
  std::vector<engine::evidence> evidence;
  std::optional<std::string> due;         // ISO date, when the rule has `due`
  std::optional<std::int32_t> days_left;  // for pending: days until due
  std::string fingerprint;                // stable: hash of rule id + subject collection + key (16 hex digits)
  std::string waiver_reason;              // for waived
};

/// A problem with the input data or a waiver, reported alongside findings: code (e.g. F0103 from the
/// loader, V0201 waiver expired), pointer (a JSON Pointer, or `file#pointer` for waivers), message,
/// severity. The base layer's problem type; `{code, pointer, message}` still constructs one.
using data_issue = base::problem;

/// What a run keeps of a finding it lists but makes only when a writer asks for it (a deferred run,
/// engine/finding_source.hpp): no strings, 20 bytes.
struct compact_finding {
  std::uint32_t rule = 0;  // index in run_result::rules
  std::uint32_t row = 0;   // the subject's row in its table
  std::int32_t due = 0;    // day number, when `has_due`
  engine::outcome outcome = outcome::pass;
  bool has_due = false;
};

/// Everything a run produces. Findings are sorted by rule id, then subject key.
struct run_result {
  std::string snapshot_path;
  std::string as_of;             // ISO date the rules were evaluated on
  std::string profile;           // profile name, or empty
  std::vector<rule_info> rules;  // every rule evaluated (in force on as_of, not disabled)
  /// One per (rule, subject) whose outcome is in `listed`; the others are only counted in `tallies`.
  std::vector<finding> findings;
  /// The outcomes whose findings are all in `findings` (the evaluator's `listed`, default all).
  outcome_set listed = outcome_set::all();
  /// Per rule, in `rules` order: how many findings of each outcome it has, listed or not. Empty in a
  /// result built by hand: then `findings` holds every finding (see `rule_tallies`).
  std::vector<outcome_tally> tallies;
  std::vector<data_issue> issues;
  /// Fail, unknown, pending and waived findings left out, and not counted, because the baseline
  /// (evaluate_options::baseline) lists their fingerprints.
  std::size_t baseline_known = 0;
  /// Collections the rules read that the snapshot did not contain at all (not exported, unlike an
  /// exported empty `[]`): whatever reads them is unknown. Reports show them before the findings.
  std::vector<std::string> not_exported;
  /// The load typed and checked only the fields the rules read (`check --rule`,
  /// pipeline_options::load_read_only): `issues` has the data issues of those fields only.
  bool data_checked_as_read = false;
  /// The unit under check: the snapshot's `org` member (compact JSON text) and its `name`; empty when
  /// absent. Set by the pipeline from the loaded store.
  std::string org;
  std::string org_name;
  /// The department name of a subject whose entity has a `department` ref that resolves (keyed by the
  /// subject's pointer, e.g. /people/3); subjects without one are absent. Set by the pipeline.
  std::map<std::string, std::string> departments;
};

/// The outcome counts of each rule (in `run.rules` order): `run.tallies` when set, else counted from
/// `run.findings` (matched to rules by address, then by id).
std::vector<outcome_tally> rule_tallies(const run_result& run);

}  // namespace baomi::engine

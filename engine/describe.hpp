// A description of one rule's compiled plan, for `baomi plan`: params folded to their values, the
// profile applied, each step as a tree of IR nodes with types, and for each quantifier or aggregate
// whether it runs as a reverse-index lookup or a scan. reports/plan.hpp renders it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/checked_program.hpp"

namespace baomi::engine {

struct module_set;

/// How a quantifier or aggregate finds its elements.
struct plan_access {
  bool lookup = false;     // a reverse-index lookup; else a scan of every element
  std::string collection;  // the collection it ranges over (empty for a list that is not one)
  std::string field;       // lookup: the ref (or list-of-ref) field of the element, `assignment.person`
  std::string key;         // lookup: the key expression as written, `p`
};

/// One IR node: its operation, type and what it names (a field, a constant's value, a function).
struct plan_node {
  std::string op;                     // `field`, `exists`, `eq`, `constant`, ...
  std::string type;                   // as the schema writes it; `null` for the literal null
  std::string detail;                 // the field, local, collection, built-in or function named; a constant's value
  std::optional<plan_access> access;  // quantifiers and aggregates
  std::vector<plan_node> children;
};

struct plan_step {
  std::string kind;  // for, let, where, due, require, forbid, message, remedy
  std::string text;  // the expression as written
  plan_node tree;
};

struct plan_param {
  std::string name;
  std::string type;
  std::string value;  // folded, rendered
};

struct rule_plan {
  rule_info info;                  // severity as the profile sets it
  std::string profile;             // empty: none
  bool disabled = false;           // the profile disables the rule (shown with the default params)
  std::string subject;             // the subject's name, `p`
  std::string collection;          // the collection it ranges over, `personnel`
  std::string effective, expires;  // ISO dates, empty when not set
  std::vector<plan_param> params;  // the params the rule reads, with their folded values
  std::vector<plan_step> steps;
  std::size_t lookups = 0, scans = 0;
};

struct describe_result {
  std::optional<rule_plan> plan;
  std::string error;  // an unknown rule or profile
};

/// Compiles `rule_id` with `profile` (empty: none) and describes its plan.
describe_result describe_rule(const checked_program& program, const std::string& profile, const std::string& rule_id);

/// A profile as written: its title, what it extends and each change in source order, a param's value
/// as the source spells it (`param x = 30 days`, `disable R`, `severity R high`).
struct profile_summary {
  std::string name;
  std::string title;
  std::string extends;
  std::vector<std::string> changes;
};

/// The profiles declared in `modules`, sorted by name (`baomi profiles`; reports/profiles.hpp).
std::vector<profile_summary> describe_profiles(const module_set& modules);

/// The name of an IR operation as `baomi plan` shows it.
std::string_view op_name(ir::op op);

}  // namespace baomi::engine

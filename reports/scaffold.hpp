// `baomi new rule|profile|fixture`: the starting text of a rule, a profile or a fixture, for an
// author to fill in (docs/cli.md, `baomi new`).
#pragma once

#include <string>

#include "engine/checked_program.hpp"
#include "engine/describe.hpp"

namespace baomi::reports {

/// A rule `id` that parses and checks against the baseline schema, with a `cite` placeholder that
/// `baomi lint` flags (W0304, and E0302 with --sources) until the real quote is written.
std::string scaffold_rule(const std::string& id);

/// A profile `name` extending `cn.baseline`, its three kinds of change as comments.
std::string scaffold_profile(const std::string& name);

/// A fixture for the rule `plan` describes: a snapshot with two subjects of its collection (one to
/// pass, one to fail, every required field filled with a placeholder), a row for each entity a
/// required ref points to, the other collections the rule reads as empty registers, and the two
/// expectations. It loads without data issues; the author makes the rows pass and fail.
std::string scaffold_fixture(const engine::checked_program& program, const engine::rule_plan& plan);

}  // namespace baomi::reports

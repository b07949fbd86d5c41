// Ruleset fixtures: a small snapshot and the findings it must produce (docs/testing.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::engine {

struct checked_program;

struct expectation {
  std::string rule;
  std::string subject;  // the key of the rule's subject entity
  engine::outcome outcome = outcome::pass;
};

struct fixture {
  std::string path;
  std::string description;
  std::vector<std::string> rules;  // empty: every rule
  std::string profile;
  std::string as_of;     // overrides the snapshot's, when set
  std::string snapshot;  // JSON text
  std::string waivers;   // JSON text, may be empty
  std::vector<expectation> expect;
};

/// Reads a `.fixture.json` file; `error` says what is wrong with it (with a JSON Pointer).
std::optional<fixture> parse_fixture(const std::string& text, const std::string& path, std::string& error);

struct fixture_result {
  bool passed = false;
  std::vector<std::string> problems;  // human lines: mismatches, data issues, setup errors
  std::optional<run_result> run;
};

/// Evaluates the fixture's snapshot with the program and compares with its expectations: every
/// expected finding must have its outcome, and no other finding of the fixture's rules may exist.
fixture_result run_fixture(const checked_program& program, const fixture& f);

/// Finds `*.fixture.json` files under `paths` (files or folders), sorted.
std::vector<std::string> find_fixtures(const std::vector<std::string>& paths);

/// One fixture file as `baomi test` reports it.
struct fixture_case {
  std::string path;
  std::string description;
  bool valid = false;                 // false: the file is not a fixture (its problem says why)
  std::vector<std::string> problems;  // empty: passed
  std::optional<run_result> run;
};

struct fixture_suite {
  std::vector<fixture_case> cases;
  std::size_t failed() const;
};

/// Reads and runs every fixture file in `files`, in their order.
fixture_suite run_fixtures(const checked_program& program, const std::vector<std::string>& files);

}  // namespace baomi::engine

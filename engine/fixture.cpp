// Running ruleset fixtures: evaluate, compare with expectations, explain every difference.
#include "engine/fixture.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "engine/compile.hpp"
#include "engine/evaluate.hpp"
#include "facts/loader.hpp"

namespace baomi::engine {

namespace {

std::optional<outcome> parse_outcome(const std::string& text) {
  for (auto o : {outcome::pass, outcome::fail, outcome::unknown, outcome::not_applicable, outcome::pending, outcome::waived}) {
    if (text == to_string(o)) return o;
  }
  return std::nullopt;
}

std::string evidence_lines(const finding& f) {
  std::string out;
  for (const auto& e : f.evidence) out += fmt::format("\n      {} = {}", e.pointer, e.value);
  return out;
}

}  // namespace

std::optional<fixture> parse_fixture(const std::string& text, const std::string& path, std::string& error) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error = fmt::format("not valid JSON: {}", e.what());
    return std::nullopt;
  }
  if (!doc.is_object()) {
    error = "a fixture is a JSON object";
    return std::nullopt;
  }
  fixture f;
  f.path = path;
  auto string_member = [&](const char* name, std::string& into) {
    if (!doc.contains(name) || doc[name].is_null()) return true;
    if (!doc[name].is_string()) {
      error = fmt::format("/{} must be a string", name);
      return false;
    }
    into = doc[name].get<std::string>();
    return true;
  };
  if (!string_member("description", f.description) || !string_member("profile", f.profile) ||
      !string_member("as_of", f.as_of)) {
    return std::nullopt;
  }
  if (doc.contains("rules") && !doc["rules"].is_null()) {
    if (!doc["rules"].is_array()) {
      error = "/rules must be an array of rule ids";
      return std::nullopt;
    }
    for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
      if (!doc["rules"][i].is_string()) {
        error = fmt::format("/rules/{} must be a rule id", i);
        return std::nullopt;
      }
      f.rules.push_back(doc["rules"][i].get<std::string>());
    }
  }
  if (!doc.contains("snapshot") || !doc["snapshot"].is_object()) {
    error = "/snapshot must be an object (the facts)";
    return std::nullopt;
  }
  f.snapshot = doc["snapshot"].dump();
  if (doc.contains("waivers") && !doc["waivers"].is_null()) f.waivers = nlohmann::json{{"waivers", doc["waivers"]}}.dump();
  if (!doc.contains("expect") || !doc["expect"].is_array()) {
    error = "/expect must be an array of {rule, subject, outcome}";
    return std::nullopt;
  }
  const auto& expect = doc["expect"];
  for (std::size_t i = 0; i < expect.size(); ++i) {
    const auto& e = expect[i];
    auto field = [&](const char* name) -> std::optional<std::string> {
      if (!e.is_object() || !e.contains(name) || !e[name].is_string()) return std::nullopt;
      return e[name].get<std::string>();
    };
    auto rule = field("rule");
    auto subject = field("subject");
    auto result = field("outcome");
    if (!rule || !subject || !result) {
      error = fmt::format("/expect/{} needs string members rule, subject and outcome", i);
      return std::nullopt;
    }
    auto o = parse_outcome(*result);
    if (!o) {
      error = fmt::format("/expect/{}/outcome: unknown outcome `{}`", i, *result);
      return std::nullopt;
    }
    f.expect.push_back({*rule, *subject, *o});
  }
  return f;
}

fixture_result run_fixture(const checked_program& program, const fixture& f) {
  fixture_result result;
  auto compiled = compile(program, f.profile, f.rules);
  if (!compiled.plan) {
    result.problems.push_back(compiled.error);
    return result;
  }
  auto loaded = facts::load_snapshot(f.snapshot, compiled.plan->schema, f.path + "#/snapshot");
  for (const auto& i : loaded.issues) {
    result.problems.push_back(fmt::format("data issue {} at /snapshot{}: {}", i.code, i.pointer, i.message));
  }
  if (!loaded.complete) return result;
  std::optional<waiver_file> waivers;
  evaluate_options options;
  options.snapshot_path = f.path;
  if (!f.as_of.empty()) {
    options.as_of = facts::parse_date(f.as_of);
    if (!options.as_of) result.problems.push_back(fmt::format("/as_of `{}` is not a date", f.as_of));
  }
  if (!f.waivers.empty()) {
    waivers = parse_waivers(f.waivers, f.path);
    for (const auto& i : waivers->issues) result.problems.push_back(fmt::format("waiver issue {} at {}: {}", i.code, i.pointer, i.message));
    options.waivers = &waivers->waivers;
  }
  auto evaluated = evaluate(*compiled.plan, loaded.store, options);
  if (!evaluated.run) {
    result.problems.push_back(evaluated.error);
    return result;
  }
  std::map<std::pair<std::string, std::string>, const finding*> actual;
  for (const auto& finding : evaluated.run->findings) actual[{finding.rule->id, finding.subject.key}] = &finding;
  std::set<std::pair<std::string, std::string>> expected_keys;
  for (const auto& e : f.expect) {
    expected_keys.insert({e.rule, e.subject});
    auto it = actual.find({e.rule, e.subject});
    if (it == actual.end()) {
      result.problems.push_back(fmt::format("{} {}: expected {}, but there is no such finding", e.rule, e.subject, to_string(e.outcome)));
    } else if (it->second->outcome != e.outcome) {
      const auto& got = *it->second;
      result.problems.push_back(fmt::format("{} {}: expected {}, got {}{}{}", e.rule, e.subject, to_string(e.outcome),
                                            to_string(got.outcome), got.message.empty() ? "" : " — " + got.message,
                                            evidence_lines(got)));
    }
  }
  for (const auto& [key, finding] : actual) {
    if (!expected_keys.count(key)) {
      result.problems.push_back(fmt::format("{} {}: not expected, got {}{}", key.first, key.second, to_string(finding->outcome),
                                            evidence_lines(*finding)));
    }
  }
  result.passed = result.problems.empty();
  result.run = std::move(evaluated.run);
  return result;
}

std::vector<std::string> find_fixtures(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        auto name = it->path().filename().string();
        if (it->is_regular_file(ec) && name.ends_with(".fixture.json")) files.push_back(it->path().generic_string());
      }
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace baomi::engine

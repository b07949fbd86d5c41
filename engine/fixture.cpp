// Running ruleset fixtures: evaluate, compare with expectations, explain every difference.
#include "engine/fixture.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/files.hpp"
#include "base/language.hpp"
#include "base/source.hpp"
#include "engine/pipeline.hpp"

namespace baomi::engine {

namespace {

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
    error = base::say("不是合法的 JSON：{}", "not valid JSON: {}", e.what());
    return std::nullopt;
  }
  if (!doc.is_object()) {
    error = base::pick("测试样例应为 JSON 对象", "a fixture is a JSON object");
    return std::nullopt;
  }
  fixture f;
  f.path = path;
  auto string_member = [&](const char* name, std::string& into) {
    if (!doc.contains(name) || doc[name].is_null()) return true;
    if (!doc[name].is_string()) {
      error = base::say("/{} 应为字符串", "/{} must be a string", name);
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
      error = base::pick("/rules 应为规则编号的数组", "/rules must be an array of rule ids");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
      if (!doc["rules"][i].is_string()) {
        error = base::say("/rules/{} 应为规则编号", "/rules/{} must be a rule id", i);
        return std::nullopt;
      }
      f.rules.push_back(doc["rules"][i].get<std::string>());
    }
  }
  if (!doc.contains("snapshot") || !doc["snapshot"].is_object()) {
    error = base::pick("/snapshot 应为对象（即事实数据）", "/snapshot must be an object (the facts)");
    return std::nullopt;
  }
  f.snapshot = doc["snapshot"].dump();
  if (doc.contains("waivers") && !doc["waivers"].is_null())
    f.waivers = nlohmann::json{{"waivers", doc["waivers"]}}.dump();
  if (!doc.contains("expect") || !doc["expect"].is_array()) {
    error = base::pick("/expect 应为 {rule, subject, outcome} 的数组",
                       "/expect must be an array of {rule, subject, outcome}");
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
      error = base::say("/expect/{} 须有字符串成员 rule、subject 和 outcome",
                        "/expect/{} needs string members rule, subject and outcome", i);
      return std::nullopt;
    }
    auto o = parse_outcome(*result);
    if (!o) {
      error = base::say("/expect/{}/outcome：未知的结果 `{}`", "/expect/{}/outcome: unknown outcome `{}`", i, *result);
      return std::nullopt;
    }
    f.expect.push_back({*rule, *subject, *o});
  }
  return f;
}

fixture_result run_fixture(const checked_program& program, const fixture& f) {
  fixture_result result;
  pipeline_options options;
  options.profile = f.profile;
  options.only = f.rules;
  std::string as_of_problem;
  if (!f.as_of.empty()) {
    options.as_of = facts::parse_date(f.as_of);
    if (!options.as_of) as_of_problem = base::say("/as_of `{}` 不是日期", "/as_of `{}` is not a date", f.as_of);
  }
  if (!f.waivers.empty()) options.waivers = waiver_source{f.path, f.waivers};
  auto ran = run_pipeline(program, snapshot_source::memory(f.snapshot, f.path, f.path + "#/snapshot"), options);
  if (ran.status == run_status::compile_failed) {
    result.problems.push_back(ran.error);
    return result;
  }
  for (const auto& i : ran.data_issues) {
    result.problems.push_back(
        base::say("数据问题 {}（/snapshot{}）：{}", "data issue {} at /snapshot{}: {}", i.code, i.pointer, i.message));
  }
  if (ran.status == run_status::snapshot_unreadable) return result;
  if (!as_of_problem.empty()) result.problems.push_back(as_of_problem);
  for (const auto& i : ran.waiver_issues) {
    result.problems.push_back(
        base::say("豁免问题 {}（{}）：{}", "waiver issue {} at {}: {}", i.code, i.pointer, i.message));
  }
  if (!ran.run) {
    result.problems.push_back(ran.error);
    return result;
  }
  std::map<std::pair<std::string, std::string>, const finding*> actual;
  for (const auto& finding : ran.run->findings) actual[{finding.rule->id, finding.subject.key}] = &finding;
  std::set<std::pair<std::string, std::string>> expected_keys;
  for (const auto& e : f.expect) {
    expected_keys.insert({e.rule, e.subject});
    auto it = actual.find({e.rule, e.subject});
    if (it == actual.end()) {
      result.problems.push_back(base::say("{} {}：期望 {}，但没有这项检查结果",
                                          "{} {}: expected {}, but there is no such finding", e.rule, e.subject,
                                          to_string(e.outcome)));
    } else if (it->second->outcome != e.outcome) {
      const auto& got = *it->second;
      result.problems.push_back(base::say("{} {}：期望 {}，实际 {}{}{}", "{} {}: expected {}, got {}{}{}", e.rule,
                                          e.subject, to_string(e.outcome), to_string(got.outcome),
                                          got.message.empty() ? "" : " — " + got.message, evidence_lines(got)));
    }
  }
  for (const auto& [key, finding] : actual) {
    if (!expected_keys.count(key)) {
      result.problems.push_back(base::say("{} {}：不在期望中，实际 {}{}", "{} {}: not expected, got {}{}", key.first,
                                          key.second, to_string(finding->outcome), evidence_lines(*finding)));
    }
  }
  result.passed = result.problems.empty();
  result.run = std::move(ran.run);
  return result;
}

std::vector<std::string> find_fixtures(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (auto& f : base::find_files(paths, ".fixture.json").files) files.push_back(std::move(f.path));
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t fixture_suite::failed() const {
  return static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [](const fixture_case& c) { return !c.problems.empty(); }));
}

fixture_suite run_fixtures(const checked_program& program, const std::vector<std::string>& files) {
  fixture_suite suite;
  for (const auto& file : files) {
    fixture_case c;
    c.path = file;
    base::read_failure why{};
    auto text = base::source_file::read(file, &why);
    if (!text) {
      c.problems.push_back(std::string(base::describe(why)));
      suite.cases.push_back(std::move(c));
      continue;
    }
    std::string error;
    auto f = parse_fixture(text->text(), file, error);
    if (!f) {
      c.problems.push_back(base::say("测试样例无效：{}", "invalid fixture: {}", error));
    } else {
      c.valid = true;
      c.description = f->description;
      auto result = run_fixture(program, *f);
      c.problems = std::move(result.problems);
      c.run = std::move(result.run);
    }
    suite.cases.push_back(std::move(c));
  }
  return suite;
}

}  // namespace baomi::engine

// Rewriting a fixture's expectations in place (engine/fixture_update.hpp).
#include "engine/fixture_update.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/language.hpp"

namespace baomi::engine {

namespace {

struct span {
  std::size_t begin = 0;  // the `[`
  std::size_t end = 0;    // one past the matching `]`
};

// The byte range of the top-level member `expect`'s array. Written by hand because nlohmann's
// parser gives no offsets; the scan only needs strings (with escapes) and bracket depth, and runs
// on text that nlohmann has already accepted as JSON.
std::optional<span> find_expect(const std::string& text) {
  int depth = 0;
  std::string last_string;
  bool after_key = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      last_string = text.substr(i + 1, j - i - 1);
      i = j;
      continue;
    }
    if (c == ':' && depth == 1) {
      after_key = last_string == "expect";
      continue;
    }
    if (c == '[' && depth == 1 && after_key) {
      int inner = 0;
      for (std::size_t j = i; j < text.size(); ++j) {
        if (text[j] == '"') {
          ++j;
          while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
          continue;
        }
        if (text[j] == '[' || text[j] == '{') ++inner;
        if ((text[j] == ']' || text[j] == '}') && --inner == 0) return span{i, j + 1};
      }
      return std::nullopt;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (c == ',') after_key = false;
  }
  return std::nullopt;
}

// The indentation of the line that holds `at`.
std::string indentation_at(const std::string& text, std::size_t at) {
  auto line = text.rfind('\n', at);
  line = line == std::string::npos ? 0 : line + 1;
  auto end = text.find_first_not_of(" \t", line);
  return text.substr(line, (end == std::string::npos ? text.size() : end) - line);
}

struct entry {
  std::string rule;
  std::string subject;
  outcome result;
};

// One expectation per line, as the shipped fixtures write them.
std::string render(const std::vector<entry>& entries, const std::string& indent) {
  if (entries.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto quoted = [](const std::string& v) { return nlohmann::json(v).dump(); };
    auto line = fmt::format(R"({{"rule": {}, "subject": {}, "outcome": {}}})", quoted(entries[i].rule),
                            quoted(entries[i].subject), quoted(std::string(to_string(entries[i].result))));
    out += indent + "  " + line + (i + 1 < entries.size() ? ",\n" : "\n");
  }
  return out + indent + "]";
}

}  // namespace

std::optional<fixture_update> update_expectations(const std::string& text, const run_result& run, std::string& error) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("expect") || !doc["expect"].is_array()) {
    error = base::pick("没有顶层的 /expect 数组", "no top-level /expect array");
    return std::nullopt;
  }
  auto where = find_expect(text);
  if (!where) {
    error = base::pick("没有顶层的 /expect 数组", "no top-level /expect array");
    return std::nullopt;
  }
  // (rule, subject) -> the finding's outcome and its place in the run.
  std::map<std::pair<std::string, std::string>, std::pair<outcome, std::size_t>> actual;
  for (std::size_t i = 0; i < run.findings.size(); ++i) {
    const auto& f = run.findings[i];
    actual.emplace(std::make_pair(f.rule->id, f.subject.key), std::make_pair(f.outcome, i));
  }
  fixture_update update;
  std::vector<entry> entries;
  std::vector<std::size_t> places;  // of each entry's finding in the run
  std::set<std::pair<std::string, std::string>> kept;
  for (const auto& e : doc["expect"]) {
    auto rule = e.value("rule", std::string());
    auto subject = e.value("subject", std::string());
    auto before = parse_outcome(e.value("outcome", std::string()));
    auto key = std::make_pair(rule, subject);
    auto it = actual.find(key);
    if (it == actual.end() || !kept.insert(key).second) {
      update.changes.push_back({rule, subject, before, std::nullopt});
      continue;
    }
    entries.push_back({rule, subject, it->second.first});
    places.push_back(it->second.second);
    if (before != it->second.first) update.changes.push_back({rule, subject, before, it->second.first});
  }
  // A finding not expected yet goes among its rule's expectations, in the run's order of subjects
  // (before the first one the run puts after it), else after the last one of its rule, else last.
  for (std::size_t k = 0; k < run.findings.size(); ++k) {
    const auto& f = run.findings[k];
    auto key = std::make_pair(f.rule->id, f.subject.key);
    if (!kept.insert(key).second) continue;
    std::size_t at = entries.size();
    std::optional<std::size_t> last_of_rule;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].rule != key.first) continue;
      if (places[i] > k) {
        at = i;
        last_of_rule.reset();
        break;
      }
      last_of_rule = i + 1;
    }
    if (last_of_rule) at = *last_of_rule;
    entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(at), {key.first, key.second, f.outcome});
    places.insert(places.begin() + static_cast<std::ptrdiff_t>(at), k);
    update.changes.push_back({key.first, key.second, std::nullopt, f.outcome});
  }
  update.text =
      text.substr(0, where->begin) + render(entries, indentation_at(text, where->begin)) + text.substr(where->end);
  return update;
}

}  // namespace baomi::engine

// The JSON report against its published schema (docs/findings.schema.json), checked by a small
// validator for the keywords that schema uses: Debian ships no JSON Schema validator for C++.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string_view>

#include "reports/writer.hpp"
#include "tests/reports/samples.hpp"
#include "tests/support/golden.hpp"

using namespace baomi;
using nlohmann::json;

namespace {

// Matches the subset of ECMAScript patterns the schema uses: anchored by ^ and $, literal characters
// and [a-z0-9] classes, each optionally repeated {n} times. (std::regex trips GCC 12's
// -Wmaybe-uninitialized under the sanitizers.) Throws on anything else.
bool matches_pattern(std::string_view pattern, std::string_view text) {
  if (!pattern.starts_with('^') || !pattern.ends_with('$')) throw std::invalid_argument("unanchored pattern");
  pattern = pattern.substr(1, pattern.size() - 2);
  std::size_t at = 0;
  while (!pattern.empty()) {
    std::string allowed;
    if (pattern.front() == '[') {
      auto close = pattern.find(']');
      if (close == std::string_view::npos) throw std::invalid_argument("unclosed class");
      for (std::size_t i = 1; i < close; ++i) {
        if (i + 2 < close && pattern[i + 1] == '-') {
          for (char c = pattern[i]; c <= pattern[i + 2]; ++c) allowed += c;
          i += 2;
        } else {
          allowed += pattern[i];
        }
      }
      pattern.remove_prefix(close + 1);
    } else {
      if (std::string_view("\\.*+?()|{").find(pattern.front()) != std::string_view::npos)
        throw std::invalid_argument("unsupported pattern");
      allowed = pattern.front();
      pattern.remove_prefix(1);
    }
    std::size_t count = 1;
    if (pattern.starts_with('{')) {
      auto close = pattern.find('}');
      count = std::stoul(std::string(pattern.substr(1, close - 1)));
      pattern.remove_prefix(close + 1);
    }
    for (std::size_t i = 0; i < count; ++i, ++at) {
      if (at >= text.size() || allowed.find(text[at]) == std::string::npos) return false;
    }
  }
  return at == text.size();
}

// Validates `value` against `schema`; appends "pointer: problem" lines to `errors`. Unknown keywords
// are errors too, so that the schema cannot promise what this validator does not check.
class mini_validator {
 public:
  explicit mini_validator(const json& root) : m_root(root) {}

  void validate(const json& schema, const json& value, const std::string& where,
                std::vector<std::string>& errors) const {
    static const std::set<std::string> annotations{"$schema", "$id", "title", "description", "$defs", "$comment"};
    for (const auto& [keyword, arg] : schema.items()) {
      if (annotations.contains(keyword)) continue;
      if (keyword == "$ref")
        validate(resolve(arg.get<std::string>()), value, where, errors);
      else if (keyword == "type")
        check(type_matches(arg.get<std::string>(), value), where, "not of type " + arg.dump(), errors);
      else if (keyword == "const")
        check(value == arg, where, "not " + arg.dump(), errors);
      else if (keyword == "enum")
        check(std::find(arg.begin(), arg.end(), value) != arg.end(), where, "not in " + arg.dump(), errors);
      else if (keyword == "minimum")
        check(!value.is_number() || value.get<double>() >= arg.get<double>(), where, "below minimum", errors);
      else if (keyword == "minLength")
        check(!value.is_string() || value.get<std::string>().size() >= arg.get<std::size_t>(), where, "too short",
              errors);
      else if (keyword == "pattern") {
        check(!value.is_string() || matches_pattern(arg.get<std::string>(), value.get<std::string>()), where,
              "does not match " + arg.get<std::string>(), errors);
      } else if (keyword == "required") {
        for (const auto& name : arg)
          check(!value.is_object() || value.contains(name.get<std::string>()), where, "missing " + name.dump(), errors);
      } else if (keyword == "properties") {
        if (!value.is_object()) continue;
        for (const auto& [name, sub] : arg.items()) {
          if (value.contains(name)) validate(sub, value.at(name), where + "/" + name, errors);
        }
      } else if (keyword == "additionalProperties") {
        if (!value.is_object() || arg.get<bool>()) continue;
        for (const auto& [name, ignored] : value.items()) {
          check(schema.contains("properties") && schema["properties"].contains(name), where, "unexpected field " + name,
                errors);
        }
      } else if (keyword == "items") {
        if (!value.is_array()) continue;
        for (std::size_t i = 0; i < value.size(); ++i) validate(arg, value[i], where + "/" + std::to_string(i), errors);
      } else {
        errors.push_back("schema uses a keyword the test validator does not know: " + keyword);
      }
    }
  }

 private:
  const json& resolve(const std::string& ref) const {
    BOOST_REQUIRE(ref.starts_with("#/"));
    return m_root.at(json::json_pointer(ref.substr(1)));
  }

  static bool type_matches(const std::string& type, const json& value) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    return type == "null" && value.is_null();
  }

  static void check(bool ok, const std::string& where, const std::string& problem, std::vector<std::string>& errors) {
    if (!ok) errors.push_back((where.empty() ? "/" : where) + ": " + problem);
  }

  const json& m_root;
};

json schema() { return json::parse(testing::read_file(testing::source_root() / "docs/findings.schema.json")); }

std::vector<std::string> errors_of(const json& value) {
  auto s = schema();
  std::vector<std::string> errors;
  mini_validator(s).validate(s, value, "", errors);
  return errors;
}

reports::report_options everything() {
  reports::report_options o;
  o.show = {engine::outcome::pass,           engine::outcome::fail,    engine::outcome::unknown,
            engine::outcome::not_applicable, engine::outcome::pending, engine::outcome::waived};
  o.tool_version = "0.1.0";
  return o;
}

json report_of(const engine::run_result& r, const reports::report_options& o = everything()) {
  return json::parse(reports::write_report(r, reports::format::json, o));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_json)

BOOST_AUTO_TEST_CASE(reports_are_valid_against_the_schema) {
  for (auto make : {testing::samples::full, testing::samples::empty, testing::samples::awkward}) {
    for (const auto& o : {everything(), reports::report_options{}}) {
      auto errors = errors_of(report_of(make(), o));
      BOOST_TEST(errors.empty(), "schema errors:\n" << json(errors).dump(2));
    }
  }
}

BOOST_AUTO_TEST_CASE(not_exported_and_data_checked_are_valid_and_only_there_when_set) {
  auto plain = report_of(testing::samples::full());
  BOOST_TEST(!plain.contains("not_exported"));
  BOOST_TEST(!plain.contains("data_checked"));
  auto run = testing::samples::full();
  run.not_exported = {"devices"};
  run.data_checked_as_read = true;  // check --rule: only the fields the rules read were checked
  auto j = report_of(run);
  BOOST_TEST(j["not_exported"] == json::array({"devices"}));
  BOOST_TEST(j["data_checked"] == "fields_read");
  auto errors = errors_of(j);
  BOOST_TEST(errors.empty(), "schema errors:\n" << json(errors).dump(2));
  j["data_checked"] = "all";
  BOOST_TEST(!errors_of(j).empty());
}

BOOST_AUTO_TEST_CASE(the_validator_catches_violations) {
  auto good = report_of(testing::samples::full());
  auto broken = [&](auto change) {
    auto copy = good;
    change(copy);
    return !errors_of(copy).empty();
  };
  BOOST_TEST(broken([](json& j) { j["version"] = 2; }));
  BOOST_TEST(broken([](json& j) { j.erase("rules"); }));
  BOOST_TEST(broken([](json& j) { j["findings"][0]["outcome"] = "failed"; }));
  BOOST_TEST(broken([](json& j) { j["findings"][0]["days_left"] = "3"; }));
  BOOST_TEST(broken([](json& j) { j["findings"][0]["subject"].erase("pointer"); }));
  BOOST_TEST(broken([](json& j) { j["rules"][0]["extra"] = true; }));
  BOOST_TEST(broken([](json& j) { j["as_of"] = "31.03.2026"; }));
  BOOST_TEST(broken([](json& j) { j["summary"]["by_outcome"]["pass"] = -1; }));
}

BOOST_AUTO_TEST_CASE(pattern_subset) {
  BOOST_TEST(matches_pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-03-31"));
  BOOST_TEST(!matches_pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-3-31"));
  BOOST_TEST(!matches_pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2026-03-310"));
  BOOST_TEST(matches_pattern("^[0-9a-f]{16}$", "0123456789abcdef"));
  BOOST_TEST(!matches_pattern("^[0-9a-f]{16}$", "0123456789ABCDEF"));
  BOOST_CHECK_THROW(matches_pattern("^a+$", "aa"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(header_and_version) {
  auto j = report_of(testing::samples::full());
  BOOST_TEST(j["format"] == "baomi.findings");
  BOOST_TEST(j["version"] == 1);
  BOOST_TEST(j["tool"]["version"] == "0.1.0");
  BOOST_TEST(j["as_of"] == "2026-03-31");
  BOOST_TEST(j["profile"] == "strict");
  BOOST_TEST(!report_of(testing::samples::empty()).contains("profile"));
}

BOOST_AUTO_TEST_CASE(summary_counts_everything_and_findings_follow_show) {
  auto full = testing::samples::full();
  reports::report_options only_fail;
  only_fail.show = {engine::outcome::fail};
  auto j = report_of(full, only_fail);
  BOOST_TEST(j["summary"]["findings"] == full.findings.size());
  BOOST_TEST(j["summary"]["by_outcome"]["pass"] == 3);
  BOOST_TEST(j["summary"]["by_outcome"]["fail"] == 3);
  BOOST_TEST(j["findings"].size() == 3u);
  for (const auto& f : j["findings"]) BOOST_TEST(f["outcome"] == "fail");
  BOOST_TEST(j["shown"] == json::array({"fail"}));
}

BOOST_AUTO_TEST_CASE(optional_fields_are_omitted_when_absent) {
  auto j = report_of(testing::samples::full());
  for (const auto& f : j["findings"]) {
    BOOST_TEST(f.contains("due") == f.contains("days_left"));  // true of this sample's findings
    BOOST_TEST(f.contains("waiver_reason") == (f["outcome"] == "waived"));
  }
  const auto& pending = j["findings"][8];
  BOOST_TEST(pending["outcome"] == "pending");
  BOOST_TEST(pending["due"] == "2026-04-10");
  BOOST_TEST(pending["days_left"] == 10);
}

BOOST_AUTO_TEST_CASE(areas_in_checklist_order) {
  auto j = report_of(testing::samples::full());
  std::vector<std::string> areas;
  for (const auto& a : j["summary"]["by_area"]) areas.push_back(a.value("area", ""));
  BOOST_TEST(areas == (std::vector<std::string>{"四(三)", "四(四)", "四(六)", "四(九)"}),
             boost::test_tools::per_element());
  auto awkward = report_of(testing::samples::awkward());
  BOOST_TEST(awkward["summary"]["by_area"].back().contains("area") == false);  // rules without an area come last
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reports_json_docs)

BOOST_AUTO_TEST_CASE(the_documented_example_is_valid) {
  auto doc = testing::read_file(testing::source_root() / "docs/findings.md");
  auto start = doc.find("```json\n");
  BOOST_REQUIRE(start != std::string::npos);
  start += 8;
  auto example = json::parse(doc.substr(start, doc.find("```", start) - start));
  auto errors = errors_of(example);
  BOOST_TEST(errors.empty(), "schema errors:\n" << json(errors).dump(2));
}

BOOST_AUTO_TEST_SUITE_END()

// Waiver files get the same treatment as snapshots (issue 15): every problem is reported with a JSON
// Pointer into the file.
#include <unistd.h>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/run.hpp"

using namespace baomi;
using testing::run_baomi;

namespace {

const std::string good = R"("reason": "r", "approver": "a", "granted": "2026-01-10", "expires": "2026-12-31")";

// Runs the example with a waivers file holding `text`; returns the report's issues (V0xxx only).
struct waiver_run {
  int code = -1;
  nlohmann::json issues = nlohmann::json::array();
  std::string out;
};

waiver_run run_with(const std::string& text) {
  std::string file = "/tmp/baomi-waivers-test-" + std::to_string(::getpid()) + ".json";
  std::ofstream(file) << text;
  auto r = run_baomi("check facts/examples/org.json --format json --waivers " + file, false);
  std::remove(file.c_str());
  waiver_run out;
  out.code = r.code;
  out.out = r.out;
  auto report = nlohmann::json::parse(r.out, nullptr, false);
  if (report.is_object() && report.contains("issues")) {
    for (const auto& i : report["issues"]) {
      if (i.value("code", "").starts_with("V0")) {
        auto copy = i;
        auto pointer = copy.value("pointer", "");
        auto hash = pointer.find('#');
        copy["pointer"] = hash == std::string::npos ? pointer : pointer.substr(hash);  // the file's name varies
        out.issues.push_back(copy);
      }
    }
  }
  return out;
}

bool has(const waiver_run& r, const std::string& code, const std::string& pointer) {
  for (const auto& i : r.issues) {
    if (i["code"] == code && i["pointer"] == pointer) return true;
  }
  return false;
}

bool mentions(const waiver_run& r, const std::string& pointer, const std::string& text) {
  for (const auto& i : r.issues) {
    if (i["pointer"] == pointer && i.value("message", "").find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_waivers)

BOOST_AUTO_TEST_CASE(an_invalid_entry_is_reported_at_its_json_pointer) {
  auto r = run_with(R"({"waivers": [
    {"rule": "PER-080", "subject": "P004", )" +
                    good + R"(},
    {"rule": "PER-080", "subject": "P004", "reason": "r", "approver": "a", "granted": "2026-13-10", "expires": "2026-12-31"},
    {"rule": "PER-080", "reason": "r", "approver": "a", "granted": "2026-01-10", "expires": "2026-12-31"},
    42
  ]})");
  BOOST_TEST(r.code == 1, r.out);
  BOOST_TEST(has(r, "V0104", "#/waivers/1/granted"), r.issues.dump());
  BOOST_TEST(has(r, "V0103", "#/waivers/2/subject"), r.issues.dump());
  BOOST_TEST(has(r, "V0103", "#/waivers/3"), r.issues.dump());
}

BOOST_AUTO_TEST_CASE(expires_before_granted_and_a_wrong_type_are_located) {
  auto r = run_with(R"({"waivers": [
    {"rule": "PER-080", "subject": "P004", "reason": "r", "approver": "a", "granted": "2026-05-10", "expires": "2026-01-01"},
    {"rule": "PER-080", "subject": "P004", "reason": "r", "approver": "a", "granted": "2026-01-10", "expires": 5}
  ]})");
  BOOST_TEST(has(r, "V0104", "#/waivers/0/expires"), r.issues.dump());
  BOOST_TEST(has(r, "V0103", "#/waivers/1/expires"), r.issues.dump());
}

BOOST_AUTO_TEST_CASE(malformed_files_are_input_errors) {
  auto not_json = run_with("{\"waivers\": [");
  BOOST_TEST(not_json.code == 2, not_json.out);
  auto not_object = run_with("[1, 2]");
  BOOST_TEST(not_object.code == 2, not_object.out);
  auto missing = run_baomi("check facts/examples/org.json --waivers /nonexistent/waivers.json");
  BOOST_TEST(missing.code == 2, missing.out);
  BOOST_TEST(missing.out.find("/nonexistent/waivers.json") != std::string::npos, missing.out);
}

BOOST_AUTO_TEST_CASE(an_expired_waiver_is_reported_and_waives_nothing) {
  auto r = run_with(R"({"waivers": [
    {"rule": "PER-080", "subject": "P004", "reason": "r", "approver": "a", "granted": "2025-01-10", "expires": "2025-12-31"}
  ]})");
  BOOST_TEST(has(r, "V0201", "#/waivers/0"), r.issues.dump());
  BOOST_TEST(mentions(r, "#/waivers/0", "2025-12-31"), r.issues.dump());
}

BOOST_AUTO_TEST_CASE(a_waiver_for_a_rule_or_subject_that_does_not_exist_is_reported) {
  auto r = run_with(R"({"waivers": [
    {"rule": "NO-SUCH-RULE", "subject": "P004", )" +
                    good + R"(},
    {"rule": "PER-080", "subject": "NO-SUCH-SUBJECT", )" +
                    good + R"(}
  ]})");
  // A rule id that no rule of the run has is told apart from a subject the rule does not have.
  BOOST_TEST(has(r, "V0204", "#/waivers/0/rule"), r.issues.dump());
  BOOST_TEST(mentions(r, "#/waivers/0/rule", "NO-SUCH-RULE"), r.issues.dump());
  BOOST_TEST(mentions(r, "#/waivers/0/rule", "不存在"), r.issues.dump());
  BOOST_TEST(!has(r, "V0202", "#/waivers/0"), r.issues.dump());
  BOOST_TEST(has(r, "V0202", "#/waivers/1"), r.issues.dump());
  BOOST_TEST(mentions(r, "#/waivers/1", "NO-SUCH-SUBJECT"), r.issues.dump());
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_reported_at_their_pointer) {
  auto r = run_with(R"({"waivers": [{"rule": "PER-080", "subject": "P004", "colour": "red", )" + good +
                    R"(}], "extra": 1})");
  BOOST_TEST(has(r, "V0205", "#/waivers/0/colour"), r.issues.dump());
  BOOST_TEST(has(r, "V0205", "#/extra"), r.issues.dump());
  // A warning: the entry itself is valid and still applies (no V0103 for it).
  BOOST_TEST(!has(r, "V0103", "#/waivers/0"), r.issues.dump());
  BOOST_TEST(r.code != 2, r.out.substr(0, 400));
}

BOOST_AUTO_TEST_SUITE_END()

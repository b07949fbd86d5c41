// `baomi diff`: the changes between two runs, as text for people and JSON ("baomi.diff") for machines.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <string_view>

#include "base/language.hpp"
#include "engine/diff.hpp"
#include "reports/formats.hpp"
#include "reports/words.hpp"

namespace baomi::reports {

namespace {

std::string_view outcome_text(const std::optional<engine::outcome>& o) {
  return o ? engine::display_name(*o) : nothing();
}

}  // namespace

std::string write_text(const diff_report& report, const report_options& /*options*/) {
  const auto& d = *report.diff;
  const auto& title = report.title;
  bool unchanged = report.unchanged;
  std::string out = base::say("baomi diff：{}\n", "baomi diff: {}\n", title);
  out += base::say("新增 {} 项，已解决 {} 项，有变化 {} 项，未变 {} 项\n",
                   "{} new, {} resolved, {} changed, {} unchanged\n", d.count(engine::change_kind::added),
                   d.count(engine::change_kind::resolved), d.count(engine::change_kind::changed),
                   d.count(engine::change_kind::unchanged));
  for (auto kind : {engine::change_kind::added, engine::change_kind::resolved, engine::change_kind::changed,
                    engine::change_kind::unchanged}) {
    if (d.count(kind) == 0 || (kind == engine::change_kind::unchanged && !unchanged)) continue;
    if (base::message_language() == base::language::en)
      out += fmt::format("\n{}\n", engine::display_name(kind));  // the word is the token
    else
      out += fmt::format("\n{}（{}）\n", engine::display_name(kind), engine::to_string(kind));
    for (const auto& c : d.changes) {
      if (c.kind != kind) continue;
      auto subject = fmt::format("{}/{}{}", c.subject.collection, c.subject.key,
                                 c.subject.label.empty() ? "" : " " + c.subject.label);
      out += fmt::format("  {} {} {}  {} → {}{}\n", c.rule, c.title, subject, outcome_text(c.base_outcome),
                         outcome_text(c.head_outcome), c.snapshot.empty() ? "" : "  [" + c.snapshot + "]");
      if (c.base_severity && c.head_severity && c.base_severity != c.head_severity) {
        out += base::say("      严重程度 {} → {}\n", "      severity {} → {}\n", engine::display_name(*c.base_severity),
                         engine::display_name(*c.head_severity));
      }
      if (!c.message.empty()) out += "      " + c.message + "\n";
    }
  }
  return out;
}

std::string write_json(const diff_report& report, const report_options& /*options*/) {
  const auto& d = *report.diff;
  const auto& mode = report.mode;
  nlohmann::ordered_json out;
  out["format"] = "baomi.diff";
  out["version"] = 1;
  out["mode"] = mode;
  out["summary"] = {{"new", d.count(engine::change_kind::added)},
                    {"resolved", d.count(engine::change_kind::resolved)},
                    {"changed", d.count(engine::change_kind::changed)},
                    {"unchanged", d.count(engine::change_kind::unchanged)}};
  auto changes = nlohmann::ordered_json::array();
  for (const auto& c : d.changes) {
    if (c.kind == engine::change_kind::unchanged) continue;
    nlohmann::ordered_json j;
    j["change"] = engine::to_string(c.kind);
    j["rule"] = c.rule;
    j["subject"] = {{"collection", c.subject.collection}, {"key", c.subject.key}, {"pointer", c.subject.pointer}};
    j["fingerprint"] = c.fingerprint;
    if (c.base_outcome)
      j["base"] = {{"outcome", engine::to_string(*c.base_outcome)}, {"severity", engine::to_string(*c.base_severity)}};
    if (c.head_outcome)
      j["head"] = {{"outcome", engine::to_string(*c.head_outcome)}, {"severity", engine::to_string(*c.head_severity)}};
    if (!c.snapshot.empty()) j["snapshot"] = c.snapshot;
    if (!c.message.empty()) j["message"] = c.message;
    changes.push_back(std::move(j));
  }
  out["changes"] = std::move(changes);
  return out.dump(2) + "\n";
}

}  // namespace baomi::reports

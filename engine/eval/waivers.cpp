// Applying waivers to findings.
#include "engine/eval/waivers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/language.hpp"
#include "engine/waivers.hpp"

namespace baomi::engine::evaluation {

void apply_waivers(finding& f, const std::vector<waiver>& waivers, std::vector<bool>& used, facts::day_number as_of) {
  for (std::size_t w = 0; w < waivers.size(); ++w) {
    const auto& wv = waivers[w];
    if (wv.rule != f.rule->id || wv.subject != f.subject.key) continue;
    used[w] = true;
    bool active = wv.granted <= as_of && as_of <= wv.expires;
    if (active && (f.outcome == outcome::fail || f.outcome == outcome::unknown || f.outcome == outcome::pending)) {
      f.outcome = outcome::waived;
      f.waiver_reason = base::say("{}（批准人：{}，有效期至 {}）", "{} (approved by {}, valid until {})", wv.reason,
                                  wv.approver, facts::format_date(wv.expires));
    }
  }
}

void report_waivers(run_result& run, const std::vector<waiver>& waivers, const std::vector<bool>& used,
                    facts::day_number as_of) {
  auto in_run = [&](const std::string& id) {
    return std::any_of(run.rules.begin(), run.rules.end(), [&](const rule_info& r) { return r.id == id; });
  };
  for (std::size_t w = 0; w < waivers.size(); ++w) {
    const auto& wv = waivers[w];
    if (!in_run(wv.rule)) {
      run.issues.push_back(waiver_issue(
          waiver_codes::unknown_rule, wv.pointer + "/rule",
          base::say("豁免的规则 {} 不存在或未参加本次检查（对象 {}）",
                    "the waived rule {} does not exist or is not part of this run (subject {})", wv.rule, wv.subject)));
    } else if (as_of > wv.expires) {
      run.issues.push_back(
          waiver_issue(waiver_codes::expired, wv.pointer,
                       base::say("豁免已于 {} 过期：规则 {}，对象 {}", "the waiver expired on {}: rule {}, subject {}",
                                 facts::format_date(wv.expires), wv.rule, wv.subject)));
    } else if (as_of < wv.granted) {
      run.issues.push_back(waiver_issue(waiver_codes::not_yet_granted, wv.pointer,
                                        base::say("豁免尚未生效（{} 起）：规则 {}，对象 {}",
                                                  "the waiver is not in force yet (from {}): rule {}, subject {}",
                                                  facts::format_date(wv.granted), wv.rule, wv.subject)));
    } else if (!used[w]) {
      run.issues.push_back(
          waiver_issue(waiver_codes::unmatched, wv.pointer,
                       base::say("豁免未匹配任何检查对象：规则 {} 没有对象 {}",
                                 "the waiver matches no subject: rule {} has no subject {}", wv.rule, wv.subject)));
    }
  }
}

}  // namespace baomi::engine::evaluation

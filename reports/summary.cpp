// Counts by outcome, severity and area, and the fourteen items of the 自查自评 checklist.
#include "reports/summary.hpp"

#include <chrono>

#include "base/language.hpp"
#include "engine/checklist.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <utility>

namespace baomi::reports {

namespace {

// The 0-based checklist index of an area that is exactly a group, "四(N)" or "四（N）".
std::optional<std::size_t> checklist_index(std::string_view area) {
  if (!area.starts_with("四") || engine::checklist_item_of(area)) return std::nullopt;
  return engine::checklist_group_of(area);
}

}  // namespace

std::size_t outcome_counts::total() const { return std::accumulate(m_counts.begin(), m_counts.end(), std::size_t{0}); }

std::string_view checklist_title(std::string_view area) {
  auto index = checklist_index(area);
  return index ? engine::checklist()[*index].title : std::string_view{};
}

bool area_less(std::string_view a, std::string_view b) {
  // Rank: 0 checklist item, 1 other area, 2 no area.
  auto rank = [](std::string_view area) -> std::pair<int, std::size_t> {
    if (area.empty()) return {2, 0};
    if (auto index = checklist_index(area)) return {0, *index};
    return {1, 0};
  };
  auto ra = rank(a);
  auto rb = rank(b);
  if (ra != rb) return ra < rb;
  return a < b;
}

const engine::rule_info& rule_of(const engine::finding& f) {
  if (f.rule == nullptr) throw std::invalid_argument("finding without a rule: " + f.fingerprint);
  return *f.rule;
}

bool is_shown(const report_options& options, engine::outcome o) {
  return std::find(options.show.begin(), options.show.end(), o) != options.show.end();
}

std::string citation_source(const engine::citation& c) {
  std::string out = c.source;
  if (!c.title.empty()) out += "《" + c.title + "》";
  if (!c.locator.empty()) out += (c.title.empty() ? " " : "") + c.locator;
  return out;
}

std::string citation_line(const engine::citation& c) {
  return c.quote.empty() ? citation_source(c) : citation_source(c) + "：" + c.quote;
}

namespace {

std::optional<std::chrono::sys_days> parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  y = std::stoi(std::string(text.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

}  // namespace

std::optional<std::int32_t> days_between(std::string_view from, std::string_view to) {
  auto a = parse_iso(from);
  auto b = parse_iso(to);
  if (!a || !b) return std::nullopt;
  return static_cast<std::int32_t>((*b - *a).count());
}

std::optional<std::int32_t> days_left_of(const engine::finding& f, std::string_view as_of) {
  if (f.days_left) return f.days_left;
  if (!f.due) return std::nullopt;
  return days_between(as_of, *f.due);
}

std::string days_left_text(std::int32_t days) {
  if (days > 0) return base::say("还剩 {} 天", "{} days left", days);
  if (days == 0) return std::string(base::pick("今天到期", "due today"));
  return base::say("已逾期 {} 天", "{} days overdue", -static_cast<std::int64_t>(days));
}

std::string subject_path(const engine::subject& s) {
  if (s.collection.empty()) return s.key;
  if (s.key.empty()) return s.collection;
  return s.collection + "/" + s.key;
}

summary summarize(const engine::run_result& result) {
  summary out;
  auto area_entry = [&out](const std::string& area) -> area_counts& {
    auto it = std::find_if(out.by_area.begin(), out.by_area.end(), [&](const auto& e) { return e.area == area; });
    if (it != out.by_area.end()) return *it;
    return out.by_area.emplace_back(area_counts{area, {}});
  };
  for (const auto& rule : result.rules) area_entry(rule.area);
  if (result.tallies.size() == result.rules.size() && !result.rules.empty()) {
    // The evaluator's counts: every finding, listed or not (a finding's severity is its rule's).
    for (std::size_t i = 0; i < result.rules.size(); ++i) {
      const auto& rule = result.rules[i];
      auto& area = area_entry(rule.area).counts;
      for (auto o : engine::all_outcomes) {
        auto n = result.tallies[i][static_cast<std::size_t>(o)];
        out.all.add(o, n);
        out.by_severity.at(static_cast<std::size_t>(rule.severity)).add(o, n);
        area.add(o, n);
      }
    }
  } else {
    for (const auto& f : result.findings) {
      out.all.add(f.outcome);
      out.by_severity.at(static_cast<std::size_t>(f.severity)).add(f.outcome);
      area_entry(rule_of(f).area).counts.add(f.outcome);
    }
  }
  std::stable_sort(out.by_area.begin(), out.by_area.end(),
                   [](const auto& a, const auto& b) { return area_less(a.area, b.area); });
  return out;
}

}  // namespace baomi::reports

// What every format shares: display orders, the 自查自评 checklist areas, and counts of outcomes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/findings.hpp"
#include "reports/writer.hpp"

namespace baomi::reports {

/// Outcomes in the order reports list them: what needs action first.
inline constexpr std::array<engine::outcome, 6> outcome_order{
    engine::outcome::fail,   engine::outcome::unknown, engine::outcome::pending,
    engine::outcome::waived, engine::outcome::pass,    engine::outcome::not_applicable,
};

/// Severities, most severe first.
inline constexpr std::array<engine::severity, 5> severity_order{
    engine::severity::critical, engine::severity::high, engine::severity::medium,
    engine::severity::low,      engine::severity::info,
};

/// How many findings have each outcome.
class outcome_counts {
 public:
  void add(engine::outcome o, std::size_t n = 1) { m_counts.at(static_cast<std::size_t>(o)) += n; }
  std::size_t operator[](engine::outcome o) const { return m_counts.at(static_cast<std::size_t>(o)); }
  std::size_t total() const;

 private:
  std::array<std::size_t, 6> m_counts{};
};

struct area_counts {
  std::string area;  // empty: rules without an area
  outcome_counts counts;
};

struct summary {
  outcome_counts all;
  std::array<outcome_counts, 5> by_severity;  // indexed by engine::severity
  std::vector<area_counts> by_area;           // every area of a rule or finding, in area_less order

  const outcome_counts& of(engine::severity s) const { return by_severity.at(static_cast<std::size_t>(s)); }
};

summary summarize(const engine::run_result& result);

/// The checklist's name for an item such as "四(四)" (full-width parentheses too); empty otherwise.
std::string_view checklist_title(std::string_view area);

/// The checklist's order 四(一) … 四(十四), then other areas by text, then the empty area.
bool area_less(std::string_view a, std::string_view b);

/// The rule a finding belongs to; throws std::invalid_argument when it has none.
const engine::rule_info& rule_of(const engine::finding& f);

bool is_shown(const report_options& options, engine::outcome o);

/// "004《涉密人员管理规定》篇五 二(二)": the source id, its title and the locator, as far as known.
std::string citation_source(const engine::citation& c);
/// citation_source, then "：" and the quote.
std::string citation_line(const engine::citation& c);

/// Days from `from` to `to` (ISO dates), negative when `to` is earlier; nullopt when either is not a date.
std::optional<std::int32_t> days_between(std::string_view from, std::string_view to);
/// A finding's days left: its `days_left`, else from the run's as_of to its `due`.
std::optional<std::int32_t> days_left_of(const engine::finding& f, std::string_view as_of);

/// "还剩 10 天", "今天到期" or "已逾期 3 天"; "10 days left", "due today" or "3 days overdue" in English.
std::string days_left_text(std::int32_t days);

/// "departures/16", or just the collection or the key when the other is empty.
std::string subject_path(const engine::subject& s);

}  // namespace baomi::reports

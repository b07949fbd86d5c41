// Holiday calendars: which days are working days, for working-day arithmetic (`2wd`, `working_days`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/date.hpp"

namespace baomi::facts {

/// A holiday calendar covering whole years: weekends and listed holidays are rest days, except the
/// listed weekend days that are working days (调休上班). Outside the covered years it answers nullopt
/// rather than guess, because holiday arrangements are only known once they are published.
class calendar {
 public:
  /// A named run of rest days, inclusive.
  struct holiday {
    std::string name;
    day_number from = 0;
    day_number to = 0;
  };

  /// Reads the JSON format of `facts/calendars/*.json` (see docs/facts-loader.md). On failure returns
  /// nullopt and says why in `error`.
  static std::optional<calendar> from_json(std::string_view text, std::string& error);

  const std::string& name() const { return m_name; }
  const std::string& title() const { return m_title; }
  const std::string& source() const { return m_source; }
  int first_year() const { return m_first_year; }
  int last_year() const { return m_last_year; }
  const std::vector<holiday>& holidays() const { return m_holidays; }
  /// Weekend days that are working days, sorted.
  const std::vector<day_number>& workdays() const { return m_workdays; }

  bool covers(day_number day) const;
  /// nullopt outside the covered years.
  std::optional<bool> is_working_day(day_number day) const;
  /// The holiday a day belongs to, or null.
  const holiday* holiday_on(day_number day) const;
  /// Working days in (a, b]; negative when b < a. nullopt if a or b is not covered.
  std::optional<std::int32_t> working_days_between(day_number a, day_number b) const;
  /// The n-th working day after `day` (the -n-th before it when n < 0, so one working day before a
  /// holiday is the last working day ahead of it); `day` itself when n = 0. nullopt if `day` or the
  /// result is not covered.
  std::optional<day_number> add_working_days(day_number day, std::int32_t n) const;

 private:
  std::optional<std::size_t> index_of(day_number day) const;
  void build_prefix_counts();

  std::string m_name;
  std::string m_title;
  std::string m_source;
  int m_first_year = 0;
  int m_last_year = 0;
  day_number m_first_day = 0;
  std::vector<holiday> m_holidays;
  std::vector<day_number> m_workdays;
  // m_before[i] = working days in [m_first_day, m_first_day + i); one entry more than covered days,
  // so that any count between two covered days is one subtraction.
  std::vector<std::int32_t> m_before;
};

/// The mainland China calendar (国务院办公厅 holiday notices), embedded in the binary at build time
/// from facts/calendars/cn.json.
const calendar& china_calendar();

/// A built-in calendar by name (`cn`), or null.
const calendar* find_calendar(std::string_view name);

}  // namespace baomi::facts

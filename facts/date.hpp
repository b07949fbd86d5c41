// Civil dates as day numbers, durations with month/day/working-day parts, and calendar arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baomi::facts {

class calendar;

/// Days since 1970-01-01 (negative before). Dates in snapshots and rules are civil dates, no time zone.
using day_number = std::int32_t;

/// Parses a strict ISO `YYYY-MM-DD` date (years 0001–9999); rejects `2024-02-30`, `2024-2-3`, ….
std::optional<day_number> parse_date(std::string_view text);
/// Formats a day number as `YYYY-MM-DD`.
std::string format_date(day_number day);
/// The day number of a valid civil date; nullopt if the date does not exist.
std::optional<day_number> make_date(int year, unsigned month, unsigned day);

/// The calendar year, e.g. 2025.
int year_of(day_number day);
/// 1–12.
unsigned month_of(day_number day);
/// 1–31.
unsigned day_of_month(day_number day);
/// 1–4.
unsigned quarter_of(day_number day);
/// ISO weekday: 1 = Monday … 7 = Sunday.
unsigned weekday_of(day_number day);
/// Saturday or Sunday.
bool is_weekend(day_number day);

/// A length of time in three independent parts: calendar months (a year is 12), days (a week is 7),
/// and working days (which need a holiday calendar). The parts are kept apart because a month has no
/// fixed number of days and a working day no fixed length.
struct duration {
  std::int32_t months = 0;
  std::int32_t days = 0;
  std::int32_t working_days = 0;

  friend bool operator==(const duration&, const duration&) = default;
  friend duration operator-(const duration& d) { return {-d.months, -d.days, -d.working_days}; }
  friend duration operator+(const duration& a, const duration& b);
};

/// Parses a literal: one or more `<n><unit>` in the order y, mo, w, d, wd, each at most once:
/// `3y`, `6mo`, `1y6mo`, `2w`, `10d`, `2wd`; each amount at most 100000. nullopt on anything else.
std::optional<duration> parse_duration(std::string_view text);

/// The canonical literal: years and months from `months`, weeks folded into days: `1y6mo`, `14d`,
/// `2wd`; the zero duration is `0d`. A negative duration prints with a leading `-`.
std::string format_duration(const duration& d);

/// Orders two durations when the order holds whatever the dates involved: each part of one is at least
/// the same part of the other (`1y` > `6mo`, `2w` > `10d`, `1mo1d` > `1mo`). Months against days
/// (`1mo` vs `30d`) or days against working days have no order: nullopt.
std::optional<std::strong_ordering> compare(const duration& a, const duration& b);

/// `day + d`: months first, clamping to the end of the month (2024-08-31 + 6mo = 2025-02-28,
/// 2024-02-29 + 1y = 2025-02-28), then days, then working days on `cal`. nullopt when working days are
/// needed and `cal` is null or does not cover a date touched, or when the result leaves years 1–9999.
std::optional<day_number> add(day_number day, const duration& d, const calendar* cal);

/// `day - d`, applying the negated parts in the same order as `add` (so 2025-02-28 - 6mo = 2024-08-28:
/// month arithmetic with clamping is not invertible).
std::optional<day_number> subtract(day_number day, const duration& d, const calendar* cal);

}  // namespace baomi::facts

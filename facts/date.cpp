// Date parsing and formatting on std::chrono's civil calendar, and duration literals and arithmetic.
#include "facts/date.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <limits>

#include "facts/calendar.hpp"

namespace baomi::facts {

namespace chr = std::chrono;

namespace {

constexpr int min_year = 1;
constexpr int max_year = 9999;

chr::year_month_day to_ymd(day_number day) { return chr::year_month_day{chr::sys_days{chr::days{day}}}; }

day_number to_day(const chr::year_month_day& ymd) {
  return static_cast<day_number>(chr::sys_days{ymd}.time_since_epoch().count());
}

bool in_supported_years(day_number day) {
  int year = year_of(day);
  return year >= min_year && year <= max_year;
}

// Reads exactly `width` ASCII digits at text[pos].
std::optional<int> fixed_digits(std::string_view text, std::size_t pos, std::size_t width) {
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<day_number> add_months(day_number day, std::int32_t months) {
  if (months == 0) return day;
  auto ymd = to_ymd(day);
  auto shifted = chr::year_month{ymd.year(), ymd.month()} + chr::months{months};
  if (int(shifted.year()) < min_year || int(shifted.year()) > max_year) return std::nullopt;
  auto last = chr::year_month_day_last{shifted.year(), chr::month_day_last{shifted.month()}}.day();
  return to_day({shifted.year(), shifted.month(), std::min(ymd.day(), last)});
}

// Duration units, two-letter suffixes first so that `wd` is not read as `w` and `mo` is matched whole.
// `rank` is the position in which a literal must list them: y, mo, w, d, wd.
struct unit_spec {
  std::string_view suffix;
  std::int32_t duration::*part;
  std::int32_t factor;
  int rank;
};
constexpr std::array<unit_spec, 5> units{{
    {"mo", &duration::months, 1, 1},
    {"wd", &duration::working_days, 1, 4},
    {"y", &duration::months, 12, 0},
    {"w", &duration::days, 7, 2},
    {"d", &duration::days, 1, 3},
}};

const unit_spec* match_unit(std::string_view rest) {
  for (const auto& unit : units) {
    if (rest.starts_with(unit.suffix)) return &unit;
  }
  return nullptr;
}

}  // namespace

std::optional<day_number> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = fixed_digits(text, 0, 4);
  auto month = fixed_digits(text, 5, 2);
  auto day = fixed_digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  return make_date(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

std::optional<day_number> make_date(int year, unsigned month, unsigned day) {
  if (year < min_year || year > max_year) return std::nullopt;
  chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return to_day(ymd);
}

std::string format_date(day_number day) {
  auto ymd = to_ymd(day);
  std::array<char, 16> buffer{};
  auto put = [&](std::size_t pos, unsigned value, std::size_t width) {
    for (std::size_t i = width; i-- > 0; value /= 10) buffer[pos + i] = static_cast<char>('0' + value % 10);
  };
  put(0, static_cast<unsigned>(int(ymd.year())), 4);
  buffer[4] = '-';
  put(5, unsigned(ymd.month()), 2);
  buffer[7] = '-';
  put(8, unsigned(ymd.day()), 2);
  return std::string(buffer.data(), 10);
}

int year_of(day_number day) { return int(to_ymd(day).year()); }
unsigned month_of(day_number day) { return unsigned(to_ymd(day).month()); }
unsigned day_of_month(day_number day) { return unsigned(to_ymd(day).day()); }
unsigned quarter_of(day_number day) { return (month_of(day) - 1) / 3 + 1; }

unsigned weekday_of(day_number day) { return chr::weekday{chr::sys_days{chr::days{day}}}.iso_encoding(); }

bool is_weekend(day_number day) { return weekday_of(day) >= 6; }

duration operator+(const duration& a, const duration& b) {
  return {a.months + b.months, a.days + b.days, a.working_days + b.working_days};
}

std::optional<duration> parse_duration(std::string_view text) {
  constexpr std::int32_t max_amount = 100'000;  // as for literals in the language
  duration result;
  int last_rank = -1;
  while (!text.empty()) {
    std::int32_t amount = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
    if (error != std::errc{} || amount < 0 || amount > max_amount) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    const unit_spec* unit = match_unit(text);
    if (unit == nullptr || unit->rank <= last_rank) return std::nullopt;
    last_rank = unit->rank;
    result.*(unit->part) += amount * unit->factor;
    text.remove_prefix(unit->suffix.size());
  }
  if (last_rank < 0) return std::nullopt;
  return result;
}

std::string format_duration(const duration& d) {
  if (d.months <= 0 && d.days <= 0 && d.working_days <= 0 && d != duration{}) {
    std::string negative = "-";  // not `"-" + …`: GCC 12 -O3 reports a false -Wrestrict there
    negative += format_duration(-d);
    return negative;
  }
  std::string text;
  auto part = [&](std::int32_t amount, std::string_view suffix) {
    if (amount == 0) return;
    text += std::to_string(amount);
    text += suffix;
  };
  part(d.months / 12, "y");
  part(d.months % 12, "mo");
  part(d.days, "d");
  part(d.working_days, "wd");
  return text.empty() ? "0d" : text;
}

std::optional<std::strong_ordering> compare(const duration& a, const duration& b) {
  auto months = a.months <=> b.months;
  auto days = a.days <=> b.days;
  auto working = a.working_days <=> b.working_days;
  bool any_less = months < 0 || days < 0 || working < 0;
  bool any_greater = months > 0 || days > 0 || working > 0;
  if (any_less && any_greater) return std::nullopt;
  if (any_less) return std::strong_ordering::less;
  if (any_greater) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::optional<day_number> add(day_number day, const duration& d, const calendar* cal) {
  auto result = add_months(day, d.months);
  if (!result) return std::nullopt;
  auto days = static_cast<std::int64_t>(*result) + d.days;
  if (days < std::numeric_limits<day_number>::min() || days > std::numeric_limits<day_number>::max()) {
    return std::nullopt;
  }
  result = static_cast<day_number>(days);
  if (!in_supported_years(*result)) return std::nullopt;
  if (d.working_days == 0) return result;
  if (cal == nullptr) return std::nullopt;
  return cal->add_working_days(*result, d.working_days);
}

std::optional<day_number> subtract(day_number day, const duration& d, const calendar* cal) { return add(day, -d, cal); }

}  // namespace baomi::facts

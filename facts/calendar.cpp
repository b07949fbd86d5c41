// Holiday calendars read from JSON, with prefix counts so that working-day questions are O(log n).
#include "facts/calendar.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace baomi::facts {

namespace {

using json = nlohmann::json;

// Thrown inside from_json only, to unwind out of nested reads with one message.
struct calendar_error {
  std::string message;
};

const json& member(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) throw calendar_error{fmt::format("missing `{}`", name)};
  return *it;
}

std::string read_string(const json& object, const char* name) {
  const json& value = member(object, name);
  if (!value.is_string()) throw calendar_error{fmt::format("`{}` must be a string", name)};
  return value.get<std::string>();
}

day_number read_date(const json& value, std::string_view what) {
  auto day = value.is_string() ? parse_date(value.get_ref<const std::string&>()) : std::nullopt;
  if (!day) throw calendar_error{fmt::format("{}: invalid date {}", what, value.dump())};
  return *day;
}

}  // namespace

std::optional<calendar> calendar::from_json(std::string_view text, std::string& error) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "calendar is not a JSON object";
    return std::nullopt;
  }
  try {
    calendar cal;
    cal.m_name = read_string(doc, "name");
    cal.m_title = read_string(doc, "title");
    cal.m_source = read_string(doc, "source");
    const json& covers = member(doc, "covers");
    if (!covers.is_array() || covers.size() != 2 || !covers[0].is_number_integer() || !covers[1].is_number_integer()) {
      throw calendar_error{"`covers` must be [first_year, last_year]"};
    }
    cal.m_first_year = covers[0].get<int>();
    cal.m_last_year = covers[1].get<int>();
    auto first = make_date(cal.m_first_year, 1, 1);
    auto last = make_date(cal.m_last_year, 12, 31);
    if (!first || !last || *last < *first) throw calendar_error{"`covers` is not a valid year range"};
    cal.m_first_day = *first;
    cal.m_before.assign(static_cast<std::size_t>(*last - *first + 2), 0);

    for (const json& h : member(doc, "holidays")) {
      holiday entry{read_string(h, "name"), read_date(member(h, "from"), "holiday"),
                    read_date(member(h, "to"), "holiday")};
      if (entry.to < entry.from || !cal.covers(entry.from) || !cal.covers(entry.to)) {
        throw calendar_error{fmt::format("holiday `{}` from {} to {} is not inside the covered years", entry.name,
                                         format_date(entry.from), format_date(entry.to))};
      }
      cal.m_holidays.push_back(std::move(entry));
    }
    for (const json& w : member(doc, "workdays")) {
      day_number day = read_date(w, "workday");
      // A listed working day on a weekday would change nothing: it is a typo in the data.
      if (!cal.covers(day) || !is_weekend(day)) {
        throw calendar_error{fmt::format("workday {} is not a covered weekend day", format_date(day))};
      }
      cal.m_workdays.push_back(day);
    }
    std::sort(cal.m_workdays.begin(), cal.m_workdays.end());
    std::sort(cal.m_holidays.begin(), cal.m_holidays.end(),
              [](const holiday& a, const holiday& b) { return a.from < b.from; });
    cal.build_prefix_counts();
    return cal;
  } catch (const calendar_error& e) {
    error = e.message;
  } catch (const json::exception& e) {
    error = e.what();
  }
  return std::nullopt;
}

void calendar::build_prefix_counts() {
  std::vector<bool> rest(m_before.size() - 1);
  for (std::size_t i = 0; i < rest.size(); ++i) rest[i] = is_weekend(m_first_day + static_cast<day_number>(i));
  for (const auto& h : m_holidays) {
    for (day_number d = h.from; d <= h.to; ++d) rest[*index_of(d)] = true;
  }
  for (day_number d : m_workdays) rest[*index_of(d)] = false;
  for (std::size_t i = 0; i < rest.size(); ++i) m_before[i + 1] = m_before[i] + (rest[i] ? 0 : 1);
}

std::optional<std::size_t> calendar::index_of(day_number day) const {
  if (day < m_first_day) return std::nullopt;
  auto index = static_cast<std::size_t>(day - m_first_day);
  if (index + 1 >= m_before.size()) return std::nullopt;
  return index;
}

bool calendar::covers(day_number day) const { return index_of(day).has_value(); }

std::optional<bool> calendar::is_working_day(day_number day) const {
  auto i = index_of(day);
  if (!i) return std::nullopt;
  return m_before[*i + 1] != m_before[*i];
}

const calendar::holiday* calendar::holiday_on(day_number day) const {
  for (const auto& h : m_holidays) {
    if (h.from <= day && day <= h.to) return &h;
  }
  return nullptr;
}

std::optional<std::int32_t> calendar::working_days_between(day_number a, day_number b) const {
  auto ia = index_of(a);
  auto ib = index_of(b);
  if (!ia || !ib) return std::nullopt;
  return m_before[*ib + 1] - m_before[*ia + 1];
}

std::optional<day_number> calendar::add_working_days(day_number day, std::int32_t n) const {
  auto i = index_of(day);
  if (!i) return std::nullopt;
  if (n == 0) return day;
  // The result is the first day r with m_before[r + 1] == target, which makes it a working day with
  // n working days in (day, r] going forwards, or -n working days in [r, day) going backwards.
  std::int64_t counted = n > 0 ? m_before[*i + 1] : m_before[*i] + 1;
  std::int64_t target = counted + n;
  if (target < 1 || target > m_before.back()) return std::nullopt;
  auto it = std::lower_bound(m_before.begin(), m_before.end(), static_cast<std::int32_t>(target));
  return m_first_day + static_cast<day_number>(it - m_before.begin()) - 1;
}

const calendar* find_calendar(std::string_view name) {
  if (name == "cn") return &china_calendar();
  return nullptr;
}

}  // namespace baomi::facts

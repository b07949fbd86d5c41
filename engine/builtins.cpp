// The built-in functions: signature, implementation and doc of each, in one table.
#include "engine/builtins.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/eval/values.hpp"
#include "facts/calendar.hpp"
#include "facts/date.hpp"

namespace baomi::engine {

namespace {

using builtin_param::list_or_string;
using builtin_param::same_ordered;
using facts::type_kind;

value year(std::span<const value> a, const facts::calendar*) { return value::integer(facts::year_of(a[0].u.date)); }

value month(std::span<const value> a, const facts::calendar*) { return value::integer(facts::month_of(a[0].u.date)); }

value days_between(std::span<const value> a, const facts::calendar*) {
  return value::integer(a[1].u.date - a[0].u.date);
}

value working_days(std::span<const value> a, const facts::calendar* cal) {
  if (!cal) return value::null();
  auto d = cal->working_days_between(a[0].u.date, a[1].u.date);
  return d ? value::integer(*d) : value::null();
}

value len(std::span<const value> a, const facts::calendar*) {
  return value::integer(a[0].kind == vkind::string ? static_cast<std::int64_t>(a[0].text.size())
                                                   : evaluation::length(a[0]));
}

value contains(std::span<const value> a, const facts::calendar*) {
  return value::boolean(a[0].text.find(a[1].text) != std::string_view::npos);
}

value starts_with(std::span<const value> a, const facts::calendar*) {
  return value::boolean(a[0].text.starts_with(a[1].text));
}

value ends_with(std::span<const value> a, const facts::calendar*) {
  return value::boolean(a[0].text.ends_with(a[1].text));
}

value min2(std::span<const value> a, const facts::calendar* cal) {
  auto c = evaluation::compare(a[0], a[1], cal);
  if (!c) return value::null();
  return *c <= 0 ? a[0] : a[1];
}

value max2(std::span<const value> a, const facts::calendar* cal) {
  auto c = evaluation::compare(a[0], a[1], cal);
  if (!c) return value::null();
  return *c >= 0 ? a[0] : a[1];
}

}  // namespace

const std::vector<builtin_function>& builtin_functions() {
  static const std::vector<builtin_function> table = [] {
    std::vector<builtin_function> t = {
        {"contains",
         ir::builtin::contains,
         {type_kind::string, type_kind::string},
         type_kind::boolean,
         false,
         contains,
         "whether the first string contains the second"},
        {"days_between",
         ir::builtin::days_between,
         {type_kind::date, type_kind::date},
         type_kind::integer,
         false,
         days_between,
         "calendar days from the first date to the second (negative if earlier)"},
        {"ends_with",
         ir::builtin::ends_with,
         {type_kind::string, type_kind::string},
         type_kind::boolean,
         false,
         ends_with,
         "whether the first string ends with the second"},
        {"len",
         ir::builtin::len,
         {list_or_string},
         type_kind::integer,
         false,
         len,
         "the number of elements of a list, or of bytes of a string"},
        {"max",
         ir::builtin::max2,
         {same_ordered, same_ordered},
         same_ordered,
         false,
         max2,
         "the larger of two values of one ordered type"},
        {"min",
         ir::builtin::min2,
         {same_ordered, same_ordered},
         same_ordered,
         false,
         min2,
         "the smaller of two values of one ordered type"},
        {"month",
         ir::builtin::month,
         {type_kind::date},
         type_kind::integer,
         false,
         month,
         "the month (1-12) of a date"},
        {"starts_with",
         ir::builtin::starts_with,
         {type_kind::string, type_kind::string},
         type_kind::boolean,
         false,
         starts_with,
         "whether the first string starts with the second"},
        {"working_days",
         ir::builtin::working_days,
         {type_kind::date, type_kind::date},
         type_kind::integer,
         true,
         working_days,
         "working days between two dates by the holiday calendar; unknown outside its years"},
        {"year", ir::builtin::year, {type_kind::date}, type_kind::integer, false, year, "the year of a date"},
    };
    std::sort(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

const builtin_function* find_builtin(std::string_view name) {
  for (const auto& b : builtin_functions()) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const builtin_function& builtin_of(ir::builtin id) {
  for (const auto& b : builtin_functions()) {
    if (b.id == id) return b;
  }
  throw std::logic_error("a built-in id without a row in engine/builtins.cpp");
}

}  // namespace baomi::engine

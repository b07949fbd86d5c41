// Dates, durations, calendar arithmetic and the built-in China holiday calendar.
#include <boost/test/unit_test.hpp>

#include "facts/calendar.hpp"
#include "facts/date.hpp"

namespace facts = baomi::facts;

namespace {

facts::day_number d(const char* text) {
  auto day = facts::parse_date(text);
  BOOST_REQUIRE_MESSAGE(day, "bad test date " << text);
  return *day;
}

facts::duration dur(const char* text) {
  auto parsed = facts::parse_duration(text);
  BOOST_REQUIRE_MESSAGE(parsed, "bad test duration " << text);
  return *parsed;
}

std::string plus(const char* day, const char* by, const facts::calendar* cal = nullptr) {
  auto result = facts::add(d(day), dur(by), cal);
  return result ? facts::format_date(*result) : "none";
}

std::string minus(const char* day, const char* by, const facts::calendar* cal = nullptr) {
  auto result = facts::subtract(d(day), dur(by), cal);
  return result ? facts::format_date(*result) : "none";
}

const facts::calendar& cn() { return facts::china_calendar(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parses_and_formats_dates) {
  BOOST_TEST(facts::parse_date("1970-01-01").value() == 0);
  BOOST_TEST(facts::parse_date("1969-12-31").value() == -1);
  BOOST_TEST(facts::format_date(d("2024-02-29")) == "2024-02-29");
  BOOST_TEST(facts::format_date(d("0001-01-01")) == "0001-01-01");
  BOOST_TEST(facts::format_date(d("9999-12-31")) == "9999-12-31");
  BOOST_TEST(facts::year_of(d("2025-10-08")) == 2025);
  BOOST_TEST(facts::month_of(d("2025-10-08")) == 10u);
  BOOST_TEST(facts::day_of_month(d("2025-10-08")) == 8u);
  BOOST_TEST(facts::quarter_of(d("2025-10-08")) == 4u);
  BOOST_TEST(facts::weekday_of(d("2024-02-18")) == 7u);
  BOOST_TEST(facts::is_weekend(d("2024-02-18")));
}

BOOST_AUTO_TEST_CASE(rejects_invalid_dates) {
  for (const char* text :
       {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "24-01-01", "2024-01-1",
        "2024/01/01", "2024-01-01T00:00", " 2024-01-01", "", "0000-01-01", "2024-0a-01", "+024-01-01"}) {
    BOOST_TEST(!facts::parse_date(text).has_value(), text);
  }
  BOOST_TEST(facts::parse_date("2000-02-29").has_value());
  BOOST_TEST(!facts::parse_date("1900-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(parses_and_formats_durations) {
  BOOST_TEST((dur("10d") == facts::duration{0, 10, 0}));
  BOOST_TEST((dur("2w") == facts::duration{0, 14, 0}));
  BOOST_TEST((dur("6mo") == facts::duration{6, 0, 0}));
  BOOST_TEST((dur("3y") == facts::duration{36, 0, 0}));
  BOOST_TEST((dur("2wd") == facts::duration{0, 0, 2}));
  BOOST_TEST((dur("1y6mo") == facts::duration{18, 0, 0}));
  BOOST_TEST((dur("1w3d") == facts::duration{0, 10, 0}));
  BOOST_TEST(facts::format_duration(dur("3y")) == "3y");
  BOOST_TEST(facts::format_duration(dur("18mo")) == "1y6mo");
  BOOST_TEST(facts::format_duration(dur("2w")) == "14d");
  BOOST_TEST(facts::format_duration(dur("2wd")) == "2wd");
  BOOST_TEST(facts::format_duration(dur("1y10d5wd")) == "1y10d5wd");
  BOOST_TEST(facts::format_duration({}) == "0d");
  BOOST_TEST(facts::format_duration(-dur("6mo")) == "-6mo");
  for (const char* text :
       {"", "d", "10", "10x", "6m", "-3d", "+3d", "3d1y", "1d1d", "1.5y", "3 d", "3D", "99999999d"}) {
    BOOST_TEST(!facts::parse_duration(text).has_value(), text);
  }
}

BOOST_AUTO_TEST_CASE(compares_durations_only_when_ordered) {
  using std::strong_ordering;
  BOOST_TEST((facts::compare(dur("1y"), dur("6mo")) == strong_ordering::greater));
  BOOST_TEST((facts::compare(dur("12mo"), dur("1y")) == strong_ordering::equal));
  BOOST_TEST((facts::compare(dur("10d"), dur("2w")) == strong_ordering::less));
  BOOST_TEST((facts::compare(dur("1mo1d"), dur("1mo")) == strong_ordering::greater));
  BOOST_TEST(!facts::compare(dur("1mo"), dur("30d")).has_value());
  BOOST_TEST(!facts::compare(dur("5wd"), dur("7d")).has_value());
  BOOST_TEST(!facts::compare(dur("1y"), dur("1mo400d")).has_value());
}

BOOST_AUTO_TEST_CASE(adds_months_with_end_of_month_clamping) {
  BOOST_TEST(plus("2024-08-31", "6mo") == "2025-02-28");
  BOOST_TEST(plus("2024-02-29", "1y") == "2025-02-28");
  BOOST_TEST(plus("2024-02-29", "4y") == "2028-02-29");
  BOOST_TEST(plus("2023-01-31", "1mo") == "2023-02-28");
  BOOST_TEST(plus("2024-01-31", "1mo") == "2024-02-29");
  BOOST_TEST(plus("2024-03-31", "1mo") == "2024-04-30");
  BOOST_TEST(plus("2024-12-31", "1mo") == "2025-01-31");
  BOOST_TEST(plus("2024-01-31", "1mo1d") == "2024-03-01");
  BOOST_TEST(plus("2024-12-25", "10d") == "2025-01-04");
  BOOST_TEST(minus("2025-02-28", "6mo") == "2024-08-28");
  BOOST_TEST(minus("2024-03-31", "1mo") == "2024-02-29");
  BOOST_TEST(minus("2024-03-01", "1d") == "2024-02-29");
  BOOST_TEST(plus("9999-12-01", "1mo") == "none");
  BOOST_TEST(minus("0001-01-10", "10d") == "none");
}

BOOST_AUTO_TEST_CASE(working_days_need_a_covering_calendar) {
  BOOST_TEST(plus("2024-02-08", "2wd") == "none");
  BOOST_TEST(plus("2023-12-29", "1wd", &cn()) == "none");
  BOOST_TEST(plus("2026-12-30", "5wd", &cn()) == "none");
  BOOST_TEST(!cn().is_working_day(d("2023-12-31")).has_value());
  BOOST_TEST(!cn().is_working_day(d("2027-01-04")).has_value());
  BOOST_TEST(!cn().working_days_between(d("2023-12-31"), d("2024-01-05")).has_value());
  BOOST_TEST(cn().covers(d("2024-01-01")));
  BOOST_TEST(cn().covers(d("2026-12-31")));
  BOOST_TEST(!cn().covers(d("2027-01-01")));
}

BOOST_AUTO_TEST_CASE(spring_festival_2024) {
  // Rest 02-10..02-17; Sunday 02-04 and Sunday 02-18 are working days.
  BOOST_TEST(cn().is_working_day(d("2024-02-04")).value());
  BOOST_TEST(cn().is_working_day(d("2024-02-09")).value());
  BOOST_TEST(!cn().is_working_day(d("2024-02-12")).value());
  BOOST_TEST(cn().is_working_day(d("2024-02-18")).value());
  BOOST_TEST(cn().holiday_on(d("2024-02-12"))->name == "春节");
  BOOST_TEST(cn().holiday_on(d("2024-02-18")) == nullptr);
  // (02-08, 02-19]: 02-09 (Fri), 02-18 (working Sunday), 02-19 (Mon).
  BOOST_TEST(cn().working_days_between(d("2024-02-08"), d("2024-02-19")).value() == 3);
  BOOST_TEST(cn().working_days_between(d("2024-02-19"), d("2024-02-08")).value() == -3);
  BOOST_TEST(cn().working_days_between(d("2024-02-19"), d("2024-02-19")).value() == 0);
  BOOST_TEST(plus("2024-02-08", "1wd", &cn()) == "2024-02-09");
  BOOST_TEST(plus("2024-02-08", "2wd", &cn()) == "2024-02-18");
  BOOST_TEST(plus("2024-02-08", "3wd", &cn()) == "2024-02-19");
  BOOST_TEST(minus("2024-02-19", "2wd", &cn()) == "2024-02-09");
  BOOST_TEST(minus("2024-02-12", "1wd", &cn()) == "2024-02-09");
  BOOST_TEST(minus("2024-02-12", "2wd", &cn()) == "2024-02-08");
  BOOST_TEST(minus("2024-01-02", "1wd", &cn()) == "none");
}

BOOST_AUTO_TEST_CASE(national_day_2025) {
  // Rest 10-01..10-08; Sunday 09-28 and Saturday 10-11 are working days.
  BOOST_TEST(cn().is_working_day(d("2025-09-28")).value());
  for (const char* day : {"2025-10-01", "2025-10-04", "2025-10-08"}) {
    BOOST_TEST(!cn().is_working_day(d(day)).value(), day);
  }
  BOOST_TEST(cn().is_working_day(d("2025-10-11")).value());
  BOOST_TEST(!cn().is_working_day(d("2025-10-12")).value());
  BOOST_TEST(cn().holiday_on(d("2025-10-06"))->name == "国庆节、中秋节");
  // (09-26, 10-13]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13.
  BOOST_TEST(cn().working_days_between(d("2025-09-26"), d("2025-10-13")).value() == 7);
  BOOST_TEST(plus("2025-09-30", "1wd", &cn()) == "2025-10-09");
  BOOST_TEST(plus("2025-09-26", "10d2wd", &cn()) == "2025-10-10");
}

BOOST_AUTO_TEST_CASE(new_year_2026) {
  // Rest 01-01..01-03; Sunday 01-04 is a working day.
  BOOST_TEST(!cn().is_working_day(d("2026-01-01")).value());
  BOOST_TEST(!cn().is_working_day(d("2026-01-03")).value());
  BOOST_TEST(cn().is_working_day(d("2026-01-04")).value());
  BOOST_TEST(plus("2025-12-31", "1wd", &cn()) == "2026-01-04");
  BOOST_TEST(cn().working_days_between(d("2025-12-31"), d("2026-01-05")).value() == 2);
}

BOOST_AUTO_TEST_CASE(counts_whole_years) {
  // 2025: 365 days, 104 weekend days, 18 holiday weekdays, 5 working weekend days.
  auto year = cn().working_days_between(d("2024-12-31"), d("2025-12-31"));
  BOOST_TEST(year.value() == 248);
  BOOST_TEST(cn().first_year() == 2024);
  BOOST_TEST(cn().last_year() == 2026);
  BOOST_TEST(cn().holidays().size() == 20u);
  BOOST_TEST(cn().workdays().size() == 19u);
  BOOST_TEST(facts::find_calendar("cn") == &cn());
  BOOST_TEST(facts::find_calendar("us") == nullptr);
}

BOOST_AUTO_TEST_CASE(rejects_bad_calendar_files) {
  std::string error;
  BOOST_TEST(!facts::calendar::from_json("[]", error).has_value());
  BOOST_TEST(!facts::calendar::from_json(R"({"name":"x","title":"t","source":"s","covers":[2024,2024],
      "holidays":[{"name":"h","from":"2024-02-30","to":"2024-03-01"}],"workdays":[]})",
                                         error)
                  .has_value());
  BOOST_TEST(error.find("2024-02-30") != std::string::npos);
  BOOST_TEST(!facts::calendar::from_json(R"({"name":"x","title":"t","source":"s","covers":[2024,2024],
      "holidays":[],"workdays":["2024-02-05"]})",
                                         error)
                  .has_value());
  BOOST_TEST(error.find("weekend") != std::string::npos);
  BOOST_TEST(!facts::calendar::from_json(R"({"name":"x","title":"t","source":"s","covers":[2024,2024],
      "holidays":[{"name":"h","from":"2025-01-01","to":"2025-01-01"}],"workdays":[]})",
                                         error)
                  .has_value());
  auto ok = facts::calendar::from_json(R"({"name":"x","title":"t","source":"s","covers":[2024,2024],
      "holidays":[],"workdays":[]})",
                                       error);
  BOOST_REQUIRE(ok.has_value());
  BOOST_TEST(ok->working_days_between(d("2024-01-01"), d("2024-01-08")).value() == 5);
}

BOOST_AUTO_TEST_SUITE_END()

// Departments, posts, people, commitments, trainings and assessments: the 涉密人员 registers.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "tools/gen/collections.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

std::optional<facts::day_number> unless(random& r, unsigned permille, facts::day_number day) {
  if (r.permille(permille)) return std::nullopt;
  return day;
}

facts::day_number day_between(random& r, facts::day_number from, facts::day_number to) {
  return static_cast<facts::day_number>(r.between(from, std::max(from, to)));
}

facts::day_number approved_day(const person_facts& p, std::uint32_t index) {
  return p.left - static_cast<facts::day_number>(index % 29);
}

std::uint32_t random_cleared(random& r, const world& w) {
  if (w.cleared.empty()) return static_cast<std::uint32_t>(r.below(w.people.size()));
  return w.cleared[r.below(w.cleared.size())];
}

facts::day_number first_day(int year) { return *facts::make_date(year, 1, 1); }

namespace {

constexpr const char* employment_types[] = {"permanent", "contract", "seconded", "temporary"};

// Whether the person worked in the unit on `day` (for attendance at a training held that day).
bool present_on(const person_facts& p, facts::day_number day) {
  return p.onboarded <= day && (p.state == status::active || p.left > day);
}

}  // namespace

void write_departments(collection_writer& out, const world& w) {
  for (const auto& d : w.departments) {
    auto& r = out.begin();
    r.set_string("name", d.name);
    r.set_bool("is_key", d.is_key);
    out.commit();
  }
}

void write_posts(collection_writer& out, const world& w) {
  for (const auto& p : w.posts) {
    auto& r = out.begin();
    r.set_string("name", p.name);
    r.set_ref("department", "departments", p.department);
    if (p.level == post_level::none)
      r.set_null("level");
    else
      r.set_enum("level", level_symbol(p.level));
    out.commit();
  }
}

void write_people(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (const auto& p : w.people) {
    auto& r = out.begin();
    r.set_string("name", person_name(rng));
    r.set_ref("department", "departments", p.department);
    if (p.level == grade::none)
      r.set_null("grade");
    else
      r.set_enum("grade", grade_symbol(p.level));
    r.set_ref("post", "posts", p.level == grade::none && rng.permille(30) ? std::nullopt : std::optional(p.post));
    r.set_enum("status", status_symbol(p.state));
    r.set_enum("employment_type", employment_types[p.employment]);
    r.set_date("onboarded_on", p.onboarded);
    if (p.level == grade::none) {
      r.set_null("vetted_on");
      r.set_null("trained_on");
      r.set_null("registered_on");
    } else {
      // Mostly in order (审查 → 培训 → 上岗 → 备案); a few late, a few unknown, to give findings.
      auto vetted = rng.permille(30) ? p.onboarded + day_between(rng, 1, 30) : p.onboarded - day_between(rng, 5, 60);
      auto trained = rng.permille(20) ? p.onboarded + day_between(rng, 1, 20) : p.onboarded - day_between(rng, 1, 14);
      r.set_date("vetted_on", unless(rng, 20, vetted));
      r.set_date("trained_on", unless(rng, 30, trained));
      r.set_date("registered_on", unless(rng, 60, p.onboarded + day_between(rng, 5, 40)));
    }
    out.commit();
  }
}

void write_commitments(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  int year = facts::year_of(w.as_of);
  auto add = [&](std::uint32_t person, const char* kind, std::optional<facts::day_number> signed_on,
                 std::optional<int> for_year) {
    auto& r = out.begin();
    r.set_ref("person", "people", person);
    r.set_enum("kind", kind);
    r.set_date("signed_on", signed_on);
    if (for_year)
      r.set_int("year", *for_year);
    else
      r.set_null("year");
    out.commit();
  };
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (p.level == grade::none) {
      if (p.state == status::active && rng.permille(200)) {
        add(i, "responsibility_letter", day_between(rng, first_day(year), std::min(w.as_of, first_day(year) + 60)),
            year);
      }
      continue;
    }
    if (rng.permille(950)) {
      auto day = rng.permille(30) ? p.onboarded + day_between(rng, 1, 20) : p.onboarded - day_between(rng, 0, 5);
      add(i, "pledge", unless(rng, 20, day), std::nullopt);
    }
    if (p.state == status::active) {
      for (int y = year - 1; y <= year; ++y) {
        if (first_day(y) < p.onboarded || !rng.permille(y == year ? 800 : 850)) continue;
        auto start = first_day(y) + 4;
        add(i, "responsibility", day_between(rng, start, std::min(w.as_of, start + 50)), y);
      }
    } else if (p.departure_recorded && rng.permille(850)) {
      add(i, rng.permille(820) ? "exit_pledge" : "agreement", p.left - day_between(rng, 0, 10), std::nullopt);
    }
  }
}

namespace {

void add_training(collection_writer& out, const char* kind, facts::day_number day, std::span<const std::uint32_t> who) {
  auto& rng = out.rng();
  auto& r = out.begin();
  r.set_date("date", day);
  r.set_enum("kind", kind);
  static constexpr std::string_view hours[] = {"1.5", "2", "3", "4"};
  r.set_number("hours", hours[rng.below(std::size(hours))]);
  r.set_refs("attendees", "people", who);
  out.commit();
}

// Sessions held in one year, department by department: two or three 全员集中保密教育 for everyone
// present, then sessions for the department's 涉密人员 (and 要害部门 training in key departments).
// Each department keeps its own register, as large units do: attendee lists stay department-sized
// whatever the size of the unit.
void write_training_year(collection_writer& out, const world& w, int year, std::vector<std::uint32_t>& who) {
  auto& rng = out.rng();
  auto start = first_day(year);
  auto end = std::min(w.as_of, first_day(year + 1) - 1);
  if (end < start) return;
  auto span = end - start + 1;
  static constexpr const char* kinds[] = {"in_post", "law", "knowledge", "authority"};
  for (std::uint32_t d = 0; d < w.departments.size(); ++d) {
    auto members = std::span(w.members).subspan(w.member_offsets[d], w.member_offsets[d + 1] - w.member_offsets[d]);
    int sessions = rng.permille(300) ? 3 : 2;
    for (int s = 0; s < sessions; ++s) {
      auto day = start + span * s / sessions + day_between(rng, 0, span / sessions - 1);
      who.clear();
      for (auto i : members) {
        if (present_on(w.people[i], day) && rng.permille(920)) who.push_back(i);
      }
      if (!who.empty()) add_training(out, "all_staff", day, who);
    }
    auto count = 2 + rng.below(3) + (w.departments[d].is_key ? 1 : 0);
    for (std::uint64_t s = 0; s < count; ++s) {
      auto day = day_between(rng, start, end);
      who.clear();
      for (auto i : members) {
        const auto& p = w.people[i];
        if (p.level != grade::none && present_on(p, day) && rng.permille(850)) who.push_back(i);
      }
      if (who.empty()) continue;
      bool key_session = w.departments[d].is_key && s + 1 == count;
      add_training(out, key_session ? "key_post" : kinds[rng.below(std::size(kinds))], day, who);
    }
  }
}

}  // namespace

void write_trainings(collection_writer& out, const world& w) {
  int year = facts::year_of(w.as_of);
  std::vector<std::uint32_t> who;
  for (int y = year - 1; y <= year; ++y) write_training_year(out, w, y, who);
  // 离岗前保密教育, one session per leaving 涉密人员.
  auto& rng = out.rng();
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (p.level == grade::none || !p.departure_recorded || !rng.permille(850)) continue;
    std::uint32_t one[] = {i};
    add_training(out, "pre_departure", p.left - day_between(rng, 1, 20), one);
  }
}

void write_assessments(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  int year = facts::year_of(w.as_of);
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (p.level == grade::none || p.state != status::active) continue;
    for (int y = year - 2; y < year; ++y) {
      auto day = *facts::make_date(y, 12, static_cast<unsigned>(1 + rng.below(28)));
      if (day < p.onboarded || !rng.permille(y + 1 == year ? 900 : 800)) continue;
      auto& r = out.begin();
      r.set_ref("person", "people", i);
      r.set_date("date", day);
      r.set_enum("result", rng.permille(15) ? "failed" : "passed");
      out.commit();
    }
  }
}

}  // namespace baomi::gen

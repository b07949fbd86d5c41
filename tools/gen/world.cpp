// Drawing the unit's departments, posts and people.
#include "tools/gen/world.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tools/gen/random.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

const char* grade_symbol(grade g) {
  switch (g) {
    case grade::core:
      return "core";
    case grade::important:
      return "important";
    case grade::general:
      return "general";
    case grade::none:
      break;
  }
  return "";
}

const char* status_symbol(status s) {
  switch (s) {
    case status::active:
      return "active";
    case status::departed:
      return "departed";
    case status::retired:
      return "retired";
  }
  return "";
}

const char* level_symbol(post_level l) {
  switch (l) {
    case post_level::top_secret:
      return "top_secret";
    case post_level::secret:
      return "secret";
    case post_level::confidential:
      return "confidential";
    case post_level::none:
      break;
  }
  return "";
}

namespace {

constexpr const char* post_titles[] = {"负责人", "业务骨干", "文书", "科员"};
constexpr const char* branch_numbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

void add_departments(world& w, random& r, std::uint64_t people) {
  auto count = std::clamp<std::uint64_t>(people / 100, 6, 20000);
  auto names = department_names();
  for (std::uint64_t d = 0; d < count; ++d) {
    const auto& base = names[d % names.size()];
    auto branch = d / names.size();
    department_facts dept;
    if (branch == 0) {
      dept.name = std::string(base.name);
    } else if (branch <= std::size(branch_numbers)) {
      dept.name = fmt::format("第{}分局{}", branch_numbers[branch - 1], base.name);
    } else {
      dept.name = fmt::format("第{}分局{}", branch, base.name);
    }
    dept.is_key = base.is_key || r.permille(50);
    w.departments.push_back(std::move(dept));
    for (std::uint8_t level = 0; level < 4; ++level) {
      w.posts.push_back({static_cast<std::uint32_t>(d), static_cast<post_level>(level),
                         w.departments.back().name + post_titles[level]});
    }
  }
}

grade draw_grade(random& r) {
  if (!r.permille(300)) return grade::none;
  static constexpr unsigned weights[] = {50, 300, 650};
  return static_cast<grade>(1 + r.weighted(weights));
}

// The post of a person: the one whose level matches the grade, with a few mismatches (PER-010, PER-011).
std::uint32_t draw_post(random& r, std::uint32_t department, grade g) {
  std::uint32_t slot = 3;
  switch (g) {
    case grade::none:
      slot = r.permille(20) ? 2 : 3;
      break;
    case grade::core:
      slot = r.permille(40) ? 1 : 0;
      break;
    case grade::important:
      slot = r.permille(30) ? 2 : 1;
      break;
    case grade::general:
      slot = r.permille(20) ? 3 : 2;
      break;
  }
  return department * 4 + slot;
}

void add_people(world& w, random& r, std::uint64_t people) {
  w.people.resize(people);
  auto departments = static_cast<std::uint32_t>(w.departments.size());
  for (auto& p : w.people) {
    p.department = static_cast<std::uint32_t>(r.below(departments));
    p.level = draw_grade(r);
    p.post = draw_post(r, p.department, p.level);
    static constexpr unsigned employment_weights[] = {800, 120, 50, 30};
    p.employment = static_cast<std::uint8_t>(r.weighted(employment_weights));
    p.onboarded = w.as_of - static_cast<facts::day_number>(r.between(30, 20 * 365));
    // Departures are mostly of 涉密人员 (their 脱密期 keeps them on the register).
    bool leaves = r.permille(p.level != grade::none ? 140 : 15);
    if (leaves) {
      p.state = r.permille(800) ? status::departed : status::retired;
      // Most left in the last three years; some are still leaving (left in the future).
      p.left = r.permille(120) ? w.as_of + static_cast<facts::day_number>(r.between(1, 60))
                               : w.as_of - static_cast<facts::day_number>(r.between(0, 3 * 365));
      p.onboarded = std::min(p.onboarded, p.left - 200);
      p.departure_recorded = r.permille(950);
    } else if (r.permille(p.level != grade::none ? 120 : 40)) {
      p.trips = static_cast<std::uint8_t>(1 + r.below(2));
    }
  }
}

void index_members(world& w) {
  w.member_offsets.assign(w.departments.size() + 1, 0);
  for (const auto& p : w.people) ++w.member_offsets[p.department + 1];
  for (std::size_t d = 0; d < w.departments.size(); ++d) w.member_offsets[d + 1] += w.member_offsets[d];
  w.members.resize(w.people.size());
  auto next = w.member_offsets;
  for (std::uint32_t i = 0; i < w.people.size(); ++i) w.members[next[w.people[i].department]++] = i;
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (p.level != grade::none && p.state == status::active) w.cleared.push_back(i);
  }
}

}  // namespace

world build_world(std::uint64_t seed, std::uint64_t people, facts::day_number as_of, double carriers_per_person) {
  world w;
  w.seed = seed;
  w.as_of = as_of;
  random r(derive_seed(seed, "world"));
  add_departments(w, r, people);
  add_people(w, r, people);
  index_members(w);
  w.carriers = static_cast<std::uint64_t>(std::llround(static_cast<double>(people) * carriers_per_person));
  w.delegations = std::max<std::uint64_t>(1, people / 2000);
  w.meetings = std::max<std::uint64_t>(2, w.departments.size());
  return w;
}

}  // namespace baomi::gen

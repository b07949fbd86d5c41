// The synthetic unit behind a snapshot: departments, posts and people with the few facts that several
// collections must agree on (a person's department, grade, status and dates), kept compact in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "facts/date.hpp"

namespace baomi::gen {

/// 涉密等级 and 状态 as small numbers; the symbols are in grade_symbol() and status_symbol().
enum class grade : std::uint8_t { none, core, important, general };
enum class status : std::uint8_t { active, departed, retired };
/// A post's 涉密程度: the level of state secrets it handles, or none (非涉密岗位).
enum class post_level : std::uint8_t { top_secret, secret, confidential, none };

const char* grade_symbol(grade g);
const char* status_symbol(status s);
const char* level_symbol(post_level l);

struct department_facts {
  std::string name;
  bool is_key = false;  // 保密要害部门
};

struct post_facts {
  std::uint32_t department = 0;
  post_level level = post_level::none;
  std::string name;
};

/// About 24 bytes per person, so that a million people fit easily.
struct person_facts {
  std::uint32_t department = 0;
  std::uint32_t post = 0;
  facts::day_number onboarded = 0;  // took up the 涉密岗位 (others: joined the unit)
  facts::day_number left = 0;       // left the 涉密岗位 (departed and retired people only)
  grade level = grade::none;
  status state = status::active;
  std::uint8_t employment = 0;      // index of permanent, contract, seconded, temporary
  std::uint8_t trips = 0;           // rows in travels
  bool departure_recorded = false;  // has a row in departures
};

struct world {
  std::uint64_t seed = 0;
  facts::day_number as_of = 0;
  std::vector<department_facts> departments;
  std::vector<post_facts> posts;  // four per department: 绝密, 机密, 秘密, 非涉密
  std::vector<person_facts> people;
  std::vector<std::uint32_t> member_offsets;  // people of department d: members[offsets[d] .. offsets[d+1])
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> cleared;  // in-post 涉密人员, who hold most carriers
  std::uint64_t carriers = 0;
  std::uint64_t delegations = 0;
  std::uint64_t meetings = 0;
};

/// Draws the unit: ~30% of people 涉密人员 (核心 5%, 重要 30%, 一般 65%), ~5% departed or retired.
world build_world(std::uint64_t seed, std::uint64_t people, facts::day_number as_of, double carriers_per_person);

}  // namespace baomi::gen

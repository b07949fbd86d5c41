// Word lists for realistic synthetic facts: Chinese names, departments, posts, titles, places.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "tools/gen/random.hpp"

namespace baomi::gen {

/// A department of a typical 机关: its name, a code, and whether it is usually a 保密要害部门.
struct department_name {
  std::string_view name;
  bool is_key;
};

std::span<const department_name> department_names();

/// A full Chinese name: a surname drawn by frequency, then one or two given-name characters.
std::string person_name(random& r);
/// A document title such as 关于2025年度保密自查自评工作的通知.
std::string document_title(random& r, int year);
/// An organization outside the unit (制发机关, 对方单位, employers).
std::string_view organization(random& r);
/// A destination country or region abroad, and one in 港澳台.
std::string_view foreign_place(random& r);
std::string_view hmt_place(random& r);
/// A delegation's purpose: 保密管理考察, 学术交流, ….
std::string_view delegation_purpose(random& r);
/// A meeting room or venue.
std::string venue(random& r);

}  // namespace baomi::gen

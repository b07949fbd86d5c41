// The 自查自评 checklist of seed 001 (第一篇 四、自查内容): the fourteen groups rules cite in `area`.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace baomi::engine {

struct checklist_group {
  std::string_view code;   // 四(一) … 四(十四)
  std::string_view title;  // 保密工作领导责任制落实情况 …
  int items = 0;           // numbered items in the group (四(十四) has one, unnumbered)
};

/// The fourteen groups in checklist order.
std::span<const checklist_group> checklist();

/// The index of the group an area names (`四(四)`, `四（四）`, `四(四)2`), if any.
std::optional<std::size_t> checklist_group_of(std::string_view area);

/// The item number an area or clause names after its group (`四(四)2` → 2), if any.
std::optional<int> checklist_item_of(std::string_view area);

/// What is wrong with `area` as a rule's checklist reference: nullopt when it names a group
/// (`四(四)`) or an item of one (`四(四)2`) with half-width parentheses; else the message, and the
/// spelling meant when there is one (`四（十）` → `四(十)`).
struct area_problem {
  std::string message;
  std::string suggestion;  // empty when none
};
std::optional<area_problem> check_area(std::string_view area);

}  // namespace baomi::engine

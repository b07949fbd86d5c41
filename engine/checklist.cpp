// The checklist table and the parsing of `四(N)` references.
#include "engine/checklist.hpp"
#include "base/language.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

namespace baomi::engine {

namespace {

constexpr std::array<checklist_group, 14> groups = {{
    {"四(一)", "保密工作领导责任制落实情况", 4},
    {"四(二)", "保密制度建设情况", 3},
    {"四(三)", "保密宣传教育培训情况", 3},
    {"四(四)", "涉密人员管理情况", 4},
    {"四(五)", "国家秘密确定、变更和解除情况", 4},
    {"四(六)", "国家秘密载体管理情况", 3},
    {"四(七)", "信息系统和信息设备保密管理情况", 13},
    {"四(八)", "涉密场所及保密要害部门、部位管理情况", 3},
    {"四(九)", "涉密会议、活动和货物、工程、服务采购等项目管理情况", 3},
    {"四(十)", "涉外工作保密管理情况", 3},
    {"四(十一)", "宣传报道和信息公开保密审查情况", 5},
    {"四(十二)", "违反保密法律法规行为查处情况", 3},
    {"四(十三)", "保密组织机构设置、人员配备及经费保障情况", 3},
    {"四(十四)", "保密工作记录和材料", 1},
}};

// `四(N)` with half- or full-width parentheses: the Chinese numeral N and where the reference ends.
std::optional<std::pair<std::string, std::size_t>> group_numeral(std::string_view text) {
  auto at = text.find("四");
  if (at == std::string_view::npos) return std::nullopt;
  auto rest = text.substr(at + std::string_view("四").size());
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!rest.starts_with(open)) continue;
    auto end = rest.find(close);
    if (end == std::string_view::npos) return std::nullopt;
    auto consumed = at + std::string_view("四").size() + end + close.size();
    return std::make_pair(std::string(rest.substr(open.size(), end - open.size())), consumed);
  }
  return std::nullopt;
}

}  // namespace

std::span<const checklist_group> checklist() { return groups; }

std::optional<std::size_t> checklist_group_of(std::string_view area) {
  auto numeral = group_numeral(area);
  if (!numeral) return std::nullopt;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].code == "四(" + numeral->first + ")") return i;
  }
  return std::nullopt;
}

std::optional<area_problem> check_area(std::string_view area) {
  auto numeral = group_numeral(area);
  auto group = checklist_group_of(area);
  if (!numeral || !group) {
    return area_problem{
        base::say("area `{}` 不是自查自评清单的项（四(一) … 四(十四)，如 `四(四)` 或 `四(四)2`）",
                  "area `{}` is not a group of the 自查自评 checklist (四(一) … 四(十四), e.g. `四(四)` or `四(四)2`)",
                  area),
        {}};
  }
  auto at = area.find("四");
  auto rest = area.substr(numeral->second);
  auto item = checklist_item_of(area);
  std::string canonical = std::string(groups[*group].code);
  if (item) canonical += std::to_string(*item);
  bool digits_only = rest.find_first_not_of("0123456789") == std::string_view::npos;
  if (at != 0 || !digits_only) {
    return area_problem{
        base::say("area `{}` 的写法不是 `四(N)` 或 `四(N)M`", "area `{}` is not written `四(N)` or `四(N)M`", area),
        item || rest.empty() ? canonical : ""};
  }
  if (area != canonical) {
    return area_problem{base::say("area `{}` 使用了全角括号；清单写作 `{}`",
                                  "area `{}` uses full-width parentheses; the checklist writes `{}`", area, canonical),
                        canonical};
  }
  if (item && (*item < 1 || *item > groups[*group].items)) {
    return area_problem{
        base::say("{0} 有 {1} 个条目，没有第 {3} 条", "{} has {} item{}; there is no item {}", groups[*group].code,
                  groups[*group].items, groups[*group].items == 1 ? "" : "s", *item),
        std::string(groups[*group].code)};
  }
  return std::nullopt;
}

std::optional<int> checklist_item_of(std::string_view area) {
  auto numeral = group_numeral(area);
  if (!numeral) return std::nullopt;
  auto rest = area.substr(numeral->second);
  int item = 0;
  std::size_t i = 0;
  for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i) item = item * 10 + (rest[i] - '0');
  if (i == 0) return std::nullopt;
  return item;
}

}  // namespace baomi::engine

// `baomi profiles` as text or JSON.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/language.hpp"
#include "reports/listings.hpp"

namespace baomi::reports {

std::string render_profiles_text(const std::vector<engine::profile_summary>& profiles) {
  std::string text;
  for (const auto& p : profiles) {
    text += fmt::format("{}  {}\n", p.name, p.title);
    if (!p.extends.empty()) text += fmt::format("    extends {}\n", p.extends);
    for (const auto& c : p.changes) text += fmt::format("    {}\n", c);
  }
  return text + base::say("{} 个配置（--profile NAME）\n", "{} profiles (--profile NAME)\n", profiles.size());
}

std::string render_profiles_json(const std::vector<engine::profile_summary>& profiles) {
  auto list = nlohmann::json::array();
  for (const auto& p : profiles)
    list.push_back({{"name", p.name}, {"title", p.title}, {"extends", p.extends}, {"changes", p.changes}});
  return nlohmann::json{{"format", "baomi.profiles"}, {"version", 1}, {"profiles", list}}.dump(2) + "\n";
}

}  // namespace baomi::reports

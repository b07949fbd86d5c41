// `baomi profiles`: the profiles the rules declare, each with its title and what it changes.
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "dsl/formatter.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct profiles_options {
  std::vector<std::string> rules;
  output_options output;
};

struct profile_row {
  std::string name;
  std::string title;
  std::string extends;
  std::vector<std::string> changes;  // "param x = v", "disable R", "severity R high"
};

// From the declarations as written (a param's value as the source spells it), for the profiles the
// checker accepted.
std::vector<profile_row> rows(const checked_rules& rules) {
  std::vector<profile_row> out;
  for (const auto& m : rules.modules.modules) {
    for (const auto& decl : m.ast.decls) {
      const auto* p = std::get_if<dsl::ast::profile_decl>(&decl.node);
      if (p == nullptr) continue;
      profile_row r{p->profile.text, p->title.value_or(""), p->extends.text, {}};
      for (const auto& item : p->items) {
        switch (item.kind) {
          case dsl::ast::profile_item_kind::param:
            r.changes.push_back(fmt::format("param {} = {}", item.target.text, dsl::format_expr(*item.value)));
            break;
          case dsl::ast::profile_item_kind::disable:
            r.changes.push_back("disable " + item.target.text);
            break;
          case dsl::ast::profile_item_kind::severity:
            r.changes.push_back(fmt::format("severity {} {}", item.target.text, dsl::ast::to_string(item.level)));
            break;
        }
      }
      out.push_back(std::move(r));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

int run_profiles(const profiles_options& o) {
  if (o.output.format != "text" && o.output.format != "json") {
    fmt::print(stderr, "error: unknown format `{}` (text, json)\n", o.output.format);
    return exit_usage;
  }
  auto rules = load_rules(o.rules);
  if (!rules.checked.program) {
    print_diagnostics(rules);
    return exit_usage;
  }
  auto list = rows(rules);
  std::string text;
  if (o.output.format == "json") {
    auto j = nlohmann::json::array();
    for (const auto& r : list)
      j.push_back({{"name", r.name}, {"title", r.title}, {"extends", r.extends}, {"changes", r.changes}});
    text = nlohmann::json{{"format", "baomi.profiles"}, {"version", 1}, {"profiles", j}}.dump(2) + "\n";
  } else {
    for (const auto& r : list) {
      text += fmt::format("{}  {}\n", r.name, r.title);
      if (!r.extends.empty()) text += fmt::format("    extends {}\n", r.extends);
      for (const auto& c : r.changes) text += fmt::format("    {}\n", c);
    }
    text += fmt::format("{} 个配置（--profile NAME）\n", list.size());
  }
  return emit(o.output, text);
}

}  // namespace

command add_profiles(CLI::App& app) {
  auto o = std::make_shared<profiles_options>();
  auto* sub = app.add_subcommand("profiles", "List the profiles of the rules with their titles and what they change");
  add_rules_option(sub, o->rules);
  sub->add_option("--format", o->output.format, "text or json")->capture_default_str();
  sub->add_option("--output,-o", o->output.output, "Write to this file (atomically) instead of stdout");
  return {sub, [=] { return run_profiles(*o); }};
}

}  // namespace baomi::tools

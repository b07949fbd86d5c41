// `baomi new rule|profile|fixture NAME`: the starting text of a rule, a profile or a fixture for a
// rule, printed or written to a new file (never over an existing one).
#include <fmt/format.h>
#include <filesystem>
#include <memory>

#include "dsl/parser.hpp"
#include "engine/describe.hpp"
#include "reports/scaffold.hpp"
#include "tools/commands.hpp"
#include "tools/common.hpp"
#include "tools/options.hpp"

namespace baomi::tools {

namespace {

struct new_options {
  std::string kind;
  std::string name;
  rules_options rules;
  std::string output;
};

// Whether `name` is what the grammar reads as one rule id (`rule`) or module name (`profile`): the
// parser decides, as for lint, so that the scaffold always parses.
bool valid_name(const std::string& kind, const std::string& name) {
  auto text = kind == "rule" ? "rule " + name + " \"t\" {}" : "profile " + name + " extends x {}";
  auto parsed = dsl::parse(dsl::source_file("new", text));
  if (!parsed.module || parsed.module->decls.size() != 1) return false;
  const auto& node = parsed.module->decls.front().node;
  if (const auto* r = std::get_if<dsl::ast::rule_decl>(&node)) return r->id.text == name;
  if (const auto* p = std::get_if<dsl::ast::profile_decl>(&node)) return p->profile.text == name;
  return false;
}

int run_new(const new_options& o) {
  if (o.kind == "rule" && !valid_name(o.kind, o.name)) {
    complain(
        "error: `{}` 不是规则编号：以字母开头，由字母、数字和 `_` 组成，其间可用单个连字符分隔，如 `PER-010`"
        "（docs/language.md §3）\n",
        "error: `{}` is not a rule id: a letter, then letters, digits and `_`, with single hyphens between "
        "them, such as `PER-010` (docs/language.md §3)\n",
        o.name);
    return exit_usage;
  }
  if (o.kind == "profile" && !valid_name(o.kind, o.name)) {
    complain("error: `{}` 不是配置名：以点连接的词，如 `jys.strict`\n",
             "error: `{}` is not a profile name: words joined by dots, such as `jys.strict`\n", o.name);
    return exit_usage;
  }
  std::error_code ec;
  if (!o.output.empty() && std::filesystem::exists(std::filesystem::symlink_status(o.output, ec))) {
    complain("error: `{}` 已存在；baomi new 不覆盖已有文件\n",
             "error: `{}` already exists; baomi new does not overwrite a file\n", o.output);
    return exit_usage;
  }
  std::string text;
  if (o.kind == "rule") {
    text = reports::scaffold_rule(o.name);
  } else if (o.kind == "profile") {
    text = reports::scaffold_profile(o.name);
  } else {
    auto rules = load_valid_rules(o.rules.paths, !o.rules.no_baseline);
    if (!rules) return exit_usage;
    auto described = engine::describe_rule(*rules->checked.program, "", o.name);
    if (!described.plan) {
      fmt::print(stderr, "error: {}\n", described.error);
      return exit_usage;
    }
    text = reports::scaffold_fixture(*rules->checked.program, *described.plan);
  }
  output_options out;
  out.output = o.output;
  return emit(out, text);
}

}  // namespace

command add_new(CLI::App& app) {
  auto o = std::make_shared<new_options>();
  auto* sub = app.add_subcommand("new", "Start a rule, a profile or a fixture for a rule from a template");
  sub->add_option("kind", o->kind, "rule, profile or fixture")
      ->required()
      ->check(CLI::IsMember({"rule", "profile", "fixture"}));
  sub->add_option("name", o->name, "The rule id (rule, and the rule a fixture is for) or the profile's name")
      ->required();
  add_rules_option(sub, o->rules);
  sub->add_option("--output,-o", o->output, "Write to this new file instead of stdout (never overwrites)");
  return {sub, [=] { return run_new(*o); }};
}

}  // namespace baomi::tools

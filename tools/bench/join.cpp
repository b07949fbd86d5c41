// The join rules and their plan.
#include "tools/bench/join.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/program.hpp"
#include "tools/common.hpp"
#include "tools/embedded_rules.hpp"

namespace baomi::bench {

namespace {

struct join_rule {
  const char* id;
  const char* needs;  // what the schema must have: `custodian`, `holder` (of carriers), `commitments`, `trainings`
  const char* title;
  const char* body;
};

// Each is one `for p in people` over a partner collection, answered by a reverse index of a ref
// (`c.custodian == p`) or of a list of refs (`p in t.attendees`). BENCH-J5 joins on an optional ref
// that is often null (`holder`: null = in the 保密室): the evaluator also visits every row whose ref is
// null, since such a row might be the subject's (three-valued logic).
constexpr join_rule join_rules[] = {
    {"BENCH-J1", "custodian", "每人保管的载体", "require exists c in carriers where c.custodian == p"},
    {"BENCH-J2", "custodian", "每人保管的在用载体不超过二十件",
     "require (count c in carriers where c.custodian == p and c.status == in_use) <= 20"},
    {"BENCH-J3", "commitments", "每人签订保密承诺书",
     "require exists c in commitments where c.person == p and c.kind == pledge"},
    {"BENCH-J4", "trainings", "每人参加两次以上培训", "require (count t in trainings where p in t.attendees) >= 2"},
    {"BENCH-J5", "holder", "每人持有的载体", "require exists c in carriers where c.holder == p"},
};

bool has_field(const facts::schema& s, const char* collection, const char* field) {
  auto entity = s.find_collection(collection);
  return entity && s.entity_at(*entity).find_field(field);
}

bool usable(const facts::schema& s, const join_rule& r) {
  if (!s.find_collection("people")) return false;
  std::string_view needs = r.needs;
  if (needs == "custodian") return has_field(s, "carriers", "custodian") && has_field(s, "carriers", "status");
  if (needs == "holder") return has_field(s, "carriers", "holder");
  if (needs == "commitments") return has_field(s, "commitments", "person") && has_field(s, "commitments", "kind");
  return has_field(s, "trainings", "attendees");
}

}  // namespace

std::string join_module_text(const facts::schema& schema) {
  std::string text = "ruleset bench.join \"关联查询基准\" {\n  version \"1\"\n}\n\nimport cn.schema\n";
  if (schema.find_collection("carriers")) text += "import cn.carrier_schema\n";
  text += "\nsource \"bench\" \"性能基准（非法规）\"\n";
  for (const auto& r : join_rules) {
    if (!usable(schema, r)) continue;
    text += fmt::format(
        "\nrule {} \"{}\" {{\n  severity info\n  cite \"bench\" \"关联查询\"\n  for p in people\n  {}\n"
        "  message \"{{p.name}}：{}\"\n}}\n",
        r.id, r.title, r.body, r.title);
  }
  return text;
}

std::optional<engine::plan> join_plan(const std::vector<std::string>& only) {
  auto baseline = tools::load_rules({});
  if (!baseline.checked.program) {
    tools::print_diagnostics(baseline);
    return std::nullopt;
  }
  const auto& schema = baseline.checked.program->schema;
  auto files = tools::embedded_rules();
  files.emplace_back("rulesets/bench/join.baomi", join_module_text(schema));
  tools::checked_rules rules;
  rules.modules = engine::load_embedded(files);
  rules.checked = engine::check(rules.modules);
  if (!rules.checked.program) {
    tools::print_diagnostics(rules);
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const auto& r : join_rules) {
    bool wanted = only.empty() || std::find(only.begin(), only.end(), r.id) != only.end();
    if (usable(schema, r) && wanted) ids.emplace_back(r.id);
  }
  engine::pipeline_options compile_only;
  compile_only.only = std::move(ids);
  compile_only.last_stage = engine::stage::compile;
  auto compiled = engine::run_pipeline(*rules.checked.program, engine::snapshot_source::none(), compile_only);
  if (!compiled.ok()) {
    fmt::print(stderr, "error: {}\n", compiled.error);
    return std::nullopt;
  }
  return std::move(compiled.plan);
}

}  // namespace baomi::bench

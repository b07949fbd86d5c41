// Rules: subject collection, steps (let, where, due, require, forbid), message and dates.
#include "base/language.hpp"
#include "engine/check/checker.hpp"
#include "engine/checklist.hpp"

namespace baomi::engine::checking {

void checker::check_rules() {
  std::map<std::string, const located_decl<ast::rule_decl>*> ids;
  for (const auto& r : m_rules) {
    m_module = r.module;
    const auto& d = *r.decl;
    if (auto it = ids.find(d.id.text); it != ids.end()) {
      auto& diag = error(codes::duplicate_rule, d.id.range,
                         base::say("重复的规则编号 `{}`", "duplicate rule id `{}`", d.id.text));
      diag.add_note(base::say("首次定义于 {}:{}:{}", "first defined in {}:{}:{}", it->second->module->source.path(),
                              it->second->decl->id.range.begin.line, it->second->decl->id.range.begin.column),
                    std::nullopt);
    } else {
      ids[d.id.text] = &r;
    }
    check_rule(r);  // a duplicate too: its other errors are reported as well
  }
  m_module = nullptr;
}

void checker::check_rule(const located_decl<ast::rule_decl>& r) {
  const auto& d = *r.decl;
  rule_program rule;
  rule.info.id = d.id.text;
  rule.info.title = d.title;
  rule.info.module = r.module->name;
  rule.info.location = {r.module->source.path(), d.id.range.begin.line, d.id.range.begin.column};
  if (d.severity) {
    rule.info.severity = static_cast<engine::severity>(d.severity->value);
  } else {
    error(codes::missing_severity, d.id.range,
          base::say("规则 `{}` 没有 `severity`", "rule `{}` has no `severity`", d.id.text))
        .add_note(base::pick("请添加 `severity info|low|medium|high|critical`",
                             "add `severity info|low|medium|high|critical`"),
                  std::nullopt);
  }
  if (d.cites.empty()) {
    error(codes::missing_citation, d.id.range,
          base::say("规则 `{}` 没有引用法规", "rule `{}` cites no regulation", d.id.text))
        .add_note(base::pick("请添加 `cite \"来源\" \"法规原文，逐字摘录\"`",
                             "add `cite \"SOURCE\" \"the exact words of the regulation\"`"),
                  std::nullopt);
  }
  if (d.area) {
    rule.info.area = d.area->value;
    if (auto problem = check_area(d.area->value)) {
      auto& diag = error(codes::unknown_area, d.area->range, problem->message);
      if (!problem->suggestion.empty())
        diag.add_note(base::say("是否应为 `area \"{}\"`？", "did you mean `area \"{}\"`?", problem->suggestion),
                      std::nullopt);
    }
  }
  for (const auto& c : d.cites) {
    if (!m_sources.count(c.source)) {
      warning(codes::undeclared_source, c.range, base::say("来源 `{}` 未声明", "source `{}` is not declared", c.source))
          .add_note(base::say("请声明一次：`source \"{}\" \"文件标题\"`",
                              "declare it once: `source \"{}\" \"the document's title\"`", c.source),
                    std::nullopt);
    }
    auto title = m_sources.find(c.source);
    rule.info.citations.push_back(
        {c.source, title == m_sources.end() ? "" : title->second, c.quote, c.locator.value_or("")});
  }
  for (const auto& t : d.tags) rule.info.tags.push_back(t.value);
  if (d.effective)
    rule.effective = facts::make_date(d.effective->value.year, d.effective->value.month, d.effective->value.day);
  if (d.expires) rule.expires = facts::make_date(d.expires->value.year, d.expires->value.month, d.expires->value.day);
  if (rule.effective && rule.expires && *rule.expires <= *rule.effective) {
    error(codes::expires_before_effective, d.expires->range,
          base::pick("`expires` 须晚于 `effective`", "`expires` must be after `effective`"));
  }
  if (!d.subject) {
    error(codes::missing_subject, d.id.range,
          base::say("规则 `{}` 没有检查对象", "rule `{}` has no subject", d.id.text))
        .add_note(base::pick("请添加 `for x in 集合`", "add `for x in COLLECTION`"), std::nullopt);
    return;
  }
  bool decides = std::any_of(d.steps.begin(), d.steps.end(), [](const auto& s) {
    return s.kind == ast::step_kind::require || s.kind == ast::step_kind::forbid;
  });
  if (!decides) {
    error(codes::missing_requirement, d.id.range,
          base::say("规则 `{}` 没有 `require` 或 `forbid`", "rule `{}` has no `require` or `forbid`", d.id.text));
  }
  begin_frame();
  const auto* coll = std::get_if<ast::variable>(&d.subject->collection->node);
  auto table = coll ? m_program.schema.find_collection(coll->name) : std::nullopt;
  if (!table) {
    auto& diag =
        error(codes::unknown_name, d.subject->collection->range,
              base::say("`{}` 不是集合", "`{}` is not a collection", dsl::format_expr(*d.subject->collection)));
    std::vector<std::string> names;
    for (const auto& en : m_program.schema.entities()) {
      if (en.collection) names.push_back(*en.collection);
    }
    if (coll) suggest(diag, coll->name, names);
    return;
  }
  rule.subject_table = *table;
  rule.subject_slot = bind(d.subject->binder, facts::ref_to(*table), false);
  m_scope.back().used = true;
  // `x ?? false` in a filter turns a fact that was not recorded into "out of scope" (not_applicable).
  // `x ?? null` does the opposite (a none read as unknown) and is not warned about.
  auto defaults_in_filter = [&](auto& self, const ir::node& n) -> void {
    if (n.op == ir::op::coalesce && n.children.size() == 2 && n.children[1].op == ir::op::constant &&
        !n.children[1].null_type) {
      auto& diag =
          warning(codes::default_in_filter, n.range,
                  base::pick("筛选条件中的 `??` 默认值会把事实未记录的检查对象排除在范围之外",
                             "a `??` default in a filter puts a subject whose fact is not recorded out of scope"));
      diag.add_note(
          base::pick("请直接检验事实本身（`x`、`x > 0`）：事实未记录时结果为未知；若空值确实表示没有，"
                     "请把默认值写在 `require` 中",
                     "test the fact itself (`x`, `x > 0`): an unrecorded fact then leaves the outcome unknown; "
                     "write the default in `require` if null really means none"),
          std::nullopt);
    }
    for (const auto& c : n.children) self(self, c);
  };
  if (d.subject->condition) {
    auto cond = expr(*d.subject->condition, nullptr);
    defaults_in_filter(defaults_in_filter, cond);
    expect_bool(cond, d.subject->condition->range, "`where`");
    cond.source_text = dsl::format_expr(*d.subject->condition);
    rule.filter = std::move(cond);
  }
  bool has_due = false;
  for (const auto& s : d.steps) {
    rule_step step;
    step.kind = static_cast<step_kind>(s.kind);
    if (s.kind == ast::step_kind::let) {
      step.value = expr(*s.value, nullptr);
      step.slot = bind(*s.binding, step.value.type, true);
      m_scope.back().null_type = step.value.null_type;
    } else {
      step.value = expr(*s.value, nullptr);
      if (s.kind == ast::step_kind::due) {
        if (has_due)
          error(codes::duplicate_clause, s.range, base::pick("规则中重复的 `due`", "duplicate `due` in the rule"));
        has_due = true;
        if (!step.value.null_type && step.value.type.kind != type_kind::date) {
          error(
              codes::not_allowed_here, s.value->range,
              base::say("`due` 需要 `date`，此处为 `{}`", "`due` needs a `date`, this is `{}`", type_name(step.value)));
        }
      } else {
        if (s.kind == ast::step_kind::where) defaults_in_filter(defaults_in_filter, step.value);
        expect_bool(step.value, s.value->range,
                    s.kind == ast::step_kind::where     ? "`where`"
                    : s.kind == ast::step_kind::require ? "`require`"
                                                        : "`forbid`");
      }
    }
    step.value.source_text = dsl::format_expr(*s.value);
    rule.steps.push_back(std::move(step));
  }
  if (d.message) rule.message = expr(*d.message, nullptr);
  if (d.remedy) rule.remedy = expr(*d.remedy, nullptr);
  for (const auto& l : m_scope) {
    if (l.is_let && !l.used)
      warning(codes::unused_local, l.range, base::say("`{}` 从未使用", "`{}` is never used", l.name));
  }
  rule.frame_size = m_frame_size;
  rule.slot_names = m_slot_names;
  m_program.rules.push_back(std::move(rule));
  m_scope.clear();
}

}  // namespace baomi::engine::checking

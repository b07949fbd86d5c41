// Params and functions: param values (constants), function signatures, bodies and call cycles.
#include "base/language.hpp"
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

void checker::check_params() {
  for (const auto& p : m_params) {
    m_module = p.module;
    const auto& d = *p.decl;
    if (m_param_index.count(d.param.text)) {
      auto& diag = error(codes::duplicate_declaration, d.param.range,
                         base::say("重复的参数 `{}`", "duplicate param `{}`", d.param.text));
      const auto& first = *std::find_if(m_params.begin(), m_params.end(),
                                        [&](const auto& o) { return o.decl->param.text == d.param.text; });
      note_first(diag, first.module, first.decl->param.range);
      continue;
    }
    m_first_param_decl[d.param.text] = &d;
    auto t = resolve_type(d.type, d.param.text);
    m_constant_context = true;
    auto value = expr(*d.value, &t);
    m_constant_context = false;
    expect_assignable(value, t, d.value->range, base::pick("默认值", "the default value"));
    m_param_index[d.param.text] = static_cast<std::uint32_t>(m_program.params.size());
    m_program.params.push_back({d.param.text, t, std::move(value)});
    m_param_used.push_back(false);
  }
  m_module = nullptr;
}

void checker::expect_assignable(const ir::node& value, const type& t, const dsl::source_range& range,
                                const char* what) {
  if (value.poisoned) return;
  if (value.null_type) {
    if (!t.optional)
      error(codes::type_mismatch, range,
            base::say("{} 为 `null`，但类型 `{}` 不可为空", "{} is `null` but the type `{}` is not optional", what,
                      type_name(t)));
    return;
  }
  bool ok = same_base(value.type, t) || (t.kind == type_kind::number && value.type.kind == type_kind::integer);
  if (!ok)
    error(codes::type_mismatch, range,
          base::say("{} 的类型为 `{}`，应为 `{}`", "{} has type `{}`, expected `{}`", what, type_name(value),
                    type_name(t)));
}

// Signatures first, so params may call functions; bodies after params, so functions may read them.
void checker::declare_functions() {
  for (const auto& f : m_functions) {
    m_module = f.module;
    const auto& d = *f.decl;
    if (m_function_index.count(d.function.text)) {
      auto& diag = error(codes::duplicate_declaration, d.function.range,
                         base::say("重复的函数 `{}`", "duplicate function `{}`", d.function.text));
      const auto& first = *std::find_if(m_functions.begin(), m_functions.end(),
                                        [&](const auto& o) { return o.decl->function.text == d.function.text; });
      note_first(diag, first.module, first.decl->function.range);
      continue;
    }
    m_function_index[d.function.text] = static_cast<std::uint32_t>(m_program.functions.size());
    function_info info{d.function.text, {}, {}, 0, {}};
    for (const auto& p : d.params) info.params.push_back(resolve_type(p.type, d.function.text + "." + p.param.text));
    if (d.result) info.result = resolve_type(*d.result, d.function.text + ".result");
    m_program.functions.push_back(std::move(info));
  }
  m_calls.assign(m_program.functions.size(), {});
  m_module = nullptr;
}

void checker::check_function_bodies() {
  for (const auto& f : m_functions) {
    m_module = f.module;
    const auto& d = *f.decl;
    auto index = m_function_index.at(d.function.text);
    if (m_program.functions[index].name != d.function.text) continue;
    begin_frame();
    for (std::size_t i = 0; i < d.params.size(); ++i) {
      bind(d.params[i].param, m_program.functions[index].params[i], false);
      m_scope.back().used = true;
    }
    m_in_function = index;
    auto body = expr(*d.body, d.result ? &m_program.functions[index].result : nullptr);
    m_in_function.reset();
    if (d.result) {
      expect_assignable(body, m_program.functions[index].result, d.body->range,
                        base::pick("函数体", "the function body"));
    } else {
      m_program.functions[index].result = body.type;
    }
    m_program.functions[index].body = std::move(body);
    m_program.functions[index].frame_size = m_frame_size;
    m_scope.clear();
  }
  // Non-recursion: the call graph has no cycle.
  std::vector<int> state(m_program.functions.size(), 0);
  std::function<bool(std::uint32_t)> cyclic = [&](std::uint32_t f) {
    if (state[f] == 1) return true;
    if (state[f] == 2) return false;
    state[f] = 1;
    for (auto callee : m_calls[f]) {
      if (cyclic(callee)) return true;
    }
    state[f] = 2;
    return false;
  };
  for (const auto& f : m_functions) {
    auto index = m_function_index.at(f.decl->function.text);
    std::fill(state.begin(), state.end(), 0);
    if (m_program.functions[index].name == f.decl->function.text && cyclic(index)) {
      m_module = f.module;
      error(codes::recursive_function, f.decl->function.range,
            base::say("函数 `{}` 调用了自身（直接或经由其他函数）：规则必须能够终止",
                      "function `{}` calls itself (directly or through other functions): rules must terminate",
                      f.decl->function.text));
    }
  }
  m_module = nullptr;
}

}  // namespace baomi::engine::checking

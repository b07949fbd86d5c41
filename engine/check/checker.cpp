// The checker's driver and diagnostics: the passes in order, reporting with codes, type names.
#include "engine/check/checker.hpp"

#include "base/language.hpp"
#include "base/text.hpp"

namespace baomi::engine::checking {

namespace {}  // namespace

/// The closest candidate within a small edit distance, for "did you mean" notes.
std::optional<std::string> closest(std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    auto d = base::edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

check_result checker::run() {
  collect();
  build_schema();
  declare_functions();
  check_params();
  check_function_bodies();
  check_rules();
  check_profiles();
  warn_unused_params();
  check_result result;
  dsl::sort_and_unique(m_diagnostics);
  bool errors = std::any_of(m_diagnostics.begin(), m_diagnostics.end(),
                            [](const auto& d) { return d.severity == dsl::severity::error; });
  if (!errors) result.program = std::move(m_program);
  result.diagnostics = std::move(m_diagnostics);
  return result;
}

dsl::diagnostic& checker::report(dsl::severity s, std::string_view code, const dsl::source_range& range,
                                 std::string message) {
  m_diagnostics.push_back(
      {std::string(code), s, m_module ? m_module->source.path() : "", range, std::move(message), {}});
  return m_diagnostics.back();
}

dsl::diagnostic& checker::error(std::string_view code, const dsl::source_range& range, std::string message) {
  return report(dsl::severity::error, code, range, std::move(message));
}

dsl::diagnostic& checker::warning(std::string_view code, const dsl::source_range& range, std::string message) {
  return report(dsl::severity::warning, code, range, std::move(message));
}

void checker::suggest(dsl::diagnostic& d, std::string_view name, const std::vector<std::string>& candidates) {
  if (auto best = closest(name, candidates))
    d.add_note(base::say("是否应为 `{}`？", "did you mean `{}`?", *best), std::nullopt);
}

void checker::note_first(dsl::diagnostic& d, const module_source* m, const dsl::source_range& r) {
  if (m)
    d.add_note(
        base::say("首次声明于 {}:{}:{}", "first declared in {}:{}:{}", m->source.path(), r.begin.line, r.begin.column));
}

// Types as the language writes them (`int`, `bool`), not as the schema model names them.
std::string checker::type_name(const type& t) const {
  auto text = facts::to_string(t, m_program.schema);
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"integer", "int"}, {"boolean", "bool"}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
      bool word_end =
          at + from.size() == text.size() || !std::isalnum(static_cast<unsigned char>(text[at + from.size()]));
      if (word_start && word_end) text.replace(at, from.size(), to);
    }
  }
  return text;
}

}  // namespace baomi::engine::checking

namespace baomi::engine {

check_result check(const module_set& modules) { return checking::checker(modules).run(); }

}  // namespace baomi::engine

// Human messages for every `must<>` point of the grammar (private to dsl/parser.cpp).
// Each has its stable diagnostic code from dsl/codes.hpp; the message PEGTL raises is `CODE|text`,
// joined at compile time. docs/diagnostics.md lists the codes.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "dsl/codes.hpp"
#include "dsl/grammar.hpp"

namespace baomi::dsl::grammar {

/// `code|text` as a NUL-terminated array, built at compile time.
template <std::size_t N>
consteval std::array<char, N + 6> coded_message(std::string_view code, const char (&text)[N]) {
  std::array<char, N + 6> out{};
  for (std::size_t i = 0; i < 5; ++i) out[i] = code[i];
  out[5] = '|';
  for (std::size_t i = 0; i < N; ++i) out[6 + i] = text[i];
  return out;
}

/// The message of a rule: none (nullptr_t) by default, else an array from coded_message.
template <typename Rule>
inline constexpr auto error_text = nullptr;

/// A message as `must_if` reads it: convertible to `const char*`, and known to be present (`!= nullptr`)
/// without comparing an address, which GCC does not accept as a constant under the sanitizers.
struct coded_text {
  const char* text;
  constexpr operator const char*() const { return text; }
  friend constexpr bool operator!=(coded_text, std::nullptr_t) { return true; }
  friend constexpr bool operator==(coded_text, std::nullptr_t) { return false; }
};

/// The message of `Rule` for `must_if`: `nullptr` when it has none, else its coded text.
template <typename Rule>
constexpr auto error_message() {
  if constexpr (std::is_null_pointer_v<std::remove_cv_t<decltype(error_text<Rule>)>>) {
    return nullptr;
  } else {
    return coded_text{error_text<Rule>.data()};
  }
}

#define BAOMI_ERROR(rule, code, text) \
  template <>                         \
  inline constexpr auto error_text<rule> = coded_message(codes::code, text)
BAOMI_ERROR(
    end_of_file, expected_declaration,
    "expected a declaration: `rule`, `entity`, `extend`, `enum`, `param`, `fn`, `import`, `source`, `profile` or "
    "`ruleset`");
BAOMI_ERROR(expression, expected_expression, "expected an expression");
BAOMI_ERROR(unary, expected_expression, "expected an operand after the operator");
BAOMI_ERROR(multiplicative, expected_expression, "expected an operand after the operator");
BAOMI_ERROR(additive, expected_expression, "expected an operand after `??`");
BAOMI_ERROR(coalesce, expected_expression, "expected the end of the range after `..`");
BAOMI_ERROR(range, expected_expression, "expected the right-hand side of the comparison");
BAOMI_ERROR(negation, expected_expression, "expected an operand after `and`");
BAOMI_ERROR(conjunction, expected_expression, "expected an operand after `or`");
BAOMI_ERROR(map_value, expected_expression, "expected a value after `:` in the map");
BAOMI_ERROR(param_value, expected_expression, "expected the default value of the param");
BAOMI_ERROR(fn_body, expected_expression, "expected the function body after `=`");
BAOMI_ERROR(paren_close, unclosed_delimiter, "expected `)` to close the parenthesis");
BAOMI_ERROR(list_close, unclosed_delimiter, "expected `,` or `]` in the list");
BAOMI_ERROR(map_close, unclosed_delimiter, "expected `,` or `}` in the map");
BAOMI_ERROR(call_close, unclosed_delimiter, "expected `,` or `)` in the argument list");
BAOMI_ERROR(index_close, unclosed_delimiter, "expected `]` to close the index");
BAOMI_ERROR(fn_close, unclosed_delimiter, "expected `,` or `)` in the parameter list");
BAOMI_ERROR(enum_close, unclosed_delimiter, "expected an enum member `symbol \"标签\"` or `}`");
BAOMI_ERROR(entity_close, unclosed_delimiter, "expected a field `name: type` or `}` to close the entity");
BAOMI_ERROR(ruleset_close, unclosed_delimiter,
            "expected a metadata entry `key \"value\"` or `}` to close the ruleset header");
BAOMI_ERROR(rule_close, unclosed_delimiter,
            "expected a rule item (`severity`, `area`, `cite`, `for`, `let`, `where`, `due`, `require`, `forbid`, "
            "`message`, `remedy`, …) or `}`");
BAOMI_ERROR(profile_close, unclosed_delimiter, "expected a profile item (`param`, `disable`, `severity`) or `}`");
BAOMI_ERROR(string_close, string_problem, "unterminated string: expected `\"`");
BAOMI_ERROR(escape_char, string_problem, "unknown escape sequence: use `\\\"`, `\\\\`, `\\n`, `\\t`, `\\{` or `\\}`");
BAOMI_ERROR(interpolation_close, string_problem, "expected `}` to close the interpolation");
BAOMI_ERROR(name, expected_name, "expected a name");
BAOMI_ERROR(binder, expected_name, "expected a variable name");
BAOMI_ERROR(dotted_name, expected_name, "expected a module name such as `cn.personnel`");
BAOMI_ERROR(rule_id, expected_name, "expected a rule id such as `PER-010`");
BAOMI_ERROR(member_name, expected_name, "expected a field name after `.`");
BAOMI_ERROR(any_word, expected_name, "expected a name");
BAOMI_ERROR(collection, expected_expression,
            "expected a collection after `in`, such as `people` or `d.person.trainings`");
BAOMI_ERROR(kw_in, expected_token, "expected `in`");
BAOMI_ERROR(kw_then, expected_token, "expected `then`");
BAOMI_ERROR(kw_else, expected_token, "expected `else`: every `if` needs an `else`");
BAOMI_ERROR(kw_null, expected_token, "expected `null` after `is`");
BAOMI_ERROR(extend_entity, expected_token, "expected `entity` after `extend`: `extend entity travel { … }`");
BAOMI_ERROR(kw_extends, expected_token, "expected `extends` and the module the profile changes");
BAOMI_ERROR(colon, expected_token, "expected `:`");
BAOMI_ERROR(equals, expected_token, "expected `=`");
BAOMI_ERROR(lparen, expected_token, "expected `(`");
BAOMI_ERROR(langle, expected_token, "expected `<`");
BAOMI_ERROR(rangle, expected_token, "expected `>`");
BAOMI_ERROR(comma, expected_token, "expected `,`");
BAOMI_ERROR(rule_open, expected_token, "expected `{` to open the rule");
BAOMI_ERROR(entity_open, expected_token, "expected `{` to open the entity");
BAOMI_ERROR(profile_open, expected_token, "expected `{` to open the profile");
BAOMI_ERROR(enum_body, expected_token, "expected `{` and the enum members");
BAOMI_ERROR(type, expected_type, "expected a type such as `string`, `date`, `ref person` or `list<string>`");
BAOMI_ERROR(string_lit, expected_string, "expected a string in double quotes");
BAOMI_ERROR(rule_title, expected_string, "expected the rule title as a string after the rule id");
BAOMI_ERROR(cite_quote, expected_string,
            "expected the quoted regulation text after the source id: `cite \"004\" \"原文\"`");
BAOMI_ERROR(none_meaning, expected_string,
            "expected what a null value means, in Chinese, after `none`: `holder: ref person? none \"在保密室\"`");
BAOMI_ERROR(label_value, expected_string,
            "expected the label after `label`: a field name or a template such as `\"{kind} {serial}\"`");
BAOMI_ERROR(source_title, expected_string, "expected the source title after the source id");
BAOMI_ERROR(severity_level, unknown_severity, "expected a severity: `info`, `low`, `medium`, `high` or `critical`");
BAOMI_ERROR(rule_date, expected_date, "expected a date such as `2024-05-01`");
#undef BAOMI_ERROR

/// The error policy given to `must_if`: a `must<>` failure raises with the message above; nothing
/// else raises.
struct errors {
  template <typename Rule>
  static constexpr auto message = error_message<Rule>();
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

}  // namespace baomi::dsl::grammar

// Human messages for every `must<>` point of the grammar (private to dsl/parser.cpp).
// Each has its stable diagnostic code from dsl/codes.hpp and a Chinese and an English text; the message
// PEGTL raises is `CODE|zh<US>en`, joined at compile time. docs/diagnostics.md lists the codes.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "dsl/codes.hpp"
#include "dsl/grammar.hpp"

namespace baomi::dsl::grammar {

/// Between the two languages of a coded message.
inline constexpr char language_separator = '\x1f';

/// `code|zh<US>en` as a NUL-terminated array, built at compile time: the message in both languages,
/// of which dsl/parser.cpp keeps the message language's.
template <std::size_t Z, std::size_t E>
consteval std::array<char, Z + E + 6> coded_message(std::string_view code, const char (&zh)[Z], const char (&en)[E]) {
  std::array<char, Z + E + 6> out{};
  for (std::size_t i = 0; i < 5; ++i) out[i] = code[i];
  out[5] = '|';
  for (std::size_t i = 0; i + 1 < Z; ++i) out[6 + i] = zh[i];
  out[5 + Z] = language_separator;
  for (std::size_t i = 0; i < E; ++i) out[6 + Z + i] = en[i];
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

#define BAOMI_ERROR(rule, code, zh, en) \
  template <>                           \
  inline constexpr auto error_text<rule> = coded_message(codes::code, zh, en)
BAOMI_ERROR(
    end_of_file, expected_declaration,
    "此处应为声明：`rule`、`entity`、`extend`、`enum`、`param`、`fn`、`import`、`source`、`profile` 或 `ruleset`",
    "expected a declaration: `rule`, `entity`, `extend`, `enum`, `param`, `fn`, `import`, `source`, `profile` or "
    "`ruleset`");
BAOMI_ERROR(expression, expected_expression, "此处应为表达式", "expected an expression");
BAOMI_ERROR(unary, expected_expression, "运算符后应有操作数", "expected an operand after the operator");
BAOMI_ERROR(multiplicative, expected_expression, "运算符后应有操作数", "expected an operand after the operator");
BAOMI_ERROR(additive, expected_expression, "`??` 后应有操作数", "expected an operand after `??`");
BAOMI_ERROR(coalesce, expected_expression, "`..` 后应有范围的终点", "expected the end of the range after `..`");
BAOMI_ERROR(range, expected_expression, "比较运算符右侧应有表达式", "expected the right-hand side of the comparison");
BAOMI_ERROR(negation, expected_expression, "`and` 后应有操作数", "expected an operand after `and`");
BAOMI_ERROR(conjunction, expected_expression, "`or` 后应有操作数", "expected an operand after `or`");
BAOMI_ERROR(map_value, expected_expression, "映射中 `:` 后应有值", "expected a value after `:` in the map");
BAOMI_ERROR(param_value, expected_expression, "此处应为参数的默认值", "expected the default value of the param");
BAOMI_ERROR(fn_body, expected_expression, "`=` 后应有函数体", "expected the function body after `=`");
BAOMI_ERROR(paren_close, unclosed_delimiter, "应有 `)` 闭合括号", "expected `)` to close the parenthesis");
BAOMI_ERROR(list_close, unclosed_delimiter, "列表中应为 `,` 或 `]`", "expected `,` or `]` in the list");
BAOMI_ERROR(map_close, unclosed_delimiter, "映射中应为 `,` 或 `}`", "expected `,` or `}` in the map");
BAOMI_ERROR(call_close, unclosed_delimiter, "参数列表中应为 `,` 或 `)`", "expected `,` or `)` in the argument list");
BAOMI_ERROR(index_close, unclosed_delimiter, "应有 `]` 闭合下标", "expected `]` to close the index");
BAOMI_ERROR(fn_close, unclosed_delimiter, "形参列表中应为 `,` 或 `)`", "expected `,` or `)` in the parameter list");
BAOMI_ERROR(enum_close, unclosed_delimiter, "此处应为枚举成员 `symbol \"标签\"` 或 `}`",
            "expected an enum member `symbol \"标签\"` or `}`");
BAOMI_ERROR(entity_close, unclosed_delimiter, "此处应为字段 `name: type`，或以 `}` 结束实体",
            "expected a field `name: type` or `}` to close the entity");
BAOMI_ERROR(ruleset_close, unclosed_delimiter, "此处应为元数据 `key \"value\"`，或以 `}` 结束规则集头部",
            "expected a metadata entry `key \"value\"` or `}` to close the ruleset header");
BAOMI_ERROR(rule_close, unclosed_delimiter,
            "此处应为规则项（`severity`、`area`、`cite`、`for`、`let`、`where`、`due`、`require`、`forbid`、`message`"
            "、`remedy` 等）或 `}`",
            "expected a rule item (`severity`, `area`, `cite`, `for`, `let`, `where`, `due`, `require`, `forbid`, "
            "`message`, `remedy`, …) or `}`");
BAOMI_ERROR(profile_close, unclosed_delimiter, "此处应为配置项（`param`、`disable`、`severity`）或 `}`",
            "expected a profile item (`param`, `disable`, `severity`) or `}`");
BAOMI_ERROR(string_close, string_problem, "字符串未结束：缺少 `\"`", "unterminated string: expected `\"`");
BAOMI_ERROR(escape_char, string_problem, "未知的转义序列：可用 `\\\"`、`\\\\`、`\\n`、`\\t`、`\\{` 或 `\\}`",
            "unknown escape sequence: use `\\\"`, `\\\\`, `\\n`, `\\t`, `\\{` or `\\}`");
BAOMI_ERROR(interpolation_close, string_problem, "应有 `}` 结束插值", "expected `}` to close the interpolation");
BAOMI_ERROR(name, expected_name, "此处应为名称", "expected a name");
BAOMI_ERROR(binder, expected_name, "此处应为变量名", "expected a variable name");
BAOMI_ERROR(dotted_name, expected_name, "此处应为模块名，如 `cn.personnel`",
            "expected a module name such as `cn.personnel`");
BAOMI_ERROR(rule_id, expected_name, "此处应为规则编号，如 `PER-010`", "expected a rule id such as `PER-010`");
BAOMI_ERROR(member_name, expected_name, "`.` 后应有字段名", "expected a field name after `.`");
BAOMI_ERROR(any_word, expected_name, "此处应为名称", "expected a name");
BAOMI_ERROR(collection, expected_expression, "`in` 后应有集合，如 `people` 或 `d.person.trainings`",
            "expected a collection after `in`, such as `people` or `d.person.trainings`");
BAOMI_ERROR(kw_in, expected_token, "此处应为 `in`", "expected `in`");
BAOMI_ERROR(kw_then, expected_token, "此处应为 `then`", "expected `then`");
BAOMI_ERROR(kw_else, expected_token, "此处应为 `else`：每个 `if` 都须有 `else`",
            "expected `else`: every `if` needs an `else`");
BAOMI_ERROR(kw_null, expected_token, "`is` 后应为 `null`", "expected `null` after `is`");
BAOMI_ERROR(extend_entity, expected_token, "`extend` 后应为 `entity`：`extend entity travel { … }`",
            "expected `entity` after `extend`: `extend entity travel { … }`");
BAOMI_ERROR(kw_extends, expected_token, "此处应为 `extends` 及配置所修改的模块",
            "expected `extends` and the module the profile changes");
BAOMI_ERROR(colon, expected_token, "此处应为 `:`", "expected `:`");
BAOMI_ERROR(equals, expected_token, "此处应为 `=`", "expected `=`");
BAOMI_ERROR(lparen, expected_token, "此处应为 `(`", "expected `(`");
BAOMI_ERROR(langle, expected_token, "此处应为 `<`", "expected `<`");
BAOMI_ERROR(rangle, expected_token, "此处应为 `>`", "expected `>`");
BAOMI_ERROR(comma, expected_token, "此处应为 `,`", "expected `,`");
BAOMI_ERROR(rule_open, expected_token, "应有 `{` 开始规则", "expected `{` to open the rule");
BAOMI_ERROR(entity_open, expected_token, "应有 `{` 开始实体", "expected `{` to open the entity");
BAOMI_ERROR(profile_open, expected_token, "应有 `{` 开始配置", "expected `{` to open the profile");
BAOMI_ERROR(enum_body, expected_token, "应有 `{` 及枚举成员", "expected `{` and the enum members");
BAOMI_ERROR(type, expected_type, "此处应为类型，如 `string`、`date`、`ref person` 或 `list<string>`",
            "expected a type such as `string`, `date`, `ref person` or `list<string>`");
BAOMI_ERROR(string_lit, expected_string, "此处应为双引号括起的字符串", "expected a string in double quotes");
BAOMI_ERROR(rule_title, expected_string, "规则编号后应有字符串形式的规则标题",
            "expected the rule title as a string after the rule id");
BAOMI_ERROR(cite_quote, expected_string, "来源编号后应有引号括起的法规原文：`cite \"004\" \"原文\"`",
            "expected the quoted regulation text after the source id: `cite \"004\" \"原文\"`");
BAOMI_ERROR(none_meaning, expected_string, "`none` 后应有空值含义的中文说明：`holder: ref person? none \"在保密室\"`",
            "expected what a null value means, in Chinese, after `none`: `holder: ref person? none \"在保密室\"`");
BAOMI_ERROR(label_value, expected_string, "`label` 后应有标签：字段名或模板，如 `\"{kind} {serial}\"`",
            "expected the label after `label`: a field name or a template such as `\"{kind} {serial}\"`");
BAOMI_ERROR(source_title, expected_string, "来源编号后应有来源标题", "expected the source title after the source id");
BAOMI_ERROR(severity_level, unknown_severity, "此处应为严重程度：`info`、`low`、`medium`、`high` 或 `critical`",
            "expected a severity: `info`, `low`, `medium`, `high` or `critical`");
BAOMI_ERROR(rule_date, expected_date, "此处应为日期，如 `2024-05-01`", "expected a date such as `2024-05-01`");
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

// Human messages for every `must<>` point of the grammar (private to dsl/parser.cpp).
// Each message starts with its stable diagnostic code and a `|`; docs/diagnostics.md lists them.
#pragma once

#include "dsl/grammar.hpp"

namespace baomi::dsl::grammar {

template <typename Rule> inline constexpr const char* error_message = nullptr;

#define BAOMI_ERROR(rule, text) template <> inline constexpr const char* error_message<rule> = text
BAOMI_ERROR(end_of_file, "E0102|expected a declaration: `rule`, `entity`, `enum`, `param`, `fn`, `import`, `source`, `profile` or `ruleset`");
BAOMI_ERROR(expression, "E0104|expected an expression");
BAOMI_ERROR(unary, "E0104|expected an operand after the operator");
BAOMI_ERROR(multiplicative, "E0104|expected an operand after the operator");
BAOMI_ERROR(additive, "E0104|expected an operand after `??`");
BAOMI_ERROR(coalesce, "E0104|expected the end of the range after `..`");
BAOMI_ERROR(range, "E0104|expected the right-hand side of the comparison");
BAOMI_ERROR(negation, "E0104|expected an operand after `and`");
BAOMI_ERROR(conjunction, "E0104|expected an operand after `or`");
BAOMI_ERROR(map_value, "E0104|expected a value after `:` in the map");
BAOMI_ERROR(param_value, "E0104|expected the default value of the param");
BAOMI_ERROR(fn_body, "E0104|expected the function body after `=`");
BAOMI_ERROR(paren_close, "E0105|expected `)` to close the parenthesis");
BAOMI_ERROR(list_close, "E0105|expected `,` or `]` in the list");
BAOMI_ERROR(map_close, "E0105|expected `,` or `}` in the map");
BAOMI_ERROR(call_close, "E0105|expected `,` or `)` in the argument list");
BAOMI_ERROR(index_close, "E0105|expected `]` to close the index");
BAOMI_ERROR(fn_close, "E0105|expected `,` or `)` in the parameter list");
BAOMI_ERROR(enum_close, "E0105|expected an enum member `symbol \"标签\"` or `}`");
BAOMI_ERROR(entity_close, "E0105|expected a field `name: type` or `}` to close the entity");
BAOMI_ERROR(ruleset_close, "E0105|expected a metadata entry `key \"value\"` or `}` to close the ruleset header");
BAOMI_ERROR(rule_close, "E0105|expected a rule item (`severity`, `area`, `cite`, `for`, `let`, `where`, `due`, `require`, `forbid`, `message`, `remedy`, …) or `}`");
BAOMI_ERROR(profile_close, "E0105|expected a profile item (`param`, `disable`, `severity`) or `}`");
BAOMI_ERROR(string_close, "E0106|unterminated string: expected `\"`");
BAOMI_ERROR(escape_char, "E0106|unknown escape sequence: use `\\\"`, `\\\\`, `\\n`, `\\t`, `\\{` or `\\}`");
BAOMI_ERROR(interpolation_close, "E0106|expected `}` to close the interpolation");
BAOMI_ERROR(name, "E0107|expected a name");
BAOMI_ERROR(binder, "E0107|expected a variable name");
BAOMI_ERROR(dotted_name, "E0107|expected a module name such as `cn.personnel`");
BAOMI_ERROR(rule_id, "E0107|expected a rule id such as `PER-010`");
BAOMI_ERROR(member_name, "E0107|expected a field name after `.`");
BAOMI_ERROR(any_word, "E0107|expected a name");
BAOMI_ERROR(collection, "E0104|expected a collection after `in`, such as `people` or `d.person.trainings`");
BAOMI_ERROR(kw_in, "E0108|expected `in`");
BAOMI_ERROR(kw_then, "E0108|expected `then`");
BAOMI_ERROR(kw_else, "E0108|expected `else`: every `if` needs an `else`");
BAOMI_ERROR(kw_null, "E0108|expected `null` after `is`");
BAOMI_ERROR(kw_extends, "E0108|expected `extends` and the module the profile changes");
BAOMI_ERROR(colon, "E0108|expected `:`");
BAOMI_ERROR(equals, "E0108|expected `=`");
BAOMI_ERROR(lparen, "E0108|expected `(`");
BAOMI_ERROR(langle, "E0108|expected `<`");
BAOMI_ERROR(rangle, "E0108|expected `>`");
BAOMI_ERROR(comma, "E0108|expected `,`");
BAOMI_ERROR(rule_open, "E0108|expected `{` to open the rule");
BAOMI_ERROR(entity_open, "E0108|expected `{` to open the entity");
BAOMI_ERROR(profile_open, "E0108|expected `{` to open the profile");
BAOMI_ERROR(enum_body, "E0108|expected `{` and the enum members");
BAOMI_ERROR(type, "E0109|expected a type such as `string`, `date`, `ref person` or `list<string>`");
BAOMI_ERROR(string_lit, "E0110|expected a string in double quotes");
BAOMI_ERROR(rule_title, "E0110|expected the rule title as a string after the rule id");
BAOMI_ERROR(cite_quote, "E0110|expected the quoted regulation text after the source id: `cite \"004\" \"原文\"`");
BAOMI_ERROR(source_title, "E0110|expected the source title after the source id");
BAOMI_ERROR(severity_level, "E0111|expected a severity: `info`, `low`, `medium`, `high` or `critical`");
BAOMI_ERROR(rule_date, "E0112|expected a date such as `2024-05-01`");
#undef BAOMI_ERROR

/// The error policy given to `must_if`: a `must<>` failure raises with the message above; nothing
/// else raises.
struct errors {
  template <typename Rule> static constexpr const char* message = error_message<Rule>;
  template <typename Rule> static constexpr bool raise_on_failure = false;
};

}  // namespace baomi::dsl::grammar

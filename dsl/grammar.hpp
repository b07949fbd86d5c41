// The PEGTL grammar of the baomi policy language: rules only, no actions (private to dsl/).
#pragma once

#include <tao/pegtl.hpp>

namespace baomi::dsl::grammar {

namespace p = tao::pegtl;

// The grammar is laid out by hand, one rule per line: keep clang-format away from it.
// clang-format off

// ---- trivia: whitespace and `#` comments; every token skips the trivia before it ----
struct comment : p::seq<p::one<'#'>, p::star<p::not_one<'\n'>>> {};
struct trivia : p::star<p::sor<p::plus<p::space>, comment>> {};
template <typename Rule> struct t : p::seq<trivia, Rule> {};

// ---- words ----
struct ident_first : p::ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : p::ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct word_raw : p::seq<ident_first, p::star<ident_other>> {};
template <typename Word> struct kw : t<p::seq<Word, p::not_at<ident_other>>> {};

#define BAOMI_KW(name, text) struct kw_##name : kw<TAO_PEGTL_STRING(text)> {}
BAOMI_KW(ruleset, "ruleset"); BAOMI_KW(import, "import"); BAOMI_KW(source, "source");
BAOMI_KW(enum, "enum"); BAOMI_KW(entity, "entity"); BAOMI_KW(in, "in"); BAOMI_KW(key, "key");
BAOMI_KW(param, "param"); BAOMI_KW(fn, "fn"); BAOMI_KW(rule, "rule"); BAOMI_KW(profile, "profile");
BAOMI_KW(extends, "extends"); BAOMI_KW(disable, "disable"); BAOMI_KW(for, "for"); BAOMI_KW(where, "where");
BAOMI_KW(let, "let"); BAOMI_KW(due, "due"); BAOMI_KW(require, "require"); BAOMI_KW(forbid, "forbid");
BAOMI_KW(and, "and"); BAOMI_KW(or, "or"); BAOMI_KW(not, "not"); BAOMI_KW(if, "if"); BAOMI_KW(then, "then");
BAOMI_KW(else, "else"); BAOMI_KW(exists, "exists"); BAOMI_KW(all, "all"); BAOMI_KW(none, "none");
BAOMI_KW(count, "count"); BAOMI_KW(sum, "sum"); BAOMI_KW(min, "min"); BAOMI_KW(max, "max");
BAOMI_KW(latest, "latest"); BAOMI_KW(of, "of"); BAOMI_KW(by, "by"); BAOMI_KW(true, "true");
BAOMI_KW(false, "false"); BAOMI_KW(null, "null"); BAOMI_KW(is, "is"); BAOMI_KW(matches, "matches");
BAOMI_KW(severity, "severity"); BAOMI_KW(area, "area"); BAOMI_KW(cite, "cite"); BAOMI_KW(at, "at");
BAOMI_KW(tags, "tags"); BAOMI_KW(effective, "effective"); BAOMI_KW(expires, "expires");
BAOMI_KW(message, "message"); BAOMI_KW(remedy, "remedy"); BAOMI_KW(ref, "ref"); BAOMI_KW(list, "list");
BAOMI_KW(map, "map"); BAOMI_KW(range, "range"); BAOMI_KW(label, "label"); BAOMI_KW(extend, "extend");
#undef BAOMI_KW

/// Words that cannot name a variable, param, function or collection in an expression. A longer word
/// comes before a word it starts with (`forbid` before `for`): `sor` takes the first that matches.
struct reserved
    : p::seq<p::sor<TAO_PEGTL_STRING("ruleset"), TAO_PEGTL_STRING("import"), TAO_PEGTL_STRING("source"),
                    TAO_PEGTL_STRING("enum"), TAO_PEGTL_STRING("entity"), TAO_PEGTL_STRING("in"),
                    TAO_PEGTL_STRING("key"), TAO_PEGTL_STRING("param"), TAO_PEGTL_STRING("fn"),
                    TAO_PEGTL_STRING("rule"), TAO_PEGTL_STRING("profile"), TAO_PEGTL_STRING("extends"),
                    TAO_PEGTL_STRING("extend"), TAO_PEGTL_STRING("disable"), TAO_PEGTL_STRING("forbid"),
                    TAO_PEGTL_STRING("for"), TAO_PEGTL_STRING("where"), TAO_PEGTL_STRING("let"),
                    TAO_PEGTL_STRING("due"), TAO_PEGTL_STRING("require"), TAO_PEGTL_STRING("and"), TAO_PEGTL_STRING("or"),
                    TAO_PEGTL_STRING("not"), TAO_PEGTL_STRING("if"), TAO_PEGTL_STRING("then"),
                    TAO_PEGTL_STRING("else"), TAO_PEGTL_STRING("exists"), TAO_PEGTL_STRING("all"),
                    TAO_PEGTL_STRING("none"), TAO_PEGTL_STRING("count"), TAO_PEGTL_STRING("sum"),
                    TAO_PEGTL_STRING("min"), TAO_PEGTL_STRING("max"), TAO_PEGTL_STRING("latest"),
                    TAO_PEGTL_STRING("of"), TAO_PEGTL_STRING("by"), TAO_PEGTL_STRING("true"),
                    TAO_PEGTL_STRING("false"), TAO_PEGTL_STRING("null"), TAO_PEGTL_STRING("is"),
                    TAO_PEGTL_STRING("matches"), TAO_PEGTL_STRING("severity"), TAO_PEGTL_STRING("area"),
                    TAO_PEGTL_STRING("cite"), TAO_PEGTL_STRING("tags"), TAO_PEGTL_STRING("effective"),
                    TAO_PEGTL_STRING("expires"), TAO_PEGTL_STRING("message"), TAO_PEGTL_STRING("remedy"),
                    TAO_PEGTL_STRING("ref")>,
             p::not_at<ident_other>> {};

struct identifier : p::seq<p::not_at<reserved>, word_raw> {};  // names usable in expressions
struct word : word_raw {};                                     // any word: field names, metadata keys
struct name : t<identifier> {};
struct any_word : t<word> {};
struct dotted_name : t<p::seq<word_raw, p::star<p::one<'.'>, word_raw>>> {};
struct rule_id : t<p::seq<p::ranges<'a', 'z', 'A', 'Z'>, p::star<p::sor<ident_other, p::seq<p::one<'-'>, ident_other>>>>> {};

// ---- punctuation ----
template <char C> struct sym : t<p::one<C>> {};
struct lbrace : sym<'{'> {};
struct rbrace : sym<'}'> {};
struct lparen : sym<'('> {};
struct rparen : sym<')'> {};
struct lbracket : sym<'['> {};
struct rbracket : sym<']'> {};
struct langle : sym<'<'> {};
struct rangle : sym<'>'> {};
struct comma : sym<','> {};
struct colon : sym<':'> {};
struct equals : t<p::seq<p::one<'='>, p::not_at<p::one<'='>>>> {};
struct question : sym<'?'> {};

// ---- literals ----
struct digits : p::plus<p::digit> {};
struct date_lit : p::seq<p::rep<4, p::digit>, p::one<'-'>, p::rep<2, p::digit>, p::one<'-'>, p::rep<2, p::digit>,
                         p::not_at<ident_other>> {};
struct duration_unit : p::sor<TAO_PEGTL_STRING("wd"), TAO_PEGTL_STRING("mo"), p::one<'d', 'w', 'y'>> {};
struct duration_lit : p::seq<digits, duration_unit, p::not_at<ident_other>> {};
struct number_lit : p::seq<digits, p::opt<p::one<'.'>, digits>, p::not_at<ident_other>> {};

struct expression;
struct string_text : p::plus<p::not_one<'"', '\\', '{', '\n', '\r'>> {};
struct escape_char : p::one<'"', '\\', 'n', 't', '{', '}'> {};
struct escape : p::seq<p::one<'\\'>, p::must<escape_char>> {};
struct interpolation_close : sym<'}'> {};
struct interpolation : p::seq<p::one<'{'>, p::must<expression>, p::must<interpolation_close>> {};
struct string_close : p::one<'"'> {};
struct string_body : p::seq<p::one<'"'>, p::star<p::sor<string_text, escape, interpolation>>, p::must<string_close>> {};
struct string_lit : t<string_body> {};

struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct null_lit : kw_null {};
struct literal : p::sor<t<date_lit>, t<duration_lit>, t<number_lit>, string_lit, true_lit, false_lit, null_lit> {};

// ---- expressions, loosest binding first ----
struct paren_close : rparen {};
struct paren_expr : p::seq<lparen, p::must<expression>, p::must<paren_close>> {};

struct list_close : rbracket {};
struct list_lit : p::seq<lbracket, p::opt<p::list<expression, comma>, p::opt<comma>>, p::must<list_close>> {};
struct map_key : p::sor<string_lit, t<word>> {};
struct map_value : p::seq<expression> {};
struct map_entry : p::seq<map_key, p::must<colon>, p::must<map_value>> {};
struct map_close : rbrace {};
struct map_lit : p::seq<lbrace, p::opt<p::list<map_entry, comma>, p::opt<comma>>, p::must<map_close>> {};

struct collection;
struct binder : name {};
struct filter : p::seq<kw_where, p::must<expression>> {};
struct quantifier_kind : p::sor<kw_exists, kw_all, kw_none> {};
struct quantifier : p::seq<quantifier_kind, p::must<binder>, p::must<kw_in>, p::must<collection>, p::opt<filter>> {};
struct aggregate_kind : p::sor<kw_count, kw_sum, kw_min, kw_max, kw_latest> {};
struct projection_kind : p::sor<kw_of, kw_by> {};
struct projection : p::seq<projection_kind, p::must<expression>> {};
struct aggregate : p::seq<aggregate_kind, binder, p::must<kw_in>, p::must<collection>, p::opt<filter>, p::opt<projection>> {};

struct callee : p::sor<name, t<TAO_PEGTL_STRING("min")>, t<TAO_PEGTL_STRING("max")>> {};
struct call_close : rparen {};
struct call : p::seq<callee, lparen, p::opt<p::list<expression, comma>, p::opt<comma>>, p::must<call_close>> {};
struct variable : name {};
struct primary : p::sor<paren_expr, literal, quantifier, aggregate, call, variable, list_lit, map_lit> {};

struct member_name : any_word {};
struct member : p::seq<t<p::seq<p::one<'.'>, p::not_at<p::one<'.'>>>>, p::must<member_name>> {};
struct index_close : rbracket {};
struct index : p::seq<lbracket, p::must<expression>, p::must<index_close>> {};
struct postfix : p::seq<primary, p::star<p::sor<member, index>>> {};
struct collection : p::seq<primary, p::star<p::sor<member, index>>> {};  // a postfix expression

struct negate : t<p::seq<p::one<'-'>, p::not_at<p::one<'-'>>>> {};
struct unary : p::seq<p::star<negate>, postfix> {};
struct mul_op : t<p::one<'*', '/', '%'>> {};
struct multiplicative : p::seq<unary, p::star<mul_op, p::must<unary>>> {};
struct add_op : t<p::one<'+', '-'>> {};
struct additive : p::seq<multiplicative, p::star<add_op, p::must<multiplicative>>> {};
struct coalesce_op : t<TAO_PEGTL_STRING("??")> {};
struct coalesce : p::seq<additive, p::star<coalesce_op, p::must<additive>>> {};
struct range_op : t<TAO_PEGTL_STRING("..")> {};
struct range : p::seq<coalesce, p::opt<range_op, p::must<coalesce>>> {};
struct not_in_op : p::seq<kw_not, kw_in> {};
struct compare_op : p::sor<t<TAO_PEGTL_STRING("==")>, t<TAO_PEGTL_STRING("!=")>, t<TAO_PEGTL_STRING("<=")>,
                           t<TAO_PEGTL_STRING(">=")>, t<p::one<'<', '>'>>, not_in_op, kw_in, kw_matches> {};
struct is_not : kw_not {};
struct is_null : p::seq<kw_is, p::opt<is_not>, p::must<kw_null>> {};
struct comparison : p::seq<range, p::opt<p::sor<is_null, p::seq<compare_op, p::must<range>>>>> {};
struct logical_not : kw_not {};
struct negation : p::seq<p::star<logical_not>, comparison> {};
struct conjunction : p::seq<negation, p::star<kw_and, p::must<negation>>> {};
struct disjunction : p::seq<conjunction, p::star<kw_or, p::must<conjunction>>> {};
struct conditional : p::seq<kw_if, p::must<expression>, p::must<kw_then>, p::must<expression>, p::must<kw_else>,
                            p::must<expression>> {};
struct expression : p::sor<conditional, disjunction> {};

// ---- types ----
struct type;
struct primitive_type : any_word {};
struct ref_type : p::seq<kw_ref, p::must<any_word>> {};
struct list_type : p::seq<kw_list, p::must<langle>, p::must<type>, p::must<rangle>> {};
struct map_type : p::seq<kw_map, p::must<langle>, p::must<type>, p::must<comma>, p::must<type>, p::must<rangle>> {};
struct range_type : p::seq<kw_range, p::must<langle>, p::must<type>, p::must<rangle>> {};
struct enum_member : p::seq<any_word, p::must<string_lit>> {};
struct enum_close : rbrace {};
struct enum_body : p::seq<lbrace, p::star<enum_member, p::opt<comma>>, p::must<enum_close>> {};
struct inline_enum : p::seq<kw_enum, p::must<enum_body>> {};
struct optional_mark : question {};
struct type : p::seq<p::sor<ref_type, list_type, map_type, range_type, inline_enum, primitive_type>, p::opt<optional_mark>> {};

// ---- declarations ----
struct ruleset_entry : p::seq<any_word, p::must<string_lit>> {};
struct ruleset_close : rbrace {};
struct ruleset_body : p::seq<lbrace, p::star<ruleset_entry>, p::must<ruleset_close>> {};
struct ruleset_decl : p::seq<kw_ruleset, p::must<dotted_name>, p::opt<string_lit>, p::opt<ruleset_body>> {};
struct import_decl : p::seq<kw_import, p::must<dotted_name>> {};
struct source_title : string_lit {};
struct source_decl : p::seq<kw_source, p::must<string_lit>, p::must<source_title>> {};
struct enum_decl : p::seq<kw_enum, p::must<name>, p::must<enum_body>> {};

struct field_doc : string_lit {};
struct none_meaning : string_lit {};
struct field_none : p::seq<kw_none, p::must<none_meaning>> {};
struct field_decl : p::seq<any_word, p::must<colon>, p::must<type>, p::opt<field_none>, p::opt<field_doc>> {};
struct entity_collection : p::seq<kw_in, p::must<name>> {};
struct entity_key : p::seq<kw_key, p::must<any_word>> {};
struct label_value : p::sor<string_lit, any_word> {};
struct entity_label : p::seq<kw_label, p::must<label_value>> {};
struct entity_open : lbrace {};
struct entity_close : rbrace {};
struct entity_decl : p::seq<kw_entity, p::must<name>, p::opt<entity_collection>, p::opt<entity_key>, p::opt<entity_label>,
                            p::must<entity_open>,
                            p::star<field_decl, p::opt<comma>>, p::must<entity_close>> {};

struct extend_entity : kw_entity {};
struct extend_decl : p::seq<kw_extend, p::must<extend_entity>, p::must<name>, p::must<entity_open>,
                            p::star<field_decl, p::opt<comma>>, p::must<entity_close>> {};

struct param_value : p::seq<expression> {};
struct param_decl : p::seq<kw_param, p::must<name>, p::must<colon>, p::must<type>, p::must<equals>, p::must<param_value>> {};

struct fn_param : p::seq<name, p::must<colon>, p::must<type>> {};
struct fn_result : p::seq<colon, p::must<type>> {};
struct fn_close : rparen {};
struct fn_body : p::seq<expression> {};
struct function_decl : p::seq<kw_fn, p::must<name>, p::must<lparen>, p::opt<p::list<fn_param, comma>, p::opt<comma>>,
                              p::must<fn_close>, p::opt<fn_result>, p::must<equals>, p::must<fn_body>> {};

struct severity_level : p::sor<kw<TAO_PEGTL_STRING("info")>, kw<TAO_PEGTL_STRING("low")>, kw<TAO_PEGTL_STRING("medium")>,
                               kw<TAO_PEGTL_STRING("high")>, kw<TAO_PEGTL_STRING("critical")>> {};
struct severity_item : p::seq<kw_severity, p::must<severity_level>> {};
struct area_item : p::seq<kw_area, p::must<string_lit>> {};
struct cite_quote : string_lit {};
struct cite_locator : p::seq<kw_at, p::must<string_lit>> {};
struct cite_item : p::seq<kw_cite, p::must<string_lit>, p::must<cite_quote>, p::opt<cite_locator>> {};
struct tags_item : p::seq<kw_tags, p::must<string_lit>, p::star<comma, p::must<string_lit>>> {};
struct rule_date : t<date_lit> {};
struct effective_item : p::seq<kw_effective, p::must<rule_date>> {};
struct expires_item : p::seq<kw_expires, p::must<rule_date>> {};
struct message_item : p::seq<kw_message, p::must<string_lit>> {};
struct remedy_item : p::seq<kw_remedy, p::must<string_lit>> {};
struct for_item : p::seq<kw_for, p::must<binder>, p::must<kw_in>, p::must<collection>, p::opt<filter>> {};
struct let_item : p::seq<kw_let, p::must<name>, p::must<equals>, p::must<expression>> {};
struct where_item : p::seq<kw_where, p::must<expression>> {};
struct due_item : p::seq<kw_due, p::must<expression>> {};
struct require_item : p::seq<kw_require, p::must<expression>> {};
struct forbid_item : p::seq<kw_forbid, p::must<expression>> {};
struct rule_item : p::sor<severity_item, area_item, cite_item, tags_item, effective_item, expires_item, message_item,
                          remedy_item, for_item, let_item, where_item, due_item, require_item, forbid_item> {};
struct rule_title : string_lit {};
struct rule_open : lbrace {};
struct rule_close : rbrace {};
struct rule_decl : p::seq<kw_rule, p::must<rule_id>, p::must<rule_title>, p::must<rule_open>, p::star<rule_item>,
                          p::must<rule_close>> {};

struct profile_param : p::seq<kw_param, p::must<name>, p::must<equals>, p::must<param_value>> {};
struct profile_disable : p::seq<kw_disable, p::must<rule_id>> {};
struct profile_severity : p::seq<kw_severity, p::must<rule_id>, p::must<severity_level>> {};
struct profile_item : p::sor<profile_param, profile_disable, profile_severity> {};
struct profile_open : lbrace {};
struct profile_close : rbrace {};
struct profile_decl : p::seq<kw_profile, p::must<dotted_name>, p::opt<string_lit>, p::must<kw_extends>, p::must<dotted_name>,
                             p::must<profile_open>, p::star<profile_item>, p::must<profile_close>> {};

struct declaration : p::sor<ruleset_decl, import_decl, source_decl, enum_decl, entity_decl, extend_decl, param_decl,
                            function_decl, rule_decl, profile_decl> {};
struct end_of_file : p::seq<trivia, p::eof> {};
struct file : p::seq<p::star<declaration>, p::must<end_of_file>> {};

// clang-format on

}  // namespace baomi::dsl::grammar

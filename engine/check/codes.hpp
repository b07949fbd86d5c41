// The codes of the checker's diagnostics (E01xx that the checker adds to the parser's, E02xx name
// and type errors, W03xx lint warnings), each documented in docs/diagnostics.md. Codes are stable:
// goldens and users' scripts depend on them; add new ones, never renumber.
#pragma once

#include <string_view>

#include "base/problem.hpp"

namespace baomi::engine::codes {

/// A clause given twice in one rule (`due`).
inline constexpr std::string_view duplicate_clause = "E0114";
/// A name that is no local, param, collection or enum value (or not of the enum expected).
inline constexpr std::string_view unknown_name = "E0201";
/// A field access on a type without that field (or without fields).
inline constexpr std::string_view unknown_field = "E0202";
/// An operand, argument or value of the wrong type.
inline constexpr std::string_view type_mismatch = "E0203";
/// A call of an unknown function, or with the wrong number of arguments.
inline constexpr std::string_view bad_call = "E0204";
/// A condition (`where`, `require`, `and`, `not`, ...) that is not a `bool`.
inline constexpr std::string_view not_bool = "E0205";
/// An expression not allowed where it stands: facts or `as_of` in a param value, a `due` that is
/// not a date.
inline constexpr std::string_view not_allowed_here = "E0206";
/// Two rules with the same id.
inline constexpr std::string_view duplicate_rule = "E0207";
/// A rule without `severity`.
inline constexpr std::string_view missing_severity = "E0208";
/// A rule that cites no regulation.
inline constexpr std::string_view missing_citation = "E0209";
/// A rule without a subject (`for x in collection`).
inline constexpr std::string_view missing_subject = "E0210";
/// A rule without `require` or `forbid`.
inline constexpr std::string_view missing_requirement = "E0211";
/// An `import` of a module that is not loaded and not found next to the importing file.
inline constexpr std::string_view module_not_found = "E0212";
/// A second declaration of a type, enum, enum value, field, collection, param or function.
inline constexpr std::string_view duplicate_declaration = "E0213";
/// A type that names no entity, enum or scalar; a `ref` to an entity without collection; a bad key.
inline constexpr std::string_view bad_type = "E0214";
/// The schema the declarations make is inconsistent (reported by facts' schema validation).
inline constexpr std::string_view invalid_schema = "E0215";
/// A function that calls itself, directly or through others.
inline constexpr std::string_view recursive_function = "E0216";
/// A bare enum symbol that is a value of several enums, with no type to choose one.
inline constexpr std::string_view ambiguous_enum_value = "E0217";
/// A profile setting that names no param or rule, or extends an unknown module.
inline constexpr std::string_view unknown_profile_target = "E0218";
/// A rule whose `expires` is not after its `effective` date.
inline constexpr std::string_view expires_before_effective = "E0219";
/// An `area` that is not a group or item of the 自查自评 checklist (`四(四)`, `四(四)2`).
inline constexpr std::string_view unknown_area = "E0220";

/// A `let` or binder never read.
inline constexpr std::string_view unused_local = "W0301";
/// A param no rule, function or other param reads.
inline constexpr std::string_view unused_param = "W0302";
/// A quantifier or aggregate that scans a whole collection for each subject (no join found).
inline constexpr std::string_view cross_product_scan = "W0303";
/// A citation of a `source` that is not declared.
inline constexpr std::string_view undeclared_source = "W0304";
/// A `??` with a constant default in a `where` filter: an unrecorded fact would put the subject out
/// of scope instead of leaving the outcome unknown.
inline constexpr std::string_view default_in_filter = "W0305";

}  // namespace baomi::engine::codes

// A small personnel schema shared by the fact-layer tests: every type kind appears at least once.
#pragma once

#include "facts/schema.hpp"

namespace baomi::facts::testing {

/// enum level, enum grade, entity department in departments key code, record address, entity person in
/// people key id, entity training in trainings key id (integer), entity commitment in commitments (no
/// key), entity policy in policies key name (maps, ranges, lists of records).
inline schema personnel_schema() {
  schema s;
  auto level = s.add_enum({"level", {{"top_secret", "绝密"}, {"secret", "机密"}, {"confidential", "秘密"}}});
  auto grade = s.add_enum({"grade", {{"core", "核心"}, {"important", "重要"}, {"general", "一般"}}});
  auto kind = s.add_enum({"commitment.kind", {{"exit_pledge", "离岗承诺书"}, {"post_pledge", "上岗承诺书"}}});
  auto department =
      s.add_entity({"department",
                    "departments",
                    "code",
                    {{"code", scalar(type_kind::string), "", ""}, {"name", scalar(type_kind::string), "", ""}},
                    "",
                    {}});
  auto address = s.add_entity(
      {"address",
       std::nullopt,
       std::nullopt,
       {{"city", scalar(type_kind::string), "", ""}, {"street", optional_of(scalar(type_kind::string)), "", ""}},
       "a postal address",
       {}});
  auto person = s.add_entity({"person",
                              "people",
                              "id",
                              {{"id", scalar(type_kind::string), "工号", ""},
                               {"name", scalar(type_kind::string), "", ""},
                               {"department", optional_of(ref_to(department)), "", ""},
                               {"grade", optional_of(enum_of(grade)), "absent: not a 涉密人员", ""},
                               {"level", optional_of(enum_of(level)), "", ""},
                               {"born", optional_of(scalar(type_kind::date)), "", ""},
                               {"years", optional_of(scalar(type_kind::integer)), "", ""},
                               {"score", optional_of(scalar(type_kind::number)), "", ""},
                               {"active", scalar(type_kind::boolean), "", ""},
                               {"cooloff", optional_of(scalar(type_kind::duration)), "", ""},
                               {"home", optional_of(record_of(address)), "", ""},
                               {"phones", optional_of(list_of(scalar(type_kind::string))), "", ""}},
                              "",
                              {}});
  s.add_entity({"training",
                "trainings",
                "id",
                {{"id", scalar(type_kind::integer), "", ""},
                 {"title", scalar(type_kind::string), "", ""},
                 {"held_on", scalar(type_kind::date), "", ""},
                 {"attendees", list_of(ref_to(person)), "", ""}},
                "",
                {}});
  s.add_entity({"commitment",
                "commitments",
                std::nullopt,
                {{"person", ref_to(person), "", ""},
                 {"kind", enum_of(kind), "", ""},
                 {"signed_on", optional_of(scalar(type_kind::date)), "", ""}},
                "",
                {}});
  s.add_entity({"policy",
                "policies",
                "name",
                {{"name", scalar(type_kind::string), "", ""},
                 {"cooloff", optional_of(map_of(enum_of(grade), range_of(scalar(type_kind::duration)))), "", ""},
                 {"offices", optional_of(list_of(record_of(address))), "", ""},
                 {"dates", optional_of(list_of(list_of(scalar(type_kind::date)))), "", ""}},
                "",
                {}});
  return s;
}

}  // namespace baomi::facts::testing

// The differential test's own model of the language (tests/differential, docs/testing.md): a small
// fixed schema, snapshots as plain structs, and rules as a small expression tree. The generator
// builds them, renders them as JSON and `.baomi` text for baomi, and the reference evaluator reads
// the same structs directly: nothing here goes through baomi's loader, store or engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baomi::differential {

// ---- Dates: civil days since 1970-01-01, with our own calendar arithmetic -------------------------

using day = std::int32_t;

struct ymd {
  int y, m, d;
};
day days_from_civil(int y, int m, int d);
ymd civil_from_days(day z);
std::string format_day(day z);
int days_in_month(int y, int m);

/// A duration literal: months (`mo`, `y` = 12 months) and days (`d`, `w` = 7 days). Working days
/// (`wd`) are left out: they need the holiday calendar.
struct duration {
  int months = 0;
  int days = 0;
  std::string text;  // as written in a rule: `30d`, `1y`, …
};
/// date + duration: months first, clamped to the end of the month, then days (language.md §10).
day add(day from, const duration& d, int sign = 1);

// ---- The schema --------------------------------------------------------------------------------

enum class ftype { id, boolean, integer, date, grade, ref, list_ref };

struct field_def {
  const char* name;
  ftype type;
  bool optional;
  int target = -1;  // the entity of a ref or list_ref
};

struct entity_def {
  const char* name;
  const char* collection;
  std::vector<field_def> fields;  // field 0 is the key `id`
};

enum entity_index { person_e = 0, card_e = 1, meeting_e = 2 };

/// The test schema (rendered as `.baomi` by `schema_text`): people with a mentor, cards held by a
/// person and maybe tied to a meeting, meetings with a list of attendees and an optional list of
/// guests. Required and optional fields of every scalar kind the generator uses.
const std::vector<entity_def>& schema();
extern const std::vector<std::string> grade_symbols;  // enum grade, in declaration order
extern const std::vector<std::string> grade_labels;
std::string schema_text();

// ---- Snapshots ---------------------------------------------------------------------------------

/// How a fact is given. `absent` (member left out) and `null` mean the same; an `invalid` state (a
/// value of the wrong type, distinct from null) can be added here once the engine distinguishes it:
/// the JSON renderer and the reference's read of a cell are the two places that would handle it.
enum class cell_state { value, null, absent };

struct cell {
  cell_state state = cell_state::value;
  std::int64_t n = 0;     // boolean (0/1), integer, date (day), grade (symbol index), ref (row)
  std::vector<int> rows;  // list_ref: rows of the target entity (duplicates allowed)
  bool as_label = false;  // grade: written as its Chinese label instead of the symbol
  bool known() const { return state == cell_state::value; }
};

struct row {
  std::string id;
  std::vector<cell> cells;  // by field index; cells[0] is unused (the key is `id`)
};

struct snapshot {
  day as_of = 0;
  std::vector<std::vector<row>> tables;  // by entity index
};

std::string snapshot_json(const snapshot& s);
/// Removes a row; refs to it become null (optional) or remove their row too (required), list
/// elements are dropped, and later rows' indexes are shifted. For shrinking failing cases.
void remove_row(snapshot& s, int entity, int index);

// ---- Rules -------------------------------------------------------------------------------------

/// A static type: a scalar, an entity (`ref`), or a list of entities.
struct type {
  ftype kind = ftype::boolean;  // boolean, integer, date, grade, ref, list_ref (never id)
  int entity = -1;              // ref, list_ref
  bool operator==(const type&) const = default;
};

enum class ek {
  boolean,      // literal true/false (n)
  integer,      // literal (n)
  date,         // literal (n = day)
  symbol,       // grade symbol (n)
  symbols,      // list literal of grade symbols (syms)
  as_of,        //
  var,          // a variable (slot, name)
  field,        // kids[0].name (field index in `field`)
  not_,         // not kids[0]
  and_,         //
  or_,          //
  cmp,          // kids[0] OP kids[1]; op: == != < <= > >=
  null_test,    // kids[0] is null / is not null / == null / != null (op)
  coalesce,     // kids[0] ?? kids[1]
  date_add,     // kids[0] + dur / kids[0] - dur (op)
  int_add,      // kids[0] + kids[1]
  member,       // kids[0] in kids[1] / not in (op)
  quantifier,   // exists/all/none (op) name in kids[0] [where kids[1]]
  count,        // (count name in kids[0] [where kids[1]])
  aggregate,    // sum/min/max/latest (op) name in kids[0] [where kids[2]] of/by kids[1]; n = 1 with a where
  conditional,  // if kids[0] then kids[1] else kids[2]
  span_cmp,     // (kids[0] - kids[1]) OP dur, or … in dur..dur2 (op "in")
};

struct expr {
  ek kind = ek::boolean;
  type t;
  std::string op;
  std::int64_t n = 0;
  int slot = -1;     // var; quantifier/count: the binder's slot
  int field = -1;    // field: the field index in the object's entity
  std::string name;  // var; quantifier/count: the binder's name
  duration dur;      // date_add, span_cmp
  duration dur2;     // span_cmp with `in`: the upper bound
  std::vector<int> syms;
  std::vector<expr> kids;  // quantifier/count: [collection, condition?]
};

std::string render(const expr& e);

enum class step_kind { let, where, due, require, forbid };

struct step {
  step_kind kind;
  expr value;
  std::string name;  // let
  int slot = -1;     // let
};

struct rule {
  std::string id;
  int subject = 0;  // entity index
  std::string var;  // the subject's name
  std::optional<expr> filter;
  std::vector<step> steps;
  int slots = 1;  // slot 0 is the subject
};

std::string render(const rule& r);

}  // namespace baomi::differential

// The differential test's schema, dates, snapshot JSON and rule text (see model.hpp).
#include "model.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace baomi::differential {

// Howard Hinnant's civil-date algorithms (public domain), independent of facts/date.cpp.
day days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

ymd civil_from_days(day z0) {
  int z = z0 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

std::string format_day(day z) {
  auto c = civil_from_days(z);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

int days_in_month(int y, int m) {
  static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : lengths[m - 1];
}

day add(day from, const duration& d, int sign) {
  auto c = civil_from_days(from);
  int months = c.y * 12 + (c.m - 1) + sign * d.months;
  int y = months / 12, m = months % 12 + 1;
  int dd = std::min(c.d, days_in_month(y, m));
  return days_from_civil(y, m, dd) + sign * d.days;
}

const std::vector<std::string> grade_symbols{"core", "important", "general"};
const std::vector<std::string> grade_labels{"核心", "重要", "一般"};

const std::vector<entity_def>& schema() {
  static const std::vector<entity_def> entities{
      {"person",
       "people",
       {{"id", ftype::id, false},
        {"grade", ftype::grade, true},
        {"active", ftype::boolean, false},
        {"cleared", ftype::boolean, true},
        {"level", ftype::integer, true},
        {"joined_on", ftype::date, true},
        {"mentor", ftype::ref, true, person_e}}},
      {"card",
       "cards",
       {{"id", ftype::id, false},
        {"holder", ftype::ref, false, person_e},
        {"backup", ftype::ref, true, person_e},
        {"meeting", ftype::ref, true, meeting_e},
        {"kind", ftype::grade, false},
        {"copies", ftype::integer, false},
        {"issued_on", ftype::date, false},
        {"returned_on", ftype::date, true}}},
      {"meeting",
       "meetings",
       {{"id", ftype::id, false},
        {"open", ftype::boolean, false},
        {"held_on", ftype::date, true},
        {"attendees", ftype::list_ref, false, person_e},
        {"guests", ftype::list_ref, true, person_e}}},
  };
  return entities;
}

std::string schema_text() {
  std::string out = "source \"T\" \"差分测试\"\n\nenum grade {\n";
  for (std::size_t i = 0; i < grade_symbols.size(); ++i)
    out += fmt::format("  {} \"{}\"\n", grade_symbols[i], grade_labels[i]);
  out += "}\n";
  for (const auto& e : schema()) {
    out += fmt::format("\nentity {} in {} key id {{\n", e.name, e.collection);
    for (const auto& f : e.fields) {
      std::string t;
      switch (f.type) {
        case ftype::id:
          t = "string";
          break;
        case ftype::boolean:
          t = "bool";
          break;
        case ftype::integer:
          t = "int";
          break;
        case ftype::date:
          t = "date";
          break;
        case ftype::grade:
          t = "grade";
          break;
        case ftype::ref:
          t = fmt::format("ref {}", schema()[f.target].name);
          break;
        case ftype::list_ref:
          t = fmt::format("list<ref {}>", schema()[f.target].name);
          break;
      }
      out += fmt::format("  {}: {}{}\n", f.name, t, f.optional ? "?" : "");
    }
    out += "}\n";
  }
  return out;
}

std::string snapshot_json(const snapshot& s) {
  std::string out = fmt::format("{{\n  \"as_of\": \"{}\"", format_day(s.as_of));
  for (std::size_t e = 0; e < schema().size(); ++e) {
    const auto& def = schema()[e];
    out += fmt::format(",\n  \"{}\": [", def.collection);
    for (std::size_t r = 0; r < s.tables[e].size(); ++r) {
      const auto& row = s.tables[e][r];
      out += fmt::format("{}\n    {{\"id\": \"{}\"", r ? "," : "", row.id);
      for (std::size_t f = 1; f < def.fields.size(); ++f) {
        const auto& c = row.cells[f];
        const auto& fd = def.fields[f];
        if (c.state == cell_state::absent) continue;
        std::string v;
        if (c.state == cell_state::null) {
          v = "null";
        } else {
          switch (fd.type) {
            case ftype::id:
              break;
            case ftype::boolean:
              v = c.n ? "true" : "false";
              break;
            case ftype::integer:
              v = std::to_string(c.n);
              break;
            case ftype::date:
              v = fmt::format("\"{}\"", format_day(static_cast<day>(c.n)));
              break;
            case ftype::grade:
              v = fmt::format("\"{}\"", c.as_label ? grade_labels[c.n] : grade_symbols[c.n]);
              break;
            case ftype::ref:
              v = fmt::format("\"{}\"", s.tables[fd.target][c.n].id);
              break;
            case ftype::list_ref: {
              v = "[";
              for (std::size_t i = 0; i < c.rows.size(); ++i)
                v += fmt::format("{}\"{}\"", i ? ", " : "", s.tables[fd.target][c.rows[i]].id);
              v += "]";
              break;
            }
          }
        }
        out += fmt::format(", \"{}\": {}", fd.name, v);
      }
      out += "}";
    }
    out += s.tables[e].empty() ? "]" : "\n  ]";
  }
  out += "\n}\n";
  return out;
}

void remove_row(snapshot& s, int entity, int index) {
  s.tables[entity].erase(s.tables[entity].begin() + index);
  std::vector<std::pair<int, int>> dropped;  // rows with a required ref to the removed row
  for (std::size_t e = 0; e < schema().size(); ++e) {
    const auto& def = schema()[e];
    auto& rows = s.tables[e];
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t f = 1; f < def.fields.size(); ++f) {
        const auto& fd = def.fields[f];
        auto& c = rows[r].cells[f];
        if (fd.target != entity || !c.known()) continue;
        if (fd.type == ftype::ref) {
          if (c.n == index) {
            if (fd.optional)
              c.state = cell_state::null;
            else
              dropped.emplace_back(static_cast<int>(e), static_cast<int>(r));
          } else if (c.n > index) {
            --c.n;
          }
        } else if (fd.type == ftype::list_ref) {
          std::erase(c.rows, index);
          for (auto& x : c.rows) x -= x > index;
        }
      }
    }
  }
  // Highest index first, so the others stay valid (in this schema nothing refers to a row that a
  // required ref can drop, so one level is all there is).
  std::sort(dropped.rbegin(), dropped.rend());
  for (auto [e, r] : dropped) remove_row(s, e, r);
}

namespace {

bool atomic(const expr& e) {
  switch (e.kind) {
    case ek::boolean:
    case ek::integer:
    case ek::date:
    case ek::symbol:
    case ek::symbols:
    case ek::as_of:
    case ek::var:
    case ek::field:
      return true;
    default:
      return false;
  }
}

// Every compound operand is parenthesized, so precedence never decides what a generated rule means.
std::string operand(const expr& e) { return atomic(e) ? render(e) : "(" + render(e) + ")"; }

// Whether the text ends in a quantifier or aggregate without `where`: a `where` step on the next
// line would become its condition (a quantifier's `where` extends as far right as possible, across
// line breaks, language.md §8), so such a value is parenthesized.
bool open_tail(const expr& e) {
  if (e.kind == ek::aggregate) return true;  // to be safe: its `of`/`by` part ends the text
  if (e.kind != ek::quantifier && e.kind != ek::count) return false;
  return e.kids.size() < 2 || open_tail(e.kids[1]);
}

std::string closed(const expr& e) { return open_tail(e) ? "(" + render(e) + ")" : render(e); }

}  // namespace

std::string render(const expr& e) {
  switch (e.kind) {
    case ek::boolean:
      return e.n ? "true" : "false";
    case ek::integer:
      return std::to_string(e.n);
    case ek::date:
      return format_day(static_cast<day>(e.n));
    case ek::symbol:
      return grade_symbols[e.n];
    case ek::symbols: {
      std::string out = "[";
      for (std::size_t i = 0; i < e.syms.size(); ++i) out += (i ? ", " : "") + grade_symbols[e.syms[i]];
      return out + "]";
    }
    case ek::as_of:
      return "as_of";
    case ek::var:
      return e.name;
    case ek::field:
      return operand(e.kids[0]) + "." + schema()[e.kids[0].t.entity].fields[e.field].name;
    case ek::not_:
      return "not " + operand(e.kids[0]);
    case ek::and_:
      return operand(e.kids[0]) + " and " + operand(e.kids[1]);
    case ek::or_:
      return operand(e.kids[0]) + " or " + operand(e.kids[1]);
    case ek::cmp:
    case ek::member:
    case ek::coalesce:
    case ek::int_add:
      return operand(e.kids[0]) + " " + e.op + " " + operand(e.kids[1]);
    case ek::null_test:
      return operand(e.kids[0]) + " " + e.op;
    case ek::date_add:
      return operand(e.kids[0]) + " " + e.op + " " + e.dur.text;
    case ek::quantifier:
    case ek::count: {
      std::string out =
          (e.kind == ek::count ? std::string("count") : e.op) + " " + e.name + " in " + operand(e.kids[0]);
      if (e.kids.size() > 1) out += " where " + render(e.kids[1]);
      return out;
    }
    case ek::aggregate: {
      // The condition and the projection parenthesized when compound, so that neither can run on.
      std::string out = e.op + " " + e.name + " in " + operand(e.kids[0]);
      if (e.n) out += " where " + operand(e.kids[2]);
      return out + (e.op == "latest" ? " by " : " of ") + operand(e.kids[1]);
    }
    case ek::conditional:
      return "if " + operand(e.kids[0]) + " then " + operand(e.kids[1]) + " else " + operand(e.kids[2]);
    case ek::span_cmp: {
      std::string span = "(" + operand(e.kids[0]) + " - " + operand(e.kids[1]) + ")";
      if (e.op == "in") return span + " in " + e.dur.text + ".." + e.dur2.text;
      return span + " " + e.op + " " + e.dur.text;
    }
  }
  return "?";
}

std::string render(const rule& r) {
  std::string out = fmt::format("rule {} \"差分\" {{\n  severity low\n  cite \"T\" \"差分\"\n  for {} in {}", r.id,
                                r.var, schema()[r.subject].collection);
  if (r.filter) out += " where " + closed(*r.filter);
  out += "\n";
  for (const auto& s : r.steps) {
    switch (s.kind) {
      case step_kind::let:
        out += fmt::format("  let {} = {}\n", s.name, closed(s.value));
        break;
      case step_kind::where:
        out += "  where " + closed(s.value) + "\n";
        break;
      case step_kind::due:
        out += "  due " + closed(s.value) + "\n";
        break;
      case step_kind::require:
        out += "  require " + closed(s.value) + "\n";
        break;
      case step_kind::forbid:
        out += "  forbid " + closed(s.value) + "\n";
        break;
    }
  }
  return out + "}\n";
}

}  // namespace baomi::differential

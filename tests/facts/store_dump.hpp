// Test helper: a loaded store as text, cell by cell, to compare two loads.
#pragma once

#include <string>

#include "facts/loader.hpp"

namespace baomi::facts::testing {

namespace facts = baomi::facts;

// Every cell of a column as text: state, raw text of invalid cells, value, spans.
inline void dump_column(const facts::column& c, std::string& out) {
  for (std::uint32_t i = 0; i < c.size(); ++i) {
    out += std::to_string(static_cast<int>(c.state(i)));
    if (c.state(i) == facts::cell_state::invalid) {
      out += " invalid ";
      out += c.raw(i);
      out += c.invalid_code(i);
    } else if (c.present(i)) {
      switch (c.kind()) {
        case facts::type_kind::string:
          out += c.as_string(i);
          break;
        case facts::type_kind::integer:
          out += std::to_string(c.as_integer(i));
          break;
        case facts::type_kind::number:
          out += std::to_string(c.as_number(i));
          break;
        case facts::type_kind::boolean:
          out += c.as_bool(i) ? "true" : "false";
          break;
        case facts::type_kind::date:
          out += std::to_string(c.as_date(i));
          break;
        case facts::type_kind::list:
        case facts::type_kind::map:
        case facts::type_kind::range:
          out += std::to_string(c.as_span(i).offset) + "+" + std::to_string(c.as_span(i).count);
          break;
        case facts::type_kind::duration: {
          const auto& d = c.as_duration(i);
          out += std::to_string(d.months) + "m" + std::to_string(d.days) + "d" + std::to_string(d.working_days);
          break;
        }
        default:
          out += std::to_string(c.as_ref(i));  // the u32 of enums, refs and records
          break;
      }
    }
    out += '\n';
  }
  if (c.kind() == facts::type_kind::list || c.kind() == facts::type_kind::range) dump_column(c.elements(), out);
  if (c.kind() == facts::type_kind::map) {
    dump_column(c.elements(), out);
    dump_column(c.values(), out);
  }
}

/// Every table, row and cell of a store as text, with org and as_of; the rows' positions in the
/// text unless `positions` is false.
inline std::string dump_store(const facts::store& s, bool positions = true) {
  std::string out;
  out += s.org() + "\n" + std::to_string(s.as_of().value_or(-1)) + "\n";
  for (std::uint32_t t = 0; t < s.table_count(); ++t) {
    const facts::table& table = s.table_at(t);
    out += "table " + std::to_string(t) + " rows " + std::to_string(table.row_count()) +
           (table.exported() ? " exported\n" : " not exported\n");
    for (std::uint32_t row = 0; row < table.row_count(); ++row) {
      out += std::to_string(table.flags(row));
      if (table.type().collection) {
        auto p = positions ? table.position(row) : facts::source_position{};
        for (auto n : {p.line, p.column, table.json_index(row)}) (out += ' ') += std::to_string(n);
      } else {
        const auto& parent = table.parent(row);
        for (auto n : {parent.table, parent.row, parent.field, parent.element}) (out += ' ') += std::to_string(n);
      }
      out += "\n";
    }
    for (std::uint32_t f = 0; f < table.type().fields.size(); ++f) dump_column(table.column_at(f), out);
  }
  return out;
}

/// Completeness, the issues (rendered at the result's path) and dump_store.
inline std::string dump(const facts::load_result& r) {
  std::string out = r.complete ? "complete\n" : "incomplete\n";
  for (const auto& i : r.issues) out += facts::render(i, r.path) + "\n";
  return out + dump_store(r.store);
}

}  // namespace baomi::facts::testing

// What a query answers, as a table: the part of engine/query.hpp that reports/ renders, kept apart so
// that reports/ reads no pipeline (and through it no AST).
#pragma once

#include <string>
#include <vector>

namespace baomi::engine {

/// One row of the collection: its key, its label, and a value per column.
struct query_row {
  std::string key;
  std::string label;
  std::vector<std::string> values;
};

struct query_table {
  std::string collection;
  bool count = false;  // `count …`: the number of matching rows is the answer
  /// The columns after key and label: the `select` expressions, else the facts the condition read
  /// (`person.grade`).
  std::vector<std::string> columns;
  std::vector<query_row> rows;     // the condition holds
  std::vector<query_row> unknown;  // the condition cannot be decided: data missing
};

}  // namespace baomi::engine

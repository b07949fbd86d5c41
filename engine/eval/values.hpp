// Values as the evaluator reads them: cells of fact columns, elements of lists, and the
// three-valued equality and ordering of values (nullopt: unknown).
#pragma once

#include <compare>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "engine/value.hpp"

namespace baomi::facts {
class calendar;
}

namespace baomi::engine::evaluation {

/// Storage for the lists and maps read or built while evaluating one subject.
using value_arena = std::deque<std::vector<value>>;

/// The value in cell `cell` of `col` (null unless present); maps and ranges are copied into `arena`.
value read_cell(const facts::column& col, std::uint32_t cell, value_arena& arena);

/// A list over the element cells of a list column's cell.
value list_from_column(const facts::column& col, std::uint32_t cell);

std::uint32_t length(const value& list);

/// Element `i` of a list of any source.
value element(const value& list, std::uint32_t i, value_arena& arena);

/// An integer or number as a double.
double as_double(const value& v);

/// Equality of values of one kind (numbers across integer and number); nullopt when either is
/// unknown; a none equals another none and nothing else.
std::optional<bool> equal(const value& a, const value& b);

std::optional<int> sign(std::strong_ordering o);

/// Equality; a date difference equals a duration when it spans exactly that calendar length.
std::optional<bool> equals(const value& a, const value& b, const facts::calendar* calendar);

/// Ordering of numbers, dates, strings, durations and date differences; nullopt when unknown, none
/// or not comparable (the interpreter answers an ordering with a none operand: false).
std::optional<int> compare(const value& a, const value& b, const facts::calendar* calendar);

}  // namespace baomi::engine::evaluation

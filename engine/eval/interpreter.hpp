// The interpreter: evaluates IR nodes with three-valued logic (null is unknown) against a fact
// store, recording the facts it reads as evidence.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/eval/values.hpp"
#include "engine/plan.hpp"

namespace baomi::facts {
class calendar;
class store;
}  // namespace baomi::facts

namespace baomi::engine::evaluation {

/// One fact read while evaluating: a cell of a table. With `row` = facts::no_row: the table's whole
/// collection (a collection the snapshot did not export).
struct fact_read {
  std::uint32_t table;
  std::uint32_t row;
  std::uint32_t field;
  bool operator==(const fact_read&) const = default;
};

/// Why a value is unknown: a fact read (a leaf), or the join of two earlier causes. Values refer to
/// them by `value::cause` (index + 1).
struct cause_node {
  fact_read read{};
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  bool leaf = false;
};

class evaluator {
 public:
  /// `store` is null while folding constants (no facts); `cal` may be null there too.
  evaluator(const plan& p, const facts::store* store, facts::day_number as_of, const facts::calendar* cal)
      : m_plan(p), m_store(store), m_as_of(as_of), m_calendar(cal) {}

  std::vector<value> frame;
  std::vector<fact_read> reads;
  std::size_t max_reads = 24;
  /// The causes of the unknowns computed for the current subject (cleared with `reads`).
  std::vector<cause_node> causes;
  /// The facts behind cause `id`, in the order they were read, each once, at most `limit`.
  std::vector<fact_read> causes_of(std::uint32_t id, std::size_t limit = 64) const;
  /// An unknown from the unknown (or invalid) operands among `a` and `b`, with their causes joined.
  value unknown(const value& a, const value& b);
  /// The cause joining `a` and `b` (0: none).
  std::uint32_t join_causes(std::uint32_t a, std::uint32_t b);
  bool recording = false;
  std::vector<std::string>* partners = nullptr;  // explain: elements a quantifier examined
  const std::vector<value>* params = nullptr;    // param values while folding constants
  /// The wall-clock budget of the rule being evaluated: past it, quantifiers stop visiting elements
  /// and `out_of_time` is set; the caller then drops the rule's results and reports it.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  bool out_of_time = false;
  /// Whether the deadline has passed, reading the clock once every 4096 calls.
  bool past_deadline() {
    if (!deadline || (++m_clock_calls & 0xFFF) != 0) return out_of_time;
    out_of_time = out_of_time || std::chrono::steady_clock::now() > *deadline;
    return out_of_time;
  }

  value_arena& arena() { return m_arena; }
  /// Drops the lists and strings made for the previous subject (a long run would otherwise keep every
  /// message it rendered).
  void reset_arena() {
    m_arena.clear();
    m_strings.clear();
  }

  value eval(const ir::node& n);

  std::optional<bool> equals(const value& a, const value& b) { return evaluation::equals(a, b, m_calendar); }
  std::optional<int> compare(const value& a, const value& b) { return evaluation::compare(a, b, m_calendar); }

 private:
  const plan& m_plan;
  const facts::store* m_store;
  facts::day_number m_as_of;
  const facts::calendar* m_calendar;
  value_arena m_arena;
  std::deque<std::string> m_strings;
  std::unordered_map<const ir::node*, std::regex> m_regexes;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_unresolved;
  value m_each_unknown;  // the collection `each` found unknown (or invalid)
  std::uint32_t m_clock_calls = 0;

  // interpreter.cpp
  void note_partner(const value& element, const value& condition);
  void record(std::uint32_t table, std::uint32_t row, std::uint32_t field);
  std::uint32_t leaf_cause(std::uint32_t table, std::uint32_t row, std::uint32_t field);
  value field(const ir::node& n);
  value index(const ir::node& n);
  value builtin(const ir::node& n);
  value call(const ir::node& n);
  value member(const value& x, const value& collection);
  value matches(const ir::node& n);

  // arithmetic.cpp
  value negate(const value& v);
  value arithmetic(ir::op op, const value& a, const value& b);

  // quantifiers.cpp: quantifiers and aggregates, by scan or reverse-index lookup
  const std::vector<std::uint32_t>& unresolved(std::uint32_t table, std::uint32_t field);
  struct open_rows;  // quantifiers.cpp: a join's unresolved rows and their verdicts, once per quantifier
  std::unordered_map<const ir::node*, std::shared_ptr<const open_rows>> m_open;
  const open_rows* open_verdicts(const ir::node& n, const std::vector<std::uint32_t>& open);
  template <typename Visit>
  bool each(const ir::node& n, Visit visit, std::int64_t* unknowns_skipped = nullptr, bool* unknown_key = nullptr);
  value quantify(const ir::node& n);
  value aggregate(const ir::node& n);

  // count_range.cpp: an ordering or equality with a `count` whose conditions are partly unknown
  std::optional<value> compare_counts(ir::op op, const value& a, const value& b);
};

}  // namespace baomi::engine::evaluation

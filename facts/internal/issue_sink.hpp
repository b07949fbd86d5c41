// Private to the loader: collects issues with byte offsets, caps repeats, and assigns positions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facts/issue.hpp"

namespace baomi::facts {

class issue_sink {
 public:
  explicit issue_sink(std::size_t max_per_place) : m_max_per_place(max_per_place) {}

  /// Records an issue; `offset` is the byte where the offending token starts, if known. Beyond the
  /// cap for its code and place (the pointer with indexes as `*`) it is only counted.
  void add(std::string_view code, std::string pointer, std::optional<std::size_t> offset, std::string message);

  /// Sorted offsets of the issues that have one, for position_finder.
  std::vector<std::size_t> offsets() const;
  /// The issues, given (line, column) for offsets(); positioned issues first in text order, then the
  /// others in the order found, then one summary per capped place.
  std::vector<issue> finish(const std::vector<std::pair<std::size_t, std::size_t>>& positions);

 private:
  struct pending {
    issue item;
    std::optional<std::size_t> offset;
  };
  struct place_count {
    std::string code;
    std::string pattern;
    std::size_t count = 0;
  };

  std::size_t m_max_per_place;
  std::vector<pending> m_pending;
  std::unordered_map<std::string, std::size_t> m_place_index;
  std::vector<place_count> m_places;
};

}  // namespace baomi::facts

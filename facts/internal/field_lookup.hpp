// Private to the loader: a row's field by name, as the handler and the projection filter look it up.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "facts/internal/equal_bytes.hpp"
#include "facts/schema.hpp"

namespace baomi::facts {

/// The field named `name` (names are unique), looking from `hint` on first: rows of one collection
/// usually list their fields in the same order, so the field after the previous one, or one a little
/// further when fields are left out (load_options::keep), is the likely match.
inline std::optional<std::uint32_t> find_field(const entity_type& e, std::string_view name, std::uint32_t hint) {
  auto size = static_cast<std::uint32_t>(e.fields.size());
  for (std::uint32_t f = std::min(hint, size); f < size; ++f) {
    if (equal_bytes(e.fields[f].name, name)) return f;
  }
  for (std::uint32_t f = 0; f < std::min(hint, size); ++f) {
    if (equal_bytes(e.fields[f].name, name)) return f;
  }
  return std::nullopt;
}

}  // namespace baomi::facts

// Values generated from a field's declared type alone, for fields no hand-written generator knows.
#pragma once

#include <string>

#include "facts/date.hpp"
#include "facts/schema.hpp"
#include "tools/gen/catalog.hpp"
#include "tools/gen/random.hpp"

namespace baomi::gen {

/// What a generated value may depend on: refs point at rows of exactly counted collections, dates
/// fall in the three years before `as_of`.
struct generic_context {
  const catalog* keys = nullptr;
  facts::day_number as_of = 0;
};

/// Appends a JSON value valid for field `f` (its name picks plausible text: `title`, `venue`, `*_by`, …).
void append_generic(std::string& out, const facts::field& f, const generic_context& ctx, random& r);

/// Appends an enum value: the symbol, or one time in ten the Chinese label (snapshots may use either).
void append_enum(std::string& out, const facts::enum_type& e, std::uint32_t value, random& r);

}  // namespace baomi::gen

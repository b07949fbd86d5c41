// Source files and locations of the front end: the base layer's, under their dsl names.
#pragma once

#include "base/source.hpp"
#include "base/text.hpp"

namespace baomi::dsl {

using location = base::location;
using source_range = base::source_range;
using source_file = base::source_file;

using base::count_code_points;
using base::display_width;

}  // namespace baomi::dsl

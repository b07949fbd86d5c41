// Diagnostics of the front end: the base layer's problem type, under its dsl names.
#pragma once

#include "base/problem.hpp"
#include "dsl/source.hpp"

namespace baomi::dsl {

using severity = base::severity;
using diagnostic_note = base::note;
/// One problem found in a source: a stable code (`E0101`), where, what, and notes with advice.
using diagnostic = base::problem;

using base::render;
using base::sort_and_unique;
using base::to_string;

}  // namespace baomi::dsl

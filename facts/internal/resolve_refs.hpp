// Private to the loader: turns refs' key ids into row indexes once every collection is loaded.
#pragma once

#include "facts/internal/issue_sink.hpp"
#include "facts/store.hpp"

namespace baomi::facts {

/// Resolves every ref cell of every table (also inside lists and maps) through the target's key
/// index. A key that names no entry makes the cell invalid and is reported (F0304).
void resolve_refs(store& s, issue_sink& issues);

}  // namespace baomi::facts

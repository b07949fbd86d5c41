// The words every human-readable report shares, in the message language (base::message_language):
// one place for them, so that a writer says "未分类" / "unclassified" the same way as the others.
#pragma once

#include <string_view>

#include "base/language.hpp"

namespace baomi::reports {

/// The heading of findings whose rule has no `area`.
inline std::string_view unclassified() { return base::pick("未分类", "Unclassified"); }
/// What an empty list or table says.
inline std::string_view none_listed() { return base::pick("（无）", "(none)"); }
/// Between the items of an inline list: "、" or ", ".
inline std::string_view list_separator() { return base::pick("、", ", "); }
/// What stands for a missing value in a table cell or a diff: "无" or "none".
inline std::string_view nothing() { return base::pick("无", "none"); }

}  // namespace baomi::reports

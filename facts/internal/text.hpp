// Private to the loader: text helpers for messages (quoting, UTF-8 clean-up).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace baomi::facts {

/// `text` as a JSON string literal, cut to about 80 code points (with `…`) so one bad value cannot
/// flood a report.
std::string quote(std::string_view text);

/// A name (of a collection, a field, a type) for a message: in backticks.
std::string backticked(std::string_view name);

/// `text` with each byte that is not part of valid UTF-8 written as `\xNN`, so that messages stay
/// valid UTF-8 whatever the snapshot contained.
std::string clean_utf8(std::string_view text);

/// The candidate closest to `name` within a small edit distance (bytes), for "did you mean" notes.
std::string_view closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace baomi::facts

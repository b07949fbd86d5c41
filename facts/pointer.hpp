// JSON Pointer (RFC 6901) building: evidence and diagnostics name facts by pointer, not by copy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace baomi::facts {

/// Appends `/token`, escaping `~` as `~0` and `/` as `~1`.
void append_pointer_token(std::string& pointer, std::string_view token);
/// Appends `/index`.
void append_pointer_index(std::string& pointer, std::uint64_t index);

}  // namespace baomi::facts

// RFC 6901 escaping.
#include "facts/pointer.hpp"

#include <charconv>

namespace baomi::facts {

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

void append_pointer_index(std::string& pointer, std::uint64_t index) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  pointer += '/';
  pointer.append(digits, end);
}

}  // namespace baomi::facts

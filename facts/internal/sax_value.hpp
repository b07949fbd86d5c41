// Private to the loader: a JSON scalar as the SAX parser delivers it, and how messages show it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "facts/internal/json_input.hpp"
#include "facts/schema.hpp"

namespace baomi::facts {

/// One scalar event's value; `text` points into the parser's buffer until the next event.
struct sax_scalar {
  enum class kind : std::uint8_t { null, boolean, integer, big_unsigned, number, string };
  explicit sax_scalar(kind k) : what(k) {}
  sax_scalar::kind what;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t big = 0;  // an unsigned integer beyond int64
  double number = 0;
  std::string_view text;  // a string's content, a float's token
};

/// The JSON type's name in messages: 字符串, 整数, ….
const char* json_kind(sax_scalar::kind k);
/// The value as written in the snapshot, without quotes (kept as an invalid cell's raw text).
std::string raw_text(const sax_scalar& v);
/// The value as JSON text (strings escaped), for the captured `org`.
std::string json_text(const sax_scalar& v);
/// The value for a message: strings quoted, others as written.
std::string shown(const sax_scalar& v);
std::string decimal(std::int64_t value);
/// `core/核心、important/重要、…` for unknown-enum messages.
std::string enum_choices(const enum_type& e);

}  // namespace baomi::facts

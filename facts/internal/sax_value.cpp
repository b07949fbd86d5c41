// Message text for scalar values.
#include "facts/internal/sax_value.hpp"
#include "base/language.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "facts/internal/text.hpp"

namespace baomi::facts {

const char* json_kind(sax_scalar::kind k) {
  switch (k) {
    case sax_scalar::kind::null:
      return "null";
    case sax_scalar::kind::boolean:
      return base::pick("布尔值", "a boolean");
    case sax_scalar::kind::integer:
    case sax_scalar::kind::big_unsigned:
      return base::pick("整数", "an integer");
    case sax_scalar::kind::number:
      return base::pick("小数", "a number");
    case sax_scalar::kind::string:
      return base::pick("字符串", "a string");
  }
  return "?";
}

std::string decimal(std::int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return std::string(digits, end);
}

std::string raw_text(const sax_scalar& v) {
  switch (v.what) {
    case sax_scalar::kind::null:
      return "null";
    case sax_scalar::kind::boolean:
      return v.boolean ? "true" : "false";
    case sax_scalar::kind::integer:
      return decimal(v.integer);
    case sax_scalar::kind::big_unsigned:
      return std::to_string(v.big);
    default:
      return std::string(v.text);
  }
}

std::string json_text(const sax_scalar& v) {
  return v.what == sax_scalar::kind::string ? nlohmann::json(v.text).dump() : raw_text(v);
}

std::string shown(const sax_scalar& v) { return v.what == sax_scalar::kind::string ? quote(v.text) : raw_text(v); }

std::string enum_choices(const enum_type& e) {
  std::string text;
  for (const auto& v : e.values) {
    if (!text.empty()) text += "、";
    text += v.symbol == v.label ? v.symbol : v.symbol + "/" + v.label;
  }
  return text;
}

}  // namespace baomi::facts

// Private to the loader: the JSON grammar over json_lexer's tokens, delivering SAX-style events.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "facts/internal/json_input.hpp"
#include "facts/internal/json_lexer.hpp"

namespace baomi::facts {

/// nlohmann's syntax error text: "syntax error while parsing object key - unexpected ','; expected
/// string literal", with the lexer's problem and "last read" when the token itself is malformed.
std::string json_syntax_message(const json_lexer& lexer, json_token last, json_token expected,
                                std::string_view context);

/// Parses one JSON text from `input` into `handler`'s events, in the order and with the errors of
/// nlohmann::json::sax_parse (strict: only whitespace may follow the value). Before each event `place`
/// gets the token's first byte, and before start_object also its line and column. The handler provides
///   null(), boolean(bool), number_integer(int64), number_unsigned(uint64),
///   number_float(double, string_view text), string(string_view), key(string_view),
///   start_object(), end_object(), start_array(), end_array(): each returns false to stop;
///   parse_error(size_t offset, string message): returns false.
/// A handler that leaves values out (projection_filter) also provides skips_values(), whether the
/// value about to be read is left out, and skipped_value(), the event of a value passed over without
/// events: before each value read_json asks, and the lexer passes over it when it can.
/// Nesting is kept in a vector, so depth costs no stack. Returns whether the whole text was read.
template <typename Handler>
bool read_json(json_input& input, Handler& handler, token_place& place) {
  json_lexer lexer(input);
  std::vector<bool> in_array;  // per open container: array (true) or object (false)
  json_token last = lexer.next();
  auto fail = [&](json_token expected, std::string_view context) {
    return handler.parse_error(lexer.last_offset(), json_syntax_message(lexer, last, expected, context));
  };
  // Before a value: whether it was passed over; `stopped` when the handler then stopped.
  bool stopped = false;
  auto skipped = [&] {
    if constexpr (requires { handler.skips_values(); }) {
      if (handler.skips_values() && lexer.skip_value()) {
        stopped = !handler.skipped_value();
        return true;
      }
    }
    return false;
  };
  auto at_token = [&] { place.start = lexer.token_start(); };
  bool ended_container = false;
  for (;;) {
    if (!ended_container) {
      at_token();
      switch (last) {
        case json_token::begin_object:
          std::tie(place.line, place.column) = input.position(place.start);
          if (!handler.start_object()) return false;
          last = lexer.next();
          if (last == json_token::end_object) {
            at_token();
            if (!handler.end_object()) return false;
            break;
          }
          if (last != json_token::value_string) return fail(json_token::value_string, "object key");
          at_token();
          if (!handler.key(lexer.text())) return false;
          last = lexer.next();
          if (last != json_token::name_separator) return fail(json_token::name_separator, "object separator");
          in_array.push_back(false);
          if (skipped()) {
            if (stopped) return false;
            ended_container = true;  // a value was read
            continue;
          }
          last = lexer.next();
          continue;
        case json_token::begin_array:
          if (!handler.start_array()) return false;
          if (skipped()) {
            if (stopped) return false;
            in_array.push_back(true);
            ended_container = true;
            continue;
          }
          last = lexer.next();
          if (last == json_token::end_array) {
            at_token();
            if (!handler.end_array()) return false;
            break;
          }
          in_array.push_back(true);
          continue;
        case json_token::value_float: {
          double value = lexer.float_value();
          if (!std::isfinite(value))
            return handler.parse_error(lexer.last_offset(),
                                       "number overflow parsing '" + std::string(lexer.text()) + "'");
          if (!handler.number_float(value, lexer.text())) return false;
          break;
        }
        case json_token::literal_false:
          if (!handler.boolean(false)) return false;
          break;
        case json_token::literal_null:
          if (!handler.null()) return false;
          break;
        case json_token::literal_true:
          if (!handler.boolean(true)) return false;
          break;
        case json_token::value_integer:
          if (!handler.number_integer(lexer.integer_value())) return false;
          break;
        case json_token::value_string:
          if (!handler.string(lexer.text())) return false;
          break;
        case json_token::value_unsigned:
          if (!handler.number_unsigned(lexer.unsigned_value())) return false;
          break;
        case json_token::parse_error:
          return fail(json_token::uninitialized, "value");
        default:
          return fail(json_token::literal_or_value, "value");
      }
    }
    ended_container = false;
    // A value was read: what follows depends on the container it is in.
    if (in_array.empty()) break;
    last = lexer.next();
    if (in_array.back()) {
      if (last == json_token::value_separator) {
        if (skipped()) {
          if (stopped) return false;
          ended_container = true;
          continue;
        }
        last = lexer.next();
        continue;
      }
      if (last != json_token::end_array) return fail(json_token::end_array, "array");
      at_token();
      if (!handler.end_array()) return false;
      in_array.pop_back();
      ended_container = true;
      continue;
    }
    if (last == json_token::value_separator) {
      last = lexer.next();
      if (last != json_token::value_string) return fail(json_token::value_string, "object key");
      at_token();
      if (!handler.key(lexer.text())) return false;
      last = lexer.next();
      if (last != json_token::name_separator) return fail(json_token::name_separator, "object separator");
      if (skipped()) {
        if (stopped) return false;
        ended_container = true;
        continue;
      }
      last = lexer.next();
      continue;
    }
    if (last != json_token::end_object) return fail(json_token::end_object, "object");
    at_token();
    if (!handler.end_object()) return false;
    in_array.pop_back();
    ended_container = true;
  }
  last = lexer.next();
  if (last != json_token::end_of_input) return fail(json_token::end_of_input, "value");
  return true;
}

}  // namespace baomi::facts

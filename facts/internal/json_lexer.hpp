// Private to the loader: a strict RFC 8259 tokenizer over json_input's buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "facts/internal/json_input.hpp"

namespace baomi::facts {

/// Token kinds, as nlohmann's lexer names them (the parse errors keep its wording).
enum class json_token : std::uint8_t {
  uninitialized,
  literal_true,
  literal_false,
  literal_null,
  value_string,
  value_unsigned,
  value_integer,
  value_float,
  begin_array,
  begin_object,
  end_array,
  end_object,
  name_separator,
  value_separator,
  parse_error,
  end_of_input,
  literal_or_value
};

/// "string literal", "'['", …: a token kind in a syntax error message.
const char* token_name(json_token t);

/// Reads tokens from the buffer directly: whitespace and string bodies are scanned eight bytes at a
/// time up to the next quote, backslash, control or non-ASCII byte, integers are parsed as they are
/// scanned, and a string without escapes is a view into the buffer. It accepts and rejects exactly
/// what nlohmann 3.11's lexer does (a NUL outside a string ends the input, as there; `01` is two
/// numbers; UTF-8 is checked per RFC 3629), and reports an error at the byte nlohmann would.
class json_lexer {
 public:
  explicit json_lexer(json_input& in);

  json_token next();

  /// Passes over the value that comes next (after whitespace) without making its tokens, for a value
  /// the loader leaves out. True when the scan vouches that next() would read it whole without an
  /// error: the next token then follows it, and an error after it reads as it would have. False,
  /// having moved nothing, when the value might hold an error or runs past the buffered bytes, or has
  /// what the scan leaves to next() (a \u escape, an exponent, nesting over 64 deep): the caller then
  /// reads it token by token, with next()'s errors.
  bool skip_value();

  /// A string's decoded value or a number's text; valid until the next call of next().
  std::string_view text() const { return m_text; }
  std::uint64_t unsigned_value() const { return m_unsigned; }
  std::int64_t integer_value() const { return m_integer; }
  double float_value() const { return m_float; }

  /// Offset of the current token's first byte.
  std::size_t token_start() const { return m_start; }
  /// Offset of the last byte read: a token's last byte, the offending byte of an error, or the
  /// input's size when its end was read. Errors are reported there.
  std::size_t last_offset() const { return m_last; }
  /// After a parse_error token: what is wrong ("invalid literal", …).
  const char* error() const { return m_error; }
  /// After a parse_error token: the bytes read since the last string or number began, control
  /// characters shown as <U+001F> (nlohmann's "last read"); only the last 256 bytes, after "…", of a
  /// longer one.
  std::string last_read() const;

 private:
  bool refill(const char*& p);
  char peek(const char*& p) {
    if (p == m_end) refill(p);
    return *p;
  }
  json_token fail(const char* at, const char* message);
  json_token done(const char* last, json_token t);
  json_token literal(const char* p, std::string_view word, json_token t);
  json_token string(const char* p);
  const char* escape(const char* p, bool& ok);
  int hex4(const char*& p);
  bool utf8(const char*& p);
  json_token number(const char* p);

  json_input& m_in;
  const char* m_pos;
  const char* m_end;
  const char* m_token = nullptr;    // the current token's first byte (kept across refills)
  const char* m_segment = nullptr;  // string: the raw bytes not yet copied to m_buffer
  bool m_first = true;
  std::size_t m_start = 0;
  std::size_t m_last = 0;
  bool m_last_is_end = false;  // m_last is the input's end, not a byte
  std::size_t m_reset = 0;     // where the last string or number began
  const char* m_error = "";
  std::string_view m_text;
  std::string m_buffer;
  std::uint64_t m_unsigned = 0;
  std::int64_t m_integer = 0;
  double m_float = 0;
};

}  // namespace baomi::facts

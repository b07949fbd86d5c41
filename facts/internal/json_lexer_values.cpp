// The tokenizer's strings (block scan, escapes, UTF-8 checks) and numbers (integers parsed directly).
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "facts/internal/json_lexer.hpp"
#include "facts/internal/json_scan.hpp"

namespace baomi::facts {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool in(char c, unsigned lo, unsigned hi) {
  auto u = static_cast<unsigned char>(c);
  return u >= lo && u <= hi;
}

void append_code_point(std::string& out, int cp) {
  auto c = static_cast<unsigned>(cp);
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

const char* const control_messages[32] = {
    "invalid string: control character U+0000 (NUL) must be escaped to \\u0000",
    "invalid string: control character U+0001 (SOH) must be escaped to \\u0001",
    "invalid string: control character U+0002 (STX) must be escaped to \\u0002",
    "invalid string: control character U+0003 (ETX) must be escaped to \\u0003",
    "invalid string: control character U+0004 (EOT) must be escaped to \\u0004",
    "invalid string: control character U+0005 (ENQ) must be escaped to \\u0005",
    "invalid string: control character U+0006 (ACK) must be escaped to \\u0006",
    "invalid string: control character U+0007 (BEL) must be escaped to \\u0007",
    "invalid string: control character U+0008 (BS) must be escaped to \\u0008 or \\b",
    "invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t",
    "invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n",
    "invalid string: control character U+000B (VT) must be escaped to \\u000B",
    "invalid string: control character U+000C (FF) must be escaped to \\u000C or \\f",
    "invalid string: control character U+000D (CR) must be escaped to \\u000D or \\r",
    "invalid string: control character U+000E (SO) must be escaped to \\u000E",
    "invalid string: control character U+000F (SI) must be escaped to \\u000F",
    "invalid string: control character U+0010 (DLE) must be escaped to \\u0010",
    "invalid string: control character U+0011 (DC1) must be escaped to \\u0011",
    "invalid string: control character U+0012 (DC2) must be escaped to \\u0012",
    "invalid string: control character U+0013 (DC3) must be escaped to \\u0013",
    "invalid string: control character U+0014 (DC4) must be escaped to \\u0014",
    "invalid string: control character U+0015 (NAK) must be escaped to \\u0015",
    "invalid string: control character U+0016 (SYN) must be escaped to \\u0016",
    "invalid string: control character U+0017 (ETB) must be escaped to \\u0017",
    "invalid string: control character U+0018 (CAN) must be escaped to \\u0018",
    "invalid string: control character U+0019 (EM) must be escaped to \\u0019",
    "invalid string: control character U+001A (SUB) must be escaped to \\u001A",
    "invalid string: control character U+001B (ESC) must be escaped to \\u001B",
    "invalid string: control character U+001C (FS) must be escaped to \\u001C",
    "invalid string: control character U+001D (GS) must be escaped to \\u001D",
    "invalid string: control character U+001E (RS) must be escaped to \\u001E",
    "invalid string: control character U+001F (US) must be escaped to \\u001F",
};

constexpr const char* ill_formed = "invalid string: ill-formed UTF-8 byte";
constexpr const char* bad_hex = "invalid string: '\\u' must be followed by 4 hex digits";
constexpr const char* lone_high = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
constexpr const char* lone_low = "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF";

}  // namespace

json_token json_lexer::string(const char* p) {
  m_reset = m_start;
  m_buffer.clear();
  bool copied = false;
  ++p;
  m_segment = p;
  for (;;) {
    p = next_string_stop(p);  // the NUL padding after the buffered bytes stops this scan
    auto c = static_cast<unsigned char>(*p);
    if (c == '"') {
      if (copied) {
        m_buffer.append(m_segment, p);
        m_text = m_buffer;
      } else {
        m_text = std::string_view(m_segment, static_cast<std::size_t>(p - m_segment));
      }
      m_segment = nullptr;
      return done(p, json_token::value_string);
    }
    if (c == '\\') {
      m_buffer.append(m_segment, p);
      copied = true;
      bool ok = false;
      p = escape(p, ok);
      if (!ok) return json_token::parse_error;
      m_segment = p;
    } else if (c < 0x20) {
      if (c == 0 && p == m_end) {
        if (refill(p)) continue;
        return fail(p, "invalid string: missing closing quote");
      }
      return fail(p, control_messages[c]);
    } else {
      // Non-ASCII: check the sequence, then go on over the following ones without a new scan.
      do {
        if (!utf8(p)) return json_token::parse_error;
      } while (static_cast<unsigned char>(*p) >= 0x80);
    }
  }
}

// `p` is at the backslash; returns the byte after the escape, or the offending byte with `ok` false.
const char* json_lexer::escape(const char* p, bool& ok) {
  ok = false;
  ++p;
  char c = peek(p);
  switch (c) {
    case '"':
    case '\\':
    case '/':
      m_buffer.push_back(c);
      break;
    case 'b':
      m_buffer.push_back('\b');
      break;
    case 'f':
      m_buffer.push_back('\f');
      break;
    case 'n':
      m_buffer.push_back('\n');
      break;
    case 'r':
      m_buffer.push_back('\r');
      break;
    case 't':
      m_buffer.push_back('\t');
      break;
    case 'u': {
      int code = hex4(p);
      if (code < 0) {
        fail(p, bad_hex);
        return p;
      }
      if (code >= 0xD800 && code <= 0xDBFF) {
        ++p;
        if (peek(p) != '\\') {
          fail(p, lone_high);
          return p;
        }
        ++p;
        if (peek(p) != 'u') {
          fail(p, lone_high);
          return p;
        }
        int low = hex4(p);
        if (low < 0) {
          fail(p, bad_hex);
          return p;
        }
        if (low < 0xDC00 || low > 0xDFFF) {
          fail(p, lone_high);
          return p;
        }
        code = static_cast<int>((static_cast<unsigned>(code) << 10u) + static_cast<unsigned>(low) - 0x35FDC00u);
      } else if (code >= 0xDC00 && code <= 0xDFFF) {
        fail(p, lone_low);
        return p;
      }
      append_code_point(m_buffer, code);
      break;
    }
    default:
      fail(p, "invalid string: forbidden character after backslash");
      return p;
  }
  ok = true;
  return p + 1;
}

// Four hex digits after `p` (at the `u`); `p` ends at the last digit, or at the first non-digit (-1).
int json_lexer::hex4(const char*& p) {
  int value = 0;
  for (int i = 0; i < 4; ++i) {
    ++p;
    char c = peek(p);
    int digit = 0;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return -1;
    value = value * 16 + digit;
  }
  return value;
}

// One UTF-8 sequence at `p` (its lead byte, >= 0x80), checked as RFC 3629 and nlohmann do; `p` moves
// past it. On error the offending byte is reported (the padding's NUL when the input ends inside).
bool json_lexer::utf8(const char*& p) {
  while (m_end - p < 4 && refill(p)) {
  }
  unsigned lo = 0;
  unsigned hi = 0;
  int tail = utf8_tail(static_cast<unsigned char>(*p), lo, hi);
  if (tail < 0) {
    fail(p, ill_formed);
    return false;
  }
  if (!in(p[1], lo, hi)) {
    fail(p + 1, ill_formed);
    return false;
  }
  for (int i = 2; i <= tail; ++i) {
    if (!in(p[i], 0x80, 0xBF)) {
      fail(p + i, ill_formed);
      return false;
    }
  }
  p += tail + 1;
  return true;
}

json_token json_lexer::number(const char* p) {
  m_reset = m_start;
  bool negative = *p == '-';
  bool fractional = false;
  char c = *p;
  if (negative) {
    ++p;
    c = peek(p);
    if (!is_digit(c)) return fail(p, "invalid number; expected digit after '-'");
  }
  if (c == '0') {
    ++p;
    c = peek(p);
  } else {
    do {
      ++p;
      c = peek(p);
    } while (is_digit(c));
  }
  if (c == '.') {
    fractional = true;
    ++p;
    c = peek(p);
    if (!is_digit(c)) return fail(p, "invalid number; expected digit after '.'");
    do {
      ++p;
      c = peek(p);
    } while (is_digit(c));
  }
  if (c == 'e' || c == 'E') {
    fractional = true;
    ++p;
    c = peek(p);
    if (c == '+' || c == '-') {
      ++p;
      c = peek(p);
      if (!is_digit(c)) return fail(p, "invalid number; expected digit after exponent sign");
    } else if (!is_digit(c)) {
      return fail(p, "invalid number; expected '+', '-', or digit after exponent");
    }
    do {
      ++p;
      c = peek(p);
    } while (is_digit(c));
  }
  m_text = std::string_view(m_token, static_cast<std::size_t>(p - m_token));
  if (!fractional) {
    // An integer too large for its type becomes a float, as strtoull/strtoll make nlohmann do.
    std::uint64_t value = 0;
    bool overflow = false;
    for (const char* d = m_token + (negative ? 1 : 0); d < p && !overflow; ++d) {
      overflow = __builtin_mul_overflow(value, 10u, &value) ||
                 __builtin_add_overflow(value, static_cast<unsigned>(*d - '0'), &value);
    }
    constexpr std::uint64_t int64_magnitude = 0x8000000000000000ULL;
    if (!overflow && !negative) {
      m_unsigned = value;
      return done(p - 1, json_token::value_unsigned);
    }
    if (!overflow && value <= int64_magnitude) {
      m_integer = value == int64_magnitude ? INT64_MIN : -static_cast<std::int64_t>(value);
      return done(p - 1, json_token::value_integer);
    }
  }
  m_buffer.assign(m_text);
  m_float = std::strtod(m_buffer.c_str(), nullptr);
  return done(p - 1, json_token::value_float);
}

}  // namespace baomi::facts

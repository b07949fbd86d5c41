// Passing over a value the loader leaves out (load_options::keep): a scan that makes no tokens and
// vouches only for what next() would read without an error; anything else is left to next().
#include <cstring>

#include "facts/internal/json_lexer.hpp"
#include "facts/internal/json_scan.hpp"

namespace baomi::facts {

namespace {

// Containers open at most, in a skipped value: deeper ones are left to next().
constexpr int max_depth = 64;
// Longest number vouched for: without an exponent, 300 characters are finite as a double.
constexpr std::ptrdiff_t max_number = 300;

bool in(char c, unsigned lo, unsigned hi) {
  auto u = static_cast<unsigned char>(c);
  return u >= lo && u <= hi;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The scan over the buffered bytes. Every function returns false where next() might report an error
// or where the bytes run out (the buffer's NUL padding stops every loop): the caller then reads the
// value token by token. `last_token` follows the last string or number begun, as next() sets m_reset.
class skipper {
 public:
  explicit skipper(const char* at) : m_p(at) {}

  bool value() {
    char open[max_depth];
    int depth = 0;
    for (;;) {
      whitespace();
      switch (*m_p) {
        case '{':
        case '[': {
          char opening = *m_p++;
          whitespace();
          if (*m_p == (opening == '{' ? '}' : ']')) {  // empty: a whole value
            ++m_p;
            break;
          }
          if (depth == max_depth) return false;
          open[depth++] = opening;
          if (opening == '{' && !member_name()) return false;
          continue;
        }
        case '"':
          if (!string()) return false;
          break;
        case 't':
          if (!word("true")) return false;
          break;
        case 'f':
          if (!word("false")) return false;
          break;
        case 'n':
          if (!word("null")) return false;
          break;
        default:
          if (!number()) return false;
          break;
      }
      // A value was read: a comma and the next one, or the end of its container.
      for (;;) {
        if (depth == 0) return true;
        whitespace();
        char close = open[depth - 1] == '{' ? '}' : ']';
        if (*m_p == close) {
          ++m_p;
          --depth;
          continue;
        }
        if (*m_p != ',') return false;
        ++m_p;
        if (open[depth - 1] == '{' && !member_name()) return false;
        break;
      }
    }
  }

  /// The byte after the value.
  const char* end() const { return m_p; }
  /// The start of the last string or number, if any.
  const char* last_token() const { return m_last_token; }

 private:
  void whitespace() {
    while (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t') ++m_p;
  }

  bool member_name() {
    whitespace();
    if (*m_p != '"' || !string()) return false;
    whitespace();
    if (*m_p != ':') return false;
    ++m_p;
    return true;
  }

  bool word(const char* w) {
    auto n = std::strlen(w);
    if (std::memcmp(m_p, w, n) != 0) return false;  // the padding is longer than any word
    m_p += n;
    return true;
  }

  bool number() {
    m_last_token = m_p;
    const char* start = m_p;
    if (*m_p == '-') ++m_p;
    if (*m_p == '0') {
      ++m_p;
    } else if (in(*m_p, '1', '9')) {
      while (is_digit(*m_p)) ++m_p;
    } else {
      return false;
    }
    if (*m_p == '.') {
      ++m_p;
      if (!is_digit(*m_p)) return false;
      while (is_digit(*m_p)) ++m_p;
    }
    // An exponent may overflow; next() says so.
    return *m_p != 'e' && *m_p != 'E' && m_p - start <= max_number;
  }

  bool string() {
    m_last_token = m_p;
    ++m_p;
    for (;;) {
      m_p = next_string_stop(m_p);
      auto c = static_cast<unsigned char>(*m_p);
      if (c == '"') {
        ++m_p;
        return true;
      }
      if (c == '\\') {
        ++m_p;
        // \u is left to next(): its surrogates have rules of their own.
        if (std::strchr("\"\\/bfnrt", *m_p) == nullptr || *m_p == 0) return false;
        ++m_p;
      } else if (c < 0x20) {
        return false;
      } else {
        unsigned lo = 0;
        unsigned hi = 0;
        int tail = utf8_tail(c, lo, hi);
        if (tail < 0 || !in(m_p[1], lo, hi)) return false;
        for (int i = 2; i <= tail; ++i) {
          if (!in(m_p[i], 0x80, 0xBF)) return false;
        }
        m_p += tail + 1;
      }
    }
  }

  const char* m_p;
  const char* m_last_token = nullptr;
};

}  // namespace

bool json_lexer::skip_value() {
  skipper scan(m_pos);
  // The byte after the value must be buffered too, so that the value cannot go on in the next chunk
  // (a number's digits).
  if (!scan.value() || scan.end() >= m_end) return false;
  m_pos = scan.end();
  m_last = m_in.offset_of(m_pos - 1);
  m_last_is_end = false;
  if (scan.last_token() != nullptr) m_reset = m_in.offset_of(scan.last_token());
  return true;
}

}  // namespace baomi::facts

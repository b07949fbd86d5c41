// The tokenizer: nlohmann 3.11's lexer states, over the buffer with block scans.
#include "facts/internal/json_lexer.hpp"
#include "facts/internal/json_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace baomi::facts {

namespace {

constexpr const char* bom_message = "invalid BOM; must be 0xEF 0xBB 0xBF if given";

}  // namespace

const char* token_name(json_token t) {
  switch (t) {
    case json_token::uninitialized:
      return "<uninitialized>";
    case json_token::literal_true:
      return "true literal";
    case json_token::literal_false:
      return "false literal";
    case json_token::literal_null:
      return "null literal";
    case json_token::value_string:
      return "string literal";
    case json_token::value_unsigned:
    case json_token::value_integer:
    case json_token::value_float:
      return "number literal";
    case json_token::begin_array:
      return "'['";
    case json_token::begin_object:
      return "'{'";
    case json_token::end_array:
      return "']'";
    case json_token::end_object:
      return "'}'";
    case json_token::name_separator:
      return "':'";
    case json_token::value_separator:
      return "','";
    case json_token::parse_error:
      return "<parse error>";
    case json_token::end_of_input:
      return "end of input";
    case json_token::literal_or_value:
      return "'[', '{', or a literal";
  }
  return "unknown token";
}

json_lexer::json_lexer(json_input& in) : m_in(in), m_pos(in.data_begin()), m_end(in.data_end()) {
  m_start = m_last = m_reset = in.offset_of(m_pos);  // not 0 when the input starts at a line of a file
}

// Reads more input keeping the current token; `p` (at or before the end) follows its byte. False when
// nothing more could be read.
bool json_lexer::refill(const char*& p) {
  if (m_in.exhausted()) return false;
  auto at = p - m_token;
  auto segment = m_segment != nullptr ? m_segment - m_token : 0;
  const char* old_end = m_end;
  auto end_at = old_end - m_token;
  m_token = m_in.refill(m_token);
  p = m_token + at;
  if (m_segment != nullptr) m_segment = m_token + segment;
  m_end = m_in.data_end();
  return m_end - m_token > end_at;
}

json_token json_lexer::fail(const char* at, const char* message) {
  m_error = message;
  m_last_is_end = at == m_end && m_in.exhausted();
  m_last = m_in.offset_of(at);
  m_pos = at;
  return json_token::parse_error;
}

json_token json_lexer::done(const char* last, json_token t) {
  m_last = m_in.offset_of(last);
  m_last_is_end = false;
  m_pos = last + 1;
  return t;
}

std::string json_lexer::last_read() const {
  std::size_t end = m_last + (m_last_is_end ? 0 : 1);
  std::size_t from = m_reset;
  std::string result;
  // nlohmann shows everything since the token began, which can be megabytes; the last 256 bytes
  // (from a character's start) say as much.
  constexpr std::size_t shown = 256;
  if (end - from > shown) {
    from = end - shown;
    const char* p = m_in.at(from);
    while (p != nullptr && from < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80) {
      ++from;
      ++p;
    }
    result = "…";
  }
  const char* begin = m_in.at(from);
  if (begin == nullptr) return result;
  for (std::size_t i = 0; from + i < end && begin + i < m_in.data_end(); ++i) {
    auto c = static_cast<unsigned char>(begin[i]);
    if (c <= 0x1F) {
      char code[9];
      std::snprintf(code, sizeof code, "<U+%.4X>", c);
      result += code;
    } else {
      result.push_back(static_cast<char>(c));
    }
  }
  return result;
}

json_token json_lexer::next() {
  const char* p = m_pos;
  m_token = p;
  m_segment = nullptr;
  if (m_first) {
    m_first = false;
    if (static_cast<unsigned char>(peek(p)) == 0xEF) {
      ++p;
      if (static_cast<unsigned char>(peek(p)) != 0xBB) return fail(p, bom_message);
      ++p;
      if (static_cast<unsigned char>(peek(p)) != 0xBF) return fail(p, bom_message);
      ++p;
    }
  }
  for (;;) {
    char c = *p;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      ++p;
    } else if (c == 0 && p == m_end) {
      m_token = p;
      if (!refill(p)) break;
    } else {
      break;
    }
  }
  m_token = p;
  m_start = m_in.offset_of(p);
  switch (*p) {
    case '[':
      return done(p, json_token::begin_array);
    case ']':
      return done(p, json_token::end_array);
    case '{':
      return done(p, json_token::begin_object);
    case '}':
      return done(p, json_token::end_object);
    case ':':
      return done(p, json_token::name_separator);
    case ',':
      return done(p, json_token::value_separator);
    case 't':
      return literal(p, "true", json_token::literal_true);
    case 'f':
      return literal(p, "false", json_token::literal_false);
    case 'n':
      return literal(p, "null", json_token::literal_null);
    case '"':
      return string(p);
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return number(p);
    case '\0':  // the end, or a NUL byte, which nlohmann also takes for the end
      m_last = m_start;
      m_last_is_end = p == m_end;
      m_pos = p;
      return json_token::end_of_input;
    default:
      return fail(p, "invalid literal");
  }
}

json_token json_lexer::literal(const char* p, std::string_view word, json_token t) {
  for (std::size_t i = 1; i < word.size(); ++i) {
    ++p;
    if (peek(p) != word[i]) return fail(p, "invalid literal");
  }
  return done(p, t);
}

std::string json_syntax_message(const json_lexer& lexer, json_token last, json_token expected,
                                std::string_view context) {
  std::string message = "syntax error ";
  if (!context.empty()) {
    message += "while parsing ";
    message += context;
    message += ' ';
  }
  message += "- ";
  if (last == json_token::parse_error) {
    message += lexer.error();
    message += "; last read: '";
    message += lexer.last_read();
    message += '\'';
  } else {
    message += "unexpected ";
    message += token_name(last);
  }
  if (expected != json_token::uninitialized) {
    message += "; expected ";
    message += token_name(expected);
  }
  return message;
}

}  // namespace baomi::facts

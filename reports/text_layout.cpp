// Display width and wrapping of UTF-8 text for an 80-column terminal.
#include "reports/text_layout.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace baomi::reports {

namespace {

constexpr char32_t replacement = 0xFFFD;

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    ++i;
    return replacement;
  }
  char32_t c = n == 1 ? lead : n == 2 ? (lead & 0x1Fu) : n == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return replacement;
    }
    c = (c << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr std::array<char32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
  if (c < smallest.at(n) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return replacement;
  }
  i += n;
  return c;
}

namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_control(char32_t c) { return c < 0x20 || in(c, 0x7F, 0x9F); }

bool is_zero_width(char32_t c) {
  return in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x200B, 0x200F) ||
         in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F) || c == 0xFEFF;
}

bool is_wide(char32_t c) {
  return in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) || in(c, 0x3400, 0x4DBF) ||
         in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) || in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
         in(c, 0xFE30, 0xFE4F) || in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F300, 0x1F64F) ||
         in(c, 0x1F680, 0x1F6FF) || in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x3FFFD);
}

// Punctuation that may not start a line (行首禁则) or end one (行尾禁则).
bool is_closing(char32_t c) {
  constexpr std::u32string_view closing = U"，。、；：？！）》」』】〕〉〗”’…,.;:?!)]}%";
  return closing.find(c) != std::u32string_view::npos;
}
bool is_opening(char32_t c) {
  constexpr std::u32string_view opening = U"（《「『【〔〈〖“‘([{";
  return opening.find(c) != std::u32string_view::npos;
}

// An unbreakable piece of a paragraph: a run of narrow characters, one wide character (with the
// punctuation glued to it), or a run of spaces.
struct token {
  std::string text;
  std::size_t width = 0;
  bool space = false;
  bool wide = false;
  char32_t first = 0;
  char32_t last = 0;
};

std::vector<token> tokenize(std::string_view paragraph) {
  std::vector<token> tokens;
  for (std::size_t i = 0; i < paragraph.size();) {
    auto start = i;
    char32_t c = next_code_point(paragraph, i);
    auto bytes = paragraph.substr(start, i - start);
    if (c == replacement) bytes = "\xEF\xBF\xBD";  // invalid UTF-8 is shown as U+FFFD, never copied
    if (c == ' ' || c == '\t') {
      if (tokens.empty() || !tokens.back().space) tokens.push_back({"", 0, true, false, ' ', ' '});
      tokens.back().text += ' ';
      ++tokens.back().width;
      continue;
    }
    if (is_control(c)) continue;
    if (is_zero_width(c)) {
      if (!tokens.empty()) tokens.back().text += bytes;
      continue;
    }
    bool wide = char_width(c) == 2;
    if (!wide && !tokens.empty() && !tokens.back().space && !tokens.back().wide) {
      tokens.back().text += bytes;
      tokens.back().width += 1;
      tokens.back().last = c;
      continue;
    }
    tokens.push_back({std::string(bytes), char_width(c), false, wide, c, c});
  }
  // Glue closing punctuation to what precedes it and opening punctuation to what follows it.
  std::vector<token> glued;
  for (auto& t : tokens) {
    if (!glued.empty() && !t.space && !glued.back().space && (is_closing(t.first) || is_opening(glued.back().last))) {
      glued.back().text += t.text;
      glued.back().width += t.width;
      glued.back().last = t.last;
      continue;
    }
    glued.push_back(std::move(t));
  }
  return glued;
}

class line_filler {
 public:
  line_filler(std::vector<std::string>& lines, std::size_t width)
      : m_lines(lines), m_width(std::max<std::size_t>(width, 1)) {}

  void fill(std::string_view paragraph) {
    bool at_start = true;
    for (const auto& t : tokenize(paragraph)) {
      if (t.space) {
        if (at_start)
          append(t.text, t.width);
        else
          m_pending_space = t.width;
        continue;
      }
      at_start = false;
      place(t);
    }
    flush();
  }

 private:
  void place(const token& t) {
    if (m_line_width + m_pending_space + t.width <= m_width) {
      append(std::string(m_pending_space, ' '), m_pending_space);
      append(t.text, t.width);
      m_pending_space = 0;
      return;
    }
    m_pending_space = 0;
    if (m_line_width > 0) flush();
    if (t.width <= m_width) {
      append(t.text, t.width);
      return;
    }
    // Longer than a whole line: cut it by code points.
    for (std::size_t i = 0; i < t.text.size();) {
      auto start = i;
      auto w = char_width(next_code_point(t.text, i));
      if (m_line_width + w > m_width && m_line_width > 0) flush();
      append(t.text.substr(start, i - start), w);
    }
  }

  void append(std::string_view text, std::size_t width) {
    m_line += text;
    m_line_width += width;
  }

  void flush() {
    while (!m_line.empty() && m_line.back() == ' ') m_line.pop_back();
    m_lines.push_back(std::move(m_line));
    m_line.clear();
    m_line_width = 0;
    m_pending_space = 0;
  }

  std::vector<std::string>& m_lines;
  std::size_t m_width;
  std::string m_line;
  std::size_t m_line_width = 0;
  std::size_t m_pending_space = 0;
};

}  // namespace

std::size_t char_width(char32_t c) {
  if (is_control(c) || is_zero_width(c)) return 0;
  return is_wide(c) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      // CSI: parameters and intermediates, then one final byte in @..~.
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      if (i < text.size()) ++i;
      continue;
    }
    width += char_width(next_code_point(text, i));
  }
  return width;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  line_filler filler(lines, width);
  while (true) {
    auto end = text.find('\n');
    filler.fill(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

void append_wrapped(std::string& out, std::string_view first, std::size_t indent, std::string_view text,
                    std::size_t width) {
  auto lines = wrap(text, width > indent ? width - indent : 1);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = i == 0 ? pad_right(first, indent) : std::string(indent, ' ');
    line += lines[i];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto start = i;
    char32_t c = next_code_point(text, i);
    if (c == '\t' || c == '\n')
      out += ' ';
    else if (c == replacement)
      out += "\xEF\xBF\xBD";
    else if (!is_control(c))
      out += text.substr(start, i - start);
  }
  return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  auto w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  auto w = display_width(text);
  std::string out(w < width ? width - w : 0, ' ');
  out += text;
  return out;
}

}  // namespace baomi::reports

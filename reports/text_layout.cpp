// Display width and wrapping of UTF-8 text for an 80-column terminal.
#include "reports/text_layout.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace baomi::reports {

namespace {

constexpr char32_t replacement = base::replacement_character;

}  // namespace

namespace {

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

bool is_control(char32_t c) { return c < 0x20 || in(c, 0x7F, 0x9F); }

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
// punctuation glued to it), or a run of spaces. Its text is a copy, or a view into the paragraph.
template <typename Text>
struct basic_token {
  Text text;
  std::size_t width = 0;
  bool space = false;
  bool wide = false;
  char32_t first = 0;
  char32_t last = 0;
};
using token = basic_token<std::string>;
using view_token = basic_token<std::string_view>;

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
    if (char_width(c) == 0) {  // combining marks, joiners, variation selectors
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

// tokenize for the common paragraph, whose code points are all valid and at least one column wide
// (no tab, control or zero-width mark): then every token is a run of the paragraph's own bytes, so
// views replace copies. False (and `out` unusable) for any other paragraph.
bool tokenize_plain(std::string_view paragraph, std::vector<view_token>& out) {
  out.clear();
  for (std::size_t i = 0; i < paragraph.size();) {
    auto start = i;
    char32_t c = next_code_point(paragraph, i);
    if (c == replacement || c == '\t' || is_control(c)) return false;
    auto extend = [&](view_token& t) {
      t.text = std::string_view(t.text.data(), paragraph.data() + i - t.text.data());
    };
    if (c == ' ') {
      if (out.empty() || !out.back().space) out.push_back({paragraph.substr(start, 0), 0, true, false, ' ', ' '});
      extend(out.back());
      ++out.back().width;
      continue;
    }
    std::size_t width = char_width(c);
    if (width == 0) return false;
    bool wide = width == 2;
    if (!wide && !out.empty() && !out.back().space && !out.back().wide) {
      extend(out.back());
      out.back().width += 1;
      out.back().last = c;
      continue;
    }
    out.push_back({paragraph.substr(start, i - start), width, false, wide, c, c});
  }
  // The glue of tokenize; glued tokens are adjacent, so the view grows over both.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const view_token t = out[k];
    if (kept > 0 && !t.space && !out[kept - 1].space && (is_closing(t.first) || is_opening(out[kept - 1].last))) {
      view_token& into = out[kept - 1];
      into.text = std::string_view(into.text.data(), t.text.data() + t.text.size() - into.text.data());
      into.width += t.width;
      into.last = t.last;
      continue;
    }
    out[kept++] = t;
  }
  out.resize(kept);
  return true;
}

class line_filler {
 public:
  line_filler(std::vector<std::string>& lines, std::size_t width)
      : m_lines(lines), m_width(std::max<std::size_t>(width, 1)) {}

  void fill(std::string_view paragraph) {
    if (tokenize_plain(paragraph, m_plain))
      fill_tokens(m_plain);
    else
      fill_tokens(tokenize(paragraph));
    flush();
  }

 private:
  template <typename Tokens>
  void fill_tokens(const Tokens& tokens) {
    bool at_start = true;
    for (const auto& t : tokens) {
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
  }

  template <typename Token>
  void place(const Token& t) {
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
  std::vector<view_token> m_plain;
};

// The width of `text` when it would come out of line_filler unchanged on one line but for trailing
// spaces: every code point valid and at least one column wide, no tab, control or line break.
std::optional<std::size_t> plain_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    std::size_t w = char_width(c);
    if (w == 0 || c == replacement) return std::nullopt;  // tabs and controls are 0 wide
    width += w;
  }
  return width;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  // Most fields of a finding fit on their line as they are: no tokens to make (a large report wraps
  // millions of them).
  if (auto w = plain_width(text); w && *w <= std::max<std::size_t>(width, 1)) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return {std::string(text)};
  }
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

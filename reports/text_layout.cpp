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

bool is_ideograph(char32_t c) { return in(c, 0x4E00, 0x9FFF); }  // most of a Chinese text, never punctuation

// Punctuation that may not start a line (行首禁则) or end one (行尾禁则).
bool is_closing(char32_t c) {
  if (is_ideograph(c)) return false;
  constexpr std::u32string_view closing = U"，。、；：？！）》」』】〕〉〗”’…,.;:?!)]}%";
  return closing.find(c) != std::u32string_view::npos;
}
bool is_opening(char32_t c) {
  if (is_ideograph(c)) return false;
  constexpr std::u32string_view opening = U"（《「『【〔〈〖“‘([{";
  return opening.find(c) != std::u32string_view::npos;
}

// An unbreakable piece of a paragraph: a run of narrow characters, one wide character (with the
// punctuation glued to it), or a run of spaces; a view into the (cleaned) paragraph.
struct token {
  std::string_view text;
  std::size_t width = 0;
  bool space = false;
  bool wide = false;
  char32_t first = 0;
  char32_t last = 0;
};

// The paragraph as the tokens read it, when it differs: control characters dropped, a tab read as a
// space, invalid UTF-8 as U+FFFD (never copied). Nothing for the common paragraph that needs none.
std::optional<std::string> cleaned(std::string_view paragraph) {
  std::optional<std::string> out;
  for (std::size_t i = 0; i < paragraph.size();) {
    auto start = i;
    char32_t c = next_code_point(paragraph, i);
    auto bytes = paragraph.substr(start, i - start);
    bool invalid = c == replacement && bytes != "\xEF\xBF\xBD";
    if (!out && (invalid || is_control(c))) out.emplace(paragraph.substr(0, start));  // a tab is a control
    if (!out) continue;
    if (invalid)
      *out += "\xEF\xBF\xBD";
    else if (c == '\t')
      *out += ' ';
    else if (!is_control(c))
      *out += bytes;
  }
  return out;
}

// The tokens of a cleaned paragraph, into `out`.
void tokenize(std::string_view paragraph, std::vector<token>& out) {
  out.clear();
  for (std::size_t i = 0; i < paragraph.size();) {
    auto start = i;
    char32_t c = next_code_point(paragraph, i);
    auto extend = [&](token& t) { t.text = std::string_view(t.text.data(), paragraph.data() + i - t.text.data()); };
    if (c == ' ') {
      if (out.empty() || !out.back().space) out.push_back({paragraph.substr(start, 0), 0, true, false, ' ', ' '});
      extend(out.back());
      ++out.back().width;
      continue;
    }
    std::size_t width = char_width(c);
    if (width == 0) {  // combining marks, joiners, variation selectors
      if (!out.empty()) extend(out.back());
      continue;
    }
    bool wide = width == 2;
    if (!wide && !out.empty() && !out.back().space && !out.back().wide) {
      extend(out.back());
      out.back().width += 1;
      out.back().last = c;
      continue;
    }
    out.push_back({paragraph.substr(start, i - start), width, false, wide, c, c});
  }
  // Glue closing punctuation to what precedes it and opening punctuation to what follows it; glued
  // tokens are adjacent, so the view grows over both.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const token t = out[k];
    if (kept > 0 && !t.space && !out[kept - 1].space && (is_closing(t.first) || is_opening(out[kept - 1].last))) {
      token& into = out[kept - 1];
      into.text = std::string_view(into.text.data(), t.text.data() + t.text.size() - into.text.data());
      into.width += t.width;
      into.last = t.last;
      continue;
    }
    out[kept++] = t;
  }
  out.resize(kept);
}

// Fills lines of at most `width` columns from paragraphs and gives each to `sink` (a callable taking
// a std::string_view, valid during the call), trailing spaces trimmed.
template <typename Sink>
class line_filler {
 public:
  line_filler(Sink& sink, std::size_t width) : m_sink(sink), m_width(std::max<std::size_t>(width, 1)) {}

  void fill(std::string_view paragraph) {
    auto clean = cleaned(paragraph);
    tokenize(clean ? *clean : paragraph, m_tokens);
    bool at_start = true;
    for (const auto& t : m_tokens) {
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
      m_line.append(m_pending_space, ' ');
      m_line_width += m_pending_space;
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
    m_sink(std::string_view(m_line));
    m_line.clear();
    m_line_width = 0;
    m_pending_space = 0;
  }

  Sink& m_sink;
  std::size_t m_width;
  std::string m_line;
  std::size_t m_line_width = 0;
  std::size_t m_pending_space = 0;
  std::vector<token> m_tokens;
};

// Each line of `text` wrapped to `width`, to `sink`: its paragraphs (split at '\n') one after another.
template <typename Sink>
void fill_lines(std::string_view text, std::size_t width, Sink sink) {
  line_filler<Sink> filler(sink, width);
  while (true) {
    auto end = text.find('\n');
    filler.fill(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// The width of `text` when it would come out of line_filler unchanged on one line but for trailing
// spaces: every code point valid and at least one column wide, no tab, control or line break.
std::optional<std::size_t> plain_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII, most of a report: one column unless a control
      if (b < 0x20 || b == 0x7F) return std::nullopt;
      ++width;
      ++i;
      continue;
    }
    if (i + 2 < text.size()) {  // a CJK ideograph (U+4E00..U+9FFF), most of the rest: two columns
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      auto c2 = static_cast<unsigned char>(text[i + 2]);
      bool continued = (c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80;
      if (continued && ((b >= 0xE5 && b <= 0xE9) || (b == 0xE4 && c1 >= 0xB8))) {
        width += 2;
        i += 3;
        continue;
      }
    }
    char32_t c = next_code_point(text, i);
    std::size_t w = char_width(c);
    if (w == 0 || c == replacement) return std::nullopt;  // tabs and controls are 0 wide
    width += w;
  }
  return width;
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  // Most fields of a finding fit on their line as they are: no tokens to make (a large report wraps
  // millions of them).
  if (auto w = plain_width(text); w && *w <= std::max<std::size_t>(width, 1)) return {std::string(trim_right(text))};
  std::vector<std::string> lines;
  fill_lines(text, width, [&](std::string_view line) { lines.emplace_back(line); });
  return lines;
}

void append_wrapped(std::string& out, std::string_view first, std::size_t indent, std::string_view text,
                    std::size_t width) {
  auto available = width > indent ? width - indent : 1;
  std::size_t line_start = 0;
  auto start_line = [&](std::string_view lead) {
    line_start = out.size();
    out += lead;
    auto w = display_width(lead);
    if (w < indent) out.append(indent - w, ' ');
  };
  auto end_line = [&] {
    while (out.size() > line_start && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  // The common field fits on its line: written in place, nothing made.
  if (auto w = plain_width(text); w && *w <= available) {
    start_line(first);
    out += trim_right(text);
    end_line();
    return;
  }
  bool at_first = true;
  fill_lines(text, available, [&](std::string_view line) {
    start_line(at_first ? first : std::string_view());
    at_first = false;
    out += line;
    end_line();
  });
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

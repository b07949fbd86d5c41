// Quote verification: whitespace-insensitive substring search in the cited document.
#include "engine/citations.hpp"
#include "base/language.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace baomi::engine {

namespace {

std::string without_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    // U+3000 IDEOGRAPHIC SPACE (E3 80 80) and U+00A0 NO-BREAK SPACE (C2 A0) are whitespace too.
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

// Text with full-width punctuation mapped to its half-width form, and for each byte of the result
// the offset in `text` of the character it came from. Used for hints only: quotes are matched
// exactly (whitespace aside).
struct normalized {
  std::string text;
  std::vector<std::size_t> from;
};

normalized half_width(std::string_view text) {
  static constexpr std::pair<std::string_view, char> pairs[] = {
      {"（", '('}, {"）", ')'}, {"，", ','}, {"：", ':'}, {"；", ';'}, {"！", '!'}, {"？", '?'},
      {"“", '"'},  {"”", '"'},  {"‘", '\''}, {"’", '\''}, {"［", '['}, {"］", ']'}, {"．", '.'}};
  normalized out;
  for (std::size_t i = 0; i < text.size();) {
    bool mapped = false;
    for (const auto& [wide, narrow] : pairs) {
      if (text.substr(i).starts_with(wide)) {
        out.text += narrow;
        out.from.push_back(i);
        i += wide.size();
        mapped = true;
        break;
      }
    }
    if (!mapped) {
      out.text += text[i];
      out.from.push_back(i);
      ++i;
    }
  }
  return out;
}

std::size_t utf8_start(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

// A note with the passage of `document` (whitespace removed) nearest to `quote`: the same text up to
// full-/half-width punctuation, else the place where the longest beginning of the quote occurs.
std::optional<std::string> nearest_passage(const std::string& document, const std::string& quote) {
  auto doc = half_width(document);
  auto q = half_width(quote);
  if (q.text.empty()) return std::nullopt;
  if (auto at = doc.text.find(q.text); at != std::string::npos) {
    auto begin = doc.from[at];
    auto last = at + q.text.size();
    auto end = last < doc.from.size() ? doc.from[last] : document.size();
    return base::say("来源中有「{}」：只有全角和半角标点不同",
                     "the source has 「{}」: it differs only in full-width and half-width punctuation",
                     document.substr(begin, end - begin));
  }
  // The longest prefix of the quote that occurs (binary search: a prefix of one that occurs occurs).
  std::size_t low = 0, high = q.text.size();
  std::size_t found = std::string::npos;
  while (low < high) {
    auto mid = utf8_start(q.text, (low + high + 1) / 2);
    if (mid <= low) break;
    auto at = doc.text.find(std::string_view(q.text).substr(0, mid));
    if (at != std::string::npos) {
      low = mid;
      found = at;
    } else {
      high = mid - 1;
    }
  }
  if (found == std::string::npos || low < 6) return std::nullopt;  // fewer than two CJK characters
  auto begin = doc.from[found];
  auto last = std::min(found + q.text.size() + 6, doc.from.size());
  auto end = utf8_start(document, last < doc.from.size() ? doc.from[last] : document.size());
  auto agree = doc.from[std::min(found + low, doc.from.size() - 1)];
  return base::say("来源中最接近的段落：「{}」（引文与之一致至「{}」）",
                   "nearest passage in the source: 「{}」 (the quote agrees up to 「{}」)",
                   document.substr(begin, end - begin), document.substr(begin, agree - begin));
}

}  // namespace

std::vector<dsl::diagnostic> verify_citations(const module_set& modules, const std::string& folder) {
  namespace fs = std::filesystem;
  std::map<std::string, std::pair<std::string, std::string>> documents;  // id -> (file name, text)
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file()) continue;
    auto name = entry.path().filename().string();
    auto id = name.substr(0, name.find_first_of("_."));
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    documents[id] = {name, without_whitespace(text.str())};
  }
  std::vector<dsl::diagnostic> out;
  for (const auto& m : modules.modules) {
    for (const auto& decl : m.ast.decls) {
      const auto* rule = std::get_if<dsl::ast::rule_decl>(&decl.node);
      if (!rule) continue;
      for (const auto& c : rule->cites) {
        auto doc = documents.find(c.source);
        if (doc == documents.end()) {
          out.push_back(
              {"E0302",
               dsl::severity::error,
               m.source.path(),
               c.range,
               base::say("`{1}` 中没有来源 `{0}` 的文件", "no document for source `{}` in `{}`", c.source, folder),
               {}});
        } else if (auto quote = without_whitespace(c.quote); doc->second.second.find(quote) == std::string::npos) {
          std::vector<base::note> notes{
              {base::pick("引文须与法规原文完全一致，只允许空白不同",
                          "quotes must be the exact text of the regulation; only whitespace may differ"),
               std::nullopt}};
          if (auto hint = nearest_passage(doc->second.second, quote)) notes.push_back({*hint, std::nullopt});
          out.push_back({"E0301", dsl::severity::error, m.source.path(), c.quote_range,
                         base::say("此引文不在来源 `{}`（{}）中", "this quote does not occur in source `{}` ({})",
                                   c.source, doc->second.first),
                         std::move(notes)});
        }
      }
    }
  }
  return out;
}

}  // namespace baomi::engine

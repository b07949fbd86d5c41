// The quote of a cite in its seed document, whitespace-insensitive, with the text around it.
#include "tools/lsp/seeds.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "base/text.hpp"

namespace baomi::lsp {

namespace {

// The length of the whitespace sequence at byte `i` (ASCII, U+3000, U+00A0), 0 when none.
std::size_t whitespace_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (text.substr(i, 3) == "\xE3\x80\x80") return 3;
  if (text.substr(i, 2) == "\xC2\xA0") return 2;
  return 0;
}

// `text` without whitespace, and for each byte kept its offset in `text`.
std::pair<std::string, std::vector<std::size_t>> compact(std::string_view text) {
  std::pair<std::string, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < text.size();) {
    if (auto n = whitespace_at(text, i)) {
      i += n;
      continue;
    }
    out.first += text[i];
    out.second.push_back(i);
    ++i;
  }
  return out;
}

// Moves `i` back (or forward) over at most `n` code points, stopping at a line break.
std::size_t step_back(std::string_view text, std::size_t i, std::size_t n) {
  while (n > 0 && i > 0 && text[i - 1] != '\n') {
    do --i;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
    --n;
  }
  return i;
}
std::size_t step_forward(std::string_view text, std::size_t i, std::size_t n) {
  while (n > 0 && i < text.size() && text[i] != '\n') {
    base::next_code_point(text, i);
    --n;
  }
  return i;
}

}  // namespace

std::optional<seed_lookup> find_in_seed(const std::string& folder, const std::string& id, const std::string& quote,
                                        std::size_t context_chars) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    auto name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.substr(0, name.find_first_of("_.")) == id && name.ends_with(".txt")) {
      candidates.push_back(entry.path());
    }
  }
  if (candidates.empty()) return std::nullopt;
  std::sort(candidates.begin(), candidates.end());
  std::ifstream in(candidates.front(), std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  seed_lookup result;
  result.file = candidates.front().filename().string();
  auto [haystack, offsets] = compact(text);
  auto needle = compact(quote).first;
  auto at = needle.empty() ? std::string::npos : haystack.find(needle);
  if (at == std::string::npos) return result;
  auto begin = offsets[at];
  auto end = offsets[at + needle.size() - 1] + 1;
  result.found = true;
  result.passage.file = result.file;
  result.passage.line =
      static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(begin), '\n')) + 1;
  auto from = step_back(text, begin, context_chars);
  auto to = step_forward(text, end, context_chars);
  result.passage.context = (from > 0 && text[from - 1] != '\n' ? "…" : "") + text.substr(from, begin - from) + "**" +
                           text.substr(begin, end - begin) + "**" + text.substr(end, to - end) +
                           (to < text.size() && text[to] != '\n' ? "…" : "");
  return result;
}

}  // namespace baomi::lsp

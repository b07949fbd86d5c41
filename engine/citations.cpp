// Quote verification: whitespace-insensitive substring search in the cited document.
#include "engine/citations.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <map>
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
          out.push_back({"E0302",
                         dsl::severity::error,
                         m.source.path(),
                         c.range,
                         fmt::format("no document for source `{}` in `{}`", c.source, folder),
                         {}});
        } else if (doc->second.second.find(without_whitespace(c.quote)) == std::string::npos) {
          out.push_back(
              {"E0301",
               dsl::severity::error,
               m.source.path(),
               c.quote_range,
               fmt::format("this quote does not occur in source `{}` ({})", c.source, doc->second.first),
               {{"quotes must be the exact text of the regulation; only whitespace may differ", std::nullopt}}});
        }
      }
    }
  }
  return out;
}

}  // namespace baomi::engine

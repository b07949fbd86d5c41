// Quoting and UTF-8 clean-up for loader messages.
#include "facts/internal/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/text.hpp"

namespace baomi::facts {

std::string clean_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = base::utf8_sequence_length(text, i);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

std::string backticked(std::string_view name) {
  // Appended piece by piece: `"`" + std::string` draws a false -Wrestrict from GCC 12 at -O3.
  std::string out = "`";
  out += clean_utf8(name);
  out += '`';
  return out;
}

std::string quote(std::string_view text) {
  constexpr std::size_t max_code_points = 80;
  std::size_t cut = base::cut_code_points(text, max_code_points).size();
  std::string shown = clean_utf8(text.substr(0, cut));
  std::string quoted = nlohmann::json(shown).dump();
  if (cut < text.size()) quoted.insert(quoted.size() - 1, "…");
  return quoted;
}

std::string_view closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (auto c : candidates) {
    auto d = base::edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace baomi::facts

// Quoting and UTF-8 clean-up for loader messages.
#include "facts/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace baomi::facts {

namespace {

// Length of the valid UTF-8 sequence at text[i] (RFC 3629), 0 if invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
  unsigned lead = byte(i);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    bool ok = continuation(i + 1) && continuation(i + 2) && !(lead == 0xE0 && byte(i + 1) < 0xA0) &&
              !(lead == 0xED && byte(i + 1) >= 0xA0);
    return ok ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    bool ok = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) &&
              !(lead == 0xF0 && byte(i + 1) < 0x90) && !(lead == 0xF4 && byte(i + 1) >= 0x90);
    return ok ? 4 : 0;
  }
  return 0;
}

}  // namespace

std::string clean_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequence_length(text, i);
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

std::string backticked(std::string_view name) { return "`" + clean_utf8(name) + "`"; }

std::string quote(std::string_view text) {
  constexpr std::size_t max_code_points = 80;
  std::size_t cut = 0;
  std::size_t code_points = 0;
  while (cut < text.size() && code_points < max_code_points) {
    std::size_t n = sequence_length(text, cut);
    cut += n == 0 ? 1 : n;
    ++code_points;
  }
  std::string shown = clean_utf8(text.substr(0, cut));
  std::string quoted = nlohmann::json(shown).dump();
  if (cut < text.size()) quoted.insert(quoted.size() - 1, "…");
  return quoted;
}

}  // namespace baomi::facts

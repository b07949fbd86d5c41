// Seeded random findings for the tests that compare a directly written JSON text with nlohmann's dump:
// strings mixing every escape, controls, multi-byte characters at the edges of UTF-8 and invalid
// sequences; optional fields present or not.
#pragma once

#include <cstdint>
#include <iterator>
#include <random>
#include <string>

#include "engine/findings.hpp"

namespace baomi::testing {

// Pieces random strings are made of: plain text, every escape, controls, the edges of each UTF-8
// length, and sequences nlohmann rejects (overlong, surrogate, past U+10FFFF, cut short, stray bytes).
inline const char* const pieces[] = {"a",
                                     "保密",
                                     " ",
                                     "\"",
                                     "\\",
                                     "/",
                                     "\b",
                                     "\f",
                                     "\n",
                                     "\r",
                                     "\t",
                                     "\x01",
                                     "\x1f",
                                     "\x7f",
                                     "\xc2\x80",
                                     "\xdf\xbf",
                                     "\xe0\xa0\x80",
                                     "\xed\x9f\xbf",
                                     "\xee\x80\x80",
                                     "\xef\xbf\xbf",
                                     "\xf0\x90\x80\x80",
                                     "\xf4\x8f\xbf\xbf",
                                     "\xc0\x80",
                                     "\xc1\xbf",
                                     "\xe0\x80\x80",
                                     "\xed\xa0\x80",
                                     "\xf4\x90\x80\x80",
                                     "\xf5\x80\x80\x80",
                                     "\xff",
                                     "\x80",
                                     "\xe4\xbf",
                                     "\xf0\x9f",
                                     "\xe4",
                                     "😀",
                                     "\xc3",
                                     "é",
                                     "𠀀"};

inline std::string random_text(std::mt19937_64& rng) {
  std::string out;
  auto n = rng() % 6;
  for (std::uint64_t i = 0; i < n; ++i) out += pieces[rng() % std::size(pieces)];
  return out;
}

/// A finding of `rule` (whose id, area and location are made random too) with random strings.
inline engine::finding random_finding(std::mt19937_64& rng, engine::rule_info& rule, int serial) {
  rule.id = random_text(rng);
  rule.location = {rng() % 3 ? random_text(rng) : std::string(), static_cast<std::uint32_t>(rng() % 3),
                   static_cast<std::uint32_t>(rng() % 3)};
  engine::finding f;
  f.rule = &rule;
  f.outcome = static_cast<engine::outcome>(rng() % 6);
  f.severity = static_cast<engine::severity>(rng() % 5);
  f.subject = {random_text(rng),
               random_text(rng),
               random_text(rng),
               random_text(rng),
               static_cast<std::uint32_t>(rng() % 3),
               static_cast<std::uint32_t>(rng() % 3),
               rng() % 4 ? std::string() : random_text(rng)};
  f.message = random_text(rng);
  f.remedy = random_text(rng);
  for (auto k = rng() % 4; k > 0; --k) f.evidence.push_back({random_text(rng), random_text(rng), random_text(rng)});
  if (rng() % 2) f.due = random_text(rng);
  if (rng() % 2) f.days_left = static_cast<std::int32_t>(rng() % 2001) - 1000;
  f.fingerprint = rng() % 5 ? std::to_string(serial) : std::string();
  f.waiver_reason = random_text(rng);
  return f;
}

}  // namespace baomi::testing

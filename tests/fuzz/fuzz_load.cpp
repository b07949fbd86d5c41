// Fuzz target: the snapshot loader on any bytes against the baseline schema. Malformed input gives
// data issues (F0xxx), never a crash. A projected load (load_options::keep, which passes over the
// values it leaves out without tokens) must stop on the same JSON error, at the same place, as the
// full load, or on none.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "facts/issue.hpp"
#include "facts/loader.hpp"
#include "tests/fuzz/baseline.hpp"

namespace {

using namespace baomi;

// Every other collection kept, with its key and every other field; the rest left out.
const facts::load_options& projected() {
  static const facts::load_options options = [] {
    facts::load_options o;
    const auto& entities = fuzz::baseline_program().schema.entities();
    for (std::size_t e = 0; e < entities.size(); ++e) {
      const auto& entity = entities[e];
      std::vector<bool> keep(entity.fields.size(), !entity.collection.has_value());
      if (entity.collection && e % 2 == 0) {
        for (std::size_t f = 0; f < keep.size(); f += 2) keep[f] = true;
        if (auto key = entity.key_field()) keep[*key] = true;
      }
      o.keep.push_back(std::move(keep));
    }
    return o;
  }();
  return options;
}

std::string json_error(const facts::load_result& r) {
  for (const auto& i : r.issues) {
    if (i.code == facts::codes::malformed_json)
      return i.message + " @" + std::to_string(i.range.begin.line) + ":" + std::to_string(i.range.begin.column);
  }
  return r.complete ? "" : "incomplete";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& schema = fuzz::baseline_program().schema;
  auto full = facts::load_snapshot(text, schema, "fuzz.json");
  auto part = facts::load_snapshot(text, schema, "fuzz.json", projected());
  if (json_error(full) != json_error(part)) __builtin_trap();
  return 0;
}

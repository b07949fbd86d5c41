// Fuzz target: the snapshot loader on any bytes against the baseline schema. Malformed input gives
// data issues (F0xxx), never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "facts/loader.hpp"
#include "tests/fuzz/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baomi;
  const auto& schema = fuzz::baseline_program().schema;
  auto loaded = facts::load_snapshot(std::string_view(reinterpret_cast<const char*>(data), size), schema, "fuzz.json");
  (void)loaded;
  return 0;
}

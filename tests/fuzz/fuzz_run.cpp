// Fuzz target: the whole check of a snapshot (any bytes, meant to be a small JSON snapshot) against
// the baseline through engine::run_pipeline, with the example's waivers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/pipeline.hpp"
#include "tests/fuzz/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace baomi;
  const auto& program = fuzz::baseline_program();
  engine::pipeline_options options;
  options.waivers = engine::waiver_source{std::string(BAOMI_SOURCE_DIR) + "/facts/examples/waivers.json", {}};
  auto snapshot =
      engine::snapshot_source::memory(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json", "fuzz.json");
  auto result = engine::run_pipeline(program, snapshot, options);
  (void)result;
  return 0;
}

// Writing a whole synthetic snapshot for the schema found at run time.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "facts/date.hpp"
#include "facts/schema.hpp"

namespace baomi::gen {

struct snapshot_options {
  std::uint64_t people = 1000;
  std::uint64_t seed = 1;
  facts::day_number as_of = 0;
  double carriers_per_person = 3;
};

struct snapshot_stats {
  std::uint64_t bytes = 0;
  std::uint64_t rows = 0;
  std::string counts;  // `people 1000, carriers 3000, …`
  bool ok = true;      // false when a write failed
};

/// Streams a snapshot valid against `schema` to `file`: the known collections from hand-written
/// generators, any other collection and field from its declared types. Same options, same bytes.
snapshot_stats write_snapshot(std::FILE* file, const facts::schema& schema, const snapshot_options& options);

/// The same snapshot as a JSON Lines folder `dir` (which must exist): `snapshot.json` with as_of and
/// org, and one `NAME.jsonl` per collection holding the same rows, one object a line.
snapshot_stats write_snapshot_folder(const std::filesystem::path& dir, const facts::schema& schema,
                                     const snapshot_options& options);

}  // namespace baomi::gen

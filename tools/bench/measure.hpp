// What the benchmark measures with: wall time, the process's memory, and nlohmann's parser alone.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace baomi::bench {

class stopwatch {
 public:
  stopwatch() : m_start(std::chrono::steady_clock::now()) {}
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }

 private:
  std::chrono::steady_clock::time_point m_start;
};

/// The process's resident memory now and at its peak (VmRSS, VmHWM of /proc/self/status), in bytes.
struct memory {
  std::uint64_t rss = 0;
  std::uint64_t peak = 0;
};
memory read_memory();
/// Resets the peak to the current RSS (writes 5 to /proc/self/clear_refs); false when not allowed.
bool reset_peak();

/// The whole file in memory (for the parser baselines only: the loader streams).
std::string read_file(const std::filesystem::path& path);

/// Seconds for nlohmann::json::sax_parse over `text` with a handler that ignores every event: the
/// floor any SAX-based loader stands on. Negative when the text is not valid JSON.
double time_sax_null(std::string_view text);
/// Seconds for nlohmann::json::parse into a DOM (the slow way a loader could be written).
double time_dom(std::string_view text);

}  // namespace baomi::bench

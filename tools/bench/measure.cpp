// Memory from /proc, and the two nlohmann baselines.
#include "tools/bench/measure.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace baomi::bench {

namespace {

// Accepts every event and keeps nothing.
struct null_handler : nlohmann::json_sax<nlohmann::json> {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

std::uint64_t kilobytes_after(const std::string& line) {
  std::istringstream in(line.substr(line.find(':') + 1));
  std::uint64_t kb = 0;
  in >> kb;
  return kb * 1024;
}

}  // namespace

memory read_memory() {
  memory m;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) m.rss = kilobytes_after(line);
    if (line.rfind("VmHWM:", 0) == 0) m.peak = kilobytes_after(line);
  }
  return m;
}

bool reset_peak() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return false;
  bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(std::filesystem::file_size(path), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

double time_sax_null(std::string_view text) {
  null_handler handler;
  stopwatch watch;
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &handler);
  return ok ? watch.seconds() : -1;
}

double time_dom(std::string_view text) {
  stopwatch watch;
  auto document = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  double seconds = watch.seconds();
  return document.is_discarded() ? -1 : seconds;
}

}  // namespace baomi::bench

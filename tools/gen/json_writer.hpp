// A buffered JSON token writer: the generator streams a snapshot of any size through it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "facts/date.hpp"

namespace baomi::gen {

/// Appends JSON tokens to a buffer and writes it out in 1 MiB blocks. Hand-written rather than
/// nlohmann's DOM, which would hold the whole snapshot in memory.
class json_writer {
 public:
  explicit json_writer(std::FILE* file) : m_file(file) { m_buffer.reserve(block + (block >> 2)); }
  json_writer(const json_writer&) = delete;
  json_writer& operator=(const json_writer&) = delete;
  ~json_writer() { flush(); }

  void raw(std::string_view text) {
    m_buffer.append(text);
    if (m_buffer.size() >= block) flush();
  }
  /// A quoted string, escaping what JSON requires.
  void string(std::string_view text);
  void integer(std::int64_t value);
  /// `"YYYY-MM-DD"`.
  void date(facts::day_number day);
  /// Writes the buffer out; false once a write has failed.
  bool flush();
  std::uint64_t bytes_written() const { return m_written + m_buffer.size(); }

  /// Appends to `out` the same text string() writes.
  static void quote(std::string& out, std::string_view text);
  static void append_date(std::string& out, facts::day_number day);
  static void append_integer(std::string& out, std::int64_t value);

 private:
  static constexpr std::size_t block = 1 << 20;
  std::FILE* m_file;
  std::string m_buffer;
  std::uint64_t m_written = 0;
  bool m_failed = false;
};

}  // namespace baomi::gen

// Source text with a line index, and locations whose columns count Unicode code points.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baomi::base {

/// A position in a text file: 1-based line and column, the column counting code points; 0 when
/// unknown (a problem found after parsing, such as a dangling ref in a snapshot).
struct location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend auto operator<=>(const location&, const location&) = default;
};

/// A half-open range [begin, end) in one file, with byte offsets for slicing.
struct source_range {
  location begin;
  location end;
  std::uint32_t begin_offset = 0;
  std::uint32_t end_offset = 0;
  friend bool operator==(const source_range&, const source_range&) = default;
};

/// A range with no position: rendered without `line:col`.
inline constexpr source_range unknown_range{{0, 0}, {0, 0}, 0, 0};

/// The largest text file read whole into memory (a rule file, a fixture, a waivers file): 16 MiB, a
/// hundred times the whole national baseline. Offsets in a source_range are 32-bit.
inline constexpr std::size_t max_text_file_bytes = std::size_t{16} << 20;

/// Why a text file was not read.
enum class read_failure : std::uint8_t { unreadable, too_large };

/// The message for a file not read (English, like the other rule-file diagnostics).
std::string_view describe(read_failure failure);

/// A loaded text file: its path as shown to users, its bytes and the offsets of its lines.
class source_file {
 public:
  source_file(std::string path, std::string text);

  /// Reads a file; returns nullopt if it cannot be read or is larger than max_text_file_bytes
  /// (checked before reading), with the reason in `why` when given.
  static std::optional<source_file> read(const std::string& path, read_failure* why = nullptr);

  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  /// The location of a byte offset (offsets past the end clamp to the end).
  location locate(std::size_t offset) const;
  /// A range between two byte offsets.
  source_range range(std::size_t begin, std::size_t end) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_line_starts.size()); }

  /// The byte offset of the first invalid UTF-8 sequence, if any.
  std::optional<std::size_t> first_invalid_utf8() const;

 private:
  std::string m_path;
  std::string m_text;
  std::vector<std::size_t> m_line_starts;
};

}  // namespace baomi::base

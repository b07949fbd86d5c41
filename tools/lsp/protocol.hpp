// The Language Server Protocol's wire format: JSON-RPC messages framed by a Content-Length header,
// and LSP positions (0-based line, UTF-16 code units) converted to and from byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace baomi::lsp {

/// Why a message could not be read.
enum class read_status { ok, end_of_input, bad_header };

struct read_result {
  read_status status = read_status::ok;
  std::string body;   // the JSON text when ok
  std::string error;  // what was wrong with the header when bad_header
};

/// Reads one framed message: header lines (`Content-Length: N`, others ignored) ended by an empty
/// line, then N bytes. End of input before a header is `end_of_input`; a header without a valid
/// Content-Length, or a body cut short, is `bad_header`.
read_result read_message(std::istream& in);

/// Writes `body` with its Content-Length header, and flushes.
void write_message(std::ostream& out, std::string_view body);

/// An LSP position: 0-based line, and the character offset in UTF-16 code units.
struct position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const position&, const position&) = default;
};

/// The lines of a text, for converting between byte offsets and LSP positions. Lines end at `\n`
/// (a `\r` before it belongs to the terminator); a position past the end of a line clamps to it.
class line_index {
 public:
  explicit line_index(std::string_view text);

  /// The byte offset of `p` in the text (clamped to the line's end and the text's end).
  std::size_t offset_of(position p) const;
  /// The position of byte offset `offset` (clamped to the text's end; inside a UTF-8 sequence it
  /// counts as the sequence's start).
  position position_of(std::size_t offset) const;
  /// The position just past the last character.
  position end() const { return position_of(m_text.size()); }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
  std::size_t line_end(std::size_t line) const;
};

}  // namespace baomi::lsp

// Private to the loader: the snapshot's bytes in a chunked buffer, and byte offsets to line/column.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baomi::facts {

/// Where the token of the current event is: its first byte, and for an object's `{` its line and
/// column. The reader sets it before each event; the handler reads it.
struct token_place {
  std::size_t start = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

/// The bytes of a snapshot for json_lexer: the whole text in memory or a file, read in 1 MiB chunks
/// into one buffer that always ends in NUL padding (so the lexer scans to a sentinel instead of
/// checking the end at every byte). The lexer reads the buffer directly and asks for more with
/// refill(), saying which bytes it still needs; the buffer grows only for a token longer than a chunk.
class json_input {
 public:
  explicit json_input(std::string_view text);
  explicit json_input(std::FILE* file);
  json_input(const json_input&) = delete;
  json_input& operator=(const json_input&) = delete;

  /// Starts over on an in-memory `text` whose first byte is at offset `base` and on line `line` of
  /// its file (one line of a JSON Lines file), reusing the buffer.
  void reset(std::string_view text, std::size_t base, std::size_t line);

  /// Bytes padding the buffer's end; all NUL.
  static constexpr std::size_t padding = 32;

  const char* data_begin() const { return m_begin; }
  const char* data_end() const { return m_end; }
  /// Drops the bytes before `keep` (but keeps a look-back window), reads the next chunk after the
  /// buffered ones and returns where the byte at `keep` now is. When the source is exhausted nothing
  /// is read and data_end() stays. `keep` must lie in [data_begin(), data_end()].
  const char* refill(const char* keep);
  bool exhausted() const { return m_exhausted; }

  /// The offset of a buffered byte, and the byte at an offset (nullptr when not buffered).
  std::size_t offset_of(const char* p) const { return m_base + static_cast<std::size_t>(p - m_begin); }
  const char* at(std::size_t offset) const {
    return offset >= m_base && offset <= offset_of(m_end) ? m_begin + (offset - m_base) : nullptr;
  }

  bool read_failed() const { return m_read_failed; }

  /// 1-based line and code-point column of a buffered byte at or after the previous one asked for
  /// (rows are asked for in text order); (0, 0) otherwise. The lines are counted incrementally over
  /// the bytes between two calls (and over each chunk before it is dropped), so the whole text is
  /// scanned once, with memchr, however many rows it has.
  std::pair<std::size_t, std::size_t> position(std::size_t offset);

 private:
  std::size_t read(char* to, std::size_t max);
  void count_to(const char* p);

  std::FILE* m_file = nullptr;
  std::string_view m_text;  // in-memory source: the bytes not yet copied
  std::vector<char> m_buffer;
  const char* m_begin = nullptr;  // first buffered byte, at offset m_base
  const char* m_end = nullptr;
  std::size_t m_base = 0;
  bool m_exhausted = false;
  bool m_read_failed = false;
  // position(): the line and column of the byte at m_counted (a buffered byte, or m_end).
  const char* m_counted = nullptr;
  std::size_t m_line = 1;
  std::size_t m_column = 1;
};

/// 1-based line and code-point column of byte offsets, computed in one forward pass over a text.
class position_finder {
 public:
  /// `offsets` must be sorted; results come back in the same order.
  explicit position_finder(std::vector<std::size_t> offsets);
  /// Feeds the next chunk of the text; call with consecutive chunks from the start.
  void feed(std::string_view chunk);
  bool done() const { return m_next == m_offsets.size(); }
  /// (line, column) per offset; offsets past the end get the end's position.
  std::vector<std::pair<std::size_t, std::size_t>> finish();

 private:
  std::vector<std::size_t> m_offsets;
  std::vector<std::pair<std::size_t, std::size_t>> m_positions;
  std::size_t m_next = 0;
  std::size_t m_offset = 0;
  std::size_t m_line = 1;
  std::size_t m_column = 1;
};

}  // namespace baomi::facts

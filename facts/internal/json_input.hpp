// Private to the loader: JSON bytes fed to nlohmann in chunks, with the byte offset kept for positions.
#pragma once

#include <cstddef>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baomi::facts {

/// The kind of the token just read, to find where it started.
enum class token_shape { string, number, literal, bracket };

/// A byte source for nlohmann's iterator input adapter: the whole text in memory, or a file read in
/// chunks. Hand-written because nlohmann's own adapters hide the read position, and the loader needs
/// it to give line and column for every problem (nlohmann 3.11 has no positions for SAX events).
class json_input {
 public:
  explicit json_input(std::string_view text);
  explicit json_input(std::FILE* file);

  /// An input iterator over the bytes. It keeps its own pointer (the lexer reads through it for every
  /// byte) and publishes it to the input after each step, so that offset() is right whenever the
  /// parser calls the handler.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    iterator() = default;
    explicit iterator(json_input* in) : m_pos(in->m_pos), m_end(in->m_end), m_in(in) {}
    const char& operator*() const { return *m_pos; }
    iterator& operator++() {
      m_in->m_pos = ++m_pos;
      if (m_pos == m_end) {
        m_in->refill();
        m_pos = m_in->m_pos;
        m_end = m_in->m_end;
      }
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    // Equal when at the same byte or both at the end (the default-constructed sentinel always is).
    friend bool operator==(const iterator& a, const iterator& b) {
      return a.m_pos == b.m_pos || (a.m_pos == a.m_end && b.m_pos == b.m_end);
    }

   private:
    const char* m_pos = nullptr;
    const char* m_end = nullptr;
    json_input* m_in = nullptr;
  };

  iterator begin() { return iterator(this); }
  iterator end() { return iterator(); }

  /// Bytes consumed so far.
  std::size_t offset() const { return m_base + static_cast<std::size_t>(m_pos - m_begin); }
  /// The offset where the token just read began, found by scanning back from the read position. Falls
  /// back to the position of the token's last byte if its start is no longer buffered.
  std::size_t token_start(token_shape shape) const;
  bool read_failed() const { return m_read_failed; }

  /// 1-based line and code-point column of a buffered byte at or after the previous one asked for
  /// (rows are asked for in text order); (0, 0) otherwise. The lines are counted incrementally over
  /// the bytes between two calls (and over each chunk before it is dropped), so the whole text is
  /// scanned once, with memchr, however many rows it has.
  std::pair<std::size_t, std::size_t> position(std::size_t offset);

 private:
  void refill();
  void count_to(const char* p);

  std::FILE* m_file = nullptr;
  std::vector<char> m_buffer;
  const char* m_begin = nullptr;  // first buffered byte, at offset m_base
  const char* m_pos = nullptr;
  const char* m_end = nullptr;
  std::size_t m_base = 0;
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

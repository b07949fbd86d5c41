// The two-thread load: a reader thread fills blocks of events, the loading thread replays them.
#include "facts/internal/json_pipeline.hpp"

#include <atomic>
#include <bit>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "facts/internal/json_reader.hpp"
#include "facts/internal/jsonl_reader.hpp"
#include "facts/internal/projection_filter.hpp"
#include "facts/internal/snapshot_handler.hpp"

namespace baomi::facts {

namespace {

enum class event_kind : std::uint8_t {
  null,
  is_false,
  is_true,
  integer,
  unsigned_integer,
  floating,
  string,
  key,
  start_object,
  end_object,
  start_array,
  end_array,
  error
};

struct event {
  event_kind kind = event_kind::null;
  std::uint32_t length = 0;  // of the text, at `text` in the block's texts
  std::size_t start = 0;     // the token's first byte
  std::size_t text = 0;
  std::uint64_t value = 0;  // the number's bits; an object's line; an error's offset
  std::size_t column = 0;   // an object's column
};

struct block {
  std::vector<event> events;
  std::string texts;
  bool last = false;    // the reader has finished
  bool result = false;  // then: what read_json returned
  std::exception_ptr failure;
};

constexpr std::size_t block_events = 1 << 14;
constexpr std::size_t block_text = 1 << 20;
constexpr std::size_t blocks_in_flight = 4;

// Full blocks from the reader to the loader, and empty ones back.
class channel {
 public:
  std::unique_ptr<block> take_empty() {
    std::lock_guard lock(m_mutex);
    if (m_empty.empty()) return std::make_unique<block>();
    auto b = std::move(m_empty.back());
    m_empty.pop_back();
    return b;
  }
  void give_back(std::unique_ptr<block> b) {
    b->events.clear();
    b->texts.clear();
    std::lock_guard lock(m_mutex);
    m_empty.push_back(std::move(b));
  }
  // Waits while the loader is `blocks_in_flight` blocks behind; drops the block once stopped.
  void push(std::unique_ptr<block> b) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_full.size() < blocks_in_flight || m_stopped; });
    if (m_stopped) return;
    m_full.push_back(std::move(b));
    m_changed.notify_all();
  }
  std::unique_ptr<block> pop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_full.empty(); });
    auto b = std::move(m_full.front());
    m_full.pop_front();
    m_changed.notify_all();
    return b;
  }
  void stop() {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_flag.store(true, std::memory_order_relaxed);
    m_changed.notify_all();
  }
  bool stopped() const { return m_flag.load(std::memory_order_relaxed); }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::unique_ptr<block>> m_full;
  std::vector<std::unique_ptr<block>> m_empty;
  bool m_stopped = false;
  std::atomic<bool> m_flag{false};
};

// The reader thread's handler: every event into the current block.
struct recorder {
  channel& out;
  const token_place& place;
  std::unique_ptr<block> current;

  bool add(event_kind k, std::uint64_t value = 0) {
    current->events.push_back({k, 0, place.start, 0, value, 0});
    return current->events.size() < block_events || flush();
  }
  bool add(event_kind k, std::string_view text, std::uint64_t value = 0) {
    current->events.push_back(
        {k, static_cast<std::uint32_t>(text.size()), place.start, current->texts.size(), value, 0});
    current->texts.append(text);
    return (current->events.size() < block_events && current->texts.size() < block_text) || flush();
  }
  bool flush() {
    out.push(std::move(current));
    current = out.take_empty();
    return !out.stopped();
  }

  bool null() { return add(event_kind::null); }
  bool boolean(bool v) { return add(v ? event_kind::is_true : event_kind::is_false); }
  bool number_integer(std::int64_t v) { return add(event_kind::integer, static_cast<std::uint64_t>(v)); }
  bool number_unsigned(std::uint64_t v) { return add(event_kind::unsigned_integer, v); }
  bool number_float(double v, std::string_view text) {
    return add(event_kind::floating, text, std::bit_cast<std::uint64_t>(v));
  }
  bool string(std::string_view v) { return add(event_kind::string, v); }
  bool key(std::string_view v) { return add(event_kind::key, v); }
  bool start_object() {
    current->events.push_back({event_kind::start_object, 0, place.start, 0, place.line, place.column});
    return current->events.size() < block_events || flush();
  }
  bool end_object() { return add(event_kind::end_object); }
  bool start_array() { return add(event_kind::start_array); }
  bool end_array() { return add(event_kind::end_array); }
  bool parse_error(std::size_t offset, const std::string& message) {
    add(event_kind::error, message, offset);
    return false;
  }
};

// One event into the handler; false when the handler stops the load.
bool replay(const block& b, const event& e, snapshot_handler& handler, token_place& place) {
  place.start = e.start;
  std::string_view text(b.texts.data() + e.text, e.length);
  switch (e.kind) {
    case event_kind::null:
      return handler.null();
    case event_kind::is_false:
      return handler.boolean(false);
    case event_kind::is_true:
      return handler.boolean(true);
    case event_kind::integer:
      return handler.number_integer(static_cast<std::int64_t>(e.value));
    case event_kind::unsigned_integer:
      return handler.number_unsigned(e.value);
    case event_kind::floating:
      return handler.number_float(std::bit_cast<double>(e.value), text);
    case event_kind::string:
      return handler.string(text);
    case event_kind::key:
      return handler.key(text);
    case event_kind::start_object:
      place.line = e.value;
      place.column = e.column;
      return handler.start_object();
    case event_kind::end_object:
      return handler.end_object();
    case event_kind::start_array:
      return handler.start_array();
    case event_kind::end_array:
      return handler.end_array();
    case event_kind::error:
      return handler.parse_error(e.value, std::string(text));
  }
  return false;
}

// Runs `read(recorder&, token_place&)` on a thread of its own and replays its events into `handler`.
template <typename Read>
bool pipelined(Read read, snapshot_handler& handler, token_place& place) {
  channel blocks;
  std::thread reader([&] {
    token_place read_place;
    recorder r{blocks, read_place, blocks.take_empty()};
    try {
      r.current->result = read(r, read_place);
    } catch (...) {
      r.current->failure = std::current_exception();
    }
    r.current->last = true;
    blocks.push(std::move(r.current));
  });
  bool result = false;
  try {
    for (;;) {
      auto b = blocks.pop();
      if (b->failure) std::rethrow_exception(b->failure);
      bool going = true;
      for (const event& e : b->events) {
        if (!replay(*b, e, handler, place)) {
          going = false;
          break;
        }
      }
      if (!going || b->last) {
        result = going && b->result;
        break;
      }
      blocks.give_back(std::move(b));
    }
  } catch (...) {
    blocks.stop();
    reader.join();
    throw;
  }
  blocks.stop();
  reader.join();
  return result;
}

}  // namespace

bool read_json_pipelined(json_input& input, snapshot_handler& handler, token_place& place) {
  return pipelined(
      [&](recorder& r, token_place& p) {
        return read_projected(r, handler.fields().schema, handler.fields().keep,
                              [&](auto& h) { return read_json(input, h, p); });
      },
      handler, place);
}

bool read_jsonl_pipelined(jsonl_source& source, snapshot_handler& handler, token_place& place) {
  return pipelined(
      [&](recorder& r, token_place& p) {
        return read_projected(r, handler.fields().schema, handler.fields().keep,
                              [&](auto& h) { return read_jsonl(source, h, p); });
      },
      handler, place);
}

}  // namespace baomi::facts

// Private to the loader: what load_options::keep leaves out never reaches the handler as events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/internal/field_lookup.hpp"
#include "facts/schema.hpp"

namespace baomi::facts {

/// Passes read_json's events on to `Inner` (the snapshot handler, or the reader thread's recorder),
/// except those of what load_options::keep leaves out: a collection none of whose fields is kept, and
/// in a kept collection's rows the fields not kept, names and values. A parse error inside one still
/// goes through, after the name it is under, so the handler places it there as in a full load.
/// Unknown names are not filtered: the handler reports them. With an empty `keep`, every event goes
/// through.
template <typename Inner>
class projection_filter {
 public:
  projection_filter(Inner& inner, const schema& s, const std::vector<std::vector<bool>>& keep)
      : m_inner(inner), m_schema(s), m_keep(keep) {
    for (const auto& fields : keep) {
      bool any = false;
      for (bool f : fields) any = any || f;
      m_collection_kept.push_back(any);
    }
  }

  bool null() { return m_skip ? scalar() : m_inner.null(); }
  bool boolean(bool v) { return m_skip ? scalar() : m_inner.boolean(v); }
  bool number_integer(std::int64_t v) { return m_skip ? scalar() : m_inner.number_integer(v); }
  bool number_unsigned(std::uint64_t v) { return m_skip ? scalar() : m_inner.number_unsigned(v); }
  bool number_float(double v, std::string_view text) { return m_skip ? scalar() : m_inner.number_float(v, text); }
  bool string(std::string_view v) { return m_skip ? scalar() : m_inner.string(v); }
  bool key(std::string_view name) {
    if (m_skip) return true;
    m_after_skip = false;
    if (m_open.size() == 1) {
      m_rows = std::nullopt;
      if (auto entity = m_schema.find_collection(name)) {
        if (!m_collection_kept[*entity]) return pass_over(*m_schema.entity_at(*entity).collection);
        m_rows = *entity;
      }
    } else if (m_rows && m_open.size() == 3 && m_open[1] == '[' && m_open[2] == '{') {
      const auto& row_type = m_schema.entity_at(*m_rows);
      auto f = find_field(row_type, name, m_field_hint);
      if (f) m_field_hint = *f + 1;
      if (f && !m_keep[*m_rows][*f]) return pass_over(row_type.fields[*f].name);
    }
    return m_inner.key(name);
  }
  bool start_object() { return m_skip ? open() : (m_open.push_back('{'), m_inner.start_object()); }
  bool start_array() {
    if (m_skip) return open();
    m_field_hint = 0;
    m_open.push_back('[');
    return m_inner.start_array();
  }
  bool end_object() { return m_skip ? close() : (after_skip_ends(), m_open.pop_back(), m_inner.end_object()); }
  bool end_array() { return m_skip ? close() : (after_skip_ends(), m_open.pop_back(), m_inner.end_array()); }
  /// read_json's pass-over: the value about to be read is left out, and was passed over whole.
  bool skips_values() const { return m_skip; }
  bool skipped_value() { return scalar(); }
  bool parse_error(std::size_t offset, const std::string& message) {
    // Inside the value left out, or right after it: the handler then knows where the error is.
    if (m_skip || m_after_skip) m_inner.key(m_skipped_name);
    return m_inner.parse_error(offset, message);
  }

 private:
  // Leaves out the value that follows, and `name` (the schema's spelling) before it.
  bool pass_over(std::string_view name) {
    m_skip = true;
    m_skip_depth = 0;
    m_skipped_name = name;
    return true;
  }
  bool scalar() { return m_skip_depth > 0 || end_skip(); }
  bool open() {
    ++m_skip_depth;
    return true;
  }
  bool close() { return --m_skip_depth > 0 || end_skip(); }
  bool end_skip() {
    m_skip = false;
    m_after_skip = true;
    return true;
  }
  void after_skip_ends() { m_after_skip = false; }
  Inner& m_inner;
  const schema& m_schema;
  const std::vector<std::vector<bool>>& m_keep;
  std::vector<bool> m_collection_kept;
  std::vector<char> m_open;             // the containers open around the event: '{' or '['
  std::optional<std::uint32_t> m_rows;  // the kept collection whose array is open at depth 2
  std::uint32_t m_field_hint = 0;
  bool m_skip = false;
  bool m_after_skip = false;  // the last value was left out, and no event has gone through since
  std::uint32_t m_skip_depth = 0;
  std::string_view m_skipped_name;  // in the schema
};

/// Runs `read(h)` with `h` the handler, behind a projection_filter when `keep` leaves anything out.
template <typename Handler, typename Read>
bool read_projected(Handler& handler, const schema& s, const std::vector<std::vector<bool>>& keep, Read read) {
  if (keep.empty()) return read(handler);
  projection_filter<Handler> filter(handler, s, keep);
  return read(filter);
}

}  // namespace baomi::facts

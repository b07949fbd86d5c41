// Private to the loader: the SAX-style handler that writes a snapshot into the store's columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/internal/issue_sink.hpp"
#include "facts/internal/json_input.hpp"
#include "facts/internal/sax_value.hpp"
#include "facts/loader.hpp"
#include "facts/store.hpp"

namespace baomi::facts {

/// Follows the snapshot's nesting with a stack of frames. Each value lands in the cell the schema gives
/// it; anything else is reported and skipped, never kept as a DOM. The only allocations while loading
/// are the columns' and the string pool's growth.
class snapshot_handler {
 public:
  /// From `options`: the rows per collection before the load stops (F0110), the bytes of one string
  /// value before it is refused (F0209), and the fields to keep.
  snapshot_handler(store& out, const token_place& place, issue_sink& issues, const load_options& options);

  // The events of read_json (json_reader.hpp).
  bool null();
  bool boolean(bool value);
  bool number_integer(std::int64_t value);
  bool number_unsigned(std::uint64_t value);
  bool number_float(double value, std::string_view text);
  bool string(std::string_view value);
  bool start_object();
  bool key(std::string_view name);
  bool end_object();
  bool start_array();
  bool end_array();
  /// A malformed document: `offset` is the byte where the reader stopped.
  bool parse_error(std::size_t offset, const std::string& message);

  /// Reports what only the end can tell (a missing `as_of`).
  void finish();
  bool failed() const { return m_failed; }

  /// The schema and load_options::keep: what a projection_filter in front of this handler needs.
  struct field_selection {
    const facts::schema& schema;
    const std::vector<std::vector<bool>>& keep;
  };
  field_selection fields() const { return {m_schema, m_keep}; }

  using scalar = sax_scalar;
  /// A cell to write: a row's field or a container's element.
  struct target {
    column* col = nullptr;
    std::uint32_t cell = 0;
    bool row_field = false;  // a null in a required row field is reported when the row ends
    record_parent parent;    // where a record opened here would sit
  };

 private:
  enum class frame_kind : std::uint8_t { document, collection, entity, list, map, skip, capture };
  enum class member : std::uint8_t { none, as_of, org, schema_uri, collection };
  struct frame {
    explicit frame(frame_kind k) : kind(k) {}
    frame_kind kind;
    member what = member::none;  // document: the member being read
    std::uint32_t table = 0;     // collection, entity
    std::uint32_t row = 0;       // entity
    std::uint32_t field = 0;     // entity: the field being read (valid while `has_field`)
    bool has_field = false;
    column* col = nullptr;  // list, map: the column whose cell gets the span
    std::uint32_t cell = 0;
    std::uint32_t first = 0;      // list, map: first element cell
    std::uint32_t count = 0;      // collection, list, map: elements so far
    std::uint32_t seen_base = 0;  // entity: its fields' seen flags in m_seen
    std::uint32_t depth = 0;      // skip, capture: open containers inside
    std::size_t start = 0;        // byte offset of the opening bracket
    std::string key;              // document: member name; map: current key
  };

  bool on_scalar(const scalar& v);
  bool on_container(bool is_object);
  bool skip_pending(bool is_container);
  void document_key(frame& top, std::string_view name);
  void document_value(const scalar* v, bool is_object);
  target next_target();
  void write(const target& t, const scalar& v);
  void write_string(const target& t, const scalar& v);
  void open_container(const target& t, bool is_object);
  void open_row(frame& collection);
  void close_row(const frame& row);
  void close_list(const frame& list);
  void check_key(const frame& row);
  void index_key(std::uint32_t table, std::uint32_t row, std::size_t start, std::uint32_t key_id);
  // A field load_options::keep leaves out never reaches the handler (projection_filter), but its
  // absence is not a missing required field.
  bool kept(std::uint32_t entity, std::uint32_t field) const { return m_keep.empty() || m_keep[entity][field]; }
  void defer(column* col, std::uint32_t cell, std::string_view text);
  void flush_strings();
  void entity_key(frame& top, std::string_view name);
  void map_key(frame& top, std::string_view name);
  void org_separator();
  void org_open(char bracket);
  void org_close(char bracket);
  void org_key(std::string_view name);
  void org_value(std::string_view json_text);

  void fail(const target& t, std::string_view code, std::string_view raw, std::size_t offset, std::string message);
  void wrong_type(const target& t, const scalar& v);
  void report(std::string_view code, std::string pointer, std::optional<std::size_t> offset, std::string message);
  std::string pointer_to(std::size_t frame_count) const;
  std::string pointer_here() const { return pointer_to(m_frames.size()); }
  std::size_t start_of(const scalar& v) const;
  std::string expected(const facts::type& t) const;

  store& m_store;
  const schema& m_schema;
  string_pool& m_strings;
  const token_place& m_place;
  issue_sink& m_issues;
  std::size_t m_max_rows;
  std::size_t m_max_string;
  const std::vector<std::vector<bool>>& m_keep;  // load_options::keep
  std::vector<frame> m_frames;
  std::vector<std::optional<std::uint32_t>> m_key_fields;  // per entity: its key field (a search by name)
  std::vector<std::uint8_t> m_seen;                        // per open entity frame: which fields appeared
  std::vector<bool> m_members_seen;                        // per collection entity, and as_of/org after them
  std::vector<bool> m_exported;                            // per collection entity: given as an array
  bool m_skip_next = false;                                // the next value belongs to an unknown or repeated member
  bool m_saw_document = false;
  bool m_saw_as_of = false;
  bool m_saw_member = false;  // a top-level member other than as_of, org and $schema
  bool m_saw_org = false;
  bool m_failed = false;
  std::string m_org;
  std::vector<bool> m_org_first;  // capture: whether the open container has no member yet
  bool m_org_after_key = false;

  // Strings are interned in batches (string_pool::intern_all overlaps their cache misses). Until its
  // batch is flushed a cell holds a placeholder id, and the key checks of the rows wait with it.
  struct deferred {
    column* col = nullptr;  // the cell to set; null for a row's key check
    std::uint32_t cell = 0;
    std::uint32_t offset = 0;  // the text in m_deferred_text; length npos when the key is in its cell
    std::uint32_t length = 0;
    std::uint32_t table = 0;  // key check: the row to index
    std::uint32_t row = 0;
    std::size_t start = 0;  // key check: where the row starts, for a duplicate's position
  };
  static constexpr std::uint32_t text_in_cell = 0xFFFFFFFF;
  std::vector<deferred> m_deferred;
  std::string m_deferred_text;
  std::vector<std::string_view> m_batch_texts;
  std::vector<std::uint32_t> m_batch_ids;
};

}  // namespace baomi::facts

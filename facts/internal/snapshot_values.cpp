// The SAX handler's typed writes: each value lands in its cell as the schema types it, or is invalid.
#include "base/language.hpp"
#include "facts/internal/snapshot_handler.hpp"

#include <limits>

#include <fmt/format.h>

#include "facts/internal/loader_access.hpp"
#include "facts/internal/text.hpp"

namespace baomi::facts {

// ---- values ----

void snapshot_handler::write(const target& t, const scalar& v) {
  const facts::type& type = t.col->type();
  if (v.what == scalar::kind::null) {
    if (type.optional || t.row_field) return;  // a required row field is reported when the row ends
    return fail(
        t, codes::wrong_type, "null", start_of(v),
        base::say("类型错误: 应为 {}，实为 null", "wrong type: expected {}, found null", backticked(expected(type))));
  }
  if (v.what == scalar::kind::string) return write_string(t, v);
  switch (type.kind) {
    case type_kind::integer:
      if (v.what == scalar::kind::integer) return t.col->set_integer(t.cell, v.integer);
      if (v.what == scalar::kind::big_unsigned) {
        return fail(t, codes::integer_out_of_range, raw_text(v), start_of(v),
                    base::say("整数超出范围: {}", "integer out of range: {}", raw_text(v)));
      }
      break;
    case type_kind::number:
      if (v.what == scalar::kind::integer) return t.col->set_number(t.cell, static_cast<double>(v.integer));
      if (v.what == scalar::kind::big_unsigned) return t.col->set_number(t.cell, static_cast<double>(v.big));
      if (v.what == scalar::kind::number) return t.col->set_number(t.cell, v.number);
      break;
    case type_kind::boolean:
      if (v.what == scalar::kind::boolean) return t.col->set_u32(t.cell, v.boolean ? 1 : 0);
      break;
    case type_kind::ref: {
      const entity_type& target_type = m_schema.entity_at(type.target);
      auto key = m_key_fields[type.target];
      bool integer_key = key && target_type.fields[*key].type.kind == type_kind::integer;
      // Until refs are resolved the cell holds the key's string id; integer keys are written in decimal.
      if (integer_key && v.what == scalar::kind::integer) return defer(t.col, t.cell, decimal(v.integer));
      break;
    }
    default:
      break;
  }
  wrong_type(t, v);
}

void snapshot_handler::write_string(const target& t, const scalar& v) {
  const facts::type& type = t.col->type();
  if (v.text.size() > m_max_string) {
    std::size_t kept = std::min<std::size_t>(64, v.text.size());  // the start, cut at a character boundary
    while (kept > 0 && kept < v.text.size() && (static_cast<unsigned char>(v.text[kept]) & 0xC0) == 0x80) --kept;
    return fail(
        t, codes::string_too_long, std::string_view(v.text).substr(0, kept), start_of(v),
        base::say("字符串长 {} 字节，超过 {} 字节的上限，未读入；确需更长时用 --max-string 放宽",
                  "string of {} bytes, over the limit of {} bytes; not read (raise it with --max-string if needed)",
                  v.text.size(), m_max_string));
  }
  switch (type.kind) {
    case type_kind::string:
      return defer(t.col, t.cell, v.text);
    case type_kind::date:
      if (auto day = parse_date(v.text)) return t.col->set_date(t.cell, *day);
      return fail(t, codes::invalid_date, v.text, start_of(v),
                  base::say("日期无效: {}（应为 YYYY-MM-DD）", "invalid date: {} (write YYYY-MM-DD)", quote(v.text)));
    case type_kind::duration:
      if (auto d = parse_duration(v.text)) return t.col->set_duration(t.cell, *d);
      return fail(t, codes::invalid_duration, v.text, start_of(v),
                  base::say("时长无效: {}（应如 10d、2w、6mo、3y、5wd）",
                            "invalid duration: {} (such as 10d, 2w, 6mo, 3y, 5wd)", quote(v.text)));
    case type_kind::boolean:
      // Like enums by their labels: exporters from Chinese systems write 是/否.
      if (v.text == "是" || v.text == "true") return t.col->set_u32(t.cell, 1);
      if (v.text == "否" || v.text == "false") return t.col->set_u32(t.cell, 0);
      break;
    case type_kind::enumeration: {
      const enum_type& e = m_schema.enum_at(type.target);
      if (auto index = e.find(v.text)) return t.col->set_u32(t.cell, *index);
      return fail(t, codes::unknown_enum_value, v.text, start_of(v),
                  base::say("枚举值无效: {}（{} 可取 {}）", "invalid enum value: {} ({} takes {})", quote(v.text),
                            backticked(e.name), enum_choices(e)));
    }
    case type_kind::ref: {
      const entity_type& target_type = m_schema.entity_at(type.target);
      auto key = m_key_fields[type.target];
      if (key && target_type.fields[*key].type.kind == type_kind::string) {
        return defer(t.col, t.cell, v.text);
      }
      break;
    }
    default:
      break;
  }
  wrong_type(t, v);
}

void snapshot_handler::open_container(const target& t, bool is_object) {
  type_kind kind = t.col->kind();
  std::size_t start = m_place.start;
  if (is_object && kind == type_kind::record) {
    std::uint32_t record_type = t.col->type().target;
    table& records = loader_access::table_at(m_store, record_type);
    frame row(frame_kind::entity);
    row.table = record_type;
    row.row = loader_access::append_row(records, 0, t.parent);
    row.field = std::numeric_limits<std::uint32_t>::max();
    row.seen_base = static_cast<std::uint32_t>(m_seen.size());
    row.start = start;
    t.col->set_u32(t.cell, row.row);
    m_seen.resize(m_seen.size() + records.type().fields.size(), 0);
    m_frames.push_back(std::move(row));
  } else if (is_object ? kind == type_kind::map : kind == type_kind::list || kind == type_kind::range) {
    frame container(is_object ? frame_kind::map : frame_kind::list);
    container.col = t.col;
    container.cell = t.cell;
    container.first = t.col->elements().size();
    container.start = start;
    m_frames.push_back(std::move(container));
  } else {
    std::string_view found = is_object ? base::pick("对象", "an object") : base::pick("数组", "an array");
    fail(t, codes::wrong_type, is_object ? "{…}" : "[…]", start,
         base::say("类型错误: 应为 {}，实为{}", "wrong type: expected {}, found {}",
                   backticked(expected(t.col->type())), found));
    m_frames.emplace_back(frame_kind::skip);
  }
}

void snapshot_handler::map_key(frame& top, std::string_view name) {
  column& keys = top.col->mutable_elements();
  std::uint32_t cell = keys.append_null();
  ++top.count;
  top.key = name;
  if (keys.kind() != type_kind::enumeration) return keys.set_u32(cell, m_strings.intern(name));
  const enum_type& e = m_schema.enum_at(keys.type().target);
  if (auto index = e.find(name)) {
    keys.set_u32(cell, *index);
    // A pointer into the map must name the key as written, which may be the label.
    if (e.values[*index].symbol != name) keys.keep_text(cell, m_strings.intern(name));
    return;
  }
  keys.set_invalid(cell, m_strings.intern(name), codes::unknown_enum_value);
  report(codes::unknown_enum_value, pointer_here(), m_place.start,
         base::say("枚举值无效: {}（{} 可取 {}）", "invalid enum value: {} ({} takes {})", quote(name),
                   backticked(e.name), enum_choices(e)));
}

void snapshot_handler::close_list(const frame& list) {
  if (list.col->kind() == type_kind::range && list.count != 2) {
    std::string pointer = pointer_to(m_frames.size() - 1);
    report(codes::malformed_range, pointer, list.start,
           base::say("区间应为两个元素的数组 [下限, 上限]，实有 {} 个元素",
                     "a range is an array of two elements [low, high]; this one has {}", list.count));
    list.col->set_invalid(list.cell, m_strings.intern("[…]"), codes::malformed_range);
    return;
  }
  list.col->set_span(list.cell, {list.first, list.count});
}

}  // namespace baomi::facts

// The SAX handler's document members, rows (required fields, keys) and the captured `org`.
#include "base/language.hpp"
#include "facts/internal/snapshot_handler.hpp"

#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "facts/internal/field_lookup.hpp"
#include "facts/internal/loader_access.hpp"
#include "facts/internal/text.hpp"
#include "facts/pointer.hpp"

namespace baomi::facts {

// ---- the document ----

void snapshot_handler::document_key(frame& top, std::string_view name) {
  top.key = name;
  top.what = member::none;
  auto repeated = [&] {
    std::string pointer;
    append_pointer_token(pointer, name);
    report(codes::duplicate_member, pointer, m_place.start,
           base::say("顶层成员 {} 重复出现，后出现的被忽略",
                     "top-level member {} appears twice; the later one is ignored", backticked(name)));
    m_skip_next = true;
  };
  if (name == "as_of" || name == "org") {
    bool& seen = name == "as_of" ? m_saw_as_of : m_saw_org;
    if (seen) return repeated();
    seen = true;
    top.what = name == "as_of" ? member::as_of : member::org;
  } else if (name == "$schema") {
    top.what = member::schema_uri;
  } else if (auto entity = m_schema.find_collection(name)) {
    m_saw_member = true;
    if (m_members_seen[*entity]) return repeated();
    m_members_seen[*entity] = true;
    top.what = member::collection;
    top.table = *entity;
  } else {
    m_saw_member = true;
    std::string pointer;
    append_pointer_token(pointer, name);
    std::vector<std::string_view> names{"as_of", "org"};
    for (const auto& e : m_schema.entities()) {
      if (e.collection) names.push_back(*e.collection);
    }
    auto guess = closest_name(name, names);
    report(codes::unknown_collection, pointer, m_place.start,
           guess.empty() ? base::say("未知的集合 {}，其内容被忽略", "unknown collection {}; its content is ignored",
                                     backticked(name))
                         : base::say("未知的集合 {}，其内容被忽略；是否应为 {}？",
                                     "unknown collection {}; its content is ignored; did you mean {}?",
                                     backticked(name), backticked(guess)));
    m_skip_next = true;
  }
}

void snapshot_handler::document_value(const scalar* v, bool is_object) {
  frame& top = m_frames.back();
  std::size_t start = v ? start_of(*v) : m_place.start;
  std::string found = v           ? fmt::format("{} {}", json_kind(v->what), shown(*v))
                      : is_object ? std::string(base::pick("对象", "an object"))
                                  : std::string(base::pick("数组", "an array"));
  bool skip_container = v == nullptr;
  switch (top.what) {
    case member::as_of:
      if (auto day = v && v->what == scalar::kind::string ? parse_date(v->text) : std::nullopt) {
        loader_access::set_as_of(m_store, *day);
      } else {
        report(codes::invalid_as_of, "/as_of", start,
               base::say("as_of 应为 YYYY-MM-DD 格式的有效日期，实为{}",
                         "as_of must be a valid date written YYYY-MM-DD, found {}", found));
      }
      break;
    case member::org:
      if (v) {
        loader_access::set_org(m_store, json_text(*v));
        break;
      }
      m_org.clear();
      m_org_first.clear();
      m_org_after_key = false;
      org_open(is_object ? '{' : '[');
      m_frames.emplace_back(frame_kind::capture);
      skip_container = false;
      break;
    case member::collection:
      if (!v && !is_object) {
        m_exported[top.table] = true;
        frame list(frame_kind::collection);
        list.table = top.table;
        list.key = top.key;
        m_frames.push_back(std::move(list));
        skip_container = false;
        break;
      }
      report(codes::collection_not_array, pointer_here(), start,
             base::say("集合 {} 应为数组，实为{}", "collection {} must be an array, found {}", backticked(top.key),
                       found));
      break;
    default:
      break;
  }
  if (skip_container) m_frames.emplace_back(frame_kind::skip);
}

// ---- rows ----

void snapshot_handler::open_row(frame& collection) {
  table& t = loader_access::table_at(m_store, collection.table);
  frame row(frame_kind::entity);
  row.table = collection.table;
  row.row = loader_access::append_row(t, collection.count++, {}, m_keep.empty() ? nullptr : &m_keep[collection.table]);
  row.field = std::numeric_limits<std::uint32_t>::max();  // so that the first field hint is 0
  row.seen_base = static_cast<std::uint32_t>(m_seen.size());
  row.start = m_place.start;
  loader_access::set_position(t, row.row, m_place.line, m_place.column);
  m_seen.resize(m_seen.size() + t.type().fields.size(), 0);
  m_frames.push_back(std::move(row));
}

void snapshot_handler::entity_key(frame& top, std::string_view name) {
  const entity_type& e = m_schema.entity_at(top.table);
  top.has_field = false;
  auto field = find_field(e, name, top.field + 1);
  if (!field || m_seen[top.seen_base + *field]) {
    std::string pointer = pointer_to(m_frames.size());
    append_pointer_token(pointer, name);
    if (field) {
      report(codes::duplicate_field, pointer, m_place.start,
             base::say("字段 {} 重复出现，保留第一个值", "field {} appears twice; the first value is kept",
                       backticked(name)));
    } else {
      report(codes::unknown_field, pointer, m_place.start,
             base::say("未知字段 {}（{} 没有此字段），其值被忽略",
                       "unknown field {} ({} has no such field); its value is ignored", backticked(name),
                       backticked(e.name)));
    }
    m_skip_next = true;
    return;
  }
  m_seen[top.seen_base + *field] = 1;
  top.field = *field;
  top.has_field = true;
}

void snapshot_handler::close_row(const frame& row) {
  const entity_type& e = m_schema.entity_at(row.table);
  table& t = loader_access::table_at(m_store, row.table);
  auto key = m_key_fields[row.table];
  for (std::uint32_t f = 0; f < e.fields.size(); ++f) {
    if (e.fields[f].type.optional || f == key || !kept(row.table, f) ||
        t.column_at(f).state(row.row) != cell_state::null)
      continue;
    std::string pointer = pointer_to(m_frames.size() - 1);
    append_pointer_token(pointer, e.fields[f].name);
    report(codes::missing_required, pointer, row.start,
           m_seen[row.seen_base + f]
               ? base::say("必填字段 {} 为 null", "required field {} is null", backticked(e.fields[f].name))
               : base::say("缺少必填字段 {}", "required field {} is missing", backticked(e.fields[f].name)));
  }
  if (key && e.collection) check_key(row);
  m_seen.resize(row.seen_base);
}

void snapshot_handler::check_key(const frame& row) {
  const entity_type& e = m_schema.entity_at(row.table);
  table& t = loader_access::table_at(m_store, row.table);
  std::uint32_t key = *m_key_fields[row.table];
  const column& c = t.column_at(key);
  if (c.present(row.row)) {
    // Indexed when the key's text is interned: integer keys are indexed by their decimal text.
    deferred check{nullptr, 0, 0, text_in_cell, row.table, row.row, row.start};
    if (c.kind() == type_kind::integer) {
      std::string text = decimal(c.as_integer(row.row));
      check.offset = static_cast<std::uint32_t>(m_deferred_text.size());
      check.length = static_cast<std::uint32_t>(text.size());
      m_deferred_text += text;
    }
    m_deferred.push_back(check);
    return;
  }
  loader_access::add_flag(t, row.row, row_missing_key);
  // An invalid key was reported as such; only a null or absent one is reported here.
  if (c.state(row.row) != cell_state::null) return;
  std::string pointer = pointer_to(m_frames.size() - 1);
  append_pointer_token(pointer, e.fields[key].name);
  report(codes::missing_key, pointer, row.start,
         base::say("缺少键字段 {}：此条目无法被引用", "key field {} is missing: nothing can refer to this entry",
                   backticked(e.fields[key].name)));
}

void snapshot_handler::index_key(std::uint32_t table_index, std::uint32_t row, std::size_t start,
                                 std::uint32_t key_id) {
  table& t = loader_access::table_at(m_store, table_index);
  std::uint32_t first = loader_access::keys(t).insert(key_id, row);
  if (first == row) return;
  loader_access::add_flag(t, row, row_duplicate_key);
  std::uint32_t key = *m_key_fields[table_index];
  report(codes::duplicate_key, m_store.pointer(table_index, row, key), start,
         base::say("键 {} 与 {} 重复：两条都保留，引用指向前者",
                   "key {} repeats {}: both entries are kept, references go to the first",
                   quote(m_strings.view(key_id)), m_store.pointer(table_index, first)));
}

void snapshot_handler::defer(column* col, std::uint32_t cell, std::string_view text) {
  col->set_u32(cell, 0);  // present; the id comes with the batch
  m_deferred.push_back({col, cell, static_cast<std::uint32_t>(m_deferred_text.size()),
                        static_cast<std::uint32_t>(text.size()), 0, 0, 0});
  m_deferred_text += text;
  if (m_deferred.size() >= 1024) flush_strings();
}

void snapshot_handler::flush_strings() {
  m_batch_texts.clear();
  for (const deferred& d : m_deferred) {
    if (d.length != text_in_cell) m_batch_texts.emplace_back(m_deferred_text.data() + d.offset, d.length);
  }
  m_batch_ids.resize(m_batch_texts.size());
  m_strings.intern_all(m_batch_texts, m_batch_ids);
  std::size_t next = 0;
  for (deferred& d : m_deferred) {
    std::uint32_t id = d.length == text_in_cell ? 0 : m_batch_ids[next++];
    if (d.col != nullptr) {
      d.col->set_u32(d.cell, id);
    } else {
      // A key check: reuse `cell` to carry the key's id, now that every cell of the batch is set.
      const table& t = m_store.table_at(d.table);
      d.cell = d.length == text_in_cell ? t.column_at(*m_key_fields[d.table]).as_string_id(d.row) : id;
      loader_access::keys(loader_access::table_at(m_store, d.table)).prefetch(d.cell);
    }
  }
  for (const deferred& d : m_deferred) {
    if (d.col == nullptr) index_key(d.table, d.row, d.start, d.cell);
  }
  m_deferred.clear();
  m_deferred_text.clear();
}

// ---- the org member ----

void snapshot_handler::org_separator() {
  if (m_org_after_key) {
    m_org_after_key = false;
    return;
  }
  if (m_org_first.empty()) return;
  if (!m_org_first.back()) m_org += ',';
  m_org_first.back() = false;
}

void snapshot_handler::org_open(char bracket) {
  org_separator();
  m_org += bracket;
  m_org_first.push_back(true);
}

void snapshot_handler::org_close(char bracket) {
  m_org += bracket;
  m_org_first.pop_back();
}

void snapshot_handler::org_key(std::string_view name) {
  org_separator();
  m_org += nlohmann::json(name).dump();
  m_org += ':';
  m_org_after_key = true;
}

void snapshot_handler::org_value(std::string_view json_text) {
  org_separator();
  m_org += json_text;
}

}  // namespace baomi::facts

// The SAX handler: frames follow the snapshot's nesting; values are typed by the schema into cells.
#include "facts/snapshot_handler.hpp"

#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "facts/loader_access.hpp"
#include "facts/pointer.hpp"
#include "facts/text.hpp"

namespace baomi::facts {

struct snapshot_handler::scalar {
  enum class kind : std::uint8_t { null, boolean, integer, big_unsigned, number, string };
  explicit scalar(kind k) : what(k) {}
  scalar::kind what;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t big = 0;
  double number = 0;
  std::string_view text;  // a string's content, a float's token
};

struct snapshot_handler::target {
  column* col = nullptr;
  std::uint32_t cell = 0;
  bool row_field = false;  // a null in a required row field is reported when the row ends
  record_parent parent;    // where a record opened here would sit
};

namespace {

using scalar_kind = snapshot_handler::scalar::kind;

const char* json_kind(scalar_kind k) {
  switch (k) {
    case scalar_kind::null: return "null";
    case scalar_kind::boolean: return "布尔值";
    case scalar_kind::integer:
    case scalar_kind::big_unsigned: return "整数";
    case scalar_kind::number: return "小数";
    case scalar_kind::string: return "字符串";
  }
  return "?";
}

std::string decimal(std::int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return std::string(digits, end);
}

// The value as it appears in the snapshot, without quotes.
std::string raw_text(const snapshot_handler::scalar& v) {
  switch (v.what) {
    case scalar_kind::null: return "null";
    case scalar_kind::boolean: return v.boolean ? "true" : "false";
    case scalar_kind::integer: return decimal(v.integer);
    case scalar_kind::big_unsigned: return std::to_string(v.big);
    default: return std::string(v.text);
  }
}

// The value for a message: strings quoted, others as written.
std::string shown(const snapshot_handler::scalar& v) {
  return v.what == scalar_kind::string ? quote(v.text) : raw_text(v);
}

token_shape shape_of(const snapshot_handler::scalar& v) {
  switch (v.what) {
    case scalar_kind::string: return token_shape::string;
    case scalar_kind::null:
    case scalar_kind::boolean: return token_shape::literal;
    default: return token_shape::number;
  }
}

std::string enum_choices(const enum_type& e) {
  std::string text;
  for (const auto& v : e.values) {
    if (!text.empty()) text += "、";
    text += v.symbol == v.label ? v.symbol : v.symbol + "/" + v.label;
  }
  return text;
}

// The first field named `name`, trying `hint` first: rows of one collection usually list their fields
// in the same order, so the field after the previous one is the likely match.
std::optional<std::uint32_t> find_field(const entity_type& e, std::string_view name, std::uint32_t hint) {
  if (hint < e.fields.size() && e.fields[hint].name == name) return hint;
  return e.find_field(name);
}

}  // namespace

snapshot_handler::snapshot_handler(store& out, json_input& input, issue_sink& issues)
    : m_store(out),
      m_schema(out.schema()),
      m_strings(loader_access::strings(out)),
      m_input(input),
      m_issues(issues),
      m_members_seen(out.schema().entities().size(), false) {
  m_frames.reserve(16);
}

// ---- SAX events ----

bool snapshot_handler::null() { return on_scalar(scalar(scalar_kind::null)); }

bool snapshot_handler::boolean(bool value) {
  scalar v{scalar_kind::boolean};
  v.boolean = value;
  return on_scalar(v);
}

bool snapshot_handler::number_integer(std::int64_t value) {
  scalar v{scalar_kind::integer};
  v.integer = value;
  return on_scalar(v);
}

bool snapshot_handler::number_unsigned(std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return number_integer(static_cast<std::int64_t>(value));
  }
  scalar v{scalar_kind::big_unsigned};
  v.big = value;
  return on_scalar(v);
}

bool snapshot_handler::number_float(double value, const std::string& text) {
  scalar v{scalar_kind::number};
  v.number = value;
  v.text = text;
  return on_scalar(v);
}

bool snapshot_handler::string(std::string& value) {
  scalar v{scalar_kind::string};
  v.text = value;
  return on_scalar(v);
}

// JSON text has no binary values; only the binary formats produce this event.
bool snapshot_handler::binary(nlohmann::json::binary_t&) { return true; }

bool snapshot_handler::start_object(std::size_t) { return on_container(true); }
bool snapshot_handler::start_array(std::size_t) { return on_container(false); }

bool snapshot_handler::key(std::string& name) {
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::document: document_key(top, name); break;
    case frame_kind::entity: entity_key(top, name); break;
    case frame_kind::map: map_key(top, name); break;
    case frame_kind::capture: org_key(name); break;
    default: break;
  }
  return true;
}

bool snapshot_handler::end_object() {
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip:
    case frame_kind::capture:
      if (top.kind == frame_kind::capture) org_close('}');
      if (top.depth > 0) {
        --top.depth;
        return true;
      }
      if (top.kind == frame_kind::capture) loader_access::set_org(m_store, m_org);
      break;
    case frame_kind::entity: close_row(top); break;
    case frame_kind::map: top.col->set_span(top.cell, {top.first, top.count}); break;
    default: break;
  }
  m_frames.pop_back();
  return true;
}

bool snapshot_handler::end_array() {
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip:
    case frame_kind::capture:
      if (top.kind == frame_kind::capture) org_close(']');
      if (top.depth > 0) {
        --top.depth;
        return true;
      }
      if (top.kind == frame_kind::capture) loader_access::set_org(m_store, m_org);
      break;
    case frame_kind::list: close_list(top); break;
    default: break;
  }
  m_frames.pop_back();
  return true;
}

bool snapshot_handler::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
  // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: detail"; its
  // line and column count bytes, so the issue carries ours and the message keeps only the detail.
  std::string_view what = ex.what();
  auto column_at = what.find("column ");
  auto detail_at = what.find(": ", column_at == std::string_view::npos ? 0 : column_at);
  std::string_view detail = detail_at == std::string_view::npos ? what : what.substr(detail_at + 2);
  report(codes::malformed_json, pointer_here(), position > 0 ? position - 1 : 0,
         "JSON 格式错误: " + clean_utf8(detail));
  m_failed = true;
  return false;
}

void snapshot_handler::finish() {
  if (!m_failed && m_saw_document && !m_saw_as_of) report(codes::missing_as_of, "/as_of", std::nullopt, "缺少快照日期 as_of");
}

// ---- dispatch ----

bool snapshot_handler::skip_pending(bool is_container) {
  if (!m_skip_next) return false;
  m_skip_next = false;
  if (is_container) m_frames.emplace_back(frame_kind::skip);
  return true;
}

bool snapshot_handler::on_scalar(const scalar& v) {
  if (skip_pending(false)) return true;
  if (m_frames.empty()) {
    report(codes::not_an_object, "", start_of(v), fmt::format("快照顶层应为 JSON 对象，实为{}", json_kind(v.what)));
    return true;
  }
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip: break;
    case frame_kind::capture: org_value(v.what == scalar_kind::string ? nlohmann::json(v.text).dump() : raw_text(v)); break;
    case frame_kind::document: document_value(&v, false); break;
    case frame_kind::collection:
      ++top.count;
      report(codes::entity_not_object, pointer_here(), start_of(v),
             fmt::format("集合 {} 的条目应为对象，实为{} {}", top.key, json_kind(v.what), shown(v)));
      break;
    default: write(*next_target(), v); break;
  }
  return true;
}

bool snapshot_handler::on_container(bool is_object) {
  if (skip_pending(true)) return true;
  std::size_t start = m_input.token_start(token_shape::bracket);
  if (m_frames.empty()) {
    if (!is_object) report(codes::not_an_object, "", start, "快照顶层应为 JSON 对象，实为数组");
    m_saw_document = is_object;
    m_frames.emplace_back(is_object ? frame_kind::document : frame_kind::skip);
    return true;
  }
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip: ++top.depth; break;
    case frame_kind::capture:
      ++top.depth;
      org_open(is_object ? '{' : '[');
      break;
    case frame_kind::document: document_value(nullptr, is_object); break;
    case frame_kind::collection:
      if (is_object) {
        open_row(top);
        break;
      }
      ++top.count;
      report(codes::entity_not_object, pointer_here(), start, fmt::format("集合 {} 的条目应为对象，实为数组", top.key));
      m_frames.emplace_back(frame_kind::skip);
      break;
    default: open_container(*next_target(), is_object); break;
  }
  return true;
}

std::optional<snapshot_handler::target> snapshot_handler::next_target() {
  frame& top = m_frames.back();
  if (top.kind == frame_kind::entity) {
    table& t = loader_access::table_at(m_store, top.table);
    return target{&loader_access::column_at(t, top.field), top.row, true, {top.table, top.row, top.field, no_row}};
  }
  // A list element or a map value: a record in a list sits at the list's position in its row's field.
  column& elements = top.kind == frame_kind::map ? top.col->mutable_values() : top.col->mutable_elements();
  target t{&elements, elements.append_null(), false, {}};
  if (top.kind == frame_kind::list) ++top.count;
  const frame& owner = m_frames[m_frames.size() - 2];
  if (owner.kind == frame_kind::entity) t.parent = {owner.table, owner.row, owner.field, top.count - 1};
  return t;
}

// ---- the document ----

void snapshot_handler::document_key(frame& top, std::string_view name) {
  top.key = name;
  top.what = member::none;
  auto repeated = [&] {
    std::string pointer;
    append_pointer_token(pointer, name);
    report(codes::duplicate_member, pointer, m_input.token_start(token_shape::string),
           fmt::format("顶层成员 {} 重复出现，后出现的被忽略", quote(name)));
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
    if (m_members_seen[*entity]) return repeated();
    m_members_seen[*entity] = true;
    top.what = member::collection;
    top.table = *entity;
  } else {
    std::string pointer;
    append_pointer_token(pointer, name);
    report(codes::unknown_collection, pointer, m_input.token_start(token_shape::string),
           fmt::format("未知的集合 {}，其内容被忽略", quote(name)));
    m_skip_next = true;
  }
}

void snapshot_handler::document_value(const scalar* v, bool is_object) {
  frame& top = m_frames.back();
  std::size_t start = v ? start_of(*v) : m_input.token_start(token_shape::bracket);
  std::string found = v ? fmt::format("{} {}", json_kind(v->what), shown(*v)) : is_object ? "对象" : "数组";
  bool skip_container = v == nullptr;
  switch (top.what) {
    case member::as_of:
      if (auto day = v && v->what == scalar_kind::string ? parse_date(v->text) : std::nullopt) {
        loader_access::set_as_of(m_store, *day);
      } else {
        report(codes::invalid_as_of, "/as_of", start, fmt::format("as_of 应为 YYYY-MM-DD 格式的有效日期，实为{}", found));
      }
      break;
    case member::org:
      if (v) {
        loader_access::set_org(m_store, v->what == scalar_kind::string ? nlohmann::json(v->text).dump() : raw_text(*v));
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
        frame list(frame_kind::collection);
        list.table = top.table;
        list.key = top.key;
        m_frames.push_back(std::move(list));
        skip_container = false;
        break;
      }
      report(codes::collection_not_array, pointer_here(), start, fmt::format("集合 {} 应为数组，实为{}", top.key, found));
      break;
    default: break;
  }
  if (skip_container) m_frames.emplace_back(frame_kind::skip);
}

// ---- rows ----

void snapshot_handler::open_row(frame& collection) {
  table& t = loader_access::table_at(m_store, collection.table);
  frame row(frame_kind::entity);
  row.table = collection.table;
  row.row = loader_access::append_row(t, collection.count++, {});
  row.field = std::numeric_limits<std::uint32_t>::max();  // so that the first field hint is 0
  row.seen_base = static_cast<std::uint32_t>(m_seen.size());
  row.start = m_input.token_start(token_shape::bracket);
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
      report(codes::duplicate_field, pointer, m_input.token_start(token_shape::string),
             fmt::format("字段 {} 重复出现，保留第一个值", quote(name)));
    } else {
      report(codes::unknown_field, pointer, m_input.token_start(token_shape::string),
             fmt::format("未知字段 {}（{} 没有此字段），其值被忽略", quote(name), e.name));
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
  auto key = e.key_field();
  for (std::uint32_t f = 0; f < e.fields.size(); ++f) {
    if (e.fields[f].type.optional || f == key || t.column_at(f).state(row.row) != cell_state::null) continue;
    std::string pointer = pointer_to(m_frames.size() - 1);
    append_pointer_token(pointer, e.fields[f].name);
    report(codes::missing_required, pointer, row.start,
           m_seen[row.seen_base + f] ? fmt::format("必填字段 {} 为 null", e.fields[f].name)
                                     : fmt::format("缺少必填字段 {}", e.fields[f].name));
  }
  if (key && e.collection) check_key(row);
  m_seen.resize(row.seen_base);
}

void snapshot_handler::check_key(const frame& row) {
  const entity_type& e = m_schema.entity_at(row.table);
  table& t = loader_access::table_at(m_store, row.table);
  std::uint32_t key = *e.key_field();
  const column& c = t.column_at(key);
  std::string pointer = pointer_to(m_frames.size() - 1);
  append_pointer_token(pointer, e.fields[key].name);
  if (!c.present(row.row)) {
    loader_access::add_flag(t, row.row, row_missing_key);
    // An invalid key was reported as such; only a null or absent one is reported here.
    if (c.state(row.row) == cell_state::null) {
      report(codes::missing_key, pointer, row.start,
             fmt::format("缺少键字段 {}：此条目无法被引用", e.fields[key].name));
    }
    return;
  }
  std::uint32_t id = c.kind() == type_kind::string ? c.as_string_id(row.row)
                                                  : m_strings.intern(decimal(c.as_integer(row.row)));
  std::uint32_t first = loader_access::keys(t).insert(id, row.row);
  if (first == row.row) return;
  loader_access::add_flag(t, row.row, row_duplicate_key);
  report(codes::duplicate_key, pointer, row.start,
         fmt::format("键 {} 与 {} 重复：两条都保留，引用指向前者", quote(m_strings.view(id)), m_store.pointer(row.table, first)));
}

// ---- values ----

void snapshot_handler::write(const target& t, const scalar& v) {
  const facts::type& type = t.col->type();
  if (v.what == scalar_kind::null) {
    if (type.optional || t.row_field) return;  // a required row field is reported when the row ends
    return fail(t, codes::wrong_type, "null", start_of(v), fmt::format("类型错误: 应为 {}，实为 null", expected(type)));
  }
  if (v.what == scalar_kind::string) return write_string(t, v);
  switch (type.kind) {
    case type_kind::integer:
      if (v.what == scalar_kind::integer) return t.col->set_integer(t.cell, v.integer);
      if (v.what == scalar_kind::big_unsigned) {
        return fail(t, codes::integer_out_of_range, raw_text(v), start_of(v), fmt::format("整数超出范围: {}", raw_text(v)));
      }
      break;
    case type_kind::number:
      if (v.what == scalar_kind::integer) return t.col->set_number(t.cell, static_cast<double>(v.integer));
      if (v.what == scalar_kind::big_unsigned) return t.col->set_number(t.cell, static_cast<double>(v.big));
      if (v.what == scalar_kind::number) return t.col->set_number(t.cell, v.number);
      break;
    case type_kind::boolean:
      if (v.what == scalar_kind::boolean) return t.col->set_u32(t.cell, v.boolean ? 1 : 0);
      break;
    case type_kind::ref: {
      const entity_type& target_type = m_schema.entity_at(type.target);
      auto key = target_type.key_field();
      bool integer_key = key && target_type.fields[*key].type.kind == type_kind::integer;
      // Until refs are resolved the cell holds the key's string id; integer keys are written in decimal.
      if (integer_key && v.what == scalar_kind::integer) return t.col->set_u32(t.cell, m_strings.intern(decimal(v.integer)));
      break;
    }
    default: break;
  }
  wrong_type(t, v);
}

void snapshot_handler::write_string(const target& t, const scalar& v) {
  const facts::type& type = t.col->type();
  switch (type.kind) {
    case type_kind::string: return t.col->set_u32(t.cell, m_strings.intern(v.text));
    case type_kind::date:
      if (auto day = parse_date(v.text)) return t.col->set_date(t.cell, *day);
      return fail(t, codes::invalid_date, v.text, start_of(v), fmt::format("日期无效: {}（应为 YYYY-MM-DD）", quote(v.text)));
    case type_kind::duration:
      if (auto d = parse_duration(v.text)) return t.col->set_duration(t.cell, *d);
      return fail(t, codes::invalid_duration, v.text, start_of(v),
                  fmt::format("时长无效: {}（应如 10d、2w、6mo、3y、5wd）", quote(v.text)));
    case type_kind::enumeration: {
      const enum_type& e = m_schema.enum_at(type.target);
      if (auto index = e.find(v.text)) return t.col->set_u32(t.cell, *index);
      return fail(t, codes::unknown_enum_value, v.text, start_of(v),
                  fmt::format("枚举值无效: {}（{} 可取 {}）", quote(v.text), e.name, enum_choices(e)));
    }
    case type_kind::ref: {
      const entity_type& target_type = m_schema.entity_at(type.target);
      auto key = target_type.key_field();
      if (key && target_type.fields[*key].type.kind == type_kind::string) {
        return t.col->set_u32(t.cell, m_strings.intern(v.text));
      }
      break;
    }
    default: break;
  }
  wrong_type(t, v);
}

void snapshot_handler::open_container(const target& t, bool is_object) {
  type_kind kind = t.col->kind();
  std::size_t start = m_input.token_start(token_shape::bracket);
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
  } else if (is_object == (kind == type_kind::map) && (kind == type_kind::map || kind == type_kind::list || kind == type_kind::range)) {
    frame container(is_object ? frame_kind::map : frame_kind::list);
    container.col = t.col;
    container.cell = t.cell;
    container.first = t.col->elements().size();
    container.start = start;
    m_frames.push_back(std::move(container));
  } else {
    const char* found = is_object ? "对象" : "数组";
    fail(t, codes::wrong_type, is_object ? "{…}" : "[…]", start,
         fmt::format("类型错误: 应为 {}，实为{}", expected(t.col->type()), found));
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
  keys.set_invalid(cell, m_strings.intern(name));
  report(codes::unknown_enum_value, pointer_here(), m_input.token_start(token_shape::string),
         fmt::format("枚举值无效: {}（{} 可取 {}）", quote(name), e.name, enum_choices(e)));
}

void snapshot_handler::close_list(const frame& list) {
  if (list.col->kind() == type_kind::range && list.count != 2) {
    std::string pointer = pointer_to(m_frames.size() - 1);
    report(codes::malformed_range, pointer, list.start,
           fmt::format("区间应为两个元素的数组 [下限, 上限]，实有 {} 个元素", list.count));
    list.col->set_invalid(list.cell, m_strings.intern("[…]"));
    return;
  }
  list.col->set_span(list.cell, {list.first, list.count});
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

// ---- problems ----

void snapshot_handler::fail(const target& t, std::string_view code, std::string_view raw, std::size_t offset,
                            std::string message) {
  t.col->set_invalid(t.cell, m_strings.intern(raw));
  report(code, pointer_here(), offset, std::move(message));
}

void snapshot_handler::wrong_type(const target& t, const scalar& v) {
  fail(t, codes::wrong_type, raw_text(v), start_of(v),
       fmt::format("类型错误: 应为 {}，实为{} {}", expected(t.col->type()), json_kind(v.what), shown(v)));
}

void snapshot_handler::report(std::string_view code, std::string pointer, std::optional<std::size_t> offset,
                              std::string message) {
  m_issues.add(code, std::move(pointer), offset, std::move(message));
}

std::string snapshot_handler::pointer_to(std::size_t frame_count) const {
  std::string pointer;
  for (std::size_t i = 0; i < frame_count; ++i) {
    const frame& f = m_frames[i];
    switch (f.kind) {
      case frame_kind::document:
        if (f.what != member::none) append_pointer_token(pointer, f.key);
        break;
      case frame_kind::collection:
      case frame_kind::list:
        if (f.count > 0) append_pointer_index(pointer, f.count - 1);
        break;
      case frame_kind::entity:
        if (f.has_field) append_pointer_token(pointer, m_schema.entity_at(f.table).fields[f.field].name);
        break;
      case frame_kind::map:
        if (f.count > 0) append_pointer_token(pointer, f.key);
        break;
      default: break;
    }
  }
  return pointer;
}

std::size_t snapshot_handler::start_of(const scalar& v) const { return m_input.token_start(shape_of(v)); }

std::string snapshot_handler::expected(const facts::type& t) const {
  facts::type required = t;
  required.optional = false;
  return to_string(required, m_schema);
}

}  // namespace baomi::facts

// The SAX handler's events and dispatch: frames follow the snapshot's nesting.
#include "facts/internal/snapshot_handler.hpp"
#include "base/language.hpp"

#include <limits>

#include <fmt/format.h>

#include "facts/internal/loader_access.hpp"
#include "facts/internal/text.hpp"
#include "facts/pointer.hpp"

namespace baomi::facts {

snapshot_handler::snapshot_handler(store& out, const token_place& place, issue_sink& issues,
                                   const load_options& options)
    : m_store(out),
      m_schema(out.schema()),
      m_strings(loader_access::strings(out)),
      m_place(place),
      m_issues(issues),
      m_max_rows(options.max_rows_per_collection),
      m_max_string(options.max_string_bytes),
      m_keep(options.keep),
      m_members_seen(out.schema().entities().size(), false),
      m_exported(out.schema().entities().size(), false) {
  m_frames.reserve(16);
  for (const auto& e : m_schema.entities()) m_key_fields.push_back(e.key_field());
}

// ---- SAX events ----

bool snapshot_handler::null() { return on_scalar(scalar(scalar::kind::null)); }

bool snapshot_handler::boolean(bool value) {
  scalar v{scalar::kind::boolean};
  v.boolean = value;
  return on_scalar(v);
}

bool snapshot_handler::number_integer(std::int64_t value) {
  scalar v{scalar::kind::integer};
  v.integer = value;
  return on_scalar(v);
}

bool snapshot_handler::number_unsigned(std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return number_integer(static_cast<std::int64_t>(value));
  }
  scalar v{scalar::kind::big_unsigned};
  v.big = value;
  return on_scalar(v);
}

bool snapshot_handler::number_float(double value, std::string_view text) {
  scalar v{scalar::kind::number};
  v.number = value;
  v.text = text;
  return on_scalar(v);
}

bool snapshot_handler::string(std::string_view value) {
  scalar v{scalar::kind::string};
  v.text = value;
  return on_scalar(v);
}

bool snapshot_handler::start_object() { return on_container(true); }
bool snapshot_handler::start_array() { return on_container(false); }

bool snapshot_handler::key(std::string_view name) {
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::document:
      document_key(top, name);
      break;
    case frame_kind::entity:
      entity_key(top, name);
      break;
    case frame_kind::map:
      map_key(top, name);
      break;
    case frame_kind::capture:
      org_key(name);
      break;
    default:
      break;
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
    case frame_kind::entity:
      close_row(top);
      break;
    case frame_kind::map:
      top.col->set_span(top.cell, {top.first, top.count});
      break;
    default:
      break;
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
    case frame_kind::list:
      close_list(top);
      break;
    default:
      break;
  }
  m_frames.pop_back();
  return true;
}

bool snapshot_handler::parse_error(std::size_t offset, const std::string& message) {
  report(codes::malformed_json, pointer_here(), offset,
         base::say("JSON 格式错误: {}", "malformed JSON: {}", clean_utf8(message)));
  m_failed = true;
  return false;
}

void snapshot_handler::finish() {
  flush_strings();
  loader_access::fill_columns(m_store);
  if (!m_failed && m_saw_document && !m_saw_as_of)
    report(codes::missing_as_of, "/as_of", std::nullopt,
           std::string(base::pick("缺少快照日期 as_of", "the snapshot date as_of is missing")));
  if (m_failed || !m_saw_document) return;
  // A collection the snapshot does not give as an array was not exported: not known to be empty.
  bool any = false;
  for (std::uint32_t e = 0; e < m_exported.size(); ++e) {
    if (!m_schema.entity_at(e).collection) continue;
    if (m_exported[e])
      any = true;
    else
      loader_access::set_exported(loader_access::table_at(m_store, e), false);
  }
  if (!any && !m_saw_member)  // a misspelt or ill-typed collection was reported already
    report(codes::no_collection, "", std::nullopt,
           std::string(base::pick("快照未导出任何集合：没有可检查的事实，结果不能视为合规",
                                  "the snapshot exports no collection: there are no facts to check, and the result "
                                  "cannot be taken as compliant")));
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
    report(codes::not_an_object, "", start_of(v),
           base::say("快照顶层应为 JSON 对象，实为{}", "the snapshot's top level must be a JSON object, found {}",
                     json_kind(v.what)));
    return true;
  }
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip:
      break;
    case frame_kind::capture:
      org_value(json_text(v));
      break;
    case frame_kind::document:
      document_value(&v, false);
      break;
    case frame_kind::collection:
      ++top.count;
      report(codes::entity_not_object, pointer_here(), start_of(v),
             base::say("集合 {} 的条目应为对象，实为{} {}", "an entry of collection {} must be an object, found {} {}",
                       backticked(top.key), json_kind(v.what), shown(v)));
      break;
    default:
      write(next_target(), v);
      break;
  }
  return true;
}

bool snapshot_handler::on_container(bool is_object) {
  if (skip_pending(true)) return true;
  std::size_t start = m_place.start;
  if (m_frames.empty()) {
    if (!is_object)
      report(codes::not_an_object, "", start,
             std::string(base::pick("快照顶层应为 JSON 对象，实为数组",
                                    "the snapshot's top level must be a JSON object, found an array")));
    m_saw_document = is_object;
    m_frames.emplace_back(is_object ? frame_kind::document : frame_kind::skip);
    return true;
  }
  frame& top = m_frames.back();
  switch (top.kind) {
    case frame_kind::skip:
      ++top.depth;
      break;
    case frame_kind::capture:
      ++top.depth;
      org_open(is_object ? '{' : '[');
      break;
    case frame_kind::document:
      document_value(nullptr, is_object);
      break;
    case frame_kind::collection:
      if (is_object && top.count >= m_max_rows) {
        std::string pointer;
        append_pointer_token(pointer, top.key);
        report(
            codes::too_many_rows, fmt::format("{}/{}", pointer, top.count), start,
            base::say(
                "集合 {} 超过 {} 行的上限，加载停止；确需更多时用 --max-rows 放宽",
                "collection {} has more than {} rows, the limit; the load stops (raise it with --max-rows if needed)",
                backticked(top.key), m_max_rows));
        m_failed = true;
        return false;
      }
      if (is_object) {
        open_row(top);
        break;
      }
      ++top.count;
      report(codes::entity_not_object, pointer_here(), start,
             base::say("集合 {} 的条目应为对象，实为数组",
                       "an entry of collection {} must be an object, found an array", backticked(top.key)));
      m_frames.emplace_back(frame_kind::skip);
      break;
    default:
      open_container(next_target(), is_object);
      break;
  }
  return true;
}

snapshot_handler::target snapshot_handler::next_target() {
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

// ---- problems ----

void snapshot_handler::fail(const target& t, std::string_view code, std::string_view raw, std::size_t offset,
                            std::string message) {
  t.col->set_invalid(t.cell, m_strings.intern(raw), code);
  report(code, pointer_here(), offset, std::move(message));
}

void snapshot_handler::wrong_type(const target& t, const scalar& v) {
  fail(t, codes::wrong_type, raw_text(v), start_of(v),
       base::say("类型错误: 应为 {}，实为{} {}", "wrong type: expected {}, found {} {}",
                 backticked(expected(t.col->type())), json_kind(v.what), shown(v)));
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
      default:
        break;
    }
  }
  return pointer;
}

std::size_t snapshot_handler::start_of(const scalar&) const { return m_place.start; }

std::string snapshot_handler::expected(const facts::type& t) const {
  facts::type required = t;
  required.optional = false;
  return to_string(required, m_schema);
}

}  // namespace baomi::facts

// Typed setters that check the schema, and the row-by-row array writer.
#include "tools/gen/row.hpp"

namespace baomi::gen {

using facts::type_kind;

row::row(const catalog& keys, std::uint32_t entity, random& r) : m_keys(&keys), m_entity(entity), m_random(&r) {
  const auto& fields = keys.schema().entity_at(entity).fields;
  for (std::uint32_t i = 0; i < fields.size(); ++i) m_index.emplace(fields[i].name, i);
  m_tokens.resize(fields.size());
  m_set.assign(fields.size(), 0);
}

const facts::field& row::field_at(std::size_t i) const { return m_keys->schema().entity_at(m_entity).fields[i]; }

void row::reset(std::uint64_t index) {
  std::fill(m_set.begin(), m_set.end(), 0);
  const auto* plan = m_keys->plan_of(m_entity);
  if (plan && plan->key_field) {
    auto& token = m_tokens[*plan->key_field];
    token.clear();
    m_keys->append_key(token, m_entity, index);
    m_set[*plan->key_field] = 1;
  }
}

std::string* row::slot(std::string_view field, type_kind kind) {
  auto it = m_index.find(field);
  if (it == m_index.end() || field_at(it->second).type.kind != kind) return nullptr;
  m_set[it->second] = 1;
  auto& token = m_tokens[it->second];
  token.clear();
  return &token;
}

void row::set_string(std::string_view field, std::string_view text) {
  if (auto* t = slot(field, type_kind::string)) json_writer::quote(*t, text);
}

void row::set_int(std::string_view field, std::int64_t value) {
  if (auto* t = slot(field, type_kind::integer)) json_writer::append_integer(*t, value);
}

void row::set_number(std::string_view field, std::string_view literal) {
  if (auto* t = slot(field, type_kind::number)) *t = literal;
}

void row::set_bool(std::string_view field, bool value) {
  if (auto* t = slot(field, type_kind::boolean)) *t = value ? "true" : "false";
}

void row::set_date(std::string_view field, std::optional<facts::day_number> day) {
  if (!day) return set_null(field);
  if (auto* t = slot(field, type_kind::date)) json_writer::append_date(*t, *day);
}

void row::set_duration(std::string_view field, std::string_view literal) {
  if (auto* t = slot(field, type_kind::duration)) json_writer::quote(*t, literal);
}

namespace {

std::optional<std::uint32_t> symbol_index(const facts::enum_type& e, std::string_view symbol) {
  for (std::uint32_t i = 0; i < e.values.size(); ++i) {
    if (e.values[i].symbol == symbol) return i;
  }
  return std::nullopt;
}

}  // namespace

void row::set_enum(std::string_view field, std::string_view symbol) {
  auto it = m_index.find(field);
  if (it == m_index.end()) return;
  const auto& type = field_at(it->second).type;
  if (type.kind != type_kind::enumeration) return;
  const auto& e = m_keys->schema().enum_at(type.target);
  auto value = symbol_index(e, symbol);
  if (!value) return;
  auto* t = slot(field, type_kind::enumeration);
  append_enum(*t, e, *value, *m_random);
}

void row::set_enums(std::string_view field, std::span<const std::string_view> symbols) {
  auto it = m_index.find(field);
  if (it == m_index.end()) return;
  const auto& type = field_at(it->second).type;
  if (type.kind != type_kind::list || type.args.at(0).kind != type_kind::enumeration) return;
  const auto& e = m_keys->schema().enum_at(type.args[0].target);
  std::string text = "[";
  for (auto symbol : symbols) {
    auto value = symbol_index(e, symbol);
    if (!value) return;
    if (text.size() > 1) text += ", ";
    append_enum(text, e, *value, *m_random);
  }
  text += "]";
  *slot(field, type_kind::list) = std::move(text);
}

void row::set_ref(std::string_view field, std::string_view collection, std::optional<std::uint64_t> index) {
  if (!index) return set_null(field);
  auto it = m_index.find(field);
  if (it == m_index.end()) return;
  const auto& type = field_at(it->second).type;
  if (type.kind != type_kind::ref) return;
  const auto* plan = m_keys->plan_of(type.target);
  if (plan == nullptr || plan->collection != collection || !plan->exact || *index >= plan->count) return;
  m_keys->append_key(*slot(field, type_kind::ref), type.target, *index);
}

void row::set_refs(std::string_view field, std::string_view collection, std::span<const std::uint32_t> indexes) {
  auto it = m_index.find(field);
  if (it == m_index.end()) return;
  const auto& type = field_at(it->second).type;
  if (type.kind != type_kind::list || type.args.at(0).kind != type_kind::ref) return;
  auto target = type.args[0].target;
  const auto* plan = m_keys->plan_of(target);
  if (plan == nullptr || plan->collection != collection || !plan->exact) return;
  for (auto i : indexes) {
    if (i >= plan->count) return;
  }
  auto* t = slot(field, type_kind::list);
  t->reserve(indexes.size() * (plan->prefix.size() + static_cast<std::size_t>(plan->width) + 4) + 2);
  t->push_back('[');
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    if (i) *t += ", ";
    m_keys->append_key(*t, target, indexes[i]);
  }
  t->push_back(']');
}

void row::set_null(std::string_view field) {
  auto it = m_index.find(field);
  if (it == m_index.end() || !field_at(it->second).type.optional) return;
  m_set[it->second] = 1;
  m_tokens[it->second] = "null";
}

collection_writer::collection_writer(json_writer& out, const catalog& keys, const generic_context& ctx,
                                     std::uint32_t entity, random& r, bool lines)
    : m_out(&out), m_keys(&keys), m_ctx(ctx), m_random(&r), m_row(keys, entity, r), m_lines(lines) {
  if (!m_lines) m_out->raw("[");
}

collection_writer::~collection_writer() {
  if (!m_lines) m_out->raw(m_rows ? "\n  ]" : "]");
}

row& collection_writer::begin() {
  m_row.reset(m_rows);
  return m_row;
}

void collection_writer::commit() {
  const auto& fields = m_keys->schema().entity_at(m_row.entity()).fields;
  m_text.clear();
  m_text += m_lines ? "{" : m_rows ? ",\n    {" : "\n    {";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) m_text += ", ";
    json_writer::quote(m_text, fields[i].name);
    m_text += ": ";
    if (const auto* token = m_row.token(i))
      m_text += *token;
    else
      append_generic(m_text, fields[i], m_ctx, *m_random);
  }
  m_text += m_lines ? "}\n" : "}";
  m_out->raw(m_text);
  ++m_rows;
}

}  // namespace baomi::gen

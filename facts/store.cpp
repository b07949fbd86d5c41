// The fact store: tables per entity type, pointer derivation and lazily built reverse indexes.
#include "facts/store.hpp"

#include <charconv>
#include <map>
#include <mutex>
#include <stdexcept>

#include "facts/pointer.hpp"

namespace baomi::facts {

struct store::reverse_cache {
  std::mutex mutex;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::unique_ptr<reverse_index>> indexes;
};

namespace {

// Calls `visit(target_row)` for each valid ref of a ref or list<ref> cell.
template <typename Visit>
void for_each_ref(const column& c, std::uint32_t cell, Visit visit) {
  if (!c.present(cell)) return;
  if (c.kind() == type_kind::ref) return visit(c.as_ref(cell));
  for (std::uint32_t target : c.refs(cell)) {
    if (target != no_row) visit(target);
  }
}

bool is_ref_field(const type& t) {
  return t.kind == type_kind::ref || (t.kind == type_kind::list && t.args.at(0).kind == type_kind::ref);
}

reverse_index build_reverse_index(const column& c, std::uint32_t rows, std::uint32_t targets) {
  // Two passes over the rows (count, then fill); `last` keeps a row from being listed twice for one
  // target when a list names the same entity twice.
  std::vector<std::uint32_t> offsets(targets + 1, 0);
  std::vector<std::uint32_t> last(targets, no_row);
  for (std::uint32_t row = 0; row < rows; ++row) {
    for_each_ref(c, row, [&](std::uint32_t t) {
      if (last[t] == row) return;
      ++offsets[t + 1];
      last[t] = row;
    });
  }
  for (std::uint32_t t = 0; t < targets; ++t) offsets[t + 1] += offsets[t];
  std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
  std::vector<std::uint32_t> referring(offsets.back());
  std::fill(last.begin(), last.end(), no_row);
  for (std::uint32_t row = 0; row < rows; ++row) {
    for_each_ref(c, row, [&](std::uint32_t t) {
      if (last[t] == row) return;
      referring[fill[t]++] = row;
      last[t] = row;
    });
  }
  return reverse_index(std::move(offsets), std::move(referring));
}

}  // namespace

table::table(std::uint32_t entity, const entity_type& type, const string_pool* pool)
    : m_entity(entity), m_type(&type), m_pool(pool) {
  m_columns.reserve(type.fields.size());
  for (const auto& f : type.fields) m_columns.emplace_back(f.type, pool);
}

std::optional<std::uint32_t> table::find_row(std::string_view key) const {
  auto id = m_pool->find(key);
  return id ? m_keys.find(*id) : std::nullopt;
}

std::optional<std::uint32_t> table::find_row(std::int64_t key) const {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, key).ptr;
  return find_row(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

store::store(facts::schema s)
    : m_schema(std::make_unique<facts::schema>(std::move(s))),
      m_strings(std::make_unique<string_pool>()),
      m_reverse(std::make_unique<reverse_cache>()) {
  const auto& entities = m_schema->entities();
  m_tables.reserve(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    m_tables.emplace_back(static_cast<std::uint32_t>(i), entities[i], m_strings.get());
  }
}

store::store(store&&) noexcept = default;
store& store::operator=(store&&) noexcept = default;
store::~store() = default;

const table* store::find_collection(std::string_view collection) const {
  auto entity = m_schema->find_collection(collection);
  return entity ? &m_tables[*entity] : nullptr;
}

std::string store::pointer(std::uint32_t t, std::uint32_t row) const {
  const table& tab = m_tables[t];
  if (tab.type().collection) {
    std::string result;
    append_pointer_token(result, *tab.type().collection);
    append_pointer_index(result, tab.json_index(row));
    return result;
  }
  const record_parent& p = tab.parent(row);
  return p.element == no_row ? pointer(p.table, p.row, p.field) : pointer(p.table, p.row, p.field, p.element);
}

std::string store::pointer(std::uint32_t t, std::uint32_t row, std::uint32_t field) const {
  std::string result = pointer(t, row);
  append_pointer_token(result, m_tables[t].type().fields[field].name);
  return result;
}

std::string store::pointer(std::uint32_t t, std::uint32_t row, std::uint32_t field, std::uint32_t element) const {
  std::string result = pointer(t, row, field);
  append_pointer_index(result, element);
  return result;
}

const reverse_index& store::referencing(std::uint32_t t, std::uint32_t field) const {
  const table& tab = m_tables.at(t);
  const column& c = tab.column_at(field);
  if (!is_ref_field(c.type())) throw std::invalid_argument("referencing: not a ref or list<ref> field");
  std::lock_guard lock(m_reverse->mutex);
  auto& slot = m_reverse->indexes[{t, field}];
  if (!slot) {
    std::uint32_t target = c.kind() == type_kind::ref ? c.type().target : c.type().args[0].target;
    slot = std::make_unique<reverse_index>(build_reverse_index(c, tab.row_count(), m_tables[target].row_count()));
  }
  return *slot;
}

std::size_t store::memory_bytes() const {
  std::size_t bytes = m_strings->memory_bytes();
  for (const auto& tab : m_tables) bytes += tab.memory_bytes();
  return bytes;
}

std::size_t table::memory_bytes() const {
  std::size_t bytes = m_json_index.capacity() * 4 + m_flags.capacity() + m_parents.capacity() * sizeof(record_parent) +
                      m_positions.capacity() * sizeof(source_position) + m_keys.memory_bytes();
  for (const auto& c : m_columns) bytes += c.memory_bytes();
  return bytes;
}

}  // namespace baomi::facts

// Column storage: one payload vector per kind, child columns for container elements.
#include "facts/column.hpp"

#include <algorithm>

namespace baomi::facts {

column::column(const facts::type& t, const string_pool* pool) : m_type(t), m_pool(pool) {
  if (t.kind == type_kind::list || t.kind == type_kind::range || t.kind == type_kind::map) {
    m_elements = std::make_unique<column>(t.args.at(0), pool);
  }
  if (t.kind == type_kind::map) m_values = std::make_unique<column>(t.args.at(1), pool);
}

std::uint32_t column::append_null() {
  auto cell = static_cast<std::uint32_t>(m_states.size());
  m_states.push_back(cell_state::null);
  switch (m_type.kind) {
    case type_kind::integer:
      m_i64.push_back(0);
      break;
    case type_kind::number:
      m_f64.push_back(0);
      break;
    case type_kind::date:
      m_dates.push_back(0);
      break;
    case type_kind::duration:
      m_durations.emplace_back();
      break;
    case type_kind::list:
    case type_kind::map:
    case type_kind::range:
      m_spans.emplace_back();
      break;
    case type_kind::ref:
    case type_kind::record:
      m_u32.push_back(no_row);
      break;
    default:
      m_u32.push_back(0);
      break;
  }
  return cell;
}

void column::fill_nulls(std::uint32_t cells) {
  if (cells <= size()) return;
  m_states.resize(cells, cell_state::null);
  switch (m_type.kind) {
    case type_kind::integer:
      m_i64.resize(cells, 0);
      break;
    case type_kind::number:
      m_f64.resize(cells, 0);
      break;
    case type_kind::date:
      m_dates.resize(cells, 0);
      break;
    case type_kind::duration:
      m_durations.resize(cells);
      break;
    case type_kind::list:
    case type_kind::map:
    case type_kind::range:
      m_spans.resize(cells);
      break;
    case type_kind::ref:
    case type_kind::record:
      m_u32.resize(cells, no_row);
      break;
    default:
      m_u32.resize(cells, 0);
      break;
  }
}

void column::set_invalid(std::uint32_t cell, std::uint32_t raw_id, std::string_view code) {
  m_states[cell] = cell_state::invalid;
  if (m_type.kind == type_kind::ref || m_type.kind == type_kind::record) m_u32[cell] = no_row;
  m_raw.push_back({cell, raw_id, code});
}

std::span<const std::uint32_t> column::refs(std::uint32_t cell) const {
  cell_span span = m_spans[cell];
  return std::span<const std::uint32_t>(m_elements->m_u32).subspan(span.offset, span.count);
}

std::string_view column::raw(std::uint32_t cell) const {
  auto it =
      std::lower_bound(m_raw.begin(), m_raw.end(), cell, [](const raw_text& r, std::uint32_t c) { return r.cell < c; });
  if (it == m_raw.end() || it->cell != cell) return {};
  return m_pool->view(it->text);
}

std::string_view column::invalid_code(std::uint32_t cell) const {
  if (m_states[cell] != cell_state::invalid) return {};
  auto it =
      std::lower_bound(m_raw.begin(), m_raw.end(), cell, [](const raw_text& r, std::uint32_t c) { return r.cell < c; });
  if (it == m_raw.end() || it->cell != cell) return {};
  return it->code;
}

void column::finish() {
  std::stable_sort(m_raw.begin(), m_raw.end(), [](const auto& a, const auto& b) { return a.cell < b.cell; });
  m_states.shrink_to_fit();
  m_u32.shrink_to_fit();
  m_i64.shrink_to_fit();
  m_f64.shrink_to_fit();
  m_dates.shrink_to_fit();
  m_durations.shrink_to_fit();
  m_spans.shrink_to_fit();
  m_raw.shrink_to_fit();
  if (m_elements) m_elements->finish();
  if (m_values) m_values->finish();
}

std::size_t column::memory_bytes() const {
  std::size_t bytes = m_states.capacity() + m_u32.capacity() * 4 + m_i64.capacity() * 8 + m_f64.capacity() * 8 +
                      m_dates.capacity() * 4 + m_durations.capacity() * sizeof(duration) +
                      m_spans.capacity() * sizeof(cell_span) + m_raw.capacity() * sizeof(raw_text);
  if (m_elements) bytes += m_elements->memory_bytes();
  if (m_values) bytes += m_values->memory_bytes();
  return bytes;
}

}  // namespace baomi::facts

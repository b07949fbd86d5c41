// Ref resolution after loading, so that a key may appear after the rows that refer to it.
#include "facts/internal/resolve_refs.hpp"
#include "base/language.hpp"

#include <fmt/format.h>

#include "facts/internal/loader_access.hpp"
#include "facts/internal/text.hpp"
#include "facts/pointer.hpp"

namespace baomi::facts {

namespace {

bool holds_refs(const type& t) {
  if (t.kind == type_kind::ref) return true;
  for (const auto& arg : t.args) {
    if (holds_refs(arg)) return true;
  }
  return false;
}

class resolver {
 public:
  resolver(store& s, issue_sink& issues) : m_store(s), m_issues(issues) {}

  void run() {
    for (std::uint32_t t = 0; t < m_store.table_count(); ++t) {
      table& tab = loader_access::table_at(m_store, t);
      for (std::uint32_t f = 0; f < tab.type().fields.size(); ++f) {
        column& c = loader_access::column_at(tab, f);
        if (!holds_refs(c.type())) continue;
        for (std::uint32_t row = 0; row < tab.row_count(); ++row) {
          m_path.clear();
          m_place = {t, row, f};
          resolve(c, row);
        }
      }
    }
  }

 private:
  // A step below the field: a list position or a map key.
  struct step {
    bool is_key;
    std::uint32_t index;
    std::string_view key;
  };
  struct place {
    std::uint32_t table, row, field;
  };

  void resolve(column& c, std::uint32_t cell) {
    if (!c.present(cell)) return;
    if (c.kind() == type_kind::ref) return resolve_ref(c, cell);
    cell_span span = c.as_span(cell);
    for (std::uint32_t i = 0; i < span.count; ++i) {
      if (c.kind() == type_kind::map) {
        m_path.push_back({true, i, key_text(c.elements(), span.offset + i)});
        resolve(c.mutable_values(), span.offset + i);
      } else {
        m_path.push_back({false, i, {}});
        resolve(c.mutable_elements(), span.offset + i);
      }
      m_path.pop_back();
    }
  }

  // The key as written in the snapshot: kept when it differs from the canonical text (labels, invalid).
  std::string_view key_text(const column& keys, std::uint32_t cell) const {
    std::string_view kept = keys.raw(cell);
    if (!kept.empty() || !keys.present(cell)) return kept;
    if (keys.kind() != type_kind::enumeration) return keys.as_string(cell);
    return m_store.schema().enum_at(keys.type().target).values[keys.as_enum(cell)].symbol;
  }

  void resolve_ref(column& c, std::uint32_t cell) {
    table& target = loader_access::table_at(m_store, c.type().target);
    std::uint32_t key = c.as_ref(cell);
    if (auto row = loader_access::keys(target).find(key)) return c.set_u32(cell, *row);
    c.set_invalid(cell, key, codes::dangling_ref);
    std::string_view text = m_store.strings().view(key);
    m_issues.add(codes::dangling_ref, pointer(), std::nullopt,
                 base::say("引用无效: {} 中没有键为 {} 的条目", "invalid reference: {} has no entry with the key {}",
                           backticked(target.type().collection.value_or(target.type().name)), quote(text)));
  }

  std::string pointer() const {
    std::string result = m_store.pointer(m_place.table, m_place.row, m_place.field);
    for (const step& s : m_path) {
      if (s.is_key) {
        append_pointer_token(result, s.key);
      } else {
        append_pointer_index(result, s.index);
      }
    }
    return result;
  }

  store& m_store;
  issue_sink& m_issues;
  std::vector<step> m_path;
  place m_place{};
};

}  // namespace

void resolve_refs(store& s, issue_sink& issues) { resolver(s, issues).run(); }

}  // namespace baomi::facts

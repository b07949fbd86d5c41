// Scopes: frame slots for rule subjects, binders and `let`s, and the names visible at a point.
#include "engine/check/checker.hpp"

namespace baomi::engine::checking {

void checker::begin_frame() {
  m_scope.clear();
  m_next_slot = 0;
  m_frame_size = 0;
  m_slot_names.clear();
}

std::uint32_t checker::bind(const ast::name& n, const type& t, bool is_let) {
  auto slot = m_next_slot++;
  m_frame_size = std::max(m_frame_size, m_next_slot);
  if (m_slot_names.size() <= slot) m_slot_names.resize(slot + 1);
  m_slot_names[slot] = n.text;
  m_scope.push_back({n.text, slot, t, false, n.range, is_let, false});
  return slot;
}

void checker::unbind() {
  m_scope.pop_back();
  --m_next_slot;
}

const local* checker::find_local(const std::string& name) {
  for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
    if (it->name == name) {
      it->used = true;
      return &*it;
    }
  }
  return nullptr;
}

std::vector<std::string> checker::visible_names() {
  std::vector<std::string> names;
  for (const auto& l : m_scope) names.push_back(l.name);
  for (const auto& [name, i] : m_param_index) names.push_back(name);
  for (const auto& e : m_program.schema.entities()) {
    if (e.collection) names.push_back(*e.collection);
  }
  names.push_back("as_of");
  return names;
}

bool checker::resolvable(const std::string& name) {
  for (const auto& l : m_scope) {
    if (l.name == name) return true;
  }
  return name == "as_of" || m_param_index.count(name) || m_program.schema.find_collection(name).has_value();
}

}  // namespace baomi::engine::checking

// The fields a plan reads: a walk over its rules' IR and the functions they call.
#include "engine/projection.hpp"

#include <algorithm>

#include "engine/plan.hpp"

namespace baomi::engine {

namespace {

class reads {
 public:
  explicit reads(const plan& p) : m_plan(p), m_called(p.functions.size(), false) {
    const auto& entities = p.schema.entities();
    for (const auto& e : entities) m_keep.emplace_back(e.fields.size(), !e.collection.has_value());
    m_table_marked.assign(entities.size(), false);
    m_record_walked.assign(entities.size(), false);
  }

  std::vector<std::vector<bool>> take() { return std::move(m_keep); }

  void rule(const rule_program& r) {
    table(r.subject_table);
    department(r.subject_table);
    if (r.filter) node(*r.filter);
    for (const auto& step : r.steps) node(step.value);
    if (r.message) node(*r.message);
    if (r.remedy) node(*r.remedy);
  }

 private:
  void node(const ir::node& n) {
    switch (n.op) {
      case ir::op::collection:
        table(n.table);
        break;
      case ir::op::field:
        field(n.table, n.field);
        break;
      case ir::op::call:
        if (n.slot < m_called.size() && !m_called[n.slot]) {
          m_called[n.slot] = true;
          node(m_plan.functions[n.slot].body);
        }
        break;
      default:
        break;
    }
    if (n.join.enabled && !n.children.empty() && n.children[0].op == ir::op::collection)
      field(n.children[0].table, n.join.field);
    for (const auto& c : n.children) node(c);
  }

  // The reports name the department of each subject whose entity has a `department` ref into the
  // `departments` collection, by that row's `name` (engine/pipeline.cpp, find_departments).
  void department(std::uint32_t t) {
    const auto& schema = m_plan.schema;
    auto field_index = schema.entity_at(t).find_field("department");
    auto departments = schema.find_collection("departments");
    if (!field_index || !departments) return;
    const auto& type = schema.entity_at(t).fields[*field_index].type;
    if (type.kind != facts::type_kind::ref || type.target != *departments) return;
    field(t, *field_index);
    if (auto name = schema.entity_at(*departments).find_field("name")) field(*departments, *name);
  }

  // A collection read at all: its key and its label (findings and messages name its rows by them).
  void table(std::uint32_t t) {
    if (m_table_marked[t]) return;
    m_table_marked[t] = true;
    const auto& e = m_plan.schema.entity_at(t);
    if (auto key = e.key_field()) field(t, *key);
    for (const auto& part : e.label) {
      if (part.field) field(t, *part.field);
    }
    // Without a key or a label, nothing else would make the rows load.
    if (std::find(m_keep[t].begin(), m_keep[t].end(), true) == m_keep[t].end())
      std::fill(m_keep[t].begin(), m_keep[t].end(), true);
  }

  void field(std::uint32_t t, std::uint32_t f) {
    const auto& e = m_plan.schema.entity_at(t);
    if (f >= e.fields.size()) return;
    bool was = m_keep[t][f];
    m_keep[t][f] = true;
    if (!was || !m_table_marked[t]) {
      table(t);
      targets(e.fields[f].type);
    }
  }

  // The collections a value of type `ty` points into, also from the fields of a record it holds (a
  // record's fields are all loaded with it).
  void targets(const facts::type& ty) {
    if (ty.kind == facts::type_kind::ref) table(ty.target);
    if (ty.kind == facts::type_kind::record && !m_record_walked[ty.target]) {
      m_record_walked[ty.target] = true;
      for (const auto& f : m_plan.schema.entity_at(ty.target).fields) targets(f.type);
    }
    for (const auto& a : ty.args) targets(a);
  }

  const plan& m_plan;
  std::vector<std::vector<bool>> m_keep;
  std::vector<bool> m_table_marked;
  std::vector<bool> m_record_walked;
  std::vector<bool> m_called;
};

}  // namespace

std::vector<std::vector<bool>> fields_read(const plan& p) {
  reads r(p);
  for (const auto& rule : p.rules) r.rule(rule);
  return r.take();
}

}  // namespace baomi::engine

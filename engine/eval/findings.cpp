// Findings, evidence, subject labels and fingerprints.
#include "engine/eval/findings.hpp"

#include <fmt/format.h>

#include "facts/store.hpp"

namespace baomi::engine {

std::string fingerprint(std::string_view rule, std::string_view collection, std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(rule);
  mix(collection);
  mix(key);
  return fmt::format("{:016x}", h);
}

}  // namespace baomi::engine

namespace baomi::engine::evaluation {

using facts::type_kind;

namespace {

std::string evidence_value(const facts::store& store, const fact_read& r) {
  const auto& col = store.table_at(r.table).column_at(r.field);
  if (col.state(r.row) == facts::cell_state::invalid)  // the data issue: its code; its pointer is the evidence's
    return fmt::format("无效值 {}（{}）", col.raw(r.row), col.invalid_code(r.row));
  std::deque<std::vector<value>> arena;
  auto v = read_cell(col, r.row, arena);
  return v.is_null() ? "null" : render(v, &store, store.schema());
}

}  // namespace

std::string subject_label(const facts::store& store, std::uint32_t table, std::uint32_t row) {
  const auto& t = store.table_at(table);
  auto name = t.type().find_field("name");
  if (name && t.column_at(*name).kind() == type_kind::string && t.column_at(*name).present(row)) {
    return std::string(t.column_at(*name).as_string(row));
  }
  for (std::uint32_t f = 0; f < t.type().fields.size(); ++f) {
    const auto& col = t.column_at(f);
    if (col.kind() != type_kind::ref || !col.present(row) || col.as_ref(row) == facts::no_row) continue;
    const auto& target = store.table_at(col.type().target);
    auto target_name = target.type().find_field("name");
    if (target_name && target.column_at(*target_name).kind() == type_kind::string &&
        target.column_at(*target_name).present(col.as_ref(row))) {
      return std::string(target.column_at(*target_name).as_string(col.as_ref(row)));
    }
  }
  return "";
}

evidence to_evidence(const facts::store& store, const fact_read& r) {
  const auto& type = store.table_at(r.table).type();
  return {store.pointer(r.table, r.row, r.field), evidence_value(store, r),
          type.name + "." + type.fields[r.field].name};
}
finding make_finding(evaluator& ev, const plan& p, const facts::store& store, const rule_program& rule,
                     const rule_info* info, std::uint32_t row, const decision& d) {
  const auto& table = store.table_at(rule.subject_table);
  const auto& collection = *table.type().collection;
  auto key_field = table.type().key_field();
  finding f;
  f.rule = info;
  f.outcome = d.result;
  f.severity = info->severity;
  f.subject.collection = collection;
  f.subject.key = key_field ? render(read_cell(table.column_at(*key_field), row, ev.arena()), &store, p.schema)
                            : std::to_string(row);
  f.subject.pointer = store.pointer(rule.subject_table, row);
  f.subject.label = subject_label(store, rule.subject_table, row);
  if (d.due) f.due = facts::format_date(*d.due);
  f.days_left = d.days_left;
  f.fingerprint = fingerprint(info->id, collection, f.subject.key);
  for (const auto& r : ev.reads) f.evidence.push_back(to_evidence(store, r));
  if (d.result != outcome::pass && d.result != outcome::not_applicable) {
    ev.recording = false;
    if (rule.message) f.message = render(ev.eval(*rule.message), &store, p.schema);
    if (rule.remedy) f.remedy = render(ev.eval(*rule.remedy), &store, p.schema);
  }
  return f;
}

}  // namespace baomi::engine::evaluation

// Findings, evidence, subject labels and fingerprints.
#include "engine/eval/findings.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "base/language.hpp"
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
    return base::say("无效值 {}（{}）", "invalid value {} ({})", col.raw(r.row), col.invalid_code(r.row));
  std::deque<std::vector<value>> arena;
  auto v = read_cell(col, r.row, arena);
  if (!v.is_null()) return render(v, &store, store.schema());
  const auto& meaning = store.table_at(r.table).type().fields[r.field].none;  // declared `none "…"`
  return meaning.empty() ? "null" : meaning;
}

// An unknown finding's message: the facts that made it unknown (missing, invalid or pointing at no
// record, a collection not exported), by their Chinese field names, not the rule's failure sentence
// with 未知 in it.
std::string unknown_message(const facts::store& store, const std::vector<fact_read>& causes) {
  constexpr std::size_t shown = 4;
  std::vector<std::string> parts;
  std::size_t more = 0;
  for (const auto& r : causes) {
    const auto& type = store.table_at(r.table).type();
    if (r.row == facts::no_row) {  // a collection the snapshot did not export
      auto part = base::say("未导出「{}」（/{}）", "「{}」 not exported (/{})", type.collection.value_or(type.name),
                            type.collection.value_or(""));
      if (std::find(parts.begin(), parts.end(), part) != parts.end()) continue;
      if (parts.size() < shown)
        parts.push_back(std::move(part));
      else
        ++more;
      continue;
    }
    const auto& col = store.table_at(r.table).column_at(r.field);
    bool invalid = col.state(r.row) == facts::cell_state::invalid;
    bool missing = !invalid && !col.present(r.row);
    bool dangling = col.present(r.row) && col.kind() == type_kind::ref && col.as_ref(r.row) == facts::no_row;
    if (!invalid && !missing && !dangling) continue;
    const auto& field = type.fields[r.field];
    std::string_view name = field.doc.empty() ? std::string_view(field.name) : std::string_view(field.doc);
    name = name.substr(0, name.find("（"));
    auto pointer = store.pointer(r.table, r.row, r.field);
    auto part = dangling ? base::say("「{}」（{}）无法对应到记录", "「{}」 ({}) points at no record", name, pointer)
                : invalid ? base::say("无效的「{}」（{}）", "invalid 「{}」 ({})", name, pointer)
                          : base::say("未记录「{}」（{}）", "「{}」 not recorded ({})", name, pointer);
    if (std::find(parts.begin(), parts.end(), part) != parts.end()) continue;
    if (parts.size() < shown)
      parts.push_back(std::move(part));
    else
      ++more;
  }
  if (parts.empty())
    return {};  // unknown for another reason (a param map without the key, a date
                // outside the holiday calendar): the rule's sentence says where
  std::string out(base::pick("无法判定：", "cannot decide: "));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += base::pick("；", "; ");
    out += parts[i];
  }
  if (more > 0) out += base::say("；另有 {} 项", "; {} more", more);
  return out;
}

}  // namespace

// The entity's label as its schema declares it (`label name`, `label "{kind} {serial}"`), from its
// own fields only: never a referenced record's (a carrier is not its department). No declaration, or
// a label field without a value: no label, the key alone names the subject.
std::string subject_label(const facts::store& store, std::uint32_t table, std::uint32_t row) {
  const auto& t = store.table_at(table);
  std::string out;
  std::deque<std::vector<value>> arena;
  for (const auto& part : t.type().label) {
    if (!part.field) {
      out += part.text;
      continue;
    }
    const auto& col = t.column_at(*part.field);
    if (!col.present(row) || col.state(row) == facts::cell_state::invalid) return "";
    auto v = read_cell(col, row, arena);
    if (v.is_null()) return "";  // a dangling ref
    out += render(v, &store, store.schema());
  }
  return out;
}

evidence to_evidence(const facts::store& store, const fact_read& r, std::optional<subject_row> subject) {
  const auto& type = store.table_at(r.table).type();
  std::string role = type.name + "." + type.fields[r.field].name;
  const auto& col = store.table_at(r.table).column_at(r.field);
  // A long list: the subject where it is one of the elements, else the count; never every element.
  if (col.kind() == type_kind::list && col.present(r.row) && col.state(r.row) != facts::cell_state::invalid) {
    std::deque<std::vector<value>> arena;
    auto v = read_cell(col, r.row, arena);
    auto n = static_cast<std::uint32_t>(length(v));
    if (n > listed_elements) {
      bool of_refs = !col.type().args.empty() && col.type().args[0].kind == type_kind::ref;
      if (of_refs && subject && col.type().args[0].target == subject->table) {
        auto refs = col.refs(r.row);
        auto at = std::find(refs.begin(), refs.end(), subject->row);
        if (at != refs.end()) {
          auto i = static_cast<std::uint32_t>(at - refs.begin());
          return {store.pointer(r.table, r.row, r.field, i), render(element(v, i, arena), &store, store.schema()),
                  std::move(role)};
        }
      }
      return {store.pointer(r.table, r.row, r.field), base::say("（共 {} 项，未列出）", "({} in all, not listed)", n),
              std::move(role)};
    }
  }
  return {store.pointer(r.table, r.row, r.field), evidence_value(store, r), std::move(role)};
}

std::string subject_key(const facts::store& store, const facts::schema& schema, std::uint32_t table,
                        std::uint32_t row) {
  const auto& t = store.table_at(table);
  auto key_field = t.type().key_field();
  if (!key_field) return std::to_string(row);
  std::deque<std::vector<value>> arena;
  return render(read_cell(t.column_at(*key_field), row, arena), &store, schema);
}

finding make_finding(evaluator& ev, const plan& p, const facts::store& store, const rule_program& rule,
                     const rule_info* info, std::uint32_t row, const decision& d, const std::string* key) {
  const auto& table = store.table_at(rule.subject_table);
  const auto& collection = *table.type().collection;
  finding f;
  f.rule = info;
  f.outcome = d.result;
  f.severity = info->severity;
  f.subject.collection = collection;
  f.subject.key = key ? *key : subject_key(store, p.schema, rule.subject_table, row);
  f.subject.pointer = store.pointer(rule.subject_table, row);
  f.subject.label = subject_label(store, rule.subject_table, row);
  auto at = table.position(row);  // where the record starts in the snapshot (SARIF's location)
  f.subject.line = at.line;
  f.subject.column = at.column;
  if (!table.source().empty()) f.subject.file = table.source();
  if (d.due) f.due = facts::format_date(*d.due);
  f.days_left = d.days_left;
  f.fingerprint = fingerprint(info->id, collection, f.subject.key);
  f.evidence.reserve(ev.reads.size());
  for (const auto& r : ev.reads) f.evidence.push_back(to_evidence(store, r, subject_row{rule.subject_table, row}));
  if (d.result != outcome::pass && d.result != outcome::not_applicable) {
    ev.recording = false;
    if (d.result == outcome::unknown) f.message = unknown_message(store, d.causes);
    if (f.message.empty() && rule.message) {
      f.message = render(ev.eval(*rule.message), &store, p.schema);
      if (d.result == outcome::unknown) f.message = base::say("无法判定：{}", "cannot decide: {}", f.message);
    }
    if (rule.remedy) f.remedy = render(ev.eval(*rule.remedy), &store, p.schema);
  }
  return f;
}

}  // namespace baomi::engine::evaluation

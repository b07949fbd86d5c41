// Key formats and row counts of the schema's collections.
#include "tools/gen/catalog.hpp"

#include <algorithm>
#include <cctype>

#include "tools/gen/json_writer.hpp"

namespace baomi::gen {

namespace {

struct known_prefix {
  std::string_view collection;
  std::string_view prefix;
};

// The prefixes of facts/examples/org.json, and pinyin initials for the carrier registers.
constexpr known_prefix known_prefixes[] = {
    {"departments", "D"},
    {"posts", "PT"},
    {"people", "P"},
    {"commitments", "CM-"},
    {"trainings", "TR-"},
    {"assessments", "KH-"},
    {"departures", "LG-"},
    {"employments", "JY-"},
    {"delegations", "TZ-"},
    {"travels", "CJ-"},
    {"carriers", "ZT-"},
    {"carrier_copies", "FZ-"},
    {"carrier_transfers", "SF-"},
    {"carrier_carries", "XD-"},
    {"carrier_loans", "JC-"},
    {"destructions", "XH-"},
    {"carrier_collections", "SJ-"},
    {"incidents", "XM-"},
    {"meetings", "HY-"},
};

// Other collections: the upper-case initials of the words of the name (`site_visits` → `SV-`).
std::string prefix_for(std::string_view collection) {
  for (const auto& k : known_prefixes) {
    if (k.collection == collection) return std::string(k.prefix);
  }
  std::string prefix;
  bool start = true;
  for (char c : collection) {
    if (c == '_') {
      start = true;
    } else if (start) {
      prefix.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      start = false;
    }
  }
  return prefix + "-";
}

int digits(std::uint64_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

void mark_refs(const facts::type& t, std::vector<bool>& referenced) {
  if (t.kind == facts::type_kind::ref && t.target < referenced.size()) referenced[t.target] = true;
  for (const auto& a : t.args) mark_refs(a, referenced);
}

}  // namespace

catalog::catalog(const facts::schema& s) : m_schema(&s), m_plan_of_entity(s.entities().size(), -1) {
  std::vector<bool> referenced(s.entities().size(), false);
  for (const auto& e : s.entities()) {
    for (const auto& f : e.fields) mark_refs(f.type, referenced);
  }
  for (std::uint32_t i = 0; i < s.entities().size(); ++i) {
    const auto& e = s.entity_at(i);
    if (!e.collection) continue;
    collection_plan plan;
    plan.entity = i;
    plan.collection = *e.collection;
    plan.prefix = prefix_for(plan.collection);
    plan.referenced = referenced[i];
    plan.key_field = e.key_field();
    plan.integer_key = plan.key_field && e.fields[*plan.key_field].type.kind == facts::type_kind::integer;
    m_plan_of_entity[i] = static_cast<std::int32_t>(m_plans.size());
    m_plans.push_back(std::move(plan));
  }
}

collection_plan* catalog::find(std::string_view collection) {
  for (auto& p : m_plans) {
    if (p.collection == collection) return &p;
  }
  return nullptr;
}

const collection_plan* catalog::plan_of(std::uint32_t entity) const {
  if (entity >= m_plan_of_entity.size() || m_plan_of_entity[entity] < 0) return nullptr;
  return &m_plans[static_cast<std::size_t>(m_plan_of_entity[entity])];
}

void catalog::set_count(std::string_view collection, std::uint64_t count, bool exact) {
  auto* plan = find(collection);
  if (plan == nullptr) return;
  plan->count = count;
  plan->exact = exact;
  plan->width = std::max(3, digits(count));
}

void catalog::append_key(std::string& out, std::uint32_t entity, std::uint64_t index) const {
  const auto* plan = plan_of(entity);
  if (plan == nullptr) {
    out += "null";
    return;
  }
  if (plan->integer_key) {
    json_writer::append_integer(out, static_cast<std::int64_t>(index + 1));
    return;
  }
  char digits_text[24];
  int n = 0;
  for (auto v = index + 1; v > 0 || n == 0; v /= 10) digits_text[n++] = static_cast<char>('0' + v % 10);
  out.push_back('"');
  out += plan->prefix;
  for (int pad = n; pad < plan->width; ++pad) out.push_back('0');
  while (n > 0) out.push_back(digits_text[--n]);
  out.push_back('"');
}

}  // namespace baomi::gen

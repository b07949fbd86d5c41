// Run comparison by fingerprint.
#include "engine/diff.hpp"

#include <algorithm>
#include <map>

#include "base/language.hpp"

namespace baomi::engine {

namespace {

bool problem(outcome o) {
  return o == outcome::fail || o == outcome::unknown || o == outcome::pending || o == outcome::waived;
}

}  // namespace

const char* to_string(change_kind k) {
  switch (k) {
    case change_kind::added:
      return "new";
    case change_kind::resolved:
      return "resolved";
    case change_kind::changed:
      return "changed";
    case change_kind::unchanged:
      return "unchanged";
  }
  return "unchanged";
}

std::string_view display_name(change_kind k) {
  switch (k) {
    case change_kind::added:
      return base::pick("新增", "new");
    case change_kind::resolved:
      return base::pick("已解决", "resolved");
    case change_kind::changed:
      return base::pick("有变化", "changed");
    case change_kind::unchanged:
      return base::pick("未变", "unchanged");
  }
  return base::pick("未变", "unchanged");
}

std::size_t run_diff::count(change_kind k) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [&](const auto& c) { return c.kind == k; }));
}

bool run_diff::any_change() const {
  return std::any_of(changes.begin(), changes.end(), [](const auto& c) { return c.kind != change_kind::unchanged; });
}

run_diff diff_runs(const run_result& base, const run_result& head, const std::string& snapshot) {
  std::map<std::string, const finding*> before;
  std::map<std::string, const finding*> after;
  for (const auto& f : base.findings) before[f.fingerprint] = &f;
  for (const auto& f : head.findings) after[f.fingerprint] = &f;
  run_diff out;
  auto visit = [&](const std::string& print, const finding* b, const finding* h) {
    bool was = b && problem(b->outcome);
    bool is = h && problem(h->outcome);
    if (!was && !is) return;
    const finding& any = h ? *h : *b;
    finding_change c;
    c.fingerprint = print;
    c.rule = any.rule->id;
    c.title = any.rule->title;
    c.area = any.rule->area;
    c.subject = any.subject;
    c.snapshot = snapshot;
    if (b) {
      c.base_outcome = b->outcome;
      c.base_severity = b->severity;
    }
    if (h) {
      c.head_outcome = h->outcome;
      c.head_severity = h->severity;
    }
    c.message = h && !h->message.empty() ? h->message : b ? b->message : "";
    if (!was)
      c.kind = change_kind::added;
    else if (!is)
      c.kind = change_kind::resolved;
    else if (b->outcome != h->outcome || b->severity != h->severity)
      c.kind = change_kind::changed;
    else
      c.kind = change_kind::unchanged;
    out.changes.push_back(std::move(c));
  };
  for (const auto& [print, b] : before) {
    auto h = after.find(print);
    visit(print, b, h == after.end() ? nullptr : h->second);
  }
  for (const auto& [print, h] : after) {
    if (!before.count(print)) visit(print, nullptr, h);
  }
  std::stable_sort(out.changes.begin(), out.changes.end(), [](const auto& a, const auto& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.snapshot != b.snapshot) return a.snapshot < b.snapshot;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.subject.key < b.subject.key;
  });
  return out;
}

}  // namespace baomi::engine

// A finding as JSON text, written directly: the same bytes as nlohmann's dump of finding_json(f), made
// without building the JSON tree (a large report writes millions of findings).
#include <string>

#include "reports/json_stream.hpp"
#include "reports/json_text.hpp"
#include "reports/summary.hpp"

namespace baomi::reports {

void write_evidence(json_writer& w, const std::vector<engine::evidence>& evidence) {
  w.key("evidence");
  w.open('[');
  for (const auto& e : evidence) {
    w.element();
    w.open('{');
    w.string("pointer", e.pointer);
    w.string("value", e.value);
    w.string_if("role", e.role);
    w.close('}');
  }
  w.close(']');
}

void append_finding_json(std::string& out, const engine::finding& f, bool pretty, std::size_t indent) {
  json_writer w(out, pretty, indent);
  w.open('{');
  w.string("rule", rule_of(f).id);
  w.string("outcome", engine::to_string(f.outcome));
  w.string("severity", engine::to_string(f.severity));
  w.key("subject");
  w.open('{');
  w.string("collection", f.subject.collection);
  w.string("key", f.subject.key);
  w.string("pointer", f.subject.pointer);
  w.string("label", f.subject.label);
  w.close('}');
  w.string("message", f.message);
  w.string_if("remedy", f.remedy);
  write_evidence(w, f.evidence);
  if (f.due) w.string("due", *f.due);
  if (f.days_left) w.number("days_left", *f.days_left);
  w.string("fingerprint", f.fingerprint);
  w.string_if("waiver_reason", f.waiver_reason);
  w.close('}');
}

}  // namespace baomi::reports

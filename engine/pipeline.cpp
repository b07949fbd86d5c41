// The one entry point: compile, read the waivers, load the facts, evaluate (or explain).
#include "engine/pipeline.hpp"
#include "engine/projection.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "facts/loader.hpp"

namespace baomi::engine {

snapshot_source snapshot_source::file(std::string path) {
  snapshot_source s;
  s.path = std::move(path);
  return s;
}

snapshot_source snapshot_source::memory(std::string text, std::string path, std::string label) {
  snapshot_source s;
  s.path = std::move(path);
  s.label = std::move(label);
  s.text = std::move(text);
  return s;
}

snapshot_source snapshot_source::loaded(const facts::store& store, std::string path) {
  snapshot_source s;
  s.path = std::move(path);
  s.store = &store;
  return s;
}

namespace {

// The waivers and the facts a plan is evaluated on.
struct inputs {
  std::optional<waiver_file> waivers;
  std::optional<facts::load_result> loaded;
  const facts::store* store = nullptr;
  std::shared_ptr<const facts::store> owned;  // the loaded store, when a deferred run's source keeps it
};

bool fail(pipeline_result& result, stage at, run_status status) {
  result.failed_stage = at;
  result.status = status;
  return false;
}

// Reads the waivers and loads the snapshot (unless already loaded). False when either cannot be read.
bool read_inputs(const plan& p, const snapshot_source& snapshot, const pipeline_options& options,
                 pipeline_result& result, inputs& in) {
  if (options.last_stage < stage::waivers) return true;
  if (options.waivers) {
    const auto& w = *options.waivers;
    in.waivers = w.text ? parse_waivers(*w.text, w.path) : load_waivers(w.path);
    result.waiver_issues = in.waivers->issues;
    if (!in.waivers->readable) return fail(result, stage::waivers, run_status::waivers_unreadable);
  }
  if (options.last_stage < stage::load) return true;
  if (snapshot.store != nullptr) {
    in.store = snapshot.store;
    return true;
  }
  if (options.progress) options.progress(stage::load, 0, 1);
  facts::load_options load = options.load;
  if (options.load_read_only) load.keep = fields_read(p);
  if (snapshot.text) {
    in.loaded =
        facts::load_snapshot(*snapshot.text, p.schema, snapshot.label.empty() ? snapshot.path : snapshot.label, load);
  } else {
    in.loaded = facts::load_snapshot_file(snapshot.path, p.schema, load);
  }
  if (options.progress) options.progress(stage::load, 1, 1);
  result.data_issues = in.loaded->issues;
  if (!in.loaded->complete) return fail(result, stage::load, run_status::snapshot_unreadable);
  in.store = &in.loaded->store;
  if (options.defer_findings && options.last_stage == stage::evaluate) {
    in.owned = std::make_shared<const facts::store>(std::move(in.loaded->store));
    in.store = in.owned.get();
  }
  return true;
}

evaluate_options evaluation(const snapshot_source& snapshot, const pipeline_options& options, const inputs& in) {
  evaluate_options e;
  e.as_of = options.as_of;
  e.waivers = in.waivers ? &in.waivers->waivers : nullptr;
  e.snapshot_path = snapshot.path;
  e.max_evidence = options.max_evidence;
  e.listed = options.listed;
  e.jobs = options.jobs;
  e.subjects_per_part = options.subjects_per_part;
  e.rule_timeout = options.rule_timeout;
  e.baseline = options.baseline;
  e.defer = options.defer_findings;
  e.common_remedies = options.common_remedies;
  if (options.progress) {
    e.progress = [&progress = options.progress](std::size_t done, std::size_t total) {
      progress(stage::evaluate, done, total);
    };
  }
  return e;
}

// The unit's name from the snapshot's `org` member; empty when absent or not a string.
std::string org_name(const std::string& org) {
  if (org.empty()) return {};
  auto j = nlohmann::json::parse(org, nullptr, false);
  if (!j.is_object()) return {};
  auto it = j.find("name");
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The department of each finding's subject, where its entity has a `department` ref that resolves to a
// row of `departments` (its `name`, else its key). fields_read (projection.cpp) keeps these fields.
void find_departments(run_result& run, const facts::store& store) {
  const auto* departments = store.find_collection("departments");
  if (departments == nullptr) return;
  auto name_field = departments->type().find_field("name");
  auto key_field = departments->type().key_field();
  for (const auto& f : run.findings) {
    if (run.departments.contains(f.subject.pointer)) continue;
    const auto* table = store.find_collection(f.subject.collection);
    if (table == nullptr) continue;
    auto field = table->type().find_field("department");
    if (!field) continue;
    const auto& column = table->column_at(*field);
    if (column.kind() != facts::type_kind::ref || column.type().target != departments->entity()) continue;
    auto row = table->find_row(f.subject.key);
    if (!row || !column.present(*row)) continue;
    auto target = column.as_ref(*row);
    if (target >= departments->row_count()) continue;
    std::string name;
    for (auto fld : {name_field, key_field}) {
      if (!fld || !name.empty()) continue;
      const auto& c = departments->column_at(*fld);
      if (c.present(target) && c.kind() == facts::type_kind::string) name = std::string(c.as_string(target));
    }
    if (!name.empty()) run.departments.emplace(f.subject.pointer, std::move(name));
  }
}

void keep_store(pipeline_result& result, inputs& in) {
  if (in.loaded && !in.owned) result.store = std::move(in.loaded->store);
}

// `owner`, when set, holds `compiled` for a deferred run's finding source.
pipeline_result run_compiled(const plan& compiled, std::shared_ptr<const plan> owner, const snapshot_source& snapshot,
                             const pipeline_options& options) {
  pipeline_result result;
  inputs in;
  if (!read_inputs(compiled, snapshot, options, result, in)) return result;
  if (options.last_stage < stage::evaluate) {
    keep_store(result, in);
    return result;
  }
  auto evaluated = evaluate(compiled, *in.store, evaluation(snapshot, options, in));
  if (!evaluated.run) {
    result.error = evaluated.error->message;
    result.run_error = std::move(evaluated.error);
    fail(result, stage::evaluate, run_status::evaluate_failed);
    return result;
  }
  for (const auto& i : result.data_issues) evaluated.run->issues.push_back(i);
  for (const auto& i : result.waiver_issues) evaluated.run->issues.push_back(i);
  evaluated.run->data_checked_as_read = options.load_read_only && snapshot.store == nullptr;
  evaluated.run->org = in.store->org();
  evaluated.run->org_name = org_name(evaluated.run->org);
  find_departments(*evaluated.run, *in.store);
  result.run = std::move(evaluated.run);
  if (evaluated.findings) {
    if (owner) evaluated.findings->own(std::move(owner));
    if (in.owned) evaluated.findings->own(std::move(in.owned));
    result.findings = std::move(evaluated.findings);
  }
  if (options.keep_store) keep_store(result, in);
  return result;
}

}  // namespace

pipeline_result run_pipeline(const plan& compiled, const snapshot_source& snapshot, const pipeline_options& options) {
  return run_compiled(compiled, nullptr, snapshot, options);
}

pipeline_result run_pipeline(const checked_program& program, const snapshot_source& snapshot,
                             const pipeline_options& options) {
  auto compiled = compile(program, options.profile, options.only);
  if (!compiled.plan) {
    pipeline_result result;
    result.error = std::move(compiled.error);
    fail(result, stage::compile, run_status::compile_failed);
    return result;
  }
  if (options.defer_findings) {  // the source reads the plan: it keeps it
    auto owned = std::make_shared<const plan>(std::move(*compiled.plan));
    const auto& p = *owned;
    return run_compiled(p, std::move(owned), snapshot, options);
  }
  auto result = run_pipeline(*compiled.plan, snapshot, options);
  result.plan = std::move(compiled.plan);
  return result;
}

pipeline_result run_pipeline(const module_set& modules, const snapshot_source& snapshot,
                             const pipeline_options& options) {
  auto checked = check(modules);
  std::vector<dsl::diagnostic> diagnostics = modules.diagnostics;
  diagnostics.insert(diagnostics.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  bool errors = std::any_of(diagnostics.begin(), diagnostics.end(),
                            [](const dsl::diagnostic& d) { return d.severity == dsl::severity::error; });
  pipeline_result result;
  if (errors || !checked.program) {
    fail(result, stage::rules, run_status::rules_invalid);
  } else if (options.last_stage > stage::rules) {
    result = run_pipeline(*checked.program, snapshot, options);
  }
  result.diagnostics = std::move(diagnostics);
  return result;
}

explain_result explain_pipeline(const checked_program& program, const snapshot_source& snapshot,
                                const pipeline_options& options, const std::string& rule_id,
                                const std::string& subject) {
  explain_result out;
  auto& result = out.pipeline;
  auto compiled = compile(program, options.profile, options.only);
  if (!compiled.plan) {
    result.error = std::move(compiled.error);
    fail(result, stage::compile, run_status::compile_failed);
    return out;
  }
  inputs in;
  if (!read_inputs(*compiled.plan, snapshot, options, result, in)) return out;
  std::string error;
  out.explanation = explain(*compiled.plan, *in.store, evaluation(snapshot, options, in), rule_id, subject, error);
  if (out.explanation) out.explanation->result.rule = &out.explanation->rule;  // moved: point at its own copy
  if (!out.explanation) {
    result.error = std::move(error);
    fail(result, stage::evaluate, run_status::not_found);
  }
  result.plan = std::move(compiled.plan);
  return out;
}

}  // namespace baomi::engine

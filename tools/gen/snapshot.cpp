// The snapshot's layout: as_of, org, then one array per collection of the schema.
#include "tools/gen/snapshot.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "tools/gen/catalog.hpp"
#include "tools/gen/collections.hpp"
#include "tools/gen/json_writer.hpp"
#include "tools/gen/row.hpp"
#include "tools/gen/world.hpp"

namespace baomi::gen {

namespace {

/// A known collection: its row count (exact, or an upper bound when `exact` is false because the rows
/// come from per-person draws) and the generator that writes its rows.
struct collection_handler {
  std::string_view collection;
  bool exact;
  std::uint64_t (*count)(const world& w);
  void (*write)(collection_writer& out, const world& w);
};

std::uint64_t people_count(const world& w) { return w.people.size(); }

constexpr collection_handler handlers[] = {
    {"departments", true, [](const world& w) -> std::uint64_t { return w.departments.size(); }, write_departments},
    {"posts", true, [](const world& w) -> std::uint64_t { return w.posts.size(); }, write_posts},
    {"people", true, people_count, write_people},
    {"commitments", false, [](const world& w) { return 4 * people_count(w) + 1; }, write_commitments},
    {"trainings", false, [](const world& w) { return 2 * 9 * w.departments.size() + people_count(w) + 1; },
     write_trainings},
    {"assessments", false, [](const world& w) { return 2 * people_count(w) + 1; }, write_assessments},
    {"departures", false, [](const world& w) { return people_count(w) + 1; }, write_departures},
    {"employments", false, [](const world& w) { return people_count(w) + 1; }, write_employments},
    {"delegations", true, [](const world& w) { return w.delegations; }, write_delegations},
    {"travels", false, [](const world& w) { return 2 * people_count(w) + 1; }, write_travels},
    {"carriers", true, [](const world& w) { return w.carriers; }, write_carriers},
    {"carrier_copies", true, [](const world& w) { return w.carriers / 10; }, write_carrier_copies},
    {"carrier_transfers", true, [](const world& w) { return w.carriers / 5; }, write_carrier_transfers},
    {"carrier_carries", true, [](const world& w) { return w.carriers / 20; }, write_carrier_carries},
    {"carrier_loans", true, [](const world& w) { return w.carriers / 10; }, write_carrier_loans},
    {"destructions", true, [](const world& w) { return w.carriers / 100; }, write_destructions},
    {"carrier_collections", false, [](const world& w) -> std::uint64_t { return w.departments.size() + 1; },
     write_carrier_collections},
    {"devices", true, device_count, write_devices},
    {"networks", true, [](const world&) -> std::uint64_t { return 3; }, write_networks},
    {"outbound_alerts", true, [](const world& w) -> std::uint64_t { return w.people.size() / 1000 + 1; },
     write_outbound_alerts},
    {"media_uses", true, [](const world& w) -> std::uint64_t { return 4 * w.cleared.size(); }, write_media_uses},
    {"repairs", true, [](const world& w) -> std::uint64_t { return w.people.size() / 50 + 1; }, write_repairs},
    {"disposals", true, [](const world& w) -> std::uint64_t { return w.people.size() / 200 + 1; }, write_disposals},
    {"software_changes", true, [](const world& w) -> std::uint64_t { return w.people.size() / 5 + 1; },
     write_software_changes},
    {"phones", true, [](const world& w) -> std::uint64_t { return w.cleared.size(); }, write_phones},
    {"comm_devices", true, [](const world& w) -> std::uint64_t { return 3 * w.departments.size(); },
     write_comm_devices},
    {"places", true, place_count, write_places},
    {"visits", true, visit_count, write_visits},
    {"place_accesses", true, [](const world& w) -> std::uint64_t { return w.people.size(); }, write_place_accesses},
};

const collection_handler* find_handler(std::string_view collection) {
  for (const auto& h : handlers) {
    if (h.collection == collection) return &h;
  }
  return nullptr;
}

void write_generic_rows(collection_writer& out, std::uint64_t count) {
  for (std::uint64_t i = 0; i < count; ++i) {
    out.begin();
    out.commit();
  }
}

// The people's registers first (they are what a reader looks at), then the schema's order.
std::vector<const collection_plan*> write_order(const catalog& keys) {
  std::vector<const collection_plan*> order;
  for (std::string_view first : {"departments", "posts", "people"}) {
    for (const auto& p : keys.plans()) {
      if (p.collection == first) order.push_back(&p);
    }
  }
  for (const auto& p : keys.plans()) {
    if (std::find(order.begin(), order.end(), &p) == order.end()) order.push_back(&p);
  }
  return order;
}

using file_handle = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

// Rows for a collection no handler knows, relative to the size of the unit.
std::uint64_t default_count(std::string_view collection, const world& w) {
  if (collection == "meetings") return w.meetings;
  if (collection == "units") return 1;  // the unit itself (docs/facts-organisation.md)
  if (collection == "incidents") return std::max<std::uint64_t>(1, w.people.size() / 2000);
  return std::max<std::uint64_t>(1, w.people.size() / 10);
}

// To `file`, or with `dir` to a JSON Lines folder: the header in snapshot.json, each collection in
// NAME.jsonl with the same rows.
snapshot_stats write_any(std::FILE* file, const std::filesystem::path* dir, const facts::schema& schema,
                         const snapshot_options& options) {
  auto w = build_world(options.seed, options.people, options.as_of, options.carriers_per_person);
  catalog keys(schema);
  // Decide every count before writing a row: refs may point into collections written later. A
  // collection whose rows come from per-person draws has no exact count; if something refers to it,
  // it is written from its types instead, with an exact count.
  std::vector<const collection_handler*> chosen;
  for (auto& plan : keys.plans()) {
    const auto* h = find_handler(plan.collection);
    if (h && (h->exact || !plan.referenced)) {
      keys.set_count(plan.collection, h->count(w), h->exact);
      chosen.push_back(h);
    } else {
      keys.set_count(plan.collection, default_count(plan.collection, w), true);
      chosen.push_back(nullptr);
    }
  }
  generic_context ctx{&keys, w.as_of};
  snapshot_stats stats;
  file_handle header(dir ? std::fopen((*dir / "snapshot.json").c_str(), "wb") : nullptr, &std::fclose);
  if (dir && !header) return {0, 0, "", false};
  json_writer out(dir ? header.get() : file);
  out.raw("{\n  \"as_of\": ");
  out.date(w.as_of);
  out.raw(",\n  \"org\": {\"name\": \"某市保密局示范单位（合成数据）\"}");
  for (const auto* plan : write_order(keys)) {
    auto index = static_cast<std::size_t>(plan - keys.plans().data());
    file_handle lines(dir ? std::fopen((*dir / (plan->collection + ".jsonl")).c_str(), "wb") : nullptr, &std::fclose);
    if (dir && !lines) return {0, 0, "", false};
    std::optional<json_writer> lines_out;
    if (dir) {
      lines_out.emplace(lines.get());
    } else {
      out.raw(",\n  ");
      out.string(plan->collection);
      out.raw(": ");
    }
    random rng(derive_seed(options.seed, plan->collection));
    std::uint64_t rows = 0;
    {
      collection_writer rows_out(dir ? *lines_out : out, keys, ctx, plan->entity, rng, dir != nullptr);
      if (chosen[index])
        chosen[index]->write(rows_out, w);
      else
        write_generic_rows(rows_out, plan->count);
      rows = rows_out.rows();
    }
    if (lines_out) {
      stats.ok = lines_out->flush() && stats.ok;
      stats.bytes += lines_out->bytes_written();
      lines_out.reset();
      stats.ok = std::fclose(lines.release()) == 0 && stats.ok;
    }
    stats.rows += rows;
    if (!stats.counts.empty()) stats.counts += ", ";
    stats.counts += fmt::format("{} {}", plan->collection, rows);
  }
  out.raw("\n}\n");
  stats.ok = out.flush() && stats.ok;
  stats.bytes += out.bytes_written();
  if (header) stats.ok = std::fclose(header.release()) == 0 && stats.ok;
  return stats;
}

}  // namespace

snapshot_stats write_snapshot(std::FILE* file, const facts::schema& schema, const snapshot_options& options) {
  return write_any(file, nullptr, schema, options);
}

snapshot_stats write_snapshot_folder(const std::filesystem::path& dir, const facts::schema& schema,
                                     const snapshot_options& options) {
  return write_any(nullptr, &dir, schema, options);
}

}  // namespace baomi::gen

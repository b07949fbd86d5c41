// The hand-written generators of the known collections and the helpers they share.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tools/gen/row.hpp"
#include "tools/gen/world.hpp"

namespace baomi::gen {

// The generators, in personnel.cpp, departures.cpp and carriers.cpp.
void write_departments(collection_writer& out, const world& w);
void write_posts(collection_writer& out, const world& w);
void write_people(collection_writer& out, const world& w);
void write_commitments(collection_writer& out, const world& w);
void write_trainings(collection_writer& out, const world& w);
void write_assessments(collection_writer& out, const world& w);
void write_departures(collection_writer& out, const world& w);
void write_employments(collection_writer& out, const world& w);
void write_delegations(collection_writer& out, const world& w);
void write_travels(collection_writer& out, const world& w);
void write_carriers(collection_writer& out, const world& w);
void write_carrier_copies(collection_writer& out, const world& w);
void write_carrier_transfers(collection_writer& out, const world& w);
void write_carrier_carries(collection_writer& out, const world& w);
void write_carrier_loans(collection_writer& out, const world& w);
void write_destructions(collection_writer& out, const world& w);
void write_carrier_collections(collection_writer& out, const world& w);
// In devices.cpp: the registers of docs/facts-devices.md.
std::uint64_t device_count(const world& w);
std::uint64_t place_count(const world& w);
std::uint64_t visit_count(const world& w);
void write_devices(collection_writer& out, const world& w);
void write_networks(collection_writer& out, const world& w);
void write_outbound_alerts(collection_writer& out, const world& w);
void write_media_uses(collection_writer& out, const world& w);
void write_repairs(collection_writer& out, const world& w);
void write_disposals(collection_writer& out, const world& w);
void write_software_changes(collection_writer& out, const world& w);
void write_phones(collection_writer& out, const world& w);
void write_comm_devices(collection_writer& out, const world& w);
void write_places(collection_writer& out, const world& w);
void write_visits(collection_writer& out, const world& w);
void write_place_accesses(collection_writer& out, const world& w);

// Helpers shared by the generators.

/// `day`, or null with probability permille / 1000 (a record left empty in the register).
std::optional<facts::day_number> unless(random& r, unsigned permille, facts::day_number day);
/// Uniform day in [from, to].
facts::day_number day_between(random& r, facts::day_number from, facts::day_number to);
/// The day a departure was approved: a few days before the person left, fixed per person.
facts::day_number approved_day(const person_facts& p, std::uint32_t index);
/// The departure day of delegation `d`, fixed per delegation so that its members' trips agree.
facts::day_number delegation_departs(const world& w, std::uint64_t d);
/// A random in-post 涉密人员 (any person when there is none).
std::uint32_t random_cleared(random& r, const world& w);
/// January 1 of `year`.
facts::day_number first_day(int year);

}  // namespace baomi::gen

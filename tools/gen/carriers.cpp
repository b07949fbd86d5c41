// The 国家秘密载体 registers: carriers, and their copies, transfers, carries, loans and destructions.
#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "tools/gen/collections.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

namespace {

constexpr const char* levels[] = {"top_secret", "secret", "confidential"};
constexpr const char* level_labels[] = {"绝密", "机密", "秘密"};
constexpr int max_years[] = {30, 20, 10};

struct carrier_kind {
  const char* symbol;
  unsigned weight;
  bool medium;  // a storage medium: records the highest level ever stored
};

constexpr carrier_kind kinds[] = {
    {"document", 450, false},       {"material", 150, false},   {"drawing", 50, false},     {"notebook", 100, false},
    {"cipher_telegram", 30, false}, {"av_material", 20, false}, {"hard_disk", 30, true},    {"usb_drive", 70, true},
    {"removable_disk", 30, true},   {"floppy_disk", 3, true},   {"optical_disc", 40, true}, {"tape", 4, true},
    {"computer", 20, true},
};

const std::array<unsigned, std::size(kinds)>& kind_weights() {
  static const auto weights = [] {
    std::array<unsigned, std::size(kinds)> w{};
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = kinds[i].weight;
    return w;
  }();
  return weights;
}

// Up to `n` people of the department of `person`, the person first (a written 知悉范围).
void knowledge_scope(random& r, const world& w, std::uint32_t person, std::size_t n, std::vector<std::uint32_t>& out) {
  out.clear();
  out.push_back(person);
  auto d = w.people[person].department;
  auto size = w.member_offsets[d + 1] - w.member_offsets[d];
  for (std::size_t i = 1; i < n && size > 1; ++i) {
    auto other = w.members[w.member_offsets[d] + r.below(size)];
    if (std::find(out.begin(), out.end(), other) == out.end()) out.push_back(other);
  }
}

}  // namespace

void write_carriers(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  std::vector<std::uint32_t> scope;
  for (std::uint64_t c = 0; c < w.carriers; ++c) {
    static constexpr unsigned level_weights[] = {50, 350, 600};
    auto level = rng.weighted(level_weights);
    const auto& kind = kinds[rng.weighted(kind_weights())];
    auto custodian = random_cleared(rng, w);
    static constexpr const char* origins[] = {"produced", "received", "reproduced", "meeting_material"};
    static constexpr unsigned origin_weights[] = {400, 400, 150, 50};
    auto origin = rng.weighted(origin_weights);
    auto classified = w.as_of - day_between(rng, 0, 8 * 365);
    auto years = rng.permille(30) ? max_years[level] + 5 : max_years[level] - 5 * static_cast<int>(rng.below(2));
    static constexpr const char* statuses[] = {"in_use", "archived", "returned", "destroyed", "lost"};
    static constexpr unsigned status_weights[] = {750, 120, 50, 78, 2};
    auto state = rng.weighted(status_weights);

    auto& r = out.begin();
    r.set_string("title", document_title(rng, facts::year_of(classified)));
    r.set_enum("kind", kind.symbol);
    r.set_enum("level", levels[level]);
    if (rng.permille(50))
      r.set_null("period");
    else
      r.set_duration("period", fmt::format("{}y", years));
    r.set_date("classified_on", unless(rng, 20, classified));
    r.set_null("declassified_on");
    if (rng.permille(50))
      r.set_null("marking");
    else
      r.set_string("marking", fmt::format("{}★{}年", level_labels[level], years));
    r.set_string("number", fmt::format("{:04}", 1 + rng.below(300)));
    r.set_int("copies", static_cast<std::int64_t>(1 + rng.below(5)));
    r.set_enum("origin", origins[origin]);
    if (origin == 1) {
      r.set_string("issuing_unit", organization(rng));
      r.set_date("received_on", classified + day_between(rng, 1, 10));
    } else {
      r.set_null("issuing_unit");
      r.set_null("received_on");
    }
    r.set_ref("copy_of", "carriers", origin == 2 && c > 0 ? std::optional(rng.below(c)) : std::nullopt);
    r.set_ref("department", "departments", w.people[custodian].department);
    r.set_ref("custodian", "people", custodian);
    // Most carriers are held by their custodian; the rest sit in the 保密室 or are lent to a colleague.
    auto holder = rng.permille(250)
                      ? std::nullopt
                      : std::optional<std::uint64_t>(rng.permille(930) ? custodian : random_cleared(rng, w));
    r.set_ref("holder", "people", state <= 1 ? holder : std::nullopt);
    static constexpr const char* storages[] = {"safe", "secrecy_cabinet", "desk", "unlocked_drawer", "on_person",
                                               "home", "other_place"};
    static constexpr unsigned storage_weights[] = {550, 350, 50, 20, 15, 10, 5};
    r.set_enum("storage", level == 0 && rng.permille(950) ? "safe" : storages[rng.weighted(storage_weights)]);
    r.set_date("registered_on", unless(rng, 30, classified + day_between(rng, 0, 3)));
    if (kind.medium)
      r.set_enum("highest_level_stored", levels[rng.permille(950) ? level : rng.below(3)]);
    else
      r.set_null("highest_level_stored");
    if (rng.permille(400)) {
      r.set_null("knowledge_scope");
    } else {
      knowledge_scope(rng, w, custodian, 1 + rng.below(5), scope);
      r.set_refs("knowledge_scope", "people", scope);
    }
    r.set_enum("status", statuses[state]);
    r.set_date("checked_on", unless(rng, 150, w.as_of - day_between(rng, 0, 400)));
    r.set_bool("check_matched", !rng.permille(30));
    if (state == 4) {
      auto missing = w.as_of - day_between(rng, 0, 300);
      r.set_date("missing_since", missing);
      r.set_date("found_on", rng.permille(300) ? std::optional(missing + day_between(rng, 1, 20)) : std::nullopt);
    } else {
      r.set_null("missing_since");
      r.set_null("found_on");
    }
    out.commit();
  }
}

void write_carrier_copies(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* kinds_of_copy[] = {"produce", "print", "copy", "excerpt"};
  static constexpr unsigned copy_weights[] = {300, 350, 300, 50};
  for (std::uint64_t i = 0; i < w.carriers / 10; ++i) {
    auto day = w.as_of - day_between(rng, 0, 3 * 365);
    auto made = static_cast<std::int64_t>(1 + rng.below(5));
    auto& r = out.begin();
    r.set_ref("original", "carriers", rng.below(w.carriers));
    r.set_enum("kind", kinds_of_copy[rng.weighted(copy_weights)]);
    r.set_date("date", day);
    r.set_ref("operator", "people", random_cleared(rng, w));
    r.set_ref("supervisor", "people", rng.permille(200) ? std::nullopt : std::optional(random_cleared(rng, w)));
    r.set_ref("meeting", "meetings", std::nullopt);
    r.set_int("copies_approved", rng.permille(900) ? made : made - 1);
    r.set_int("copies_made", made);
    r.set_ref("approved_by", "people", random_cleared(rng, w));
    r.set_date("approved_on", unless(rng, 80, day - day_between(rng, 0, 5)));
    r.set_bool("classified_equipment", !rng.permille(20));
    r.set_int("waste_pages", static_cast<std::int64_t>(rng.below(3)));
    r.set_date("waste_destroyed_on", unless(rng, 100, day + day_between(rng, 0, 2)));
    out.commit();
  }
}

void write_carrier_transfers(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* directions[] = {"incoming", "outgoing", "internal"};
  static constexpr const char* channels[] = {"confidential",  "courier", "hand_to_hand",
                                             "ordinary_post", "express", "fax",
                                             "encrypted_fax", "email",   "network"};
  static constexpr unsigned channel_weights[] = {500, 200, 250, 10, 10, 5, 15, 5, 5};
  for (std::uint64_t i = 0; i < w.carriers / 5; ++i) {
    auto& r = out.begin();
    r.set_ref("carrier", "carriers", rng.below(w.carriers));
    r.set_enum("direction", directions[rng.below(3)]);
    r.set_date("date", w.as_of - day_between(rng, 0, 3 * 365));
    r.set_enum("channel", channels[rng.weighted(channel_weights)]);
    r.set_string("counterpart", organization(rng));
    r.set_ref("handled_by", "people", random_cleared(rng, w));
    r.set_bool("registered", !rng.permille(30));
    r.set_ref("signed_by", "people", rng.permille(50) ? std::nullopt : std::optional(random_cleared(rng, w)));
    r.set_bool("envelope_sealed", !rng.permille(20));
    out.commit();
  }
}

void write_carrier_carries(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* destinations[] = {"outside_work", "home",         "public_place",    "sightseeing",
                                                 "family_visit", "social_event", "foreign_affairs", "abroad"};
  static constexpr unsigned destination_weights[] = {900, 10, 5, 3, 3, 4, 40, 35};
  for (std::uint64_t i = 0; i < w.carriers / 20; ++i) {
    auto taken = w.as_of - day_between(rng, 0, 3 * 365);
    auto destination = rng.weighted(destination_weights);
    auto& r = out.begin();
    r.set_ref("carrier", "carriers", rng.below(w.carriers));
    r.set_ref("person", "people", random_cleared(rng, w));
    r.set_enum("destination", destinations[destination]);
    r.set_date("taken_on", taken);
    r.set_date("returned_on", unless(rng, 60, taken + day_between(rng, 0, 3)));
    r.set_enum("approver_role", "leader_in_charge");
    r.set_ref("approved_by", "people", random_cleared(rng, w));
    r.set_date("approved_on", unless(rng, 70, taken - day_between(rng, 0, 3)));
    r.set_bool("registered", !rng.permille(40));
    if (destination == 7) {
      r.set_date("secrecy_approved_on", unless(rng, 100, taken - day_between(rng, 3, 20)));
      r.set_string("permit_no", fmt::format("CJ{}{:05}", facts::year_of(taken), rng.below(100000)));
    } else {
      r.set_null("secrecy_approved_on");
      r.set_null("permit_no");
    }
    out.commit();
  }
}

void write_carrier_loans(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t i = 0; i < w.carriers / 10; ++i) {
    auto borrowed = w.as_of - day_between(rng, 0, 2 * 365);
    auto& r = out.begin();
    r.set_ref("carrier", "carriers", rng.below(w.carriers));
    r.set_ref("borrower", "people", random_cleared(rng, w));
    r.set_date("borrowed_on", borrowed);
    r.set_date("due_on", borrowed + day_between(rng, 0, 14));
    bool open = borrowed > w.as_of - 20 && rng.permille(500);
    r.set_date("returned_on", open ? std::nullopt : std::optional(borrowed + day_between(rng, 0, 15)));
    r.set_ref("approved_by", "people", random_cleared(rng, w));
    r.set_date("approved_on", unless(rng, 60, borrowed - day_between(rng, 0, 2)));
    r.set_bool("registered", !rng.permille(30));
    r.set_ref("relent_to", "people", rng.permille(15) ? std::optional(random_cleared(rng, w)) : std::nullopt);
    out.commit();
  }
}

void write_destructions(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* methods[] = {"shredding",           "burning",    "pulping",   "physical",
                                            "designated_facility", "formatting", "discarding"};
  static constexpr unsigned method_weights[] = {400, 50, 100, 100, 330, 15, 5};
  std::vector<std::uint32_t> items, supervisors;
  for (std::uint64_t i = 0; i < w.carriers / 100; ++i) {
    auto day = w.as_of - day_between(rng, 0, 3 * 365);
    items.clear();
    for (auto n = 1 + rng.below(10); n > 0; --n) items.push_back(static_cast<std::uint32_t>(rng.below(w.carriers)));
    supervisors.clear();
    for (auto n = rng.permille(100) ? 1 : 2; n > 0; --n) supervisors.push_back(random_cleared(rng, w));
    auto& r = out.begin();
    r.set_refs("carriers", "carriers", items);
    r.set_date("destroyed_on", day);
    r.set_enum("method", methods[rng.weighted(method_weights)]);
    r.set_enum("approver_role", "secrecy_leader");
    r.set_ref("approved_by", "people", random_cleared(rng, w));
    r.set_date("approved_on", unless(rng, 50, day - day_between(rng, 1, 10)));
    r.set_bool("registered", !rng.permille(30));
    r.set_refs("supervisors", "people", supervisors);
    r.set_bool("place_designated", !rng.permille(40));
    r.set_bool("sold_as_waste", rng.permille(5));
    out.commit();
  }
}

void write_carrier_collections(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  int year = facts::year_of(w.as_of);
  for (std::uint32_t d = 0; d < w.departments.size(); ++d) {
    if (!rng.permille(900)) continue;
    auto& r = out.begin();
    r.set_ref("department", "departments", d);
    r.set_int("year", year - 1);
    r.set_date("collected_on", *facts::make_date(year - 1, 12, static_cast<unsigned>(1 + rng.below(28))));
    out.commit();
  }
}

}  // namespace baomi::gen

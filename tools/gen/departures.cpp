// Departures, post-departure employment, delegations and trips: the 离岗离职 and 出国(境) registers.
#include <algorithm>

#include <fmt/format.h>

#include "tools/gen/collections.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

facts::day_number delegation_departs(const world& w, std::uint64_t d) {
  random r(derive_seed(w.seed ^ d, "delegation"));
  return w.as_of - day_between(r, 10, 700);
}

namespace {

// The 脱密期 by grade (核心 2–3 years, 重要 1–2, 一般 6 months–1 year), as months.
int cooloff_months(random& r, grade g) {
  switch (g) {
    case grade::core:
      return r.permille(500) ? 36 : 24;
    case grade::important:
      return r.permille(500) ? 24 : 12;
    default:
      return r.permille(500) ? 12 : 6;
  }
}

facts::day_number add_months(facts::day_number day, int months) {
  return *facts::add(day, facts::duration{months, 0, 0}, nullptr);
}

}  // namespace

void write_departures(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* kinds[] = {"post_change", "transfer", "resignation", "dismissal"};
  static constexpr unsigned kind_weights[] = {300, 300, 300, 100};
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (!p.departure_recorded) continue;
    bool leaving = p.left > w.as_of;  // in progress: steps before leaving may still be open
    auto approved = approved_day(p, i);
    auto& r = out.begin();
    r.set_ref("person", "people", i);
    r.set_enum("kind", p.state == status::retired ? "retirement" : kinds[rng.weighted(kind_weights)]);
    r.set_date("approved_on", unless(rng, 50, approved));
    r.set_date("left_on", p.left);
    auto months = cooloff_months(rng, p.level);
    if (rng.permille(30)) months /= 2;  // shorter than the grade allows
    r.set_date("cooloff_until", unless(rng, 40, add_months(approved, months)));
    auto returned = p.left - day_between(rng, 0, 10);
    r.set_date("carriers_returned_on", unless(rng, leaving ? 500 : 50, returned));
    r.set_string("carriers_verified_by", rng.permille(700) ? "保密办" : w.departments[p.department].name);
    r.set_date("carriers_verified_on", unless(rng, leaving ? 600 : 80, returned + day_between(rng, 0, 3)));
    r.set_date("secrecy_opinion_on", unless(rng, 70, approved - day_between(rng, 1, 15)));
    r.set_date("exposure_assessed_on", unless(rng, 100, approved - day_between(rng, 0, 20)));
    out.commit();
  }
}

void write_employments(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  // Foreign employers with their kind (PER-DEP rules restrict these during the 脱密期).
  struct employer {
    std::string_view name;
    const char* kind;
  };
  static constexpr employer foreign[] = {
      {"某国驻华大使馆", "foreign_mission"},
      {"某地区驻内地联络机构", "overseas_mission"},
      {"某境外基金会", "overseas_organization"},
      {"境外个人（咨询服务）", "overseas_person"},
      {"某中外合资通信设备有限公司", "foreign_invested"},
      {"某外商独资软件开发有限公司", "wholly_foreign_owned"},
  };
  static constexpr unsigned foreign_weights[] = {5, 5, 10, 10, 40, 30};
  static constexpr std::string_view trades[] = {"信息技术", "软件", "工程咨询", "电子科技", "数据服务", "建筑设计"};
  static constexpr const char* activities[] = {"employed", "labor", "consulting", "service"};
  static constexpr unsigned activity_weights[] = {700, 100, 120, 80};
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    if (p.state != status::departed || !p.departure_recorded || p.left > w.as_of - 10 || !rng.permille(250)) continue;
    auto from = p.left + day_between(rng, 10, std::min(500, w.as_of - p.left));
    auto& r = out.begin();
    r.set_ref("person", "people", i);
    if (rng.permille(200)) {
      const auto& e = foreign[rng.weighted(foreign_weights)];
      r.set_string("employer", e.name);
      r.set_enum("employer_kind", e.kind);
    } else {
      r.set_string("employer", fmt::format("某{}有限公司", trades[rng.below(std::size(trades))]));
      r.set_enum("employer_kind", "domestic_unit");
    }
    r.set_enum("activity", activities[rng.weighted(activity_weights)]);
    r.set_date("from", from);
    r.set_date("until",
               rng.permille(700) ? std::nullopt : std::optional(std::min(w.as_of, from + day_between(rng, 30, 400))));
    out.commit();
  }
}

void write_delegations(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t d = 0; d < w.delegations; ++d) {
    auto& r = out.begin();
    r.set_string("name", fmt::format("赴{}{}团", foreign_place(rng), delegation_purpose(rng)));
    r.set_date("departs_on", delegation_departs(w, d));
    r.set_ref("secrecy_lead", "people", rng.permille(150) ? std::nullopt : std::optional(random_cleared(rng, w)));
    out.commit();
  }
}

void write_travels(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* levels[] = {"top_secret", "secret", "confidential"};
  for (std::uint32_t i = 0; i < w.people.size(); ++i) {
    const auto& p = w.people[i];
    for (int trip = 0; trip < p.trips; ++trip) {
      bool official = rng.permille(600);
      static constexpr unsigned destination_weights[] = {500, 250, 250};
      auto destination = rng.weighted(destination_weights);  // foreign, hmt, domestic
      std::optional<std::uint64_t> delegation;
      if (official && destination == 0 && rng.permille(500)) delegation = rng.below(w.delegations);
      auto departs = delegation ? delegation_departs(w, *delegation) : w.as_of - day_between(rng, 0, 700);
      auto& r = out.begin();
      r.set_ref("person", "people", i);
      r.set_enum("kind", official ? "official" : "private");
      r.set_enum("destination", destination == 0 ? "foreign" : destination == 1 ? "hmt" : "domestic");
      if (destination == 0)
        r.set_string("place", foreign_place(rng));
      else if (destination == 1)
        r.set_string("place", hmt_place(rng));
      else
        r.set_null("place");
      r.set_ref("delegation", "delegations", delegation);
      r.set_date("departs_on", departs);
      r.set_date("returns_on", unless(rng, 50, departs + day_between(rng, 3, 20)));
      r.set_string("approved_by", official ? "市委组织部" : w.departments[p.department].name + "负责人");
      r.set_date("approved_on", unless(rng, 40, departs - day_between(rng, 5, 40)));
      bool cleared = p.level != grade::none;
      r.set_date("briefed_on", unless(rng, cleared || delegation ? 120 : 500, departs - day_between(rng, 1, 10)));
      if (destination != 2 && cleared && rng.permille(40)) {
        r.set_enum("carried_level", levels[rng.below(3)]);
        r.set_date("carriers_approved_on", unless(rng, 300, departs - day_between(rng, 2, 20)));
      } else {
        r.set_null("carried_level");
        r.set_null("carriers_approved_on");
      }
      out.commit();
    }
  }
}

}  // namespace baomi::gen

// The registers of 信息设备、网络、通信设备 and 涉密场所 (docs/facts-devices.md): about one computer per
// person, a 涉密U盘 per in-post 涉密人员, a few office machines per department, and the logs around them.
#include <array>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "tools/gen/collections.hpp"
#include "tools/gen/vocabulary.hpp"

namespace baomi::gen {

namespace {

constexpr std::string_view secret_controls[] = {"identity_auth",       "access_authorization", "outbound_monitoring",
                                                "antivirus",           "media_control",        "encryption",
                                                "screensaver_password"};
constexpr std::string_view open_controls[] = {"firewall", "antivirus"};
constexpr std::string_view network_controls[] = {"policy_config",   "identity_auth", "access_control",
                                                 "audit",           "boundary",      "flow_control",
                                                 "data_protection", "monitoring",    "tempest"};
constexpr std::string_view wifi[] = {"wifi"};
constexpr std::string_view webcam[] = {"webcam"};

// The symbols, or an empty list.
std::span<const std::string_view> when(bool on, std::span<const std::string_view> symbols) {
  return on ? symbols : symbols.first(0);
}

const char* device_level(grade g) { return g == grade::general ? "confidential" : "secret"; }

bool secret(const world& w, std::uint64_t person) { return w.people[person].level != grade::none; }

// One computer per person, a U盘 per in-post 涉密人员, then per department a 涉密打印机, a 非涉密打印机,
// a 涉密多功能一体机 and a 保密技术防护设备.
std::uint64_t media_offset(const world& w) { return w.people.size(); }
std::uint64_t office_offset(const world& w) { return w.people.size() + w.cleared.size(); }

// The computers of department d's in-post 涉密人员 (the hosts of its 涉密打印机 and 一体机), at most 20.
std::vector<std::uint32_t> secret_hosts(const world& w, std::uint32_t d) {
  std::vector<std::uint32_t> out;
  for (auto i = w.member_offsets[d]; i < w.member_offsets[d + 1] && out.size() < 20; ++i) {
    auto p = w.members[i];
    if (secret(w, p) && w.people[p].state == status::active) out.push_back(p);
  }
  return out;
}

// The fields of a computer's register entry that media and office machines do not have.
void no_temp_secret(row& r) {
  r.set_null("temp_secret_encrypted");
  r.set_null("temp_secret_until");
  r.set_null("temp_secret_deleted_on");
}

void not_a_computer(row& r) {
  r.set_null("network_approved_on");
  r.set_null("data_reviewed_on");
  r.set_null("temp_secret");
  no_temp_secret(r);
}

void common(row& r, const world& w, std::uint64_t person, random& rng) {
  r.set_ref("department", "departments", w.people[person].department);
  r.set_ref("responsible", "people", rng.permille(5) ? std::nullopt : std::optional(person));
  r.set_string("location", fmt::format("办公楼{}层", 1 + rng.below(6)));
  r.set_enum("status", "in_use");
}

}  // namespace

std::uint64_t device_count(const world& w) { return office_offset(w) + 4 * w.departments.size(); }

void write_devices(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t p = 0; p < w.people.size(); ++p) {
    bool s = secret(w, p);
    auto& r = out.begin();
    bool laptop = rng.permille(80);
    r.set_enum("kind", laptop ? "laptop" : "desktop");
    r.set_string("model", s ? "联想 启天M430" : "联想 扬天M4000");
    r.set_bool("secret", s);
    if (s)
      r.set_enum("level", device_level(w.people[p].level));
    else
      r.set_null("level");
    common(r, w, p, rng);
    r.set_bool("labelled", !s || !rng.permille(20));
    if (s)
      r.set_refs("networks", "networks", std::array<std::uint32_t, 1>{0});
    else
      r.set_refs("networks", "networks", std::array<std::uint32_t, 1>{1});
    r.set_bool("internet", !s || rng.permille(2));
    r.set_date("internet_approved_on", s ? std::nullopt : unless(rng, 300, w.as_of - day_between(rng, 30, 900)));
    r.set_enums("wireless", when(rng.permille(s ? 5 : 600), wifi));
    r.set_enums("av_inputs", when(rng.permille(s ? 3 : 300), webcam));
    auto controls =
        s ? std::span<const std::string_view>(secret_controls) : std::span<const std::string_view>(open_controls);
    r.set_enums("controls", s && rng.permille(30) ? controls.first(4) : controls);
    r.set_int("password_length", static_cast<std::int64_t>(rng.permille(50) ? 6 : 10));
    r.set_refs("hosts", "devices", std::span<const std::uint32_t>());
    auto since = w.as_of - day_between(rng, 100, 2000);
    r.set_date("approved_on", s ? unless(rng, 20, since - 10) : std::nullopt);
    r.set_date("tested_on", s ? unless(rng, 20, since - day_between(rng, 1, 8)) : std::nullopt);
    r.set_date("in_use_since", since);
    r.set_int("secret_files_found", static_cast<std::int64_t>(!s && rng.permille(10) ? 1 + rng.below(3) : 0));
    // 入网审批 (DEV-016): one computer in a hundred joined the network without it.
    r.set_date("network_approved_on", unless(rng, 10, since));
    // The yearly review of the files on a 涉密计算机 (DEV-058): a few never reviewed, a few overdue.
    r.set_date("data_reviewed_on", s ? unless(rng, 20, w.as_of - day_between(rng, 10, 380)) : std::nullopt);
    // A non-secret laptop now and then holds secret information for a task (DEV-031, DEV-032).
    bool temp = laptop && !s && rng.permille(100);
    r.set_bool("temp_secret", temp);
    if (temp) {
      auto until = w.as_of - day_between(rng, 0, 300);
      r.set_bool("temp_secret_encrypted", !rng.permille(50));
      r.set_date("temp_secret_until", until);
      r.set_date("temp_secret_deleted_on", unless(rng, 50, until + day_between(rng, 0, 5)));
    } else {
      no_temp_secret(r);
    }
    out.commit();
  }
  for (auto p : w.cleared) {
    auto& r = out.begin();
    r.set_enum("kind", rng.permille(850) ? "usb_drive" : "removable_disk");
    r.set_string("model", "涉密专用U盘");
    r.set_bool("secret", true);
    r.set_enum("level", device_level(w.people[p].level));
    common(r, w, p, rng);
    r.set_bool("labelled", !rng.permille(20));
    r.set_refs("hosts", "devices", std::array<std::uint32_t, 1>{p});
    r.set_date("approved_on", w.as_of - day_between(rng, 100, 2000));
    not_a_computer(r);
    out.commit();
  }
  for (std::uint32_t d = 0; d < w.departments.size(); ++d) {
    auto hosts = secret_hosts(w, d);
    auto keeper = hosts.empty() ? w.members[w.member_offsets[d]] : hosts.front();
    for (int k = 0; k < 4; ++k) {
      auto& r = out.begin();
      static constexpr const char* kinds[] = {"printer", "printer", "mfp", "protection_device"};
      r.set_enum("kind", kinds[k]);
      r.set_bool("secret", k != 1);
      if (k != 1)
        r.set_enum("level", "secret");
      else
        r.set_null("level");
      common(r, w, keeper, rng);
      if (k == 3)
        r.set_refs("hosts", "devices", std::span<const std::uint32_t>());
      else
        r.set_refs("hosts", "devices", hosts);
      r.set_bool("memory", false);
      r.set_bool("fax_function", k == 2);
      r.set_bool("phone_line", k == 2 && rng.permille(30));
      r.set_bool("functional", !rng.permille(30));
      r.set_date("approved_on", w.as_of - day_between(rng, 100, 2000));
      not_a_computer(r);
      out.commit();
    }
  }
}

void write_networks(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* names[] = {"机关涉密内网", "非涉密办公内网", "互联网接入"};
  static constexpr const char* kinds[] = {"secret_network", "internal", "internet"};
  for (int n = 0; n < 3; ++n) {
    auto& r = out.begin();
    r.set_string("name", names[n]);
    r.set_enum("kind", kinds[n]);
    auto live = w.as_of - day_between(rng, 400, 1500);
    if (n == 0) {
      r.set_enum("level", "secret");
      r.set_bool("vendor_qualified", true);
      r.set_bool("vendor_pledge", true);
      r.set_date("tested_on", live - 30);
      r.set_date("approved_on", live - 15);
      r.set_date("live_on", live);
      r.set_enums("controls", network_controls);
      r.set_bool("internet", false);
      r.set_date("last_risk_assessment_on", w.as_of - day_between(rng, 30, 300));
      r.set_bool("management_rules", true);
      r.set_ref("administrator", "people", random_cleared(rng, w));
      r.set_bool("secrecy_planned", true);
      r.set_int("privilege_violations", static_cast<std::int64_t>(rng.permille(100) ? 1 + rng.below(3) : 0));
      r.set_bool("database", true);
    } else {
      for (auto field : {"secrecy_planned", "privilege_violations", "database"}) r.set_null(field);
    }
    // No order to stop and rectify (NET-033, NET-034); a government unit's networks hold no 寄递用户信息,
    // so the courier fields (NET-060 … NET-067, cn.profiles.s003_p3) stay empty.
    for (auto field :
         {"violation_on", "rectify_by", "accepted_on", "used_before_acceptance", "zones_isolated",
          "default_credentials", "encrypted_transfer", "remote_access_controlled", "security_admin", "auditor",
          "admin_ops_authorized", "password_policy", "encrypted_storage", "interconnection_reviewed"})
      r.set_null(field);
    r.set_bool("courier_data", false);
    r.set_date("last_check_on", w.as_of - day_between(rng, 30, 300));
    r.set_int("access_points", n == 2 ? 1 : 0);
    r.set_int("secret_files_found", 0);
    if (n != 0) r.set_ref("administrator", "people", std::nullopt);
    out.commit();
  }
}

void write_outbound_alerts(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t i = 0; i < w.people.size() / 1000 + 1; ++i) {
    auto& r = out.begin();
    r.set_ref("device", "devices", random_cleared(rng, w));
    r.set_date("on", w.as_of - day_between(rng, 0, 365));
    r.set_enum("kind", rng.permille(700) ? "internet_link" : "wireless_link");
    out.commit();
  }
}

void write_media_uses(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t j = 0; j < w.cleared.size(); ++j) {
    for (int k = 0; k < 4; ++k) {
      auto owner = w.cleared[j];
      // Now and then a 涉密U盘 turns up on someone else's computer, secret or not (交叉使用).
      auto host = rng.permille(10) ? rng.below(w.people.size()) : owner;
      auto& r = out.begin();
      r.set_ref("medium", "devices", rng.permille(3) ? std::nullopt : std::optional(media_offset(w) + j));
      r.set_ref("host", "devices", host);
      r.set_date("on", w.as_of - day_between(rng, 0, 365));
      r.set_ref("by", "people", owner);
      r.set_bool("internet_data", rng.permille(20));
      r.set_bool("one_way", !rng.permille(100));
      out.commit();
    }
  }
}

void write_repairs(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t i = 0; i < w.people.size() / 50 + 1; ++i) {
    auto day = w.as_of - day_between(rng, 0, 700);
    bool offsite = rng.permille(300);
    auto& r = out.begin();
    r.set_ref("device", "devices", rng.below(w.people.size()));
    r.set_date("on", day);
    r.set_bool("offsite", offsite);
    r.set_date("approved_on", offsite ? unless(rng, 50, day - day_between(rng, 1, 5)) : std::nullopt);
    static constexpr std::string_view approvers[] = {"secrecy_committee", "leader_in_charge"};
    r.set_enums("approvers", when(offsite, approvers));
    r.set_bool("storage_removed", !rng.permille(40));
    r.set_bool("data_erased", !rng.permille(100));
    r.set_ref("supervised_by", "people", rng.permille(50) ? std::nullopt : std::optional(random_cleared(rng, w)));
    r.set_bool("designated_shop", !rng.permille(50));
    r.set_bool("recorded", !rng.permille(50));
    r.set_bool("data_accessed", rng.permille(5));
    out.commit();
  }
}

void write_disposals(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* methods[] = {"destroyed", "handed_over", "sold", "discounted", "donated"};
  static constexpr unsigned weights[] = {800, 170, 10, 10, 10};
  for (std::uint64_t i = 0; i < w.people.size() / 200 + 1; ++i) {
    auto& r = out.begin();
    r.set_ref("device", "devices", rng.below(w.people.size()));
    r.set_date("on", w.as_of - day_between(rng, 0, 700));
    r.set_enum("method", methods[rng.weighted(weights)]);
    r.set_bool("storage_destroyed", !rng.permille(30));
    out.commit();
  }
}

void write_software_changes(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* software[] = {"WPS Office", "输入法", "PDF阅读器", "主机监控与审计系统", "看图软件"};
  for (std::uint64_t i = 0; i < w.people.size() / 5 + 1; ++i) {
    auto which = rng.below(std::size(software));
    bool install = rng.permille(900);
    // A game installed on a work computer (DEV-029), a few in a thousand installs.
    bool game = install && rng.permille(5);
    auto& r = out.begin();
    r.set_ref("device", "devices", rng.below(w.people.size()));
    r.set_date("on", w.as_of - day_between(rng, 0, 700));
    r.set_enum("action", install ? "install" : "uninstall");
    r.set_string("software", game ? "某网络游戏" : software[which]);
    r.set_ref("by", "people", random_cleared(rng, w));
    r.set_bool("authorized", !rng.permille(40));
    r.set_bool("origin_known", !rng.permille(20));
    r.set_bool("protection", !game && which == 3);
    r.set_bool("game", game);
    out.commit();
  }
}

void write_phones(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (auto p : w.cleared) {
    auto& r = out.begin();
    r.set_ref("owner", "people", p);
    r.set_enum("kind", rng.permille(50) ? "dedicated" : "ordinary");
    r.set_int("secret_files_found", static_cast<std::int64_t>(rng.permille(5) ? 1 : 0));
    out.commit();
  }
}

void write_comm_devices(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr const char* kinds[] = {"telephone", "fax", "secure_phone"};
  for (std::uint32_t d = 0; d < w.departments.size(); ++d) {
    for (int k = 0; k < 3; ++k) {
      // Every fifth department keeps a 无线话筒 (for its meeting room) in place of a second telephone.
      bool mic = k == 0 && d % 5 == 4;
      auto& r = out.begin();
      r.set_enum("kind", mic ? "wireless_mic" : kinds[k]);
      r.set_ref("department", "departments", d);
      r.set_ref("custodian", "people", rng.permille(50) ? std::nullopt : std::optional(random_cleared(rng, w)));
      r.set_bool("secure", k == 2);
      r.set_bool("used_for_secret", k == 2 || rng.permille(10));
      r.set_bool("imported", false);
      r.set_date("inspected_on", w.as_of - day_between(rng, 100, 900));
      r.set_bool("register_kept", !rng.permille(50));
      r.set_bool("foreign", false);
      if (k == 1)
        r.set_int("plain_replies_found", static_cast<std::int64_t>(rng.permille(10) ? 1 : 0));
      else
        r.set_null("plain_replies_found");
      if (mic)
        r.set_bool("scope_defined", !rng.permille(100));
      else
        r.set_null("scope_defined");
      out.commit();
    }
  }
}

std::uint64_t place_count(const world& w) { return 2 * w.departments.size(); }

void write_places(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  static constexpr std::string_view measures[] = {"guard",           "key_custody",   "iron_door",
                                                  "iron_windows",    "iron_cabinets", "monitoring",
                                                  "fire_prevention", "damp_proofing", "alarm"};
  for (std::uint32_t d = 0; d < w.departments.size(); ++d) {
    auto hosts = secret_hosts(w, d);
    for (int k = 0; k < 2; ++k) {
      auto designated = w.as_of - day_between(rng, 200, 2000);
      auto& r = out.begin();
      r.set_string("name", fmt::format("{}{}", w.departments[d].name, k == 0 ? "涉密办公室" : "涉密载体保管室"));
      r.set_enum("kind", k == 0 ? "key_part" : "storage_room");
      r.set_enum("level", "secret");
      r.set_ref("department", "departments", d);
      r.set_ref("responsible", "people", hosts.empty() ? std::nullopt : std::optional(hosts.front()));
      r.set_date("designated_on", designated);
      r.set_date("designation_approved_on", unless(rng, 30, designated + 15));
      r.set_date("reviewed_on", w.as_of - day_between(rng, 0, 400));
      std::span<const std::string_view> all = measures;
      r.set_enums("measures", rng.permille(50) ? all.first(3) : all);
      r.set_refs("authorized", "people", hosts);
      r.set_date("checked_before_holiday_on", w.as_of - day_between(rng, 0, 270));
      r.set_bool("control_zone", true);
      r.set_bool("safe_distance", true);
      r.set_bool("no_photo", true);
      r.set_bool("cleaning_supervised", true);
      r.set_int("secret_postings", 0);
      out.commit();
    }
  }
}

std::uint64_t visit_count(const world& w) { return w.departments.size() / 2 + 1; }

void write_visits(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t i = 0; i < visit_count(w); ++i) {
    auto day = w.as_of - day_between(rng, 0, 365);
    auto& r = out.begin();
    r.set_string("visitors", fmt::format("{}参观团", organization(rng)));
    r.set_bool("foreign", rng.permille(100));
    r.set_date("on", day);
    r.set_date("approved_on", unless(rng, 50, day - day_between(rng, 2, 10)));
    r.set_bool("plan", true);
    r.set_date("foreign_affairs_reviewed_on", day - day_between(rng, 3, 12));
    r.set_refs("places", "places", std::array<std::uint32_t, 1>{static_cast<std::uint32_t>(rng.below(place_count(w)))});
    r.set_ref("host", "people", random_cleared(rng, w));
    r.set_bool("photos", rng.permille(100));
    r.set_bool("photos_approved", true);
    r.set_bool("secret_items_shown", false);
    out.commit();
  }
}

void write_place_accesses(collection_writer& out, const world& w) {
  auto& rng = out.rng();
  for (std::uint64_t i = 0; i < w.people.size(); ++i) {
    auto d = static_cast<std::uint32_t>(rng.below(w.departments.size()));
    auto hosts = secret_hosts(w, d);
    auto person = hosts.empty() ? random_cleared(rng, w) : hosts[rng.below(hosts.size())];
    bool visitor = hosts.empty() || rng.permille(20);
    auto& r = out.begin();
    r.set_ref("place", "places", 2 * std::uint64_t{d} + rng.below(2));
    r.set_date("on", w.as_of - day_between(rng, 0, 365));
    r.set_ref("person", "people", visitor ? std::nullopt : std::optional(person));
    if (visitor)
      r.set_string("visitor", "外来人员");
    else
      r.set_null("visitor");
    r.set_bool("foreign", false);
    r.set_date("approved_on", visitor ? unless(rng, 100, w.as_of - 400) : std::nullopt);
    r.set_ref("visit", "visits", std::nullopt);
    out.commit();
  }
}

}  // namespace baomi::gen

// Hand-made run results for the report tests: what the engine would produce for small snapshots.
// Findings point into the result's rules, so a result must be moved, never copied.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/findings.hpp"

namespace baomi::testing::samples {

using namespace engine;

inline evidence ev(std::string pointer, std::string value, std::string role = {}) {
  return {std::move(pointer), std::move(value), std::move(role)};
}

/// The record's position is made up from its index (a pretty-printed snapshot, a record every 6 lines).
inline subject subj(std::string collection, std::string key, std::string label, int index) {
  auto pointer = "/" + collection + "/" + std::to_string(index);
  auto line = static_cast<std::uint32_t>(4 + 6 * index);
  return {std::move(collection), std::move(key), std::move(pointer), std::move(label), line, 5, {}};
}

/// Every outcome, several areas, a waiver, deadlines, join evidence and data issues.
inline run_result full() {
  run_result r;
  r.snapshot_path = "facts/examples/unit-2026.json";
  r.as_of = "2026-03-31";
  r.profile = "strict";
  r.rules = {
      {"DEP-010",
       "脱密期期限应符合涉密等级对应的期限",
       severity::high,
       "四(四)",
       {{"004", "涉密人员管理规定", "核心涉密人员为3-5年，重要涉密人员为2-3年，一般涉密人员为1-2年", "篇五 二(二)"},
        {"004", "涉密人员管理规定", "脱密期自单位批准涉密人员离开涉密岗位之日起计算", "篇五 二(二)"}},
       {"personnel", "cooloff"},
       "cn.personnel",
       {"rulesets/cn/personnel.baomi", 18, 1}},
      {"PER-010",
       "离岗涉密人员应签订离岗保密承诺书",
       severity::high,
       "四(四)",
       {{"004", "涉密人员管理规定", "对其签定涉密人员离岗保密承诺书", ""}},
       {"personnel"},
       "cn.personnel",
       {"rulesets/cn/personnel.baomi", 40, 1}},
      {"TRN-010",
       "涉密人员每年参加不少于两次保密教育培训",
       severity::medium,
       "四(三)",
       {{"004", "", "参加不少两次的保密法制和保密知识教育培训", "篇五 一(四)"}},
       {"training"},
       "cn.personnel",
       {"rulesets/cn/personnel.baomi", 48, 1}},
      {"CAR-020",
       "下落不明的载体逾期未找到应按泄密事件处理",
       severity::critical,
       "四(六)",
       {{"004", "", "绝密级10日内，机密、秘密级60日内查无下落的，应当按泄密事件处理", ""}},
       {"carriers"},
       "cn.carriers",
       {"rulesets/cn/carriers.baomi", 12, 3}},
      {"MTG-030",
       "涉密会议应使用符合保密要求的场所并指定专人负责保密管理",
       severity::low,
       "四(九)",
       {{"001", "机关单位保密自查自评工作办法",
         "涉密会议、活动使用符合保密要求的场所、设施、设备；主办涉密会议或活动的内设机构指定人员负责保密管理工作，"
         "落实各项保密措施。重要涉密会议或活动制定保密方案并报本机关、本单位保密工作机构备案",
         "四(九) 1、2"}},
       {},
       "cn.meetings",
       {"rulesets/cn/meetings.baomi", 5, 1}},
  };
  const rule_info* dep = &r.rules[0];
  const rule_info* per = &r.rules[1];
  const rule_info* trn = &r.rules[2];
  const rule_info* car = &r.rules[3];
  const rule_info* mtg = &r.rules[4];
  r.findings = {
      {trn,
       outcome::fail,
       severity::medium,
       subj("people", "P-0007", "钱七", 7),
       "钱七 2026 年参加保密教育培训不足 2 次",
       "安排补训并登记培训记录",
       {ev("/people/7/grade", "重要", "p.grade"), ev("/trainings/3/attendees/2", "P-0007", "join: trainings")},
       std::nullopt,
       std::nullopt,
       "8c1f0e7a9b2d4e61",
       ""},
      {trn,
       outcome::not_applicable,
       severity::medium,
       subj("people", "P-0009", "孙九", 9),
       "",
       "",
       {ev("/people/9/status", "退休", "p.status")},
       std::nullopt,
       std::nullopt,
       "5a7e2c9d0b1f3e84",
       ""},
      {dep,
       outcome::fail,
       severity::high,
       subj("departures", "16", "张三", 16),
       "张三（核心）脱密期自 2025-01-06 至 2026-01-06，不在规定期限内",
       "按涉密等级重新确定脱密期：核心3-5年、重要2-3年、一般1-2年",
       {ev("/departures/16/approved_on", "2025-01-06", "d.approved_on"),
        ev("/departures/16/cooloff_until", "2026-01-06", "d.cooloff_until"),
        ev("/people/3/grade", "核心", "d.person.grade")},
       std::nullopt,
       std::nullopt,
       "0f3a9c2e7d41b658",
       ""},
      {dep,
       outcome::pass,
       severity::high,
       subj("departures", "17", "李四", 17),
       "",
       "",
       {ev("/departures/17/approved_on", "2024-05-20", "d.approved_on"),
        ev("/departures/17/cooloff_until", "2027-05-20", "d.cooloff_until")},
       std::nullopt,
       std::nullopt,
       "91b0d2c4e6f80a13",
       ""},
      {dep,
       outcome::unknown,
       severity::high,
       subj("departures", "18", "王五", 18),
       "王五（一般）脱密期自 null 至 2026-09-30，不在规定期限内",
       "按涉密等级重新确定脱密期：核心3-5年、重要2-3年、一般1-2年",
       {ev("/departures/18/approved_on", "null", "d.approved_on")},
       std::nullopt,
       std::nullopt,
       "2d4c6e8f0a1b3c5d",
       ""},
      {per,
       outcome::waived,
       severity::high,
       subj("departures", "16", "张三", 16),
       "张三 于 2025-01-06 离岗，未签订离岗保密承诺书",
       "补签《离岗保密承诺书》",
       {ev("/departures/16/left_on", "2025-01-06", "d.left_on")},
       std::nullopt,
       std::nullopt,
       "77e1a0c3b5d2f946",
       "承诺书原件在干部档案中，已由组织部出具证明（保密办 2026-02-10 批准）"},
      {per,
       outcome::pass,
       severity::high,
       subj("departures", "17", "李四", 17),
       "",
       "",
       {ev("/commitments/4/kind", "离岗保密承诺书", "join: commitments")},
       std::nullopt,
       std::nullopt,
       "3b5d7f9a1c2e4068",
       ""},
      {car,
       outcome::fail,
       severity::critical,
       subj("carriers", "C-2025-117", "C-2025-117", 41),
       "载体 C-2025-117（机密）自 2025-12-01 下落不明，逾期未按泄密事件处理",
       "立即按泄密事件报告并组织查处",
       {ev("/carriers/41/missing_since", "2025-12-01", "c.missing_since"), ev("/carriers/41/level", "机密", "c.level")},
       "2026-01-30",
       -60,
       "c0ffee0123456789",
       ""},
      {car,
       outcome::pending,
       severity::critical,
       subj("carriers", "C-2026-003", "C-2026-003", 57),
       "载体 C-2026-003（绝密）自 2026-03-31 下落不明",
       "10日内仍查无下落的，按泄密事件处理",
       {ev("/carriers/57/missing_since", "2026-03-31", "c.missing_since"), ev("/carriers/57/level", "绝密", "c.level")},
       "2026-04-10",
       10,
       "aa55aa55aa55aa55",
       ""},
      {mtg,
       outcome::pass,
       severity::low,
       subj("meetings", "M-12", "年度保密工作会议", 12),
       "",
       "",
       {},
       std::nullopt,
       std::nullopt,
       "1234abcd5678ef90",
       ""},
  };
  r.issues = {
      {"F0103",
       base::severity::error,
       "facts/examples/unit-2026.json",
       {{118, 22}, {118, 34}},
       "日期无效：“2025-02-30” 不是有效的 ISO 日期",
       {},
       "/departures/18/approved_on"},
      {"V0201", "waivers/2026.json:12", "豁免 PER-010 departures/9 已于 2026-01-01 过期，不再适用"},
  };
  return r;
}

/// No rules, no findings, no issues, no profile.
inline run_result empty() {
  run_result r;
  r.snapshot_path = "empty.json";
  r.as_of = "2026-01-01";
  return r;
}

/// Text that layouts and escapers must survive: markup characters, controls, long words and
/// sentences, an area outside the checklist, a rule without module, citations or location.
inline run_result awkward() {
  run_result r;
  r.snapshot_path = "exports/单位 A&B/<2026>.json";
  r.as_of = "2026-06-30";
  r.profile = "地方\"补充\"规定";
  r.rules = {
      {"X-1",
       "标题含 <尖括号> & \"引号\" 与 'apostrophe'",
       severity::info,
       "附加检查：信息化设备专项（本单位自定）",
       {},
       {"a", "a", "b"},
       "",
       {}},
      {"NET-100",
       "涉密计算机不得接入互联网及其他公共信息网络",
       severity::critical,
       "",
       {{"003", "", "确保涉密计算机不接入互联网及其他公共信息网络", "四(七) 7"}},
       {},
       "cn.network",
       {"rulesets/cn/网络 设备.baomi", 7, 9}},
  };
  const rule_info* x = &r.rules[0];
  const rule_info* net = &r.rules[1];
  r.findings = {
      {x,
       outcome::unknown,
       severity::low,
       subj("devices", "D&1", "设备<1>", 0),
       "控制字符\x01与制表符\t及换行\n之后；无效字节\xff结束",
       "终端转义\x1b[2J不得生效",
       {ev("/devices/0/serial", "\"SN-1\" <&>", "")},
       std::nullopt,
       std::nullopt,
       "0000000000000001",
       ""},
      {net,
       outcome::fail,
       severity::high,
       subj("computers", "PC-7", "PC-7", 6),
       "涉密计算机 PC-7 于 2026-06-01 检测到外联记录，访问地址 "
       "https://example.invalid/a/very/long/path/that/does/not/fit/on/one/terminal/line/at/all?query=1",
       "立即断开网络连接，对该计算机进行保密技术检查，并按照《泄密事件查处办法》的规定报告保密行政管理部门，查明是否造"
       "成国家秘密泄露，"
       "同时追究相关责任人员的责任并组织全体涉密人员开展警示教育",
       {ev("/computers/6/last_outbound", "2026-06-01T09:30:00+08:00", "c.last_outbound")},
       std::nullopt,
       std::nullopt,
       "fedcba9876543210",
       ""},
      {net,
       outcome::pending,
       severity::critical,
       subj("computers", "PC-8", "PC-8", 7),
       "PC-8 整改期限将至",
       "",
       {},
       "2026-06-30",
       0,
       "0123456789abcdef",
       ""},
      {net,
       outcome::waived,
       severity::critical,
       subj("computers", "PC-9", "PC-9", 8),
       "PC-9 外联",
       "",
       {},
       std::nullopt,
       std::nullopt,
       "1111222233334444",
       ""},
  };
  r.issues = {{"F0201", "", "快照缺少 org 字段"}};
  // A subject the loader has no position for: the snapshot file without a region.
  r.findings[0].subject.line = 0;
  r.findings[0].subject.column = 0;
  return r;
}

}  // namespace baomi::testing::samples

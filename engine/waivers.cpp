// Reading the waivers file: every entry is checked and each problem reported with its pointer.
#include "engine/waivers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/language.hpp"
#include "base/source.hpp"

namespace baomi::engine {

data_issue waiver_issue(std::string_view code, std::string pointer, std::string message) {
  data_issue issue(std::string(code), std::move(pointer), std::move(message));
  issue.severity = code.substr(0, 3) == "V02" ? base::severity::warning : base::severity::error;
  return issue;
}

waiver_file parse_waivers(std::string_view json_text, const std::string& path) {
  waiver_file out;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    out.readable = false;
    out.issues.push_back(
        waiver_issue(waiver_codes::malformed_json, path,
                     base::say("豁免文件不是合法的 JSON：{}", "the waivers file is not valid JSON: {}", e.what())));
    return out;
  }
  if (!doc.is_object() || !doc.contains("waivers") || !doc["waivers"].is_array()) {
    out.readable = false;
    out.issues.push_back(
        waiver_issue(waiver_codes::not_a_waiver_list, path + "#",
                     base::pick("豁免文件应为 {\"waivers\": [...]}", "a waivers file is {\"waivers\": [...]}")));
    return out;
  }
  // Members the file format does not have: a typo such as `expries` would otherwise go unseen.
  auto unknown_members = [&](const nlohmann::json& object, const std::string& at,
                             std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : object.items()) {
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      out.issues.push_back(waiver_issue(
          waiver_codes::unknown_member, at + "/" + name,
          base::say("豁免文件中的未知字段 `{}`，已忽略", "unknown member `{}` in the waivers file, ignored", name)));
    }
  };
  unknown_members(doc, path + "#", {"waivers"});
  const auto& list = doc["waivers"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto pointer = fmt::format("{}#/waivers/{}", path, i);
    const auto& entry = list[i];
    if (!entry.is_object()) {
      out.issues.push_back(waiver_issue(waiver_codes::malformed_entry, pointer,
                                        base::pick("豁免条目应为对象", "a waiver entry must be an object")));
      continue;
    }
    unknown_members(entry, pointer, {"rule", "subject", "reason", "approver", "granted", "expires"});
    waiver w;
    w.pointer = pointer;
    bool ok = true;
    auto text = [&](const char* name, std::string& into) {
      if (!entry.contains(name) || !entry[name].is_string() || entry[name].get<std::string>().empty()) {
        out.issues.push_back(
            waiver_issue(waiver_codes::malformed_entry, pointer + "/" + name,
                         base::say("缺少字段 `{}`（字符串）", "missing member `{}` (a string)", name)));
        ok = false;
        return;
      }
      into = entry[name].get<std::string>();
    };
    auto date = [&](const char* name, facts::day_number& into) {
      std::string s;
      text(name, s);
      if (s.empty()) return;
      auto d = facts::parse_date(s);
      if (!d) {
        out.issues.push_back(waiver_issue(waiver_codes::invalid_date, pointer + "/" + name,
                                          base::say("日期无效：\"{}\"", "invalid date: \"{}\"", s)));
        ok = false;
        return;
      }
      into = *d;
    };
    text("rule", w.rule);
    text("subject", w.subject);
    text("reason", w.reason);
    text("approver", w.approver);
    date("granted", w.granted);
    date("expires", w.expires);
    if (ok && w.expires < w.granted) {
      out.issues.push_back(
          waiver_issue(waiver_codes::invalid_date, pointer + "/expires",
                       base::pick("豁免的截止日期早于批准日期", "the waiver expires before it was granted")));
      ok = false;
    }
    if (ok) out.waivers.push_back(std::move(w));
  }
  return out;
}

waiver_file load_waivers(const std::string& path) {
  base::read_failure why{};
  auto source = base::source_file::read(path, &why);
  if (!source) {
    waiver_file out;
    out.readable = false;
    out.issues.push_back(
        waiver_issue(waiver_codes::unreadable_file, path,
                     why == base::read_failure::too_large
                         ? base::pick("豁免文件超过 16 MiB 的上限", "the waivers file is over the 16 MiB limit")
                         : base::pick("无法读取豁免文件", "cannot read the waivers file")));
    return out;
  }
  return parse_waivers(source->text(), path);
}

}  // namespace baomi::engine

// `baomi query` as a table, CSV or JSON.
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/language.hpp"
#include "base/text.hpp"
#include "reports/listings.hpp"

namespace baomi::reports {

namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> header(const engine::query_table& r) {
  std::vector<std::string> h = {std::string(base::pick("编号", "key")), std::string(base::pick("名称", "label"))};
  h.insert(h.end(), r.columns.begin(), r.columns.end());
  return h;
}

std::vector<std::string> cells(const engine::query_row& row) {
  std::vector<std::string> c = {row.key, row.label};
  c.insert(c.end(), row.values.begin(), row.values.end());
  return c;
}

}  // namespace

std::string render_query_text(const engine::query_table& r) {
  if (r.count) return fmt::format("{}\n", r.rows.size());
  std::vector<std::vector<std::string>> table = {header(r)};
  for (const auto& row : r.rows) table.push_back(cells(row));
  std::vector<std::size_t> widths(table.front().size(), 0);
  for (const auto& line : table) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], base::display_width(line[i]));
  }
  std::string out;
  for (const auto& line : table) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      out += line[i];
      if (i + 1 < line.size()) out += std::string(widths[i] - base::display_width(line[i]) + 2, ' ');
    }
    out += '\n';
  }
  return out + base::say("{} 行\n", "{} rows\n", r.rows.size());
}

std::string render_query_csv(const engine::query_table& r) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cs) {
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_cell(cs[i]);
    }
    out += "\r\n";
  };
  line(header(r));
  for (const auto& row : r.rows) line(cells(row));
  return out;
}

std::string render_query_json(const engine::query_table& r, const std::string& query) {
  auto rows = [&](const std::vector<engine::query_row>& list) {
    auto out = nlohmann::json::array();
    for (const auto& row : list) {
      nlohmann::json values = nlohmann::json::object();
      for (std::size_t i = 0; i < r.columns.size(); ++i) values[r.columns[i]] = row.values[i];
      out.push_back({{"key", row.key}, {"label", row.label}, {"values", values}});
    }
    return out;
  };
  nlohmann::json doc = {{"query", query},       {"collection", r.collection}, {"count", r.rows.size()},
                        {"columns", r.columns}, {"rows", rows(r.rows)},       {"unknown", rows(r.unknown)}};
  return doc.dump(2) + "\n";
}

}  // namespace baomi::reports

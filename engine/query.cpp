// `baomi query`: the query text becomes a one-off rule `QUERY` in a synthetic module that imports
// every loaded module; the checker locates its errors, which are mapped back to columns of the query.
#include "engine/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "base/language.hpp"
#include "base/text.hpp"
#include "dsl/codes.hpp"
#include "dsl/parser.hpp"

namespace baomi::engine {

namespace {

constexpr std::string_view query_rule = "QUERY";
constexpr std::string_view synthetic_path = "<query>";
constexpr char column_separator = '\x1f';

// A piece of the query copied into the synthetic module: where it sits there and in the query.
struct segment {
  std::uint32_t line = 0;       // 1-based line of the synthetic module
  std::uint32_t column = 0;     // 1-based code-point column there
  std::size_t query_begin = 0;  // byte offsets in the query
  std::size_t query_end = 0;
};

// Splits `text` at the commas outside brackets, parentheses and strings: (begin, end) byte pairs.
std::vector<std::pair<std::size_t, std::size_t>> split_top_level(std::string_view text, std::size_t base) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  int depth = 0;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.emplace_back(base + start, base + i);
      start = i + 1;
    }
  }
  parts.emplace_back(base + start, base + text.size());
  for (auto& [b, e] : parts) {  // trim
    while (b < e && text[b - base] == ' ') ++b;
    while (e > b && text[e - base - 1] == ' ') --e;
  }
  return parts;
}

class synthesizer {
 public:
  explicit synthesizer(const std::string& query) : m_query(query) {}

  // Appends `text` to the current line; `from` marks it as a copy of query bytes [from, from+size).
  void add(std::string_view text, std::optional<std::size_t> from = std::nullopt) {
    if (from) m_segments.push_back({m_line, m_column, *from, *from + text.size()});
    m_text += text;
    m_column += static_cast<std::uint32_t>(base::count_code_points(text));
  }
  void add_query(std::size_t begin, std::size_t end) {
    add(std::string_view(m_query).substr(begin, end - begin), begin);
  }
  void end_line() {
    m_text += '\n';
    ++m_line;
    m_column = 1;
  }
  const std::string& text() const { return m_text; }

  // The query range of a diagnostic in the synthetic module, when it falls in a copied piece.
  std::optional<std::pair<std::size_t, std::size_t>> map(const dsl::diagnostic& d) const {
    for (const auto& s : m_segments) {
      if (s.query_end == m_query.size() && d.range.begin.line > s.line) {
        return std::pair{s.query_end, s.query_end};  // past the end of the query: an unclosed `(`
      }
      auto length =
          base::count_code_points(std::string_view(m_query).substr(s.query_begin, s.query_end - s.query_begin));
      if (d.range.begin.line != s.line || d.range.begin.column < s.column || d.range.begin.column > s.column + length) {
        continue;
      }
      auto piece = std::string_view(m_query).substr(s.query_begin, s.query_end - s.query_begin);
      auto begin = s.query_begin + base::byte_of_code_point(piece, d.range.begin.column - s.column);
      auto end = begin;
      if (d.range.end.line == s.line && d.range.end.column >= d.range.begin.column) {
        end = s.query_begin +
              base::byte_of_code_point(piece, std::min<std::size_t>(d.range.end.column - s.column, length));
      }
      return std::pair{begin, std::max(begin, end)};
    }
    return std::nullopt;
  }

 private:
  const std::string& m_query;
  std::string m_text;
  std::uint32_t m_line = 1;
  std::uint32_t m_column = 1;
  std::vector<segment> m_segments;
};

dsl::diagnostic query_error(const dsl::source_file& source, std::size_t begin, std::size_t end, std::string code,
                            std::string message) {
  return {std::move(code), dsl::severity::error, source.path(), source.range(begin, end), std::move(message), {}};
}

}  // namespace

query_result run_query(module_set rules, const std::string& query, const snapshot_source& snapshot,
                       const pipeline_options& options) {
  query_result result;
  result.source = dsl::source_file("query", query);
  static const std::regex shape(
      R"(^\s*(count\s+)?(?:([A-Za-z_]\w*)\s+in\s+)?([A-Za-z_]\w*)(?:\s+where\s+(.+?))?(?:\s+select\s+(.+?))?\s*$)");
  std::smatch m;
  if (query.find('\n') != std::string::npos || !std::regex_match(query, m, shape)) {
    result.diagnostics.push_back(
        query_error(result.source, 0, query.size(), std::string(dsl::codes::expected_name),
                    base::pick("查询应为 `[count] [x in] 集合 [where 条件] [select 表达式, …]`",
                               "expected `[count] [x in] COLLECTION [where CONDITION] [select E, …]`")));
    return result;
  }
  auto at = [&](int i) { return static_cast<std::size_t>(m.position(i)); };
  auto end_of = [&](int i) { return at(i) + static_cast<std::size_t>(m.length(i)); };
  result.count = m[1].matched;
  result.collection = m[3].str();
  std::string binder = m[2].matched ? m[2].str() : result.collection.substr(0, 1);

  synthesizer s(query);
  s.add("ruleset baomi.query \"查询\"");
  s.end_line();
  for (const auto& module : rules.modules) {
    s.add("import " + module.name);
    s.end_line();
  }
  s.add("source \"query\" \"baomi query\"");
  s.end_line();
  s.add(fmt::format("rule {} \"查询\" {{", query_rule));
  s.end_line();
  s.add("  severity info");
  s.end_line();
  s.add("  cite \"query\" \"baomi query\"");
  s.end_line();
  s.add("  for ");
  if (m[2].matched) {
    s.add_query(at(2), end_of(2));
  } else {
    s.add(binder);
  }
  s.add(" in ");
  s.add_query(at(3), end_of(3));
  s.end_line();
  if (m[4].matched) {
    s.add("  require not (");
    s.add_query(at(4), end_of(4));
    s.add(")");
  } else {
    s.add("  require false");
  }
  s.end_line();
  s.add("  message \"");
  if (m[5].matched) {
    auto parts = split_top_level(std::string_view(query).substr(at(5), static_cast<std::size_t>(m.length(5))), at(5));
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) s.add(std::string(1, column_separator));
      s.add("{");
      s.add_query(parts[i].first, parts[i].second);
      s.add("}");
      result.columns.push_back(query.substr(parts[i].first, parts[i].second - parts[i].first));
    }
  }
  s.add("\"");
  s.end_line();
  s.add("}");
  s.end_line();

  // Parse the synthetic module; a syntax error is in a copied piece of the query.
  dsl::source_file source{std::string(synthetic_path), s.text()};
  auto located = [&](const dsl::diagnostic& d) {
    auto range = s.map(d);
    auto mapped =
        query_error(result.source, range ? range->first : 0, range ? range->second : query.size(), d.code, d.message);
    for (const auto& n : d.notes) mapped.add_note(n.message, std::nullopt);
    return mapped;
  };
  auto parsed = dsl::parse(source);
  if (!parsed.module) {
    for (const auto& d : parsed.diagnostics) result.diagnostics.push_back(located(d));
    return result;
  }
  rules.modules.push_back({"baomi.query", std::move(source), std::move(*parsed.module)});

  auto run_options = options;
  run_options.only = {std::string(query_rule)};
  result.pipeline = run_pipeline(rules, snapshot, run_options);
  if (result.pipeline.status == run_status::rules_invalid) {
    for (const auto& d : result.pipeline.diagnostics) {
      if (d.path == synthetic_path && d.severity == dsl::severity::error) result.diagnostics.push_back(located(d));
    }
    if (!result.diagnostics.empty()) return result;
  }
  if (!result.pipeline.run) return result;

  // Columns: the select expressions, else the facts the condition read, in the order first read.
  for (const auto& f : result.pipeline.run->findings) {
    if (f.outcome != outcome::fail && f.outcome != outcome::unknown) continue;
    query_row row{f.subject.key, f.subject.label, {}};
    if (m[5].matched) {
      std::size_t start = 0;
      while (true) {
        auto sep = f.message.find(column_separator, start);
        row.values.push_back(f.message.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
        if (sep == std::string::npos) break;
        start = sep + 1;
      }
    } else {
      for (const auto& e : f.evidence) {
        auto column = std::find(result.columns.begin(), result.columns.end(), e.role);
        if (column == result.columns.end()) {
          result.columns.push_back(e.role);
          column = result.columns.end() - 1;
        }
        auto index = static_cast<std::size_t>(column - result.columns.begin());
        if (row.values.size() <= index) row.values.resize(index + 1);
        auto& cell = row.values[index];
        if (cell.empty()) {
          cell = e.value;
        } else if (cell != e.value && cell.find("、" + e.value) == std::string::npos &&
                   cell.rfind(e.value + "、", 0) != 0) {
          cell += "、" + e.value;
        }
      }
    }
    (f.outcome == outcome::fail ? result.rows : result.unknown).push_back(std::move(row));
  }
  for (auto* rows : {&result.rows, &result.unknown}) {
    for (auto& row : *rows) row.values.resize(result.columns.size());
  }
  result.pipeline.run.reset();
  return result;
}

}  // namespace baomi::engine

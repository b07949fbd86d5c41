// Diagnostics, document symbols and formatting of an open document.
#include "tools/lsp/features.hpp"

#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

#include "dsl/formatter.hpp"
#include "tools/lsp/syntax.hpp"

namespace baomi::lsp {

namespace {

using nlohmann::json;
namespace ast = dsl::ast;

// LSP's DiagnosticSeverity and SymbolKind values.
enum lsp_severity { severity_error = 1, severity_warning = 2, severity_information = 3 };
enum symbol_kind {
  kind_module = 2,
  kind_namespace = 3,
  kind_class = 5,
  kind_field = 8,
  kind_enum = 10,
  kind_function = 12,
  kind_constant = 14,
  kind_event = 24,
  kind_enum_member = 22,
};

// GitHub's heading anchor: lower case, spaces to hyphens, ASCII punctuation other than `-` and `_` dropped.
std::string anchor_of(std::string_view heading) {
  std::string out;
  for (char c : heading) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == '-' || c == '_') {
      out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

json symbol(const std::string& name, int kind, const source_range& range, const source_range& selection,
            const line_index& lines, std::string detail = {}) {
  json s = {
      {"name", name}, {"kind", kind}, {"range", to_json(lines, range)}, {"selectionRange", to_json(lines, selection)}};
  if (!detail.empty()) s["detail"] = std::move(detail);
  return s;
}

}  // namespace

void diagnostic_links::load(const std::string& root) {
  m_anchors.clear();
  auto file = root + "/docs/diagnostics.md";
  std::ifstream in(file);
  if (!in) return;
  m_file_uri = uri_of_path(file);
  static const std::regex code(R"([EWFV][0-9]{4})");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) != 0) continue;
    auto anchor = anchor_of(std::string_view(line).substr(4));
    for (std::sregex_iterator it(line.begin(), line.end(), code), end; it != end; ++it) {
      m_anchors.emplace(it->str(), anchor);
    }
  }
}

std::string diagnostic_links::href(const std::string& code) const {
  auto it = m_anchors.find(code);
  return it == m_anchors.end() ? std::string() : m_file_uri + "#" + it->second;
}

json diagnostics(workspace& ws, const document& doc, const diagnostic_links& links) {
  const auto& a = ws.current();
  line_index lines(doc.text);
  json list = json::array();
  auto add = [&](const dsl::diagnostic& d) {
    if (d.path != doc.path) return;
    std::string message = d.message;
    json related = json::array();
    for (const auto& n : d.notes) {
      if (n.range && n.range->begin.line > 0) {
        related.push_back(
            {{"location", {{"uri", doc.uri}, {"range", to_json(lines, *n.range)}}}, {"message", n.message}});
      } else {
        message += "\n" + n.message;
      }
    }
    json out = {{"range", to_json(lines, d.has_position() ? d.range : source_range{})},
                {"severity", d.severity == dsl::severity::error     ? severity_error
                             : d.severity == dsl::severity::warning ? severity_warning
                                                                    : severity_information},
                {"code", d.code},
                {"source", "baomi"},
                {"message", message}};
    if (auto href = links.href(d.code); !href.empty()) out["codeDescription"] = {{"href", href}};
    if (!related.empty()) out["relatedInformation"] = related;
    list.push_back(std::move(out));
  };
  for (const auto& d : a.modules.diagnostics) add(d);
  for (const auto& d : a.checked.diagnostics) add(d);
  return {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", list}};
}

json document_symbols(workspace& ws, const document& doc) {
  const auto* m = ws.current().module_at(doc.path);
  json list = json::array();
  if (m == nullptr) return list;
  line_index lines(doc.text);
  for (const auto& decl : m->ast.decls) {
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, ast::rule_decl>) {
            list.push_back(symbol(d.id.text, kind_event, decl.range, d.id.range, lines, d.title));
          } else if constexpr (std::is_same_v<T, ast::param_decl>) {
            list.push_back(symbol(d.param.text, kind_constant, decl.range, d.param.range, lines, type_text(d.type)));
          } else if constexpr (std::is_same_v<T, ast::function_decl>) {
            list.push_back(symbol(d.function.text, kind_function, decl.range, d.function.range, lines));
          } else if constexpr (std::is_same_v<T, ast::profile_decl>) {
            list.push_back(
                symbol(d.profile.text, kind_namespace, decl.range, d.profile.range, lines, d.title.value_or("")));
          } else if constexpr (std::is_same_v<T, ast::entity_decl>) {
            auto s = symbol(d.type.text, kind_class, decl.range, d.type.range, lines,
                            d.collection ? "in " + d.collection->text : std::string());
            s["children"] = json::array();
            for (const auto& f : d.fields) {
              s["children"].push_back(
                  symbol(f.field.text, kind_field, f.range, f.field.range, lines, type_text(f.type)));
            }
            list.push_back(std::move(s));
          } else if constexpr (std::is_same_v<T, ast::extend_decl>) {
            auto s = symbol(d.type.text, kind_class, decl.range, d.type.range, lines, "extend entity");
            s["children"] = json::array();
            for (const auto& f : d.fields) {
              s["children"].push_back(
                  symbol(f.field.text, kind_field, f.range, f.field.range, lines, type_text(f.type)));
            }
            list.push_back(std::move(s));
          } else if constexpr (std::is_same_v<T, ast::enum_decl>) {
            auto s = symbol(d.type.text, kind_enum, decl.range, d.type.range, lines);
            s["children"] = json::array();
            for (const auto& e : d.members) {
              s["children"].push_back(symbol(e.symbol.text, kind_enum_member, e.range, e.symbol.range, lines, e.label));
            }
            list.push_back(std::move(s));
          } else if constexpr (std::is_same_v<T, ast::ruleset_decl>) {
            list.push_back(symbol(d.module.text, kind_module, decl.range, d.module.range, lines, d.title.value_or("")));
          }
        },
        decl.node);
  }
  return list;
}

json formatting(workspace& ws, const document& doc) {
  const auto* m = ws.current().module_at(doc.path);
  json edits = json::array();
  if (m == nullptr) return edits;
  auto text = dsl::format(m->ast, m->source);
  if (text == doc.text) return edits;
  line_index lines(doc.text);
  edits.push_back({{"range", {{"start", to_json(position{})}, {"end", to_json(lines.end())}}}, {"newText", text}});
  return edits;
}

}  // namespace baomi::lsp

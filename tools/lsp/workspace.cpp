// Open documents over the baseline: applying edits, building and indexing the analysis.
#include "tools/lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>

#include "dsl/parser.hpp"

namespace baomi::lsp {

namespace {

namespace ast = dsl::ast;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses an open document that is not part of the baseline into `set` (as load_embedded does).
void add_document(engine::module_set& set, const document& doc) {
  dsl::source_file source(doc.path, doc.text);
  auto parsed = dsl::parse(source);
  for (auto& d : parsed.diagnostics) set.diagnostics.push_back(std::move(d));
  if (!parsed.module) {
    set.unparsed.push_back(std::move(source));
    return;
  }
  std::string name = std::filesystem::path(doc.path).stem().string();
  for (const auto& decl : parsed.module->decls) {
    if (const auto* r = std::get_if<ast::ruleset_decl>(&decl.node)) name = r->module.text;
  }
  set.modules.push_back({name, std::move(source), std::move(*parsed.module)});
}

}  // namespace

std::string path_of_uri(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return {};
  std::string out;
  for (std::size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string uri_of_path(const std::string& path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "file://";
  if (path.empty() || path.front() != '/') out += '/';
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

const engine::module_source* analysis::module_at(const std::string& path) const {
  for (const auto& m : modules.modules) {
    if (m.source.path() == path) return &m;
  }
  return nullptr;
}

symbol_index index_modules(const engine::module_set& modules) {
  symbol_index index;
  for (const auto& m : modules.modules) {
    index.modules[m.name] = &m;
    for (const auto& decl : m.ast.decls) {
      std::visit(
          [&](const auto& d) {
            using T = std::decay_t<decltype(d)>;
            if constexpr (std::is_same_v<T, ast::entity_decl>) {
              index.entities[d.type.text] = {&d, &m};
              if (d.collection) index.collections[d.collection->text] = d.type.text;
              for (const auto& f : d.fields) {
                for (const auto& member : f.type.members) {
                  index.symbols[member.symbol.text].push_back({d.type.text + "." + f.field.text, &member, &m});
                }
              }
            } else if constexpr (std::is_same_v<T, ast::extend_decl>) {
              for (const auto& f : d.fields) {
                index.added_fields[d.type.text].push_back({&f, &m});
                for (const auto& member : f.type.members) {
                  index.symbols[member.symbol.text].push_back({d.type.text + "." + f.field.text, &member, &m});
                }
              }
            } else if constexpr (std::is_same_v<T, ast::enum_decl>) {
              index.enums[d.type.text] = {&d, &m};
              for (const auto& member : d.members)
                index.symbols[member.symbol.text].push_back({d.type.text, &member, &m});
            } else if constexpr (std::is_same_v<T, ast::param_decl>) {
              index.params[d.param.text] = {&d, &m};
            } else if constexpr (std::is_same_v<T, ast::function_decl>) {
              index.functions[d.function.text] = {&d, &m};
            } else if constexpr (std::is_same_v<T, ast::rule_decl>) {
              index.rules[d.id.text] = {&d, &m};
            } else if constexpr (std::is_same_v<T, ast::profile_decl>) {
              index.profiles[d.profile.text] = {&d, &m};
            }
          },
          decl.node);
    }
  }
  return index;
}

std::string workspace::path_in_analysis(const std::string& file) const {
  for (const auto& [path, text] : m_baseline) {
    if (file.size() > path.size() && file.compare(file.size() - path.size(), path.size(), path) == 0 &&
        file[file.size() - path.size() - 1] == '/') {
      return path;
    }
  }
  return file;
}

void workspace::open(const std::string& uri, std::string text, long version) {
  auto file = path_of_uri(uri);
  if (file.empty()) file = uri;
  auto path = path_in_analysis(file);
  if (m_root.empty() && path != file) m_root = file.substr(0, file.size() - path.size() - 1);
  m_documents[uri] = {uri, path, std::move(text), version};
  m_analysis.reset();
}

void workspace::change(const std::string& uri, const std::optional<std::pair<position, position>>& range,
                       const std::string& text, long version) {
  auto it = m_documents.find(uri);
  if (it == m_documents.end()) return;
  auto& doc = it->second;
  if (!range) {
    doc.text = text;
  } else {
    line_index lines(doc.text);
    auto begin = lines.offset_of(range->first);
    auto end = std::max(begin, lines.offset_of(range->second));
    doc.text.replace(begin, end - begin, text);
  }
  doc.version = version;
  m_analysis.reset();
}

void workspace::close(const std::string& uri) {
  m_documents.erase(uri);
  m_analysis.reset();
}

const document* workspace::find(const std::string& uri) const {
  auto it = m_documents.find(uri);
  return it == m_documents.end() ? nullptr : &it->second;
}

const analysis& workspace::current() {
  if (m_analysis) return *m_analysis;
  auto files = m_baseline;
  std::vector<const document*> extra;
  for (const auto& entry : m_documents) {
    const document& doc = entry.second;  // not a structured binding: clang 14 cannot capture one
    auto it = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.first == doc.path; });
    if (it != files.end()) {
      it->second = doc.text;
    } else {
      extra.push_back(&doc);
    }
  }
  auto result = std::make_unique<analysis>();
  result->modules = engine::load_embedded(files);
  for (const auto* doc : extra) add_document(result->modules, *doc);
  result->checked = engine::check(result->modules);
  result->index = index_modules(result->modules);
  m_analysis = std::move(result);
  return *m_analysis;
}

std::string workspace::uri_for(const std::string& path) const {
  for (const auto& [uri, doc] : m_documents) {
    if (doc.path == path) return uri;
  }
  if (!path.empty() && path.front() == '/') return uri_of_path(path);
  if (!m_root.empty()) return uri_of_path(m_root + "/" + path);
  return uri_of_path(path);
}

}  // namespace baomi::lsp

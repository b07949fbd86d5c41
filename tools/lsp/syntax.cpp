// Reading the text around the cursor, and ranges and types as the client shows them.
#include "tools/lsp/syntax.hpp"

#include <algorithm>
#include <regex>

namespace baomi::lsp {

namespace ast = dsl::ast;
using nlohmann::json;

namespace {

bool is_ident(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

json to_json(position p) { return {{"line", p.line}, {"character", p.character}}; }

json to_json(const line_index& lines, const source_range& r) {
  return {{"start", to_json(lines.position_of(r.begin_offset))}, {"end", to_json(lines.position_of(r.end_offset))}};
}

json location_json(const workspace& ws, const engine::module_source& m, const source_range& r) {
  line_index lines(m.source.text());
  return {{"uri", ws.uri_for(m.source.path())}, {"range", to_json(lines, r)}};
}

std::string type_text(const ast::type_expr& t) {
  std::string out;
  switch (t.kind) {
    case ast::type_kind::named:
      out = t.target.text;
      break;
    case ast::type_kind::ref:
      out = "ref " + t.target.text;
      break;
    case ast::type_kind::list:
      out = "list<" + type_text(t.args.at(0)) + ">";
      break;
    case ast::type_kind::map:
      out = "map<" + type_text(t.args.at(0)) + ", " + type_text(t.args.at(1)) + ">";
      break;
    case ast::type_kind::range:
      out = "range<" + type_text(t.args.at(0)) + ">";
      break;
    case ast::type_kind::inline_enum:
      out = "enum {";
      for (std::size_t i = 0; i < t.members.size(); ++i) out += (i ? ", " : " ") + t.members[i].symbol.text;
      out += " }";
      break;
  }
  return t.optional ? out + "?" : out;
}

std::string leading_comment(const engine::module_source& m, const source_range& r) {
  std::vector<std::string> lines;
  auto line = r.begin.line;
  for (auto it = m.ast.comments.rbegin(); it != m.ast.comments.rend(); ++it) {
    if (it->range.begin.line >= r.begin.line) continue;
    if (it->range.end.line + 1 != line) break;
    auto text = std::string_view(it->text).substr(1);
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    lines.emplace_back(text);
    line = it->range.begin.line;
  }
  std::string out;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) out += (out.empty() ? "" : "\n") + *it;
  return out;
}

std::optional<word> word_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  auto begin = offset;
  auto end = offset;
  auto extends = [](char c) { return is_ident(c) || c == '-'; };
  while (begin > 0 && extends(text[begin - 1])) --begin;
  while (end < text.size() && extends(text[end])) ++end;
  // A `-` belongs to a rule id (`PER-010`) only: otherwise cut the word at the `-` nearest the cursor.
  auto candidate = text.substr(begin, end - begin);
  static const std::regex rule_id(R"([A-Z][A-Z0-9]*(-[A-Z0-9]+)+)");
  if (!std::regex_match(candidate.begin(), candidate.end(), rule_id)) {
    begin = offset;
    end = offset;
    while (begin > 0 && is_ident(text[begin - 1])) --begin;
    while (end < text.size() && is_ident(text[end])) ++end;
  }
  if (begin == end || (text[begin] >= '0' && text[begin] <= '9')) return std::nullopt;
  return word{begin, end, std::string(text.substr(begin, end - begin))};
}

std::vector<std::string> chain_before(std::string_view text, std::size_t end) {
  std::vector<std::string> chain;
  while (end > 0 && text[end - 1] == '.') {
    auto stop = end - 1;
    auto start = stop;
    while (start > 0 && is_ident(text[start - 1])) --start;
    if (start == stop) return {};
    chain.insert(chain.begin(), std::string(text.substr(start, stop - start)));
    end = start;
  }
  return chain;
}

const ast::entity_decl* entity_of_type(const symbol_index& index, const ast::type_expr& t) {
  if (t.kind != ast::type_kind::named && t.kind != ast::type_kind::ref) return nullptr;
  auto it = index.entities.find(t.target.text);
  return it == index.entities.end() ? nullptr : it->second.decl;
}

const ast::entity_decl* entity_of_binder(const symbol_index& index, std::string_view text, std::size_t offset,
                                         const std::string& name) {
  // The nearest binding before the name: `for|exists|all|none|count|sum|min|max|latest NAME in COLLECTION`,
  // or a function parameter `NAME: [ref] TYPE`.
  std::regex binder(R"(\b(?:for|exists|all|none|count|sum|min|max|latest)\s+)" + name + R"(\s+in\s+([A-Za-z_]\w*)|\b)" +
                    name + R"(\s*:\s*(?:ref\s+)?([A-Za-z_]\w*))");
  std::string before(text.substr(0, std::min(offset, text.size())));
  const ast::entity_decl* found = nullptr;
  for (std::sregex_iterator it(before.begin(), before.end(), binder), end; it != end; ++it) {
    if ((*it)[1].matched) {
      auto c = index.collections.find((*it)[1].str());
      found = c == index.collections.end() ? nullptr : index.entities.at(c->second).decl;
    } else {
      auto e = index.entities.find((*it)[2].str());
      found = e == index.entities.end() ? nullptr : e->second.decl;
    }
  }
  return found;
}

std::optional<field_ref> resolve_chain(const symbol_index& index, std::string_view text, std::size_t offset,
                                       const std::vector<std::string>& chain) {
  if (chain.empty()) return std::nullopt;
  field_ref ref;
  ref.entity = entity_of_binder(index, text, offset, chain.front());
  if (ref.entity == nullptr) return std::nullopt;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    if (ref.field != nullptr) {
      ref.entity = entity_of_type(index, ref.field->type);
      if (ref.entity == nullptr) return std::nullopt;
    }
    auto f = std::find_if(ref.entity->fields.begin(), ref.entity->fields.end(),
                          [&](const ast::field_decl& fd) { return fd.field.text == chain[i]; });
    ref.added_by = nullptr;
    if (f != ref.entity->fields.end()) {
      ref.field = &*f;
      continue;
    }
    auto added = index.added_fields.find(ref.entity->type.text);
    if (added == index.added_fields.end()) return std::nullopt;
    auto a = std::find_if(added->second.begin(), added->second.end(),
                          [&](const auto& d) { return d.decl->field.text == chain[i]; });
    if (a == added->second.end()) return std::nullopt;
    ref.field = a->decl;
    ref.added_by = a->module;
  }
  return ref;
}

}  // namespace baomi::lsp

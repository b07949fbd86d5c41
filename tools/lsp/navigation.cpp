// Hover, go to definition and completion: what the name under the cursor is, found in the index.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "base/language.hpp"
#include "dsl/formatter.hpp"
#include "engine/builtins.hpp"
#include "tools/lsp/features.hpp"
#include "tools/lsp/seeds.hpp"
#include "tools/lsp/syntax.hpp"

namespace baomi::lsp {

namespace {

using nlohmann::json;
namespace ast = dsl::ast;

// LSP's CompletionItemKind values.
enum completion_kind {
  item_function = 3,
  item_field = 5,
  item_variable = 6,
  item_class = 7,
  item_module = 9,
  item_keyword = 14,
  item_snippet = 15,
  item_enum_member = 20,
  item_constant = 21,
};

// What the name under the cursor refers to.
struct target {
  std::string markdown;  // for hover
  const engine::module_source* module = nullptr;
  source_range range;  // the declaring name, for definition
};

std::string code_block(const std::string& text) { return "```baomi\n" + text + "\n```"; }

std::string with_doc(std::string head, const std::string& doc) { return doc.empty() ? head : head + "\n\n" + doc; }

std::string field_markdown(const ast::entity_decl& e, const ast::field_decl& f) {
  return with_doc(code_block(fmt::format("{}: {}", f.field.text, type_text(f.type))),
                  fmt::format("{}{}entity `{}`", f.doc ? *f.doc : "", f.doc ? " — " : "", e.type.text));
}

std::string entity_markdown(const declared<ast::entity_decl>& e) {
  std::string head = "entity " + e.decl->type.text;
  if (e.decl->collection) head += " in " + e.decl->collection->text;
  if (e.decl->key) head += " key " + e.decl->key->text;
  return with_doc(code_block(head), leading_comment(*e.module, e.decl->type.range));
}

std::string enum_markdown(const declared<ast::enum_decl>& e) {
  std::string body = "enum " + e.decl->type.text + " {";
  for (const auto& m : e.decl->members) body += fmt::format("\n  {} \"{}\"", m.symbol.text, m.label);
  return with_doc(code_block(body + "\n}"), leading_comment(*e.module, e.decl->type.range));
}

std::string symbol_markdown(const enum_symbol& s) {
  return code_block(fmt::format("{} \"{}\"", s.member->symbol.text, s.member->label)) + "\n\nenum `" + s.owner + "`";
}

// The cite under the cursor in the module of `doc`, if any.
std::optional<target> cite_at(const workspace& ws, const analysis& a, const document& doc, std::size_t offset) {
  const auto* m = a.module_at(doc.path);
  if (m == nullptr) return std::nullopt;
  for (const auto& decl : m->ast.decls) {
    const auto* rule = std::get_if<ast::rule_decl>(&decl.node);
    if (rule == nullptr) continue;
    for (const auto& c : rule->cites) {
      if (offset < c.range.begin_offset || offset >= c.range.end_offset) continue;
      std::string title;
      for (const auto& d : m->ast.decls) {
        if (const auto* s = std::get_if<ast::source_decl>(&d.node); s != nullptr && s->id == c.source) title = s->title;
      }
      std::string md = fmt::format("**{}** 《{}》", c.source, title.empty() ? "?" : title);
      if (c.locator) md += " " + *c.locator;
      md += "\n\n> " + c.quote;
      if (!ws.sources().empty()) {
        if (auto seed = find_in_seed(ws.sources(), c.source, c.quote); !seed) {
          md += base::say("\n\n未找到来源 {} 的原文文件", "\n\nno document for source {}", c.source);
        } else if (!seed->found) {
          md += base::say("\n\n原文 `{}` 中未找到此引文", "\n\nthe quote is not in `{}`", seed->file);
        } else {
          auto context = seed->passage.context;
          std::replace(context.begin(), context.end(), '\n', ' ');
          md +=
              base::say("\n\n原文 `{}` 第 {} 行：{}", "\n\n`{}` line {}: {}", seed->file, seed->passage.line, context);
        }
      }
      return target{md, m, c.range};
    }
  }
  return std::nullopt;
}

// The enum symbols a field's type offers: its inline enum, or the named enum.
std::vector<enum_symbol> symbols_of_type(const symbol_index& index, const ast::type_expr& t) {
  std::vector<enum_symbol> out;
  if (t.kind == ast::type_kind::inline_enum) {
    for (const auto& m : t.members) out.push_back({"", &m, nullptr});
  } else if (t.kind == ast::type_kind::named) {
    if (auto e = index.enums.find(t.target.text); e != index.enums.end()) {
      for (const auto& m : e->second.decl->members) out.push_back({t.target.text, &m, e->second.module});
    }
  } else if (t.kind == ast::type_kind::list && !t.args.empty()) {
    return symbols_of_type(index, t.args.front());
  }
  return out;
}

std::optional<target> resolve(workspace& ws, const document& doc, position at) {
  const auto& a = ws.current();
  const auto& index = a.index;
  line_index lines(doc.text);
  auto offset = lines.offset_of(at);
  if (auto c = cite_at(ws, a, doc, offset)) return c;
  auto w = word_at(doc.text, offset);
  if (!w) return std::nullopt;
  const auto& name = w->text;

  // An import: the module's file.
  auto line_start = doc.text.rfind('\n', w->begin);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  static const std::regex import_line(R"(^\s*import\s+([\w.]+))");
  std::smatch im;
  std::string line(doc.text.substr(line_start, doc.text.find('\n', line_start) - line_start));
  if (std::regex_search(line, im, import_line)) {
    auto m = index.modules.find(im[1].str());
    if (m == index.modules.end()) return std::nullopt;
    return target{code_block("ruleset " + m->first) + "\n\n`" + m->second->source.path() + "`", m->second, {}};
  }
  // A member: the field of the entity the chain before it leads to.
  if (auto chain = chain_before(doc.text, w->begin); !chain.empty()) {
    chain.push_back(name);
    auto ref = resolve_chain(index, doc.text, w->begin, chain);
    if (!ref || ref->field == nullptr) return std::nullopt;
    const auto& owner = index.entities.at(ref->entity->type.text);
    auto markdown = field_markdown(*ref->entity, *ref->field);
    if (ref->added_by != nullptr) markdown += fmt::format(" (`extend entity` in `{}`)", ref->added_by->name);
    return target{markdown, ref->added_by ? ref->added_by : owner.module, ref->field->field.range};
  }
  if (auto r = index.rules.find(name); r != index.rules.end()) {
    const auto& rule = *r->second.decl;
    std::string md = code_block(fmt::format("rule {} \"{}\"", rule.id.text, rule.title));
    if (rule.severity) md += fmt::format("\n\nseverity `{}`", ast::to_string(rule.severity->value));
    if (rule.area) md += fmt::format(" · area “{}”", rule.area->value);
    return target{md, r->second.module, rule.id.range};
  }
  if (auto p = index.params.find(name); p != index.params.end()) {
    const auto& param = *p->second.decl;
    std::string head = fmt::format("param {}: {}", param.param.text, type_text(param.type));
    if (param.value) head += " = " + dsl::format_expr(*param.value);
    return target{with_doc(code_block(head), leading_comment(*p->second.module, param.param.range)), p->second.module,
                  param.param.range};
  }
  if (auto f = index.functions.find(name); f != index.functions.end()) {
    const auto& fn = *f->second.decl;
    std::string head = "fn " + fn.function.text + "(";
    for (std::size_t i = 0; i < fn.params.size(); ++i) {
      head += (i ? ", " : "") + fn.params[i].param.text + ": " + type_text(fn.params[i].type);
    }
    head += ")";
    if (fn.result) head += ": " + type_text(*fn.result);
    return target{with_doc(code_block(head), leading_comment(*f->second.module, fn.function.range)), f->second.module,
                  fn.function.range};
  }
  if (const auto* b = engine::find_builtin(name); b != nullptr && doc.text.substr(w->end, 1) == "(") {
    return target{
        code_block(fmt::format("fn {}(…)", b->name)) + "\n\n" + std::string(b->doc) + "\n\n(built-in)", nullptr, {}};
  }
  if (auto e = index.entities.find(name); e != index.entities.end()) {
    return target{entity_markdown(e->second), e->second.module, e->second.decl->type.range};
  }
  if (auto c = index.collections.find(name); c != index.collections.end()) {
    const auto& e = index.entities.at(c->second);
    return target{entity_markdown(e), e.module, e.decl->collection->range};
  }
  if (auto e = index.enums.find(name); e != index.enums.end()) {
    return target{enum_markdown(e->second), e->second.module, e->second.decl->type.range};
  }
  if (const auto* entity = entity_of_binder(index, doc.text, w->begin, name); entity != nullptr) {
    const auto& e = index.entities.at(entity->type.text);
    return target{code_block(fmt::format("{}: {}", name, entity->type.text)) + "\n\n" + entity_markdown(e), e.module,
                  entity->type.range};
  }
  if (auto s = index.symbols.find(name); s != index.symbols.end()) {
    std::string md;
    for (const auto& sym : s->second) md += (md.empty() ? "" : "\n\n---\n\n") + symbol_markdown(sym);
    const auto& first = s->second.front();
    return target{md, first.module, first.member->symbol.range};
  }
  return std::nullopt;
}

json item(const std::string& label, int kind, const std::string& detail = {}, const std::string& doc = {}) {
  json i = {{"label", label}, {"kind", kind}};
  if (!detail.empty()) i["detail"] = detail;
  if (!doc.empty()) i["documentation"] = {{"kind", "markdown"}, {"value", doc}};
  return i;
}

json snippet(const std::string& label, const std::string& detail, const std::string& body) {
  return {{"label", label}, {"kind", item_snippet}, {"detail", detail}, {"insertText", body}, {"insertTextFormat", 2}};
}

constexpr const char* rule_snippet =
    "rule ${1:ID-000} \"${2:标题}\" {\n"
    "  severity ${3|info,low,medium,high,critical|}\n"
    "  area \"${4}\"\n"
    "  cite \"${5:000}\" \"${6:原文}\" at \"${7}\"\n"
    "  for ${8:p} in ${9:people} where ${10:true}\n"
    "  require ${11:true}\n"
    "  message \"${12}\"\n"
    "  remedy \"${13}\"\n"
    "}";
constexpr const char* profile_snippet =
    "profile ${1:name} \"${2:标题}\" extends ${3:cn.baseline} {\n"
    "  param ${4:name} = ${5:value}\n"
    "}";
constexpr const char* extend_snippet =
    "extend entity ${1:travel} {\n"
    "  ${2:name}: ${3:string}? \"${4:说明}\"\n"
    "}";

constexpr const char* expression_keywords[] = {"and", "or",   "not",    "in",     "is",  "null", "true",   "false",
                                               "if",  "then", "else",   "exists", "all", "none", "count",  "sum",
                                               "min", "max",  "latest", "where",  "of",  "by",   "matches"};

}  // namespace

json hover(workspace& ws, const document& doc, position at) {
  auto t = resolve(ws, doc, at);
  if (!t) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", t->markdown}}}};
}

json definition(workspace& ws, const document& doc, position at) {
  auto t = resolve(ws, doc, at);
  if (!t || t->module == nullptr) return nullptr;
  return location_json(ws, *t->module, t->range);
}

json completion(workspace& ws, const document& doc, position at) {
  const auto& index = ws.current().index;
  line_index lines(doc.text);
  auto offset = lines.offset_of(at);
  std::size_t line_start = 0;
  if (offset > 0) {
    auto newline = doc.text.rfind('\n', offset - 1);
    line_start = newline == std::string::npos ? 0 : newline + 1;
  }
  // The patterns below need only the end of the line; a bound keeps std::regex's recursion shallow.
  constexpr std::size_t max_context = 2000;
  if (offset - line_start > max_context) line_start = offset - max_context;
  std::string before = doc.text.substr(line_start, offset - line_start);
  json items = json::array();
  std::smatch m;

  // After `chain.`: the fields of the entity the chain leads to.
  static const std::regex member(R"(([A-Za-z_][\w.]*)\.\w*$)");
  if (std::regex_search(before, m, member)) {
    auto chain = chain_before(doc.text, line_start + static_cast<std::size_t>(m.position(1) + m.length(1)) + 1);
    auto ref = resolve_chain(index, doc.text, line_start + static_cast<std::size_t>(m.position(1)), chain);
    const ast::entity_decl* entity =
        ref ? (ref->field ? entity_of_type(index, ref->field->type) : ref->entity) : nullptr;
    if (entity != nullptr) {
      for (const auto& f : entity->fields)
        items.push_back(item(f.field.text, item_field, type_text(f.type), f.doc.value_or("")));
      if (auto added = index.added_fields.find(entity->type.text); added != index.added_fields.end()) {
        for (const auto& a : added->second)
          items.push_back(item(a.decl->field.text, item_field, type_text(a.decl->type), a.decl->doc.value_or("")));
      }
    }
    return items;
  }
  // Where an enum is expected: `field == `, `field != `, `field in [`.
  static const std::regex enum_place(R"(([A-Za-z_][\w.]*)\s*(?:==|!=|(?:not\s+)?in\s*\[[^\]]*)\s*\w*$)");
  if (std::regex_search(before, m, enum_place)) {
    std::vector<std::string> chain;
    std::string text = m[1].str();
    for (std::size_t start = 0;;) {
      auto dot = text.find('.', start);
      chain.push_back(text.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    auto ref = resolve_chain(index, doc.text, line_start + static_cast<std::size_t>(m.position(1)), chain);
    if (ref && ref->field) {
      for (const auto& s : symbols_of_type(index, ref->field->type)) {
        items.push_back(item(s.member->symbol.text, item_enum_member, s.member->label));
      }
      if (!items.empty()) return items;
    }
  }
  // After `in`: the collections.
  static const std::regex in_collection(R"(\bin\s+\w*$)");
  if (std::regex_search(before, m, in_collection)) {
    for (const auto& [collection, entity] : index.collections) {
      items.push_back(item(collection, item_module, "entity " + entity));
    }
    return items;
  }
  // At the start of a line: declarations.
  static const std::regex line_head(R"(^\s*\w*$)");
  if (std::regex_match(before, line_head)) {
    items.push_back(snippet("rule", "rule ID \"标题\" { … }", rule_snippet));
    items.push_back(snippet("profile", "profile NAME \"标题\" extends … { … }", profile_snippet));
    items.push_back(snippet("extend", "extend entity NAME { 字段 … }", extend_snippet));
  }
  for (const auto& [name, p] : index.params) items.push_back(item(name, item_constant, type_text(p.decl->type)));
  for (const auto& [name, f] : index.functions) items.push_back(item(name, item_function, "fn"));
  for (const auto& b : engine::builtin_functions()) {
    items.push_back(item(std::string(b.name), item_function, "built-in", std::string(b.doc)));
  }
  for (const auto* k : expression_keywords) items.push_back(item(k, item_keyword));
  return items;
}

}  // namespace baomi::lsp
